// The operation names metrics may carry are exactly those of the SDK's documents, and everything else is "other".
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../subgraphs/registry.js';
import { errorCodeLabel, operationLabel, operationTypeOf, SDK_OPERATION_NAMES } from '../index.js';

test('the allowlist matches the operations in sdk/operations (update operation-names.ts when it changes)', () => {
  const dir = join(repoRoot, 'sdk/operations');
  const names = readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .flatMap((file) =>
      [...readFileSync(join(dir, file), 'utf8').matchAll(/^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/gm)].map((m) => m[1]!),
    )
    .sort();
  expect([...SDK_OPERATION_NAMES].sort()).toEqual(names);
  expect(names).toHaveLength(114);
});

test('labels stay bounded: unknown names, codes and missing ones have one label each', () => {
  expect(operationLabel('RequestTrip')).toBe('RequestTrip');
  expect(operationLabel('RequestTrip__trips__0')).toBe('other');
  expect(operationLabel('x'.repeat(500))).toBe('other');
  expect(operationLabel(undefined)).toBe('other');
  expect(errorCodeLabel('FORBIDDEN')).toBe('FORBIDDEN');
  expect(errorCodeLabel('MADE_UP')).toBe('other');
  expect(errorCodeLabel(undefined)).toBe('INTERNAL_SERVER_ERROR');
});

test('the type of a refused document is read from its text', () => {
  expect(operationTypeOf('{ me { id } }', undefined)).toBe('query');
  expect(operationTypeOf('query A { a } mutation B { b }', 'B')).toBe('mutation');
  expect(operationTypeOf('fragment F on Trip { id } subscription S { tripUpdated { ...F } }', undefined)).toBe('subscription');
  expect(operationTypeOf(42, undefined)).toBe('query');
});
