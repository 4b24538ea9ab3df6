// One contract for the gateway's request rate limiter in both places it counts: this process (embedded, no
// REDIS_URL) and Redis (every replica). Plus the headers and the 429 body built from its outcomes, and its config.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { testRedisUrl } from '../../platform/testing/index.js';
import { ConfigError } from '../../platform/config/index.js';
import { ERROR_CODES } from '../../platform/errors/index.js';
import type { Logger } from '../../platform/logging/index.js';
import { uniqueRateLimitPrefix } from '../../platform/rate-limit/index.js';
import { readGatewayConfig } from '../src/config.js';
import {
  createRequestRateLimiter,
  DEFAULT_RATE_LIMITS,
  rateLimitedBody,
  rateLimitHeaders,
  type RateLimitSettings,
  type RequestRateLimiter,
} from '../src/rate-limit/index.js';

const small = { anonymousPerMinute: 3, userBucketPoints: 100, userLeakPerSecond: 10, wsConnectionsPerIpPerMinute: 2 };

const backends: [string, string | undefined][] = [
  ['memory', undefined],
  ['redis', testRedisUrl()],
];

describe.each(backends)('request rate limiter (%s)', (kind, redisUrl) => {
  const limiters: RequestRateLimiter[] = [];
  const open = async (settings: Partial<RateLimitSettings> = {}) => {
    const limiter = createRequestRateLimiter({ ...small, redisUrl, prefix: uniqueRateLimitPrefix('gateway'), ...settings });
    limiters.push(limiter);
    await limiter.ready();
    return limiter;
  };

  afterAll(async () => {
    await Promise.all(limiters.map((limiter) => limiter.dispose()));
  });

  test('reports where it counts', async () => {
    expect((await open()).kind).toBe(kind);
  });

  test('anonymous: N requests per IP per minute, then refused with the seconds until the window ends', async () => {
    const limiter = await open();
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await limiter.chargeAnonymous('203.0.113.1'));
    expect(outcomes.slice(0, 3)).toEqual([
      { allowed: true, limit: 3, remaining: 2, resetSeconds: 60, policy: '3;w=60' },
      { allowed: true, limit: 3, remaining: 1, resetSeconds: 60, policy: '3;w=60' },
      { allowed: true, limit: 3, remaining: 0, resetSeconds: 60, policy: '3;w=60' },
    ]);
    expect(outcomes[3]).toEqual({ allowed: false, limit: 3, remaining: 0, resetSeconds: 60, retryAfterSeconds: 60, policy: '3;w=60' });
    // Another address, and requests without one (all counted as 'unknown'), have budgets of their own.
    expect((await limiter.chargeAnonymous('203.0.113.2')).remaining).toBe(2);
    expect((await limiter.chargeAnonymous(undefined)).remaining).toBe(2);
    expect((await limiter.chargeAnonymous(undefined)).remaining).toBe(1);
  });

  test('graphql-ws connections have their own per-IP budget', async () => {
    const limiter = await open();
    for (let i = 0; i < 3; i++) await limiter.chargeAnonymous('203.0.113.1');
    expect(await limiter.chargeConnection('203.0.113.1')).toEqual({ allowed: true, limit: 2, remaining: 1, resetSeconds: 60, policy: '2;w=60' });
    expect((await limiter.chargeConnection('203.0.113.1')).allowed).toBe(true);
    expect(await limiter.chargeConnection('203.0.113.1')).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 60 });
  });

  test('signed-in: a leaky bucket of cost points; a refusal takes nothing and says when the cost fits', async () => {
    const limiter = await open();
    const policy = '100;w=10;comment="leaky bucket, 10 points/s"';
    expect(await limiter.chargeUser('user-1', 60)).toEqual({ allowed: true, limit: 100, remaining: 40, resetSeconds: 6, policy });
    // 60 (less what drained since) + 50 > 100: refused; 50 fits once about 1 s has drained 10 points.
    expect(await limiter.chargeUser('user-1', 50)).toEqual({ allowed: false, limit: 100, remaining: 40, resetSeconds: 6, retryAfterSeconds: 1, policy });
    expect(await limiter.chargeUser('user-1', 40)).toMatchObject({ allowed: true, remaining: 0 });
    // Users do not share buckets.
    expect(await limiter.chargeUser('user-2', 100)).toMatchObject({ allowed: true, remaining: 0, resetSeconds: 10 });
  });

  test('an operation costing more than the whole bucket is refused with no Retry-After: waiting never helps', async () => {
    const limiter = await open();
    const outcome = await limiter.chargeUser('user-1', 101);
    expect(outcome).toEqual({ allowed: false, limit: 100, remaining: 100, resetSeconds: 0, policy: '100;w=10;comment="leaky bucket, 10 points/s"' });
    expect(rateLimitHeaders(outcome)['Retry-After']).toBeUndefined();
  });

  test('the default budgets: a script hammering a 10-point mutation gets 300 through (3000 / 10), then 429s', async () => {
    const limiter = await open({ ...DEFAULT_RATE_LIMITS });
    let allowed = 0;
    const started = Date.now();
    for (let i = 0; i < 600; i++) if ((await limiter.chargeUser('script', 10)).allowed) allowed++;
    // The bucket drains 150 points/s while the loop runs: 15 more 10-point charges fit per second it took.
    const drained = Math.ceil(((Date.now() - started) / 1000) * 15);
    expect(allowed).toBeGreaterThanOrEqual(300);
    expect(allowed).toBeLessThanOrEqual(300 + drained + 1);
    // Anonymous: 100 requests per minute per address, as the fleet operator's spec asks.
    let anonymous = 0;
    for (let i = 0; i < 150; i++) if ((await limiter.chargeAnonymous('198.51.100.7')).allowed) anonymous++;
    expect(anonymous).toBe(100);
  });

  test('replicas with the same prefix share budgets only through Redis', async () => {
    const prefix = uniqueRateLimitPrefix('gateway');
    const first = await open({ prefix });
    const second = await open({ prefix });
    await first.chargeAnonymous('203.0.113.5');
    await first.chargeAnonymous('203.0.113.5');
    expect((await second.chargeAnonymous('203.0.113.5')).remaining).toBe(kind === 'redis' ? 0 : 2);
    await first.chargeUser('shared-user', 90);
    expect((await second.chargeUser('shared-user', 20)).allowed).toBe(kind === 'memory');
  });
});

