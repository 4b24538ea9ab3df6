// CORS and security headers over real HTTP, on the HTTP layer every process uses: a browser page of an allowed
// origin gets its preflight answered and may read answers; any other origin is refused at the preflight; every
// response carries the security headers.
import type http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ConfigError } from '../../config/index.js';
import { createLogger } from '../../logging/index.js';
import {
  CORS_ALLOWED_HEADERS,
  CORS_ALLOWED_METHODS,
  createGraphQLHttpServer,
  DEVELOPMENT_CORS_ORIGINS,
  listen,
  readCorsPolicy,
  readSecurityHeadersOptions,
  type CorsPolicy,
  type SecurityHeadersOptions,
} from '../index.js';

const DASHBOARD = 'https://ops.example.com';
const logger = createLogger({ level: 'silent' });
const servers: http.Server[] = [];

async function start(cors?: CorsPolicy, securityHeaders?: SecurityHeadersOptions, apolloCacheControl = true): Promise<string> {
  const apollo = new ApolloServer({
    typeDefs: 'type Query { hello: String }',
    resolvers: { Query: { hello: () => 'world' } },
    stopOnTerminationSignals: false,
    plugins: apolloCacheControl ? [] : [ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();
  const server = createGraphQLHttpServer({ apollo, context: async () => ({}), logger, cors, securityHeaders });
  servers.push(server);
  const { url } = await listen(server, 0);
  return url;
}

let gateway: string;
let subgraph: string;
let withHsts: string;
let withoutCacheControlPlugin: string;

beforeAll(async () => {
  gateway = await start({ origins: new Set([DASHBOARD]) });
  subgraph = await start();
  withHsts = await start({ origins: new Set() }, { hstsMaxAgeSeconds: 31_536_000 });
  withoutCacheControlPlugin = await start(undefined, undefined, false);
});

afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
});

const preflight = (url: string, origin: string) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });

const post = (url: string, origin?: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) }, body: JSON.stringify({ query: '{ hello }' }) });

test('a preflight from an allowed origin: 204 with the allowed methods, headers and max-age', async () => {
  const response = await preflight(gateway, DASHBOARD);
  expect(response.status).toBe(204);
  expect(Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-') || name === 'vary'))).toEqual({
    'access-control-allow-origin': DASHBOARD,
    'access-control-expose-headers': 'RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, RateLimit-Policy, Retry-After',
    'access-control-allow-methods': CORS_ALLOWED_METHODS,
    'access-control-allow-headers': CORS_ALLOWED_HEADERS,
    'access-control-max-age': '7200',
    vary: 'Origin',
  });
  expect(CORS_ALLOWED_HEADERS.split(', ')).toEqual(['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name']);
  expect(await response.text()).toBe('');
});

test('a preflight from any other origin, or to a process without a policy (a subgraph), is 403 ORIGIN_NOT_ALLOWED', async () => {
  for (const [url, origin] of [
    [gateway, 'https://evil.example'],
    [gateway, 'https://ops.example.com.evil.example'],
    [gateway, 'http://ops.example.com'],
    [subgraph, DASHBOARD],
  ] as const) {
    const response = await preflight(url, origin);
    expect({ origin, status: response.status, allowOrigin: response.headers.get('access-control-allow-origin') }).toEqual({
      origin,
      status: 403,
      allowOrigin: null,
    });
    expect(await response.json()).toEqual({
      errors: [{ message: `Origin ${origin} is not allowed (CORS_ORIGINS)`, extensions: { code: 'ORIGIN_NOT_ALLOWED' } }],
    });
  }
});

test('answers carry Access-Control-Allow-Origin only for an allowed origin, and Vary: Origin always', async () => {
  const allowed = await post(gateway, DASHBOARD);
  expect(allowed.status).toBe(200);
  expect(await allowed.json()).toEqual({ data: { hello: 'world' } });
  expect([allowed.headers.get('access-control-allow-origin'), allowed.headers.get('vary')]).toEqual([DASHBOARD, 'Origin']);
  expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
  // A dashboard may read the rate-limit state to back off in time.
  expect(allowed.headers.get('access-control-expose-headers')).toBe('RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, RateLimit-Policy, Retry-After');

  for (const response of [await post(gateway, 'https://evil.example'), await post(gateway)]) {
    expect([response.status, response.headers.get('access-control-allow-origin'), response.headers.get('vary')]).toEqual([200, null, 'Origin']);
  }
});

