// Request rate limits at the gateway over real HTTP: anonymous requests per client address, signed-in requests in
// cost points from the user's leaky bucket, in Redis as in production. Refusals are 429 RATE_LIMITED with
// Retry-After and the RateLimit headers; nothing refused reaches a subgraph.
import { ConfigError } from '../platform/config/index.js';
import { uniqueRateLimitPrefix } from '../platform/rate-limit/index.js';
import { readGatewayConfig } from '../gateway/src/config.js';
import { startTestSupergraph, type TestSupergraph } from './support/test-supergraph.js';

let env: TestSupergraph;

beforeAll(async () => {
  env = await startTestSupergraph({
    rateLimits: {
      anonymousPerMinute: 5,
      userBucketPoints: 700,
      userLeakPerSecond: 1,
      wsConnectionsPerIpPerMinute: 60,
      redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      prefix: uniqueRateLimitPrefix('hostile'),
    },
  });
}, 120_000);

afterAll(async () => {
  await env?.stop();
});

async function post(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(env.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[]; extensions?: unknown };
  return { status: response.status, headers: response.headers, body };
}

test('anonymous: 5 requests a minute from one address, then 429 RATE_LIMITED with Retry-After and RateLimit headers', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await post('{ __typename }')).status);
  expect(statuses).toEqual([200, 200, 200, 200, 200]);
  env.statements.length = 0;
  const refused = await post('query Quote { __typename }');
  expect(refused.status).toBe(429);
  expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  const retryAfter = Number(refused.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(refused.headers.get('ratelimit-limit')).toBe('5');
  expect(refused.headers.get('ratelimit-remaining')).toBe('0');
  expect(refused.headers.get('ratelimit-policy')).toBe('5;w=60');
  expect(env.statements).toEqual([]);
});

test('signed in: each request draws its operation cost from the user bucket; over it, 429 until it drains', async () => {
  // 304 points each (test/hostile-operations.test.ts): 700 - 304 = 396, then 92, then refused.
  const query = '{ me { trips(first: 100) { edges { node { id rider { id } } } } } }';
  const headers = env.personas.RIDER.headers;
  const first = await post(query, headers);
  expect(first.status).toBe(200);
  expect(first.body.extensions).toEqual({ cost: { requested: 304, maximum: 3000 } });
  expect(Number(first.headers.get('ratelimit-remaining'))).toBeGreaterThanOrEqual(396);
  expect((await post(query, headers)).status).toBe(200);
  const refused = await post(query, headers);
  expect(refused.status).toBe(429);
  expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  // 304 - 92 points must drain at 1 point/s: about 212 s, less what drained while the test ran.
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(200);
  // Another user's budget is untouched.
  expect((await post(query, env.personas.DRIVER.headers)).status).toBe(200);
});

test('the gateway refuses to start with a cost limit above the user bucket', () => {
  expect(() => readGatewayConfig({ OPERATION_MAX_COST: '4000' })).toThrow(ConfigError);
  expect(() => readGatewayConfig({ OPERATION_MAX_COST: '4000' })).toThrow(/OPERATION_MAX_COST \(4000\) exceeds RATE_LIMIT_USER_BUCKET_POINTS \(3000\)/);
  expect(readGatewayConfig({ OPERATION_MAX_COST: '4000', RATE_LIMITS: 'false' }).operationLimits.maxCost).toBe(4000);
});