test('with Redis unreachable, every budget is still enforced in this process and no charge waits', async () => {
  const limiter = createRequestRateLimiter({ ...small, redisUrl: 'redis://127.0.0.1:1', prefix: uniqueRateLimitPrefix('gateway') });
  try {
    expect(limiter.kind).toBe('redis');
    const anonymous = [];
    for (let i = 0; i < 4; i++) anonymous.push((await limiter.chargeAnonymous('203.0.113.9')).allowed);
    expect(anonymous).toEqual([true, true, true, false]);
    expect((await limiter.chargeUser('u', 100)).allowed).toBe(true);
    expect(await limiter.chargeUser('u', 50)).toMatchObject({ allowed: false, retryAfterSeconds: 5 });
    expect((await limiter.chargeConnection('203.0.113.9')).remaining).toBe(1);
  } finally {
    await limiter.dispose();
  }
});

/** A TCP proxy to the test Redis that can stop forwarding: a Redis that is connected but answers nothing. */
async function stallableRedis(): Promise<{ url: string; stall(): void; close(): Promise<void> }> {
  const target = new URL(testRedisUrl());
  const sockets: Socket[] = [];
  let stalled = false;
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    sockets.push(client, upstream);
    client.on('data', (chunk) => void (stalled || upstream.write(chunk)));
    upstream.on('data', (chunk) => void (stalled || client.write(chunk)));
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `redis://127.0.0.1:${port}`,
    stall: () => void (stalled = true),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

test('with Redis connected but stalled, a charge gives up on it within the command timeout and counts here; logged once', async () => {
  const redis = await stallableRedis();
  const warnings: string[] = [];
  const logger = { warn: (_: unknown, message: string) => warnings.push(message), info: () => undefined, error: () => undefined } as unknown as Logger;
  const limiter = createRequestRateLimiter({ ...small, redisUrl: redis.url, prefix: uniqueRateLimitPrefix('gateway') }, logger);
  try {
    await limiter.ready();
    expect((await limiter.chargeUser('u', 90)).remaining).toBe(10);
    redis.stall();
    // The in-process twin starts empty (it never saw the 90 points Redis holds): the 50 pass, the next 60 do not.
    expect(await limiter.chargeUser('u', 50)).toMatchObject({ allowed: true, remaining: 50 });
    expect((await limiter.chargeUser('u', 60)).allowed).toBe(false);
    expect((await limiter.chargeAnonymous('203.0.113.3')).remaining).toBe(2);
    // (A charge waiting for the stalled Redis would never resolve: the test would time out rather than reach here.)
    expect(warnings).toEqual(['rate limit Redis connection is down; limits fall back to this process']);
  } finally {
    await limiter.dispose();
    await redis.close();
  }
});

describe('headers and the 429 body', () => {
  const refused = { allowed: false, limit: 100, remaining: 0, resetSeconds: 42, retryAfterSeconds: 42, policy: '100;w=60' };

  test('an allowed outcome: the RateLimit fields, no Retry-After', () => {
    expect(rateLimitHeaders({ allowed: true, limit: 100, remaining: 99, resetSeconds: 60, policy: '100;w=60' })).toEqual({
      'RateLimit-Limit': '100',
      'RateLimit-Remaining': '99',
      'RateLimit-Reset': '60',
      'RateLimit-Policy': '100;w=60',
    });
  });

  test('a refused outcome: Retry-After too', () => {
    expect(rateLimitHeaders(refused)).toEqual({
      'RateLimit-Limit': '100',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '42',
      'RateLimit-Policy': '100;w=60',
      'Retry-After': '42',
    });
  });

  test('the body is one GraphQL error with code RATE_LIMITED and retryAfterSeconds', () => {
    expect(rateLimitedBody(refused)).toEqual({
      errors: [{ message: 'Too many requests: retry after 42 s', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 42 } }],
    });
    expect(Object.keys(ERROR_CODES)).toContain('RATE_LIMITED');
    const tooCostly = rateLimitedBody({ allowed: false, limit: 1000, remaining: 1000, resetSeconds: 0, policy: '1000;w=20' });
    expect(tooCostly.errors[0].extensions).toEqual({ code: 'RATE_LIMITED' });
    expect(tooCostly.errors[0].message).toMatch(/more than the whole budget of 1000 points/);
  });
});

