// The SDK's own operations — what the rider app, driver app and ops dashboard send — must pass every operation
// limit with room to spare: at most half of each limit, with the variables an app sends at most (first: 100).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Kind, parse, print, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode } from 'graphql';
import {
  createOperationGuard,
  DEFAULT_OPERATION_LIMITS,
  measureDocument,
  supergraphCostModel,
  countTokens,
  type OperationLimits,
} from '../platform/graphql/operation-limits/index.js';
import { repoRoot } from '../subgraphs/registry.js';
import { SUPERGRAPH_PATH } from './support/composed-schema.js';

const operationsDir = resolve(repoRoot, 'sdk/operations');
const definitions: DefinitionNode[] = readdirSync(operationsDir)
  .filter((file) => file.endsWith('.graphql'))
  .flatMap((file) => parse(readFileSync(resolve(operationsDir, file), 'utf8')).definitions);
const fragments = definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);

/** One SDK operation as the client sends it: the operation and the fragments it uses (all of them: a superset). */
function sdkDocuments(): { name: string; document: DocumentNode; text: string }[] {
  return definitions.flatMap((d) => {
    if (d.kind !== Kind.OPERATION_DEFINITION) return [];
    const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [d, ...fragments] };
    return [{ name: d.name?.value ?? '(anonymous)', document, text: print(document) }];
  });
}

/** Variables an app sends at most: every variable named `first` at 100 (the largest page). */
function largestVariables(document: DocumentNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const v of d.variableDefinitions ?? []) if (v.variable.name.value === 'first') variables.first = 100;
  }
  return variables;
}

describe('the SDK operations against the operation limits', () => {
  const model = supergraphCostModel(readFileSync(SUPERGRAPH_PATH, 'utf8'));
  const limits = DEFAULT_OPERATION_LIMITS;
  const half: OperationLimits = Object.fromEntries(Object.entries(limits).map(([k, v]) => [k, Math.floor(v / 2)])) as unknown as OperationLimits;
  const guard = createOperationGuard(model, half);
  const documents = sdkDocuments();

  it('finds the SDK operations', () => {
    expect(documents.length).toBe(114);
  });

  it.each(documents.map((d) => [d.name, d] as const))('%s passes half of every limit at its largest page size', (_name, { document, text }) => {
    const checked = guard.check({ query: text, variables: largestVariables(document) });
    expect(checked?.operation).toBeDefined();
  });

  it('prints the headroom (largest measure of any SDK operation vs its limit)', () => {
    const largest = { tokens: 0, depth: 0, aliases: 0, fields: 0, fragmentSpreads: 0, directives: 0, cost: 0 };
    const full = createOperationGuard(model, limits);
    for (const { document, text } of documents) {
      const size = measureDocument(document);
      const cost = full.check({ query: text, variables: largestVariables(document) })?.cost ?? 0;
      largest.tokens = Math.max(largest.tokens, countTokens(text, 1e6));
      for (const key of ['depth', 'aliases', 'fields', 'fragmentSpreads', 'directives'] as const) largest[key] = Math.max(largest[key], size[key]);
      largest.cost = Math.max(largest.cost, cost);
    }
    console.log(JSON.stringify(largest));
    expect(largest.cost).toBeGreaterThan(0);
  });
});
