// The gateway alone, against a small supergraph composed here (not ours): it must serve any valid supergraph,
// verify access tokens itself before planning, and forward Authorization and X-Forwarded-For with the gateway
// secret that makes subgraphs honour the latter.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { createAccessTokenSigner, createGatewayHop, requestThroughHop, verifyingProcessAuth } from '../../platform/auth/index.js';
import { ConfigError } from '../../platform/config/index.js';
import { AppError } from '../../platform/errors/index.js';
import { serveSubgraph, type RunningSubgraph } from '../../platform/graphql/index.js';
import { createLogger } from '../../platform/logging/index.js';
import { createTestAuth, postGraphQL, type TestAuth } from '../../platform/testing/index.js';
import { readGatewayConfig } from '../src/config.js';
import { EXAMPLE_DOCUMENT } from '../src/plugins/landing-page.js';
import { startGateway, type RunningGateway } from '../src/server.js';
import { loadSupergraph } from '../src/supergraph.js';

const logger = createLogger({ level: 'silent' });
const dir = mkdtempSync(join(tmpdir(), 'gateway-test-'));

const booksSdl = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type Book @key(fields: "id") { id: ID! title: String! }
  type Query { books: [Book!]! explode: String forbidden: String seenAuthorization: String seenForwardedFor: String }
`);
const reviewsSdl = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type Book @key(fields: "id") { id: ID! stars: Int! }
`);

/** Requests that reached any subgraph: a refused token must reach none. */
let subgraphRequests = 0;

