// The gateway alone, against a small supergraph composed here (not ours): it must serve any valid supergraph.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { ConfigError } from '../../platform/config/index.js';
import { serveSubgraph, type RunningSubgraph } from '../../platform/graphql/index.js';
import { createLogger } from '../../platform/logging/index.js';
import { postGraphQL } from '../../platform/testing/index.js';
import { readGatewayConfig } from '../src/config.js';
import { startGateway, type RunningGateway } from '../src/server.js';
import { loadSupergraph } from '../src/supergraph.js';

const logger = createLogger({ level: 'silent' });
const dir = mkdtempSync(join(tmpdir(), 'gateway-test-'));

const booksSdl = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type Book @key(fields: "id") { id: ID! title: String! }
  type Query { books: [Book!]! explode: String seenAuthorization: String }
`);
const reviewsSdl = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type Book @key(fields: "id") { id: ID! stars: Int! }
`);

async function serve(name: string, schema: GraphQLSchema): Promise<RunningSubgraph> {
  return serveSubgraph(
    {
      name,
      schema,
      createContext: async (req: IncomingMessage) => ({ authorization: req.headers.authorization }),
      readiness: async () => ({ ready: true, checks: {} }),
      close: async () => undefined,
    },
    { port: 0, logger },
  );
}

let books: RunningSubgraph;
let reviews: RunningSubgraph;
let gateway: RunningGateway;
let base: string;

beforeAll(async () => {
  books = await serve('books', buildSubgraphSchema([{ typeDefs: booksSdl, resolvers: {
    Query: {
      books: () => [{ id: 'b1', title: 'Dune' }, { id: 'b2', title: 'Emma' }],
      explode: () => {
        throw new Error('connection to db at 10.0.0.5 failed: password=hunter2');
      },
      seenAuthorization: (_: unknown, __: unknown, context: { authorization?: string }) => context.authorization ?? null,
    },
  } }]));
  reviews = await serve('reviews', buildSubgraphSchema([{ typeDefs: reviewsSdl, resolvers: { Book: { __resolveReference: ({ id }: { id: string }) => ({ id, stars: id === 'b1' ? 5 : 3 }) } } }]));
  const composed = composeServices([
    { name: 'books', typeDefs: booksSdl, url: books.url },
    { name: 'reviews', typeDefs: reviewsSdl, url: reviews.url },
  ]);
  if (composed.errors) throw composed.errors[0];
  writeFileSync(join(dir, 'supergraph.graphql'), composed.supergraphSdl);
  gateway = await startGateway({
    supergraph: loadSupergraph(join(dir, 'supergraph.graphql')),
    logger,
    port: 0,
    introspection: true,
    sandbox: true,
  });
  base = gateway.url.replace('/graphql', '');
});

afterAll(async () => {
  await gateway?.stop();
  await books?.stop();
  await reviews?.stop();
});

test('serves any valid supergraph file, joining entities across its subgraphs', async () => {
  const result = await postGraphQL(gateway.url, '{ books { id title stars } }');
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({ books: [{ id: 'b1', title: 'Dune', stars: 5 }, { id: 'b2', title: 'Emma', stars: 3 }] });
});

test('forwards the Authorization header to subgraphs', async () => {
  const result = await postGraphQL(gateway.url, '{ seenAuthorization }', undefined, { authorization: 'Bearer abc.def.ghi' });
  expect(result.data).toEqual({ seenAuthorization: 'Bearer abc.def.ghi' });
});

test('GET serves queries (with a CSRF-safe header)', async () => {
  const response = await fetch(`${gateway.url}?query=${encodeURIComponent('{ books { id } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ data: { books: [{ id: 'b1' }, { id: 'b2' }] } });
});

test('an unexpected subgraph failure is masked: no internals reach the client', async () => {
  const result = await postGraphQL(gateway.url, '{ explode }');
  expect(result.data).toEqual({ explode: null });
  expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  expect(JSON.stringify(result)).not.toMatch(/hunter2|10\.0\.0\.5|stacktrace/);
});

test('malformed requests get 400/413 with a GraphQL error body, never a 500', async () => {
  const badJson = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
  expect(badJson.status).toBe(400);
  expect(((await badJson.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('BAD_REQUEST');

  const huge = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ books { id } } # ${'x'.repeat(2 * 1024 * 1024)}` }),
  });
  expect(huge.status).toBe(413);

  const noQuery = await postGraphQL(gateway.url, '');
  expect(noQuery.status).toBe(400);

  const syntax = await postGraphQL(gateway.url, '{ books { ');
  expect(syntax.status).toBe(400);
  expect(syntax.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
});

test('/health is alive; /ready follows the subgraphs', async () => {
  expect((await fetch(`${base}/health`)).status).toBe(200);
  const ready = await fetch(`${base}/ready`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ ready: true, checks: { supergraph: 'ok', books: 'ok', reviews: 'ok' } });
});

test('Apollo Sandbox landing page in development', async () => {
  const page = await fetch(gateway.url, { headers: { accept: 'text/html' } });
  expect(page.status).toBe(200);
  expect(await page.text()).toMatch(/sandbox/i);
});

test('loadSupergraph explains a missing or invalid file', () => {
  expect(() => loadSupergraph(join(dir, 'missing.graphql'))).toThrow(/cannot read supergraph file .*npm run compose/);
  writeFileSync(join(dir, 'invalid.graphql'), 'type Query { a: String }');
  expect(() => loadSupergraph(join(dir, 'invalid.graphql'))).toThrow(/is not a valid supergraph/);
});

test('configuration: flags win, bad values fail with the variable named', () => {
  const config = readGatewayConfig({ PORT: '5000', SUBGRAPH_TRIPS_URL: 'http://trips:4003/graphql' }, ['--port', '4100', '--supergraph=/tmp/s.graphql']);
  expect(config).toMatchObject({ port: 4100, supergraphPath: '/tmp/s.graphql', subgraphUrls: { trips: 'http://trips:4003/graphql' }, sandbox: true });
  expect(readGatewayConfig({ NODE_ENV: 'production' })).toMatchObject({ introspection: false, sandbox: false });
  expect(() => readGatewayConfig({ PORT: 'abc' })).toThrow(ConfigError);
  expect(() => readGatewayConfig({ PORT: '99999' })).toThrow(/PORT/);
  expect(() => readGatewayConfig({ SUBGRAPH_TRIPS_URL: 'trips:4003' })).toThrow(/SUBGRAPH_TRIPS_URL/);
  expect(() => readGatewayConfig({}, ['--bogus'])).toThrow(/unknown argument/);
});

test('a subgraph going down: /ready says which, queries fail with a coded error, no 500', async () => {
  await reviews.stop();
  const ready = await fetch(`${base}/ready`);
  expect(ready.status).toBe(503);
  const report = (await ready.json()) as { checks: Record<string, string> };
  expect(report.checks.books).toBe('ok');
  expect(report.checks.reviews).not.toBe('ok');

  const result = await postGraphQL(gateway.url, '{ books { id title stars } }');
  expect(result.status).toBe(200);
  expect(result.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  expect(JSON.stringify(result.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
});