test('an OPTIONS that is not a preflight is still 405 (Allow: GET, POST)', async () => {
  const response = await fetch(gateway, { method: 'OPTIONS', headers: { origin: DASHBOARD } });
  expect([response.status, response.headers.get('allow')]).toEqual([405, 'GET, POST']);
});

test('every response carries the security headers; Strict-Transport-Security only when configured', async () => {
  const base = gateway.replace('/graphql', '');
  const responses = {
    graphql: await post(gateway),
    preflight: await preflight(gateway, DASHBOARD),
    refusedPreflight: await preflight(gateway, 'https://evil.example'),
    health: await fetch(`${base}/health`),
    ready: await fetch(`${base}/ready`),
    notFound: await fetch(`${base}/nope`),
    unsupportedMediaType: await fetch(gateway, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }),
    subgraph: await post(subgraph),
  };
  for (const [kind, response] of Object.entries(responses)) {
    expect({
      kind,
      nosniff: response.headers.get('x-content-type-options'),
      referrer: response.headers.get('referrer-policy'),
      frame: response.headers.get('x-frame-options'),
      csp: response.headers.get('content-security-policy'),
      hsts: response.headers.get('strict-transport-security'),
    }).toEqual({ kind, nosniff: 'nosniff', referrer: 'no-referrer', frame: 'DENY', csp: "frame-ancestors 'none'", hsts: null });
  }
  expect((await post(withHsts)).headers.get('strict-transport-security')).toBe('max-age=31536000');
});

test('CORS_ORIGINS: exact origins, comma-separated; development defaults to localhost and Apollo Sandbox, production to none', () => {
  expect([...readCorsPolicy({ CORS_ORIGINS: 'https://ops.example.com, http://localhost:8080' }, true).origins]).toEqual([
    'https://ops.example.com',
    'http://localhost:8080',
  ]);
  expect([...readCorsPolicy({}, false).origins]).toEqual(DEVELOPMENT_CORS_ORIGINS);
  expect(DEVELOPMENT_CORS_ORIGINS).toEqual(expect.arrayContaining(['http://localhost:4000', 'https://studio.apollographql.com']));
  expect(readCorsPolicy({}, true).origins.size).toBe(0);
  expect(readCorsPolicy({ CORS_ORIGINS: 'none' }, false).origins.size).toBe(0);
  for (const bad of ['*', 'https://ops.example.com/', 'https://ops.example.com/app', 'ops.example.com', 'ftp://ops.example.com']) {
    expect(() => readCorsPolicy({ CORS_ORIGINS: bad }, false)).toThrow(ConfigError);
    expect(() => readCorsPolicy({ CORS_ORIGINS: bad }, false)).toThrow(/CORS_ORIGINS: must be comma-separated origins/);
  }
  expect(readSecurityHeadersOptions({})).toEqual({});
  expect(readSecurityHeadersOptions({ HSTS_MAX_AGE_SECONDS: '31536000' })).toEqual({ hstsMaxAgeSeconds: 31_536_000 });
  expect(() => readSecurityHeadersOptions({ HSTS_MAX_AGE_SECONDS: 'forever' })).toThrow(/HSTS_MAX_AGE_SECONDS/);
});

test("every GraphQL answer is cache-control: no-store, with or without Apollo's cache-control plugin (subgraphs run without it)", async () => {
  for (const url of [gateway, withoutCacheControlPlugin]) {
    const response = await post(url);
    expect([response.status, response.headers.get('cache-control'), await response.json()]).toEqual([200, 'no-store', { data: { hello: 'world' } }]);
  }
});
