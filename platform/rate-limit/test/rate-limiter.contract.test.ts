// One contract for both stores: the in-process one (embedded mode) and Redis (every distributed replica).
import { Redis } from 'ioredis';
import { testRedisUrl } from '../../testing/index.js';
import { AppError } from '../../errors/index.js';
import type { Logger } from '../../logging/index.js';
import { createRateLimiterStore, enforceRateLimits, uniqueRateLimitPrefix, type RateLimiterStore } from '../index.js';

const backends: [string, (prefix: string) => RateLimiterStore][] = [
  ['memory', (prefix) => createRateLimiterStore({ prefix })],
  ['redis', (prefix) => createRateLimiterStore({ redisUrl: testRedisUrl(), prefix })],
];

describe.each(backends)('rate limiter store (%s)', (kind, create) => {
  const stores: RateLimiterStore[] = [];
  const open = async (prefix = uniqueRateLimitPrefix()) => {
    const store = create(prefix);
    stores.push(store);
    await store.ready();
    return store;
  };

  afterAll(async () => {
    await Promise.all(stores.map((store) => store.dispose()));
  });

  test('reports its kind', async () => {
    expect((await open()).kind).toBe(kind);
  });

  test('allows `points` per window, then refuses with a retry delay within the window', async () => {
    const limiter = (await open()).limiter({ name: 'basic', points: 3, durationSeconds: 60 });
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limiter.consume('k'));
    expect(decisions.slice(0, 3)).toEqual([
      { allowed: true, remainingPoints: 2, resetMs: expect.any(Number) },
      { allowed: true, remainingPoints: 1, resetMs: expect.any(Number) },
      { allowed: true, remainingPoints: 0, resetMs: expect.any(Number) },
    ]);
    for (const decision of decisions.slice(0, 3)) {
      if (!decision.allowed) continue;
      expect(decision.resetMs).toBeGreaterThan(50_000);
      expect(decision.resetMs).toBeLessThanOrEqual(60_000);
    }
    const refused = decisions[3]!;
    expect(refused.allowed).toBe(false);
    if (refused.allowed) return;
    expect(refused.retryAfterMs).toBeGreaterThan(50_000);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  test('keys, limiters and prefixes are independent', async () => {
    const store = await open();
    const a = store.limiter({ name: 'a', points: 1, durationSeconds: 60 });
    const b = store.limiter({ name: 'b', points: 1, durationSeconds: 60 });
    expect((await a.consume('x')).allowed).toBe(true);
    expect((await a.consume('x')).allowed).toBe(false);
    expect((await a.consume('y')).allowed).toBe(true);
    expect((await b.consume('x')).allowed).toBe(true);
    const other = (await open()).limiter({ name: 'a', points: 1, durationSeconds: 60 });
    expect((await other.consume('x')).allowed).toBe(true);
  });

  test('two stores with the same prefix share the budget (what replicas do)', async () => {
    const prefix = uniqueRateLimitPrefix();
    const first = (await open(prefix)).limiter({ name: 'shared', points: 2, durationSeconds: 60 });
    const second = (await open(prefix)).limiter({ name: 'shared', points: 2, durationSeconds: 60 });
    await first.consume('k');
    await second.consume('k');
    const third = await first.consume('k');
    // Memory stores are per process object: each has its own budget. Redis stores share one.
    expect(third.allowed).toBe(kind === 'memory');
  });

  test('reset forgets a key', async () => {
    const limiter = (await open()).limiter({ name: 'reset', points: 1, durationSeconds: 60 });
    await limiter.consume('k');
    expect((await limiter.consume('k')).allowed).toBe(false);
    await limiter.reset('k');
    expect((await limiter.consume('k')).allowed).toBe(true);
  });

  test('the budget comes back when the window ends', async () => {
    const limiter = (await open()).limiter({ name: 'window', points: 1, durationSeconds: 1 });
    await limiter.consume('k');
    const refused = await limiter.consume('k');
    expect(refused.allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, refused.allowed ? 0 : refused.retryAfterMs + 50));
    expect((await limiter.consume('k')).allowed).toBe(true);
  });

  test('a leaky bucket takes charges of any cost up to its capacity, then refuses with the wait until the cost fits', async () => {
    // 100 points, draining 10 per second.
    const bucket = (await open()).leakyBucket({ name: 'cost', capacity: 100, leakPerSecond: 10 });
    const first = await bucket.charge('user', 60);
    expect(first).toEqual({ allowed: true, level: expect.closeTo(60, 0) });
    const second = await bucket.charge('user', 30);
    expect(second.allowed).toBe(true);
    expect(second.level).toBeGreaterThan(89);
    expect(second.level).toBeLessThanOrEqual(90);
    const refused = await bucket.charge('user', 50);
    expect(refused.allowed).toBe(false);
    // Nothing was poured by the refusal: level stays about 90, and 50 fits once 40 have drained (4 s at 10/s).
    expect(refused.level).toBeGreaterThan(88);
    expect(refused.level).toBeLessThanOrEqual(90);
    expect(refused.retryAfterMs).toBeGreaterThan(3_700);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(4_000);
    // A smaller charge that still fits passes.
    expect((await bucket.charge('user', 5)).allowed).toBe(true);
    // Other keys have their own bucket.
    expect(await bucket.charge('someone else', 100)).toEqual({ allowed: true, level: 100 });
  });

  test('a leaky bucket drains at its rate', async () => {
    const bucket = (await open()).leakyBucket({ name: 'drain', capacity: 10, leakPerSecond: 20 });
    expect((await bucket.charge('k', 10)).allowed).toBe(true);
    const refused = await bucket.charge('k', 4);
    expect(refused.allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, (refused.retryAfterMs ?? 0) + 50));
    const later = await bucket.charge('k', 4);
    expect(later.allowed).toBe(true);
    expect(later.level).toBeLessThanOrEqual(10);
  });

  test('a leaky bucket refuses a cost larger than its capacity without a retry delay (it never fits), and costs are whole points >= 1', async () => {
    const bucket = (await open()).leakyBucket({ name: 'huge', capacity: 10, leakPerSecond: 1 });
    expect(await bucket.charge('k', 11)).toEqual({ allowed: false, level: 0 });
    expect(await bucket.charge('k', 0)).toEqual({ allowed: true, level: expect.closeTo(1, 1) });
    const fractional = await bucket.charge('k', 0.2);
    expect(fractional.allowed).toBe(true);
    expect(fractional.level).toBeGreaterThan(1.9);
    expect(fractional.level).toBeLessThanOrEqual(2);
  });

  test('two stores with the same prefix share a leaky bucket only in Redis', async () => {
    const prefix = uniqueRateLimitPrefix();
    const rule = { name: 'shared-bucket', capacity: 10, leakPerSecond: 1 };
    const first = (await open(prefix)).leakyBucket(rule);
    const second = (await open(prefix)).leakyBucket(rule);
    expect((await first.charge('k', 8)).allowed).toBe(true);
    expect((await second.charge('k', 8)).allowed).toBe(kind === 'memory');
  });

  test('enforceRateLimits throws RATE_LIMITED with retryAfterSeconds at the first exhausted limit', async () => {
    const store = await open();
    const roomy = store.limiter({ name: 'roomy', points: 10, durationSeconds: 60 });
    const tight = store.limiter({ name: 'tight', points: 1, durationSeconds: 30 });
    await enforceRateLimits([
      { limiter: roomy, key: 'ip' },
      { limiter: tight, key: 'phone' },
    ]);
    const error = await enforceRateLimits([
      { limiter: roomy, key: 'ip' },
      { limiter: tight, key: 'phone' },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const seconds = (error as AppError).extensions.retryAfterSeconds as number;
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(30);
  });
});

test('the Redis store keeps its counters under its prefix in Redis', async () => {
  const prefix = uniqueRateLimitPrefix();
  const store = createRateLimiterStore({ redisUrl: testRedisUrl(), prefix });
  const inspector = new Redis(testRedisUrl());
  try {
    await store.ready();
    await store.limiter({ name: 'seen', points: 5, durationSeconds: 60 }).consume('someone');
    const keys = await inspector.keys(`${prefix}*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toContain(`${prefix}seen`);
    expect(Number(await inspector.get(keys[0]!))).toBe(1);
    expect(await inspector.pttl(keys[0]!)).toBeGreaterThan(0);
  } finally {
    await store.dispose();
    await inspector.quit();
  }
});

test('the Redis store falls back to counting in this process when Redis is unreachable, and says so once', async () => {
  // Nothing listens on port 1: every Redis command fails, the insurance limiter answers.
  const warnings: string[] = [];
  const logger = { warn: (_: unknown, message: string) => warnings.push(message), info: () => undefined } as unknown as Logger;
  const store = createRateLimiterStore({ redisUrl: 'redis://127.0.0.1:1', prefix: uniqueRateLimitPrefix(), logger });
  try {
    const limiter = store.limiter({ name: 'insured', points: 1, durationSeconds: 60 });
    expect((await limiter.consume('k')).allowed).toBe(true);
    expect((await limiter.consume('k')).allowed).toBe(false);
    const bucket = store.leakyBucket({ name: 'insured-bucket', capacity: 10, leakPerSecond: 1 });
    expect((await bucket.charge('k', 10)).allowed).toBe(true);
    expect((await bucket.charge('k', 10)).allowed).toBe(false);
    expect(warnings).toEqual(['rate limit Redis connection is down; limits fall back to this process']);
  } finally {
    await store.dispose();
  }
});

test('a leaky bucket in Redis is one hash under the prefix that expires once drained', async () => {
  const prefix = uniqueRateLimitPrefix();
  const store = createRateLimiterStore({ redisUrl: testRedisUrl(), prefix });
  const inspector = new Redis(testRedisUrl());
  try {
    await store.ready();
    await store.leakyBucket({ name: 'seen-bucket', capacity: 100, leakPerSecond: 10 }).charge('someone', 30);
    expect(await inspector.keys(`${prefix}*`)).toEqual([`${prefix}seen-bucket:someone`]);
    expect(Number(await inspector.hget(`${prefix}seen-bucket:someone`, 'level'))).toBe(30);
    // Drained in 3 s, kept 1 s longer.
    const ttl = await inspector.pttl(`${prefix}seen-bucket:someone`);
    expect(ttl).toBeGreaterThan(3_000);
    expect(ttl).toBeLessThanOrEqual(4_000);
  } finally {
    await store.dispose();
    await inspector.quit();
  }
});
