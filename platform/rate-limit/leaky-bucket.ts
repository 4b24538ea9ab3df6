// A leaky bucket (as in Shopify's GraphQL API): each charge pours `cost` points into the key's bucket, the bucket
// drains at a steady rate, and a charge that would overflow it is refused without pouring anything. Bursts up to
// the bucket's size pass at once; sustained traffic passes at the drain rate. rate-limiter-flexible has fixed and
// sliding windows but no bucket that takes a cost per request, hence this file: one Lua script for Redis (one
// round trip, atomic, Redis' own clock so replicas with skewed clocks agree) and an in-process twin with the
// same arithmetic.
import type { Redis } from 'ioredis';

/** One bucket per key: holds `capacity` points, drains `leakPerSecond` points per second. */
export interface LeakyBucketRule {
  /** Names the bucket in Redis keys and logs, e.g. `user-cost`. Unique within a store. */
  name: string;
  capacity: number;
  leakPerSecond: number;
}

export interface LeakyBucketDecision {
  allowed: boolean;
  /** Points in the bucket after this charge (unchanged by a refused one), fractional. */
  level: number;
  /**
   * Refused: how long until this cost fits (ms, at least 1). Absent when the cost exceeds the whole capacity: it
   * never fits, however long the client waits.
   */
  retryAfterMs?: number;
}

export interface LeakyBucket {
  readonly rule: LeakyBucketRule;
  /**
   * Pours `cost` points (rounded up to a whole number, at least 1) into the key's bucket if they fit.
   * Never throws for a full bucket: see the decision.
   */
  charge(key: string, cost: number): Promise<LeakyBucketDecision>;
}

/** Whole points, at least 1 (a free request would make the bucket meaningless); anything over capacity never fits. */
function normaliseCost(rule: LeakyBucketRule, cost: number): number {
  return Number.isFinite(cost) ? Math.max(1, Math.ceil(cost)) : rule.capacity + 1;
}

/** The decision for a bucket at `level` (already drained, not yet charged) that refused `cost`. */
function refusal(rule: LeakyBucketRule, level: number, cost: number): LeakyBucketDecision {
  if (cost > rule.capacity) return { allowed: false, level };
  return { allowed: false, level, retryAfterMs: Math.max(1, Math.ceil(((level + cost - rule.capacity) * 1000) / rule.leakPerSecond)) };
}

/** How long an idle bucket at `level` takes to drain empty (then it is forgotten). */
function drainMs(rule: LeakyBucketRule, level: number): number {
  return Math.ceil((level * 1000) / rule.leakPerSecond);
}

/**
 * This process only (embedded mode, and the fallback while Redis is unreachable). Empty buckets are forgotten, so
 * memory follows the keys active in the last `capacity / leakPerSecond` seconds.
 */
export function createMemoryLeakyBucket(rule: LeakyBucketRule, now: () => number = Date.now): LeakyBucket {
  const buckets = new Map<string, { level: number; at: number }>();
  let chargesSinceSweep = 0;
  const sweep = (at: number) => {
    for (const [key, bucket] of buckets) if (at - bucket.at >= drainMs(rule, bucket.level)) buckets.delete(key);
  };
  return {
    rule,
    async charge(key, rawCost) {
      const at = now();
      // Sweep as often as keys are added, amortised: at most one pass over the map per map-size charges.
      if (++chargesSinceSweep >= Math.max(1000, buckets.size)) {
        chargesSinceSweep = 0;
        sweep(at);
      }
      const bucket = buckets.get(key);
      const drained = bucket ? Math.max(0, bucket.level - ((at - bucket.at) * rule.leakPerSecond) / 1000) : 0;
      const cost = normaliseCost(rule, rawCost);
      const fits = drained + cost <= rule.capacity;
      const level = fits ? drained + cost : drained;
      buckets.set(key, { level, at });
      return fits ? { allowed: true, level } : refusal(rule, level, cost);
    },
  };
}

// KEYS[1] the bucket (a hash: level, at); ARGV capacity, leak per second, cost. Returns { allowed (1|0), level
// as a string } — Lua numbers would come back truncated to integers. Redis' TIME is used rather than the caller's
// clock; Redis 5+ replicates scripts by their effects, so a non-deterministic call before writes is allowed.
const LEAKY_BUCKET_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local capacity = tonumber(ARGV[1])
local leak = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'level', 'at')
local level = tonumber(state[1]) or 0
local at = tonumber(state[2]) or now
level = math.max(0, level - math.max(0, now - at) * leak / 1000)
local allowed = 0
if level + cost <= capacity then
  level = level + cost
  allowed = 1
end
redis.call('HSET', KEYS[1], 'level', tostring(level), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(level * 1000 / leak) + 1000)
return { allowed, tostring(level) }
`;

type LeakyBucketCommand = (key: string, capacity: number, leakPerSecond: number, cost: number) => Promise<[number, string]>;

/**
 * Shared through Redis (one EVALSHA per charge, keys `<prefix><name>:<key>` expiring when drained). When a command
 * fails (Redis down, or slower than the client's command timeout) the charge goes to `fallback`, an in-process
 * bucket with the same rule, and `onFallback` is told: never open, never waiting on Redis.
 */
export function createRedisLeakyBucket(
  client: Redis,
  prefix: string,
  rule: LeakyBucketRule,
  fallback: LeakyBucket,
  onFallback: (error: unknown) => void,
  onRedisAnswered: () => void = () => undefined,
): LeakyBucket {
  const command = 'ridegraphLeakyBucket';
  if (!(command in client)) client.defineCommand(command, { numberOfKeys: 1, lua: LEAKY_BUCKET_LUA });
  const run = (client as unknown as Record<string, LeakyBucketCommand>)[command]!.bind(client);
  return {
    rule,
    async charge(key, rawCost) {
      const cost = normaliseCost(rule, rawCost);
      let reply: [number, string];
      try {
        reply = await run(`${prefix}${rule.name}:${key}`, rule.capacity, rule.leakPerSecond, cost);
      } catch (error) {
        onFallback(error);
        return fallback.charge(key, cost);
      }
      onRedisAnswered();
      const level = Number(reply[1]);
      return reply[0] === 1 ? { allowed: true, level } : refusal(rule, level, cost);
    },
  };
}