describe('configuration', () => {
  test('defaults: limits on, counted where REDIS_URL points, under PUBSUB_PREFIX; the gateway trusts no proxy', () => {
    const config = readGatewayConfig({ REDIS_URL: 'redis://cache:6379', PUBSUB_PREFIX: 'staging:' });
    expect(config.rateLimits).toEqual({
      anonymousPerMinute: 100,
      userBucketPoints: 3000,
      userLeakPerSecond: 150,
      wsConnectionsPerIpPerMinute: 60,
      redisUrl: 'redis://cache:6379',
      prefix: 'staging:rl:gateway:',
    });
    expect(config.subscriptionLimits.messageBudget).toEqual({ perSecond: 10, burst: 200 });
    expect(config.trustProxyHops).toBe(0);
    expect(readGatewayConfig({}).rateLimits?.redisUrl).toBeUndefined();
  });

  test('every limit is tunable, RATE_LIMITS=false turns them all off, bad values stop the start', () => {
    const tuned = readGatewayConfig({
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '30',
      RATE_LIMIT_USER_BUCKET_POINTS: '5000',
      RATE_LIMIT_USER_LEAK_PER_SECOND: '100',
      WS_CONNECTIONS_PER_IP_PER_MINUTE: '10',
      WS_MESSAGES_PER_SOCKET_PER_SECOND: '5',
      WS_MESSAGE_BURST_PER_SOCKET: '50',
      GATEWAY_TRUST_PROXY_HOPS: '1',
    });
    expect(tuned.rateLimits).toMatchObject({ anonymousPerMinute: 30, userBucketPoints: 5000, userLeakPerSecond: 100, wsConnectionsPerIpPerMinute: 10 });
    expect(tuned.subscriptionLimits.messageBudget).toEqual({ perSecond: 5, burst: 50 });
    expect(tuned.trustProxyHops).toBe(1);

    const off = readGatewayConfig({ RATE_LIMITS: 'false' });
    expect(off.rateLimits).toBeUndefined();
    expect(off.subscriptionLimits.messageBudget).toBeUndefined();

    expect(() => readGatewayConfig({ RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0' })).toThrow(ConfigError);
    expect(() => readGatewayConfig({ RATE_LIMIT_USER_LEAK_PER_SECOND: 'fast' })).toThrow(/RATE_LIMIT_USER_LEAK_PER_SECOND/);
    expect(() => readGatewayConfig({ RATE_LIMITS: 'maybe' })).toThrow(/RATE_LIMITS/);
    expect(() => readGatewayConfig({ GATEWAY_TRUST_PROXY_HOPS: '-1' })).toThrow(/GATEWAY_TRUST_PROXY_HOPS/);
  });
});
