// The cheap checks every GraphQL request passes before the expensive steps (validation, planning, execution):
// token count → NUL characters → depth → directives → aliases → fields → fragment spreads → introspection nesting →
// cost. Each refusal
// names its limit; nothing here grows faster than the document's length.
import { getOperationAST, parse, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { operationCost, type CostModel } from './cost.js';
import { introspectionListNesting } from './introspection-nesting.js';
import type { OperationLimits } from './limits.js';
import { countTokens, measureDocument, writtenDepth, type DocumentSize } from './measure.js';
import { limitExceeded, OperationRefusal } from './refusal.js';
import { recordCostLimitRejection } from '../../metrics/index.js';

export interface OperationRequest {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

export interface CheckedOperation {
  document: DocumentNode;
  size: DocumentSize;
  /** The operation that runs; undefined when the document names none that matches (Apollo answers that). */
  operation?: OperationDefinitionNode;
  /** Its calculated cost (cost.ts); 0 without an operation. */
  cost: number;
}

export interface OperationGuard {
  readonly limits: OperationLimits;
  /**
   * @returns undefined when the request carries no query text or it does not parse: the GraphQL server answers those
   *   with its own, precise error (the token limit has already bounded the work).
   * @throws OperationRefusal (OPERATION_TOO_COMPLEX with the limit, or BAD_USER_INPUT for a NUL character).
   */
  check(request: OperationRequest, options?: { skipCost?: boolean }): CheckedOperation | undefined;
}

interface Analysed {
  document: DocumentNode;
  size: DocumentSize;
}

/** Documents already measured, by text: apps send the same few operations over and over. */
const CACHE_ENTRIES = 500;

/**
 * @param model the schema costs are computed on; a function when it changes (a gateway loading a new supergraph)
 *   or is not known yet (undefined: the cost is 0 until it is).
 */
export function createOperationGuard(model: CostModel | (() => CostModel | undefined), limits: OperationLimits): OperationGuard {
  const modelNow = typeof model === 'function' ? model : () => model;
  const analysed = new Map<string, Analysed | OperationRefusal | null>();

  const analyse = (query: string): Analysed | OperationRefusal | null => {
    const cached = analysed.get(query);
    if (cached !== undefined) {
      // Least recently used goes first: move this one to the end.
      analysed.delete(query);
      analysed.set(query, cached);
      return cached;
    }
    let result: Analysed | OperationRefusal | null;
    try {
      result = analyseDocument(query, limits);
    } catch (error) {
      if (!(error instanceof OperationRefusal)) throw error;
      result = error;
    }
    if (analysed.size >= CACHE_ENTRIES) analysed.delete(analysed.keys().next().value as string);
    analysed.set(query, result);
    return result;
  };

  return {
    limits,
    check(request, options) {
      try {
        return checkRequest(request, options);
      } catch (error) {
        if (error instanceof OperationRefusal) recordCostLimitRejection(error.details.limit);
        throw error;
      }
    },
  };

  function checkRequest(request: OperationRequest, options?: { skipCost?: boolean }): CheckedOperation | undefined {
    if (typeof request.query !== 'string') return undefined;
    const result = analyse(request.query);
    if (result instanceof OperationRefusal) throw result;
    if (result === null) return undefined;
    refuseNulCharacters(request.variables);
    const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
    const operation = getOperationAST(result.document, operationName) ?? undefined;
    const costModel = options?.skipCost ? undefined : modelNow();
    const variables = isRecord(request.variables) ? request.variables : undefined;
    if (operation && costModel) {
      const nesting = introspectionListNesting(costModel.schema, result.document, operation);
      if (nesting > limits.maxIntrospectionNesting) throw limitExceeded('introspectionNesting', limits.maxIntrospectionNesting, nesting);
    }
    const cost = operation && costModel ? operationCost(costModel, result.document, operation, variables) : 0;
    if (cost > limits.maxCost) throw limitExceeded('cost', limits.maxCost, cost);
    return { ...result, operation, cost };
  }
}

/** @returns null when the text does not parse (the server reports the syntax error). */
function analyseDocument(query: string, limits: OperationLimits): Analysed | null {
  const tokens = countTokens(query, limits.maxTokens);
  if (tokens > limits.maxTokens) throw limitExceeded('tokens', limits.maxTokens, tokens);
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens, noLocation: true });
  } catch {
    return null;
  }
  refuseNulInDocument(document);
  const depth = writtenDepth(document);
  if (depth > limits.maxDepth) throw limitExceeded('depth', limits.maxDepth, depth);
  const size = measureDocument(document);
  if (size.directives > limits.maxDirectives) throw limitExceeded('directives', limits.maxDirectives, size.directives);
  if (size.depth > limits.maxDepth) throw limitExceeded('depth', limits.maxDepth, size.depth);
  if (size.aliases > limits.maxAliases) throw limitExceeded('aliases', limits.maxAliases, size.aliases);
  if (size.fields > limits.maxFields) throw limitExceeded('fields', limits.maxFields, size.fields);
  if (size.fragmentSpreads > limits.maxFragmentSpreads) throw limitExceeded('fragmentSpreads', limits.maxFragmentSpreads, size.fragmentSpreads);
  return { document, size };
}

// PostgreSQL cannot store U+0000 in text (error 22021) and no name, reason or comment needs it: refused once, here,
// for every string argument of every subgraph, instead of surfacing as an internal error from some statement.
const NUL = '\u0000';

function nulRefusal(where: string): OperationRefusal {
  return new OperationRefusal('BAD_USER_INPUT', `Strings may not contain the NUL character (U+0000): ${where}`);
}

function refuseNulInDocument(document: DocumentNode): void {
  visit(document, {
    StringValue(node) {
      if (node.value.includes(NUL)) throw nulRefusal('a string in the document');
    },
  });
}

/** Walks the variables without recursion (a deeply nested JSON value is no stack overflow). */
function refuseNulCharacters(variables: unknown): void {
  const stack: [unknown, string][] = [[variables, '$']];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes(NUL)) throw nulRefusal(`variable ${path}`);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push([item, `${path}[${index}]`]));
    } else if (isRecord(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes(NUL)) throw nulRefusal(`a key in variable ${path}`);
        stack.push([item, `${path}.${key}`]);
      }
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
