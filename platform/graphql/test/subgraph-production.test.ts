// A subgraph served in production (NODE_ENV=production) over real HTTP: schema introspection, `_service` and the
// /ready checks only for the gateway (proven by the gateway secret), no "Did you mean" suggestions; in
// development all of it stays open.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createGatewayHop, generateGatewaySecret, GATEWAY_HOP_HEADER } from '../../auth/index.js';
import { createLogger } from '../../logging/index.js';
import { postGraphQL } from '../../testing/index.js';
import { serveSubgraph, type RunningSubgraph } from '../index.js';

const secret = generateGatewaySecret();
const asGateway = { [GATEWAY_HOP_HEADER]: secret };
const logger = createLogger({ level: 'silent' });

async function serve(production: boolean): Promise<RunningSubgraph> {
  const typeDefs = parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
    type Book @key(fields: "id") { id: ID! title: String! }
    type Query { books: [Book!]! }
  `);
  return serveSubgraph(
    {
      name: 'books',
      schema: buildSubgraphSchema([{ typeDefs, resolvers: { Query: { books: () => [{ id: 'b1', title: 'Dune' }] } } }]),
      createContext: async () => ({}),
      readiness: async () => ({ ready: true, checks: { database: 'ok' } }),
      close: async () => undefined,
      gatewayHop: createGatewayHop(secret),
    },
    { port: 0, logger, production },
  );
}

let production: RunningSubgraph;
let development: RunningSubgraph;

beforeAll(async () => {
  production = await serve(true);
  development = await serve(false);
});

afterAll(async () => {
  await production?.stop();
  await development?.stop();
});

const SCHEMA_QUERIES = {
  introspection: '{ __schema { queryType { name } } }',
  type: '{ __type(name: "Book") { name } }',
  service: '{ _service { sdl } }',
  throughFragments: 'query { ...Outer } fragment Outer on Query { ... on Query { ...Inner } } fragment Inner on Query { _service { sdl } }',
};

test('production: introspection and _service from anyone but the gateway are 403 GATEWAY_ONLY, before executing', async () => {
  for (const [kind, query] of Object.entries(SCHEMA_QUERIES)) {
    for (const headers of [{}, { [GATEWAY_HOP_HEADER]: 'a guess' }] as Record<string, string>[]) {
      const refused = await postGraphQL(production.url, query, undefined, headers);
      expect({ kind, status: refused.status, data: refused.data, codes: refused.errors?.map((e) => e.extensions?.code) }).toEqual({
        kind,
        status: 403,
        data: undefined,
        codes: ['GATEWAY_ONLY'],
      });
    }
  }
});

test('production: the gateway may still introspect and read _service; __typename and queries are open to all', async () => {
  expect(await postGraphQL(production.url, SCHEMA_QUERIES.introspection, undefined, asGateway)).toMatchObject({
    status: 200,
    data: { __schema: { queryType: { name: 'Query' } } },
  });
  const service = await postGraphQL(production.url, SCHEMA_QUERIES.service, undefined, asGateway);
  expect(service.status).toBe(200);
  expect(service.data?._service.sdl).toMatch(/type Book/);
  // What the gateway's readiness probe sends, and an ordinary query, without any proof.
  expect(await postGraphQL(production.url, '{ __typename books { id } }')).toMatchObject({ status: 200, data: { __typename: 'Query', books: [{ id: 'b1' }] } });
});

test('production: no "Did you mean" suggestions in validation errors; development keeps them', async () => {
  const typo = '{ bookz { id } }';
  const quiet = await postGraphQL(production.url, typo);
  expect(quiet.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(quiet.errors?.[0]?.message).toBe('Cannot query field "bookz" on type "Query".');
  const helpful = await postGraphQL(development.url, typo);
  expect(helpful.errors?.[0]?.message).toBe('Cannot query field "bookz" on type "Query". Did you mean "books"?');
});

test('production: /ready shows only { ready } to others, the checks to the gateway', async () => {
  const base = production.url.replace('/graphql', '');
  const anonymous = await fetch(`${base}/ready`);
  expect(anonymous.status).toBe(200);
  expect(await anonymous.json()).toEqual({ ready: true });
  expect(await (await fetch(`${base}/ready`, { headers: asGateway })).json()).toEqual({ ready: true, checks: { database: 'ok' } });
});

test('development: introspection, _service and the /ready checks stay open', async () => {
  expect(await postGraphQL(development.url, SCHEMA_QUERIES.introspection)).toMatchObject({ status: 200, data: { __schema: { queryType: { name: 'Query' } } } });
  expect((await postGraphQL(development.url, SCHEMA_QUERIES.service)).status).toBe(200);
  expect(await (await fetch(development.url.replace('/graphql', '/ready'))).json()).toEqual({ ready: true, checks: { database: 'ok' } });
});
