// Rate limits behind one small interface, shared by every replica through Redis or kept in this process:
// fixed windows (rate-limiter-flexible; identity's sign-in attempts, the gateway's per-IP limits) and leaky buckets
// (leaky-bucket.ts; the gateway's per-user cost budget).
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../errors/index.js';
import type { Logger } from '../logging/index.js';
import { createMemoryLeakyBucket, createRedisLeakyBucket, type LeakyBucket, type LeakyBucketRule } from './leaky-bucket.js';

/** One limit: at most `points` per `durationSeconds` per key. */
export interface RateLimitRule {
  /** Names the limit in Redis keys and logs, e.g. `otp-request-phone`. Unique within a store. */
  name: string;
  points: number;
  durationSeconds: number;
}

export type RateLimitDecision =
  /** `resetMs`: when the key's window ends and its whole budget is back. */
  | { allowed: true; remainingPoints: number; resetMs: number }
  /** `retryAfterMs` > 0: when the key's window ends and points are available again. */
  | { allowed: false; retryAfterMs: number };

export interface RateLimiter {
  readonly rule: RateLimitRule;
  /** Takes `points` (default 1) from the key's budget. Never throws for an exhausted budget: see the decision. */
  consume(key: string, points?: number): Promise<RateLimitDecision>;
  /** Forgets the key (e.g. after a successful sign-in, failed attempts before it stop counting). */
  reset(key: string): Promise<void>;
}

export interface RateLimiterStore {
  /** Where limits are counted: `redis` (shared by every process) or `memory` (this process only). */
  readonly kind: 'redis' | 'memory';
  limiter(rule: RateLimitRule): RateLimiter;
  /** A leaky bucket per key (charges of any cost), counted where this store counts. */
  leakyBucket(rule: LeakyBucketRule): LeakyBucket;
  /**
   * Resolves once limits are counted in the shared store (memory: at once; Redis: connected). Until then, and
   * during outages, Redis limiters count in this process. Rejects after `timeoutMs` (default 5000).
   */
  ready(timeoutMs?: number): Promise<void>;
  /** Closes the store's own Redis connection. Limiters created from it must not be used afterwards. */
  dispose(): Promise<void>;
}

export interface RateLimiterStoreOptions {
  /**
   * Redis for limits shared by every replica; its own connection is opened (never the pub/sub ones). Undefined →
   * in-process memory, which is right for the embedded single process and wrong behind a load balancer (each
   * replica would allow the full budget).
   */
  redisUrl?: string;
  /** Prefix of every Redis key, so deployments and tests can share a Redis. Default `ridegraph:rl:`. */
  prefix?: string;
  logger?: Logger;
}

/**
 * When Redis is unreachable, RateLimiterRedis falls back to an in-memory limiter with the same rule (its
 * "insurance"): limits then hold per process rather than per deployment, and sign-in keeps working through a
 * Redis outage instead of failing every attempt.
 */
export function createRateLimiterStore(options: RateLimiterStoreOptions = {}): RateLimiterStore {
  const prefix = options.prefix ?? 'ridegraph:rl:';
  if (!options.redisUrl) {
    return {
      kind: 'memory',
      limiter: (rule) => wrap(rule, new RateLimiterMemory({ keyPrefix: `${prefix}${rule.name}`, points: rule.points, duration: rule.durationSeconds })),
      leakyBucket: (rule) => createMemoryLeakyBucket(rule),
      ready: async () => undefined,
      dispose: async () => undefined,
    };
  }
  const client = new Redis(options.redisUrl, {
    connectionName: `${prefix}rate-limit`,
    // A limit check must answer now: no queueing while disconnected (the insurance limiter answers instead).
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // Nor wait on a Redis that is connected but stalled: past this the command fails and this process counts.
    commandTimeout: 500,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    disconnectTimeout: 250,
  });
  // Logged once per outage, whichever notices first: the connection, or a command that failed or timed out.
  let down = false;
  const markDown = (error: unknown) => {
    if (down) return;
    down = true;
    options.logger?.warn({ err: error }, 'rate limit Redis connection is down; limits fall back to this process');
  };
  const markUp = () => {
    if (down) options.logger?.info('rate limit Redis connection is back');
    down = false;
  };
  client.on('error', markDown);
  client.on('ready', markUp);
  return {
    kind: 'redis',
    limiter: (rule) =>
      wrap(
        rule,
        new RateLimiterRedis({
          storeClient: client,
          keyPrefix: `${prefix}${rule.name}`,
          points: rule.points,
          duration: rule.durationSeconds,
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory({ keyPrefix: `${prefix}${rule.name}`, points: rule.points, duration: rule.durationSeconds }),
        }),
      ),
    leakyBucket: (rule) => createRedisLeakyBucket(client, prefix, rule, createMemoryLeakyBucket(rule), markDown, markUp),
    async ready(timeoutMs = 5000) {
      if (client.status === 'ready') return;
      let timer: NodeJS.Timeout | undefined;
      let onReady: (() => void) | undefined;
      try {
        await new Promise<void>((resolve, reject) => {
          onReady = resolve;
          timer = setTimeout(() => reject(new Error(`rate limit Redis not ready after ${timeoutMs} ms`)), timeoutMs);
          client.once('ready', onReady);
        });
      } finally {
        clearTimeout(timer);
        if (onReady) client.off('ready', onReady);
      }
    },
    async dispose() {
      if (client.status === 'end') return;
      if (client.status !== 'ready') return client.disconnect();
      await client.quit().catch(() => client.disconnect());
    },
  };
}

function wrap(rule: RateLimitRule, limiter: RateLimiterAbstract): RateLimiter {
  return {
    rule,
    async consume(key, points = 1) {
      try {
        const result = await limiter.consume(key, points);
        return { allowed: true, remainingPoints: result.remainingPoints, resetMs: Math.max(0, result.msBeforeNext) };
      } catch (rejection) {
        // The library rejects with a RateLimiterRes when the budget is spent, with an Error when the store failed
        // (and the insurance limiter failed too).
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterMs: Math.max(1, rejection.msBeforeNext) };
        throw rejection;
      }
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}

/**
 * Consumes one point from each limiter for its key, stopping at the first refusal.
 * @throws AppError RATE_LIMITED with `extensions.retryAfterSeconds` (whole seconds, at least 1).
 */
export async function enforceRateLimits(
  checks: readonly { limiter: RateLimiter; key: string }[],
  message = 'Too many attempts; try again later',
): Promise<void> {
  for (const { limiter, key } of checks) {
    const decision = await limiter.consume(key);
    if (!decision.allowed) throw rateLimitedError(decision.retryAfterMs, message);
  }
}

export function rateLimitedError(retryAfterMs: number, message = 'Too many attempts; try again later'): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError('RATE_LIMITED', `${message} (retry after ${retryAfterSeconds} s)`, { extensions: { retryAfterSeconds } });
}

/** A prefix no other test run uses, for tests sharing one Redis. */
export function uniqueRateLimitPrefix(label = 'test'): string {
  return `${label}:${randomBytes(6).toString('hex')}:rl:`;
}
