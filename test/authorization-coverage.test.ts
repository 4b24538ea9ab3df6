// Every field clients can query declares who may read it, in the composed supergraph where clients see it
// (schema/api.graphql carries the same rules) — and what the supergraph declares is what each subgraph enforces.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isObjectType, Kind, parse, print, type ObjectTypeDefinitionNode } from 'graphql';
import { repoRoot } from '../subgraphs/registry.js';
import { canonicalRule, loadComposedSchema, subgraphRules } from './support/composed-schema.js';

const composed = loadComposedSchema();

/** `Type.field` of every field of every object type of the API schema, federation internals excluded. */
function apiFields(): { type: string; field: string }[] {
  return Object.values(composed.api.getTypeMap())
    .filter(isObjectType)
    .filter((type) => !type.name.startsWith('_'))
    .flatMap((type) =>
      Object.keys(type.getFields())
        .filter((field) => !field.startsWith('_'))
        .map((field) => ({ type: type.name, field })),
    );
}

test('every field of every object type has an authorization rule on itself or its type', () => {
  const fields = apiFields();
  expect(fields.length).toBeGreaterThan(50);
  const missing = fields.filter(({ type, field }) => !composed.ruleOf(type, field)).map(({ type, field }) => `${type}.${field}`);
  // The list names each field to fix: add @public, @authenticated or @requiresScopes in the owning subgraph's SDL.
  expect(missing).toEqual([]);
});

test('the rule the supergraph shows for a field is the rule every subgraph resolving it enforces', () => {
  // Composition merges the rules of all subgraphs defining a type, so type-level rules that differ between
  // subgraphs would show clients a rule some subgraph does not enforce.
  const enforced = subgraphRules();
  const mismatches: string[] = [];
  for (const { type, field } of apiFields()) {
    const shown = canonicalRule(composed.ruleOf(type, field));
    for (const subgraph of composed.resolvedBy(type, field)) {
      const actual = canonicalRule(enforced.get(subgraph)?.get(`${type}.${field}`));
      if (actual !== shown) mismatches.push(`${type}.${field}: supergraph shows ${shown}, ${subgraph} enforces ${actual}`);
    }
  }
  expect(mismatches).toEqual([]);
});

test('schema/api.graphql shows clients the rules', () => {
  const api = readFileSync(resolve(repoRoot, 'schema/api.graphql'), 'utf8');
  expect(api).toMatch(/^directive @authenticated on FIELD_DEFINITION \| OBJECT$/m);
  expect(api).toMatch(/^directive @requiresScopes\(\n(.*\n)? {2}scopes: \[\[String!\]!\]!\n\) on FIELD_DEFINITION \| OBJECT$/m);
  expect(api).toMatch(/^directive @public on FIELD_DEFINITION \| OBJECT$/m);
  expect(api).toMatch(/^type Trip @authenticated \{$/m);
  // Read the rule from the parsed schema, not the printed text: arguments with descriptions span several lines.
  const trips = (
    parse(api).definitions.find((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Query') as ObjectTypeDefinitionNode
  ).fields?.find((f) => f.name.value === 'trips');
  expect(trips?.directives?.map((d) => print(d))).toEqual(['@requiresScopes(scopes: [["SUPER_ADMIN"], ["OPERATIONS"], ["FLEET_MANAGER"]])']);
});
