// The limits every operation must pass before it is validated, planned or executed — at the gateway and at every
// subgraph (their ports are reachable too). Defaults leave the SDK's heaviest operation well inside each limit
// (test/operation-limits-sdk.test.ts); the README's "Operation limits" section explains each number.
import { z } from 'zod';
import { readEnv } from '../../config/index.js';

export interface OperationLimits {
  /** Lexical tokens in the document (names, punctuation, values). Bounds parse time and nesting. Default 3000. */
  maxTokens: number;
  /** Field nesting with fragments expanded, introspection included. Default 15: the standard introspection query's. */
  maxDepth: number;
  /** Aliased fields with fragments expanded, in any operation or fragment of the document. Default 30. */
  maxAliases: number;
  /** Field selections with fragments expanded, in any operation or fragment of the document. Default 600. */
  maxFields: number;
  /** Fragment spreads with fragments expanded (a fragment spreading another twice, 14 deep, is 32,766). Default 100. */
  maxFragmentSpreads: number;
  /** Directives written anywhere in the document. Default 50. */
  maxDirectives: number;
  /** Lists nested on one path inside `__schema`/`__type` (types → fields → args is 3). Default 3. */
  maxIntrospectionNesting: number;
  /** Calculated cost of the operation that runs (see cost.ts). Default 3000, the size of a user's rate-limit bucket. */
  maxCost: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxTokens: 3000,
  maxDepth: 15,
  maxAliases: 30,
  maxFields: 600,
  maxFragmentSpreads: 100,
  maxDirectives: 50,
  maxIntrospectionNesting: 3,
  maxCost: 3000,
};

const positive = (fallback: number, max: number) =>
  z.coerce.number().int().min(1, 'must be a whole number >= 1').max(max, `must be at most ${max}`).default(fallback);

/**
 * OPERATION_MAX_TOKENS, OPERATION_MAX_DEPTH, OPERATION_MAX_ALIASES, OPERATION_MAX_FIELDS,
 * OPERATION_MAX_FRAGMENT_SPREADS, OPERATION_MAX_DIRECTIVES, OPERATION_MAX_INTROSPECTION_NESTING, OPERATION_MAX_COST; each defaults as above. The gateway
 * and the subgraphs read the same variables, so one setting applies at every port.
 * @throws ConfigError naming each invalid variable.
 */
export function readOperationLimits(env: NodeJS.ProcessEnv = process.env): OperationLimits {
  const d = DEFAULT_OPERATION_LIMITS;
  const e = readEnv(
    {
      OPERATION_MAX_TOKENS: positive(d.maxTokens, 100_000),
      OPERATION_MAX_DEPTH: positive(d.maxDepth, 100),
      OPERATION_MAX_ALIASES: positive(d.maxAliases, 10_000),
      OPERATION_MAX_FIELDS: positive(d.maxFields, 100_000),
      OPERATION_MAX_FRAGMENT_SPREADS: positive(d.maxFragmentSpreads, 100_000),
      OPERATION_MAX_DIRECTIVES: positive(d.maxDirectives, 10_000),
      OPERATION_MAX_INTROSPECTION_NESTING: positive(d.maxIntrospectionNesting, 10),
      OPERATION_MAX_COST: positive(d.maxCost, 100_000_000),
    },
    env,
  );
  return {
    maxTokens: e.OPERATION_MAX_TOKENS,
    maxDepth: e.OPERATION_MAX_DEPTH,
    maxAliases: e.OPERATION_MAX_ALIASES,
    maxFields: e.OPERATION_MAX_FIELDS,
    maxFragmentSpreads: e.OPERATION_MAX_FRAGMENT_SPREADS,
    maxDirectives: e.OPERATION_MAX_DIRECTIVES,
    maxIntrospectionNesting: e.OPERATION_MAX_INTROSPECTION_NESTING,
    maxCost: e.OPERATION_MAX_COST,
  };
}