async function serve(name: string, schema: GraphQLSchema): Promise<RunningSubgraph> {
  return serveSubgraph(
    {
      name,
      schema,
      createContext: async (incoming: IncomingMessage) => {
        subgraphRequests++;
        // As every Ridegraph subgraph does (defineSubgraph): forwarded headers only from the gateway.
        const { request: req } = requestThroughHop(incoming, createGatewayHop(testAuth.auth.config.gatewaySecret));
        return { authorization: req.headers.authorization, forwardedFor: req.headers['x-forwarded-for'] };
      },
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
let testAuth: TestAuth;
const rider = { userId: '6f1c0a52-e3a9-4c4f-b1c7-d1a0e5b7c9d3', roles: ['RIDER' as const] };

beforeAll(async () => {
  testAuth = await createTestAuth();
  books = await serve(
    'books',
    buildSubgraphSchema([
      {
        typeDefs: booksSdl,
        resolvers: {
          Query: {
            books: () => [
              { id: 'b1', title: 'Dune' },
              { id: 'b2', title: 'Emma' },
            ],
            explode: () => {
              throw new Error('connection to db at 10.0.0.5 failed: password=hunter2');
            },
            forbidden: () => {
              throw new AppError('FORBIDDEN', 'Not yours');
            },
            seenAuthorization: (_: unknown, __: unknown, context: { authorization?: string }) => context.authorization ?? null,
            seenForwardedFor: (_: unknown, __: unknown, context: { forwardedFor?: string }) => context.forwardedFor ?? null,
          },
        },
      },
    ]),
  );
  reviews = await serve(
    'reviews',
    buildSubgraphSchema([
      { typeDefs: reviewsSdl, resolvers: { Book: { __resolveReference: ({ id }: { id: string }) => ({ id, stars: id === 'b1' ? 5 : 3 }) } } },
    ]),
  );
  const composed = composeServices([
    { name: 'books', typeDefs: booksSdl, url: books.url },
    { name: 'reviews', typeDefs: reviewsSdl, url: reviews.url },
  ]);
  if (composed.errors) throw composed.errors[0]!;
  writeFileSync(join(dir, 'supergraph.graphql'), composed.supergraphSdl);
  gateway = await startGateway({
    supergraph: loadSupergraph(join(dir, 'supergraph.graphql')),
    logger,
    port: 0,
    introspection: true,
    sandbox: true,
    verifyAccessToken: testAuth.auth.verify,
    gatewaySecret: testAuth.auth.config.gatewaySecret,
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
  expect(result.data).toEqual({
    books: [
      { id: 'b1', title: 'Dune', stars: 5 },
      { id: 'b2', title: 'Emma', stars: 3 },
    ],
  });
});

test('forwards a valid Authorization header to subgraphs', async () => {
  const headers = await testAuth.headersFor(rider);
  const result = await postGraphQL(gateway.url, '{ seenAuthorization }', undefined, headers);
  expect(result.data).toEqual({ seenAuthorization: headers.authorization });
});

test("appends the caller's address to X-Forwarded-For for subgraphs, which honour it because the gateway proves itself", async () => {
  const direct = await postGraphQL(gateway.url, '{ seenForwardedFor }');
  expect(direct.data).toEqual({ seenForwardedFor: '127.0.0.1' });
  const proxied = await postGraphQL(gateway.url, '{ seenForwardedFor }', undefined, { 'x-forwarded-for': '203.0.113.7' });
  expect(proxied.data).toEqual({ seenForwardedFor: '203.0.113.7, 127.0.0.1' });
  // The same header sent to the subgraph's port directly, without the gateway secret, is dropped.
  const spoofed = await postGraphQL(books.url, '{ seenForwardedFor }', undefined, { 'x-forwarded-for': '203.0.113.7' });
  expect(spoofed.data).toEqual({ seenForwardedFor: null });
});

test('errors reach the client without the name of the subgraph they came from', async () => {
  const result = await postGraphQL(gateway.url, '{ forbidden books { id } }');
  expect(result.data).toEqual({ forbidden: null, books: [{ id: 'b1' }, { id: 'b2' }] });
  expect(result.errors).toEqual([{ message: 'Not yours', path: ['forbidden'], extensions: { code: 'FORBIDDEN' } }]);
});

test('an expired, foreign-signed, wrong-audience or malformed token is 401 UNAUTHENTICATED and reaches no subgraph', async () => {
  const config = testAuth.auth.config;
  const keys = testAuth.auth.signingKeys!;
  const subject = { ...rider, sessionId: 's-1' };
  const tokens = {
    expired: (await createAccessTokenSigner(keys, { ...config, accessTokenTtlSeconds: -60 })(subject)).token,
    foreign: await (await createTestAuth()).tokenFor(rider),
    wrongAudience: (await createAccessTokenSigner(keys, { ...config, audience: 'someone-else' })(subject)).token,
    garbage: 'not.a.token',
  };
  for (const [kind, token] of Object.entries(tokens)) {
    const before = subgraphRequests;
    const result = await postGraphQL(gateway.url, '{ books { id } }', undefined, { authorization: `Bearer ${token}` });
    expect({ kind, status: result.status, code: result.errors?.[0]?.extensions?.code, data: result.data }).toEqual({
      kind,
      status: 401,
      code: 'UNAUTHENTICATED',
      data: undefined,
    });
    expect(subgraphRequests).toBe(before);
  }
  const basic = await postGraphQL(gateway.url, '{ books { id } }', undefined, { authorization: 'Basic dXNlcjpwYXNz' });
  expect(basic.status).toBe(401);
});

test('GET serves queries (with a CSRF-safe header)', async () => {
  const response = await fetch(`${gateway.url}?query=${encodeURIComponent('{ books { id } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
  expect(response.status).toBe(200);
  // A list of objects without `first` is costed at 10 items of 1 point each.
  expect(await response.json()).toEqual({ data: { books: [{ id: 'b1' }, { id: 'b2' }] }, extensions: { cost: { requested: 10, maximum: 3000 } } });
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

/** The configuration Apollo's landing page hands to embedded Sandbox, read back from the page. */
async function sandboxConfig(url: string): Promise<{ initialState: { document?: string; headers?: Record<string, string> } }> {
  const page = await fetch(url, { headers: { accept: 'text/html' } });
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  const config = /var embeddedSandboxConfig = (\{.*\});/.exec(await page.text())?.[1];
  if (!config) throw new Error('the landing page embeds no Sandbox');
  return JSON.parse(config) as { initialState: { document?: string; headers?: Record<string, string> } };
}

test('Apollo Sandbox landing page in development: the example document, signed out, so the first request works', async () => {
  const { initialState } = await sandboxConfig(gateway.url);
  expect(initialState.document).toBe(EXAMPLE_DOCUMENT);
  expect(initialState.document).toMatch(/mutation RequestCode \{\s+requestOtp\(/);
  expect(initialState.document).toMatch(/query RecentTrips/);
  // No preset headers: a placeholder Authorization value is a malformed token, which the gateway answers with 401.
  expect(initialState.headers).toBeUndefined();
  const first = await postGraphQL(gateway.url, '{ books { id } }', undefined, initialState.headers ?? {});
  expect({ status: first.status, errors: first.errors }).toEqual({ status: 200, errors: undefined });
  const withPlaceholder = await postGraphQL(gateway.url, '{ books { id } }', undefined, { authorization: 'Bearer <access token>' });
  expect(withPlaceholder.status).toBe(401);
});

describe('production defaults', () => {
  const introspect = (url: string) => postGraphQL(url, '{ __schema { queryType { name } } }', undefined, { accept: 'application/graphql-response+json' });
  let production: RunningGateway | undefined;
  let introspectable: RunningGateway | undefined;
  const start = (env: NodeJS.ProcessEnv) => {
    const config = readGatewayConfig({ ...env, AUTH_JWKS_URL: 'http://identity:4001/.well-known/jwks.json' });
    return startGateway({
      supergraph: loadSupergraph(join(dir, 'supergraph.graphql')),
      logger,
      port: 0,
      introspection: config.introspection,
      sandbox: config.sandbox,
      verifyAccessToken: testAuth.auth.verify,
      gatewaySecret: testAuth.auth.config.gatewaySecret,
      production: config.production,
      cors: config.cors,
      securityHeaders: config.securityHeaders,
    });
  };

  beforeAll(async () => {
    production = await start({ NODE_ENV: 'production' });
    introspectable = await start({ NODE_ENV: 'production', INTROSPECTION: 'true', CORS_ORIGINS: 'https://ops.example.com', HSTS_MAX_AGE_SECONDS: '600' });
  });

  afterAll(async () => {
    await production?.stop();
    await introspectable?.stop();
  });

  test('development serves introspection', async () => {
    const result = await introspect(gateway.url);
    expect(result).toMatchObject({ status: 200, data: { __schema: { queryType: { name: 'Query' } } } });
  });

  test('no Sandbox in production: a browser gets no landing page', async () => {
    const page = await fetch(production!.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).not.toMatch(/text\/html/);
    expect(await page.text()).not.toMatch(/sandbox/i);
  });

  test('no introspection in production, unless INTROSPECTION=true', async () => {
    const refused = await introspect(production!.url);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
    // Queries still work, __typename included.
    expect(await postGraphQL(production!.url, '{ __typename books { id } }')).toMatchObject({
      status: 200,
      data: { __typename: 'Query', books: [{ id: 'b1' }, { id: 'b2' }] },
    });

    expect(await introspect(introspectable!.url)).toMatchObject({ status: 200, data: { __schema: { queryType: { name: 'Query' } } } });
    // INTROSPECTION does not bring Sandbox back; SANDBOX=true would.
    const page = await fetch(introspectable!.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).not.toMatch(/text\/html/);
  });

  test('no "Did you mean" suggestions in production: they would give the schema away without introspection', async () => {
    const typo = '{ bookz { id } }';
    expect((await postGraphQL(production!.url, typo)).errors).toEqual([
      expect.objectContaining({ message: 'Cannot query field "bookz" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
    ]);
    expect((await postGraphQL(gateway.url, typo)).errors?.[0]?.message).toBe('Cannot query field "bookz" on type "Query". Did you mean "books"?');
  });

  test('CORS in production: no origin by default; CORS_ORIGINS lets a dashboard in; HSTS when configured', async () => {
    const preflight = (url: string) =>
      fetch(url, {
        method: 'OPTIONS',
        headers: { origin: 'https://ops.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });
    expect((await preflight(production!.url)).status).toBe(403);
    const allowed = await preflight(introspectable!.url);
    expect([allowed.status, allowed.headers.get('access-control-allow-origin')]).toEqual([204, 'https://ops.example.com']);
    expect(allowed.headers.get('strict-transport-security')).toBe('max-age=600');
    expect((await postGraphQL(production!.url, '{ __typename }')).status).toBe(200);
  });

  test('/ready in production answers only { ready }: no subgraph names, no reasons', async () => {
    const ready = await fetch(production!.url.replace('/graphql', '/ready'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
  });
});

test('loadSupergraph explains a missing or invalid file', () => {
  expect(() => loadSupergraph(join(dir, 'missing.graphql'))).toThrow(/cannot read supergraph file .*npm run compose/);
  writeFileSync(join(dir, 'invalid.graphql'), 'type Query { a: String }');
  expect(() => loadSupergraph(join(dir, 'invalid.graphql'))).toThrow(/is not a valid supergraph/);
});

test('a supergraph with @authenticated/@requiresScopes loads (subgraphs enforce them); any other SECURITY feature does not', () => {
  const compose = (directive: string) => {
    const typeDefs = parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@authenticated", "@requiresScopes", "@policy"])
      type Query { a: String @authenticated b: String @requiresScopes(scopes: [["OPERATIONS"]]) c: String ${directive} }`);
    const composed = composeServices([{ name: 'one', typeDefs, url: 'http://one/graphql' }]);
    if (composed.errors) throw composed.errors[0]!;
    return composed.supergraphSdl;
  };
  const enforced = compose('');
  expect(enforced).toMatch(/authenticated\/v0\.1", for: SECURITY/);
  writeFileSync(join(dir, 'enforced.graphql'), enforced);
  const loaded = loadSupergraph(join(dir, 'enforced.graphql'));
  expect(loaded.subgraphs).toEqual([{ name: 'one', url: 'http://one/graphql' }]);
  expect(loaded.sdl).not.toMatch(/for: SECURITY/);
  expect(loaded.sdl).toMatch(/a: String @authenticated/);

  writeFileSync(join(dir, 'policy.graphql'), compose('@policy(policies: [["admin"]])'));
  expect(() => loadSupergraph(join(dir, 'policy.graphql'))).toThrow(/policy\/v0\.1 is for: SECURITY but is unsupported/);
});

test('configuration: a gateway run on its own needs AUTH_JWKS_URL, and says so', () => {
  const config = readGatewayConfig({ AUTH_JWKS_URL: 'http://identity:4001/.well-known/jwks.json' });
  expect(config.auth.jwksUrl).toBe('http://identity:4001/.well-known/jwks.json');
  expect(() => verifyingProcessAuth(readGatewayConfig({}).auth)).toThrow(ConfigError);
  expect(() => verifyingProcessAuth(readGatewayConfig({}).auth)).toThrow(/AUTH_JWKS_URL/);
  expect(() => readGatewayConfig({ AUTH_JWKS_URL: 'identity/jwks' })).toThrow(/AUTH_JWKS_URL/);
});

test('configuration: flags win, bad values fail with the variable named', () => {
  const config = readGatewayConfig({ PORT: '5000', SUBGRAPH_TRIPS_URL: 'http://trips:4003/graphql' }, ['--port', '4100', '--supergraph=/tmp/s.graphql']);
  expect(config).toMatchObject({ port: 4100, supergraphPath: '/tmp/s.graphql', subgraphUrls: { trips: 'http://trips:4003/graphql' }, sandbox: true });
  expect(readGatewayConfig({ NODE_ENV: 'production' })).toMatchObject({ introspection: false, sandbox: false });
  expect(readGatewayConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' })).toMatchObject({ introspection: true, sandbox: false });
  expect(readGatewayConfig({ NODE_ENV: 'production', SANDBOX: 'true' })).toMatchObject({ introspection: false, sandbox: true });
  expect(readGatewayConfig({})).toMatchObject({ introspection: true, sandbox: true, production: false });
  expect(readGatewayConfig({ NODE_ENV: 'production' }).cors.origins.size).toBe(0);
  expect(readGatewayConfig({}).cors.origins.has('http://localhost:4000')).toBe(true);
  expect(() => readGatewayConfig({ CORS_ORIGINS: 'https://ops.example.com/' })).toThrow(/CORS_ORIGINS/);
  expect(() => readGatewayConfig({ PORT: 'abc' })).toThrow(ConfigError);
  expect(() => readGatewayConfig({ PORT: '99999' })).toThrow(/PORT/);
  expect(() => readGatewayConfig({ SUBGRAPH_TRIPS_URL: 'trips:4003' })).toThrow(/SUBGRAPH_TRIPS_URL/);
  expect(() => readGatewayConfig({}, ['--bogus'])).toThrow(/unknown argument/);
});

test('a subgraph going down: /ready says which, queries fail with a coded error, no 500', async () => {
  await reviews.stop();
  const ready = await fetch(`${base}/ready`);
  expect(ready.status).toBe(503);
  // Development shows which; the reason is a short word, never the raw error (it names hosts and ports).
  expect(await ready.json()).toEqual({ ready: false, checks: { supergraph: 'ok', books: 'ok', reviews: 'unreachable' } });

  const result = await postGraphQL(gateway.url, '{ books { id title stars } }');
  expect(result.status).toBe(200);
  // One error at each field the unreachable subgraph would have filled (non-null `stars` then takes `books` with it).
  expect(result.errors?.map((error) => [error.extensions?.code, error.path])).toEqual([
    ['SERVICE_UNAVAILABLE', ['books', 0, 'stars']],
    ['SERVICE_UNAVAILABLE', ['books', 1, 'stars']],
  ]);
  expect(JSON.stringify(result.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
});
