// One contract for both stores: the in-process one (embedded mode) and Redis (every distributed replica).
import { Redis } from 'ioredis';
import { testRedisUrl } from '../../testing/index.js';
import { AppError } from '../../errors/index.js';
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
      { allowed: true, remainingPoints: 2 },
      { allowed: true, remainingPoints: 1 },
      { allowed: true, remainingPoints: 0 },
    ]);
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

  test('enforceRateLimits throws RATE_LIMITED with retryAfterSeconds at the first exhausted limit', async () => {
    const store = await open();
    const roomy = store.limiter({ name: 'roomy', points: 10, durationSeconds: 60 });
    const tight = store.limiter({ name: 'tight', points: 1, durationSeconds: 30 });
    await enforceRateLimits([{ limiter: roomy, key: 'ip' }, { limiter: tight, key: 'phone' }]);
    const error = await enforceRateLimits([{ limiter: roomy, key: 'ip' }, { limiter: tight, key: 'phone' }]).catch((e: unknown) => e);
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

test('the Redis store falls back to counting in this process when Redis is unreachable', async () => {
  // Nothing listens on port 1: every Redis command fails, the insurance limiter answers.
  const store = createRateLimiterStore({ redisUrl: 'redis://127.0.0.1:1', prefix: uniqueRateLimitPrefix() });
  try {
    const limiter = store.limiter({ name: 'insured', points: 1, durationSeconds: 60 });
    expect((await limiter.consume('k')).allowed).toBe(true);
    expect((await limiter.consume('k')).allowed).toBe(false);
  } finally {
    await store.dispose();
  }
});
