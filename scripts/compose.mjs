#!/usr/bin/env node
// Composes the six subgraph SDLs into schema/supergraph.graphql (what the gateway serves) and the public
// schema/api.graphql (what clients and the SDK see). With --check, writes nothing and exits 1 when either
// committed file is stale or composition fails — CI runs that.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, printSchema, lexicographicSortSchema } from 'graphql';
import { composeServices } from '@apollo/composition';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const { subgraphs } = JSON.parse(readFileSync(join(root, 'subgraphs/registry.json'), 'utf8'));

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

const outputs = {
  'schema/supergraph.graphql': result.supergraphSdl.trimEnd() + '\n',
  'schema/api.graphql': printSchema(lexicographicSortSchema(result.schema.toAPISchema().toGraphQLJSSchema())) + '\n',
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
