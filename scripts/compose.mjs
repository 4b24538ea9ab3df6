#!/usr/bin/env node
// Composes the six subgraph SDLs into schema/supergraph.graphql (what the gateway serves) and the public
// schema/api.graphql (what clients and the SDK see). With --check, writes nothing and exits 1 when either
// committed file is stale or composition fails — CI runs that.
// api.graphql keeps the authorization rules (@public, @authenticated, @requiresScopes) on its types and fields,
// so clients can read who may ask for what: graphql-js's schema printer drops applied directives, so they are
// copied back from the supergraph, where composition merged the rules of every subgraph.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print, printSchema, lexicographicSortSchema, visit } from 'graphql';
import { composeServices } from '@apollo/composition';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const { subgraphs } = JSON.parse(readFileSync(join(root, 'subgraphs/registry.json'), 'utf8'));

const AUTHORIZATION_DIRECTIVE_NAMES = new Set(['public', 'authenticated', 'requiresScopes']);

// Declared in api.graphql so it stays a valid schema for SDK tooling. The subgraphs enforce them.
const AUTHORIZATION_DIRECTIVES = `"""
Anyone may read the field, signed in or not. A rule on a field wins over its type's; a rule on an object type
applies to those of its fields without one.
"""
directive @public on FIELD_DEFINITION | OBJECT

"""
Only a signed-in user: send \`Authorization: Bearer <access token>\`. Otherwise the field fails with UNAUTHENTICATED.
"""
directive @authenticated on FIELD_DEFINITION | OBJECT

"""
Only a signed-in user holding every role of at least one inner list (outer list: or; inner list: and), otherwise the
field fails with FORBIDDEN (UNAUTHENTICATED when not signed in). Where several rules meet, all of them must hold.
"""
directive @requiresScopes(
  "Role lists: the viewer needs every role of at least one inner list."
  scopes: [[String!]!]!
) on FIELD_DEFINITION | OBJECT
`;

const services = subgraphs.map(({ name, port }) => ({
  name,
  // The URL each subgraph has when run locally; the gateway overrides it per deployment (SUBGRAPH_<NAME>_URL).
  url: `http://localhost:${port}/graphql`,
  typeDefs: parse(readFileSync(join(root, 'subgraphs', name, 'schema.graphql'), 'utf8')),
}));

const result = composeServices(services);
if (result.errors) {
  console.error('Composition failed:');
  for (const error of result.errors) console.error(`  - ${error.message}`);
  process.exit(1);
}
for (const hint of result.hints) console.warn(`hint: ${hint.toString()}`);

const apiSdl = printSchema(lexicographicSortSchema(result.schema.toAPISchema().toGraphQLJSSchema()));
const outputs = {
  'schema/supergraph.graphql': result.supergraphSdl.trimEnd() + '\n',
  'schema/api.graphql': withAuthorizationRules(apiSdl, result.supergraphSdl).trimEnd() + '\n',
};

let stale = false;
for (const [file, content] of Object.entries(outputs)) {
  const path = join(root, file);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (current === content) continue;
  if (check) {
    console.error(`${file} is stale: run \`npm run compose\` and commit the result.`);
    stale = true;
  } else {
    writeFileSync(path, content);
    console.log(`wrote ${file}`);
  }
}
if (stale) process.exit(1);
if (check) console.log('composed schema is up to date');

/** The API schema with the authorization directives the supergraph has on each object type and field. */
function withAuthorizationRules(api, supergraph) {
  const rules = new Map();
  for (const definition of parse(supergraph).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const type = definition.name.value;
    rules.set(type, [...(rules.get(type) ?? []), ...authorizationDirectives(definition.directives)]);
    for (const field of definition.fields ?? []) rules.set(`${type}.${field.name.value}`, authorizationDirectives(field.directives));
  }
  const withRules = (node, key) => ({ ...node, directives: [...(node.directives ?? []), ...(rules.get(key) ?? [])] });
  let objectType;
  const annotated = visit(parse(api), {
    ObjectTypeDefinition: {
      enter(node) {
        objectType = node.name.value;
        return withRules(node, objectType);
      },
      leave() {
        objectType = undefined;
      },
    },
    // Interface and input fields have no rules of their own; only object fields resolve.
    FieldDefinition: (node) => (objectType ? withRules(node, `${objectType}.${node.name.value}`) : undefined),
  });
  return `${AUTHORIZATION_DIRECTIVES}\n${print(annotated)}`;
}

function authorizationDirectives(directives = []) {
  return directives.filter((directive) => AUTHORIZATION_DIRECTIVE_NAMES.has(directive.name.value));
}
