// The gateway's request rate limits (README.md in this folder): per client IP for anonymous requests and for new
// graphql-ws connections (fixed one-minute windows), per user in query-cost points (a leaky bucket). Counted in
// Redis when REDIS_URL is set, so every gateway replica draws on one budget; in this process otherwise.
import { createRateLimiterStore, type LeakyBucketDecision, type RateLimitDecision, type RateLimiterStore } from '../../../platform/rate-limit/index.js';
import type { Logger } from '../../../platform/logging/index.js';
import type { RateLimitSettings } from './settings.js';
import { recordRateLimitRejection, type RateLimitName } from '../../../platform/metrics/index.js';

export interface RateLimitOutcome {
  allowed: boolean;
  /** The budget of the policy: requests per window, or the points a user's bucket holds. */
  limit: number;
  /** What is left of it after this request (a refused request takes nothing: what a cheaper one could still use). */
  remaining: number;
  /** Seconds until the whole budget is back (the window ends; the bucket has drained). */
  resetSeconds: number;
  /**
   * Refused: whole seconds (>= 1) until the same request would pass. Absent when refused because one operation
   * costs more than a whole bucket: waiting never helps.
   */
  retryAfterSeconds?: number;
  /** The policy as a `RateLimit-Policy` value, e.g. `100;w=60`. */
  policy: string;
}

export interface RequestRateLimiter {
  /** Where the budgets are counted: `redis` (every replica) or `memory` (this process). */
  readonly kind: 'redis' | 'memory';
  readonly settings: Readonly<RateLimitSettings>;
  /** Anonymous request: one request from `ip` (key 'unknown' when undefined). */
  chargeAnonymous(ip: string | undefined): Promise<RateLimitOutcome>;
  /** Signed-in request: `cost` points (whole, >= 1) from the user's leaky bucket. */
  chargeUser(userId: string, cost: number): Promise<RateLimitOutcome>;
  /** graphql-ws: a new connection from `ip`. */
  chargeConnection(ip: string | undefined): Promise<RateLimitOutcome>;
  /** Resolves once budgets are counted in Redis (at once in memory); see RateLimiterStore.ready. */
  ready(timeoutMs?: number): Promise<void>;
  /** Closes the Redis connection. */
  dispose(): Promise<void>;
}

const WINDOW_SECONDS = 60;

/**
 * Never throws and never waits on an unreachable or stalled Redis: budgets then count in this process (logged once
 * per outage). A failure of the limiter itself (a bug) is logged and lets the request through rather than refusing
 * all traffic.
 */
export function createRequestRateLimiter(settings: RateLimitSettings, logger?: Logger): RequestRateLimiter {
  const store: RateLimiterStore = createRateLimiterStore({ redisUrl: settings.redisUrl, prefix: settings.prefix, logger });
  const anonymous = store.limiter({ name: 'anonymous-ip', points: settings.anonymousPerMinute, durationSeconds: WINDOW_SECONDS });
  const connections = store.limiter({ name: 'ws-connections-ip', points: settings.wsConnectionsPerIpPerMinute, durationSeconds: WINDOW_SECONDS });
  const users = store.leakyBucket({ name: 'user-cost', capacity: settings.userBucketPoints, leakPerSecond: settings.userLeakPerSecond });
  const drainSeconds = Math.ceil(settings.userBucketPoints / settings.userLeakPerSecond);
  const userPolicy = `${settings.userBucketPoints};w=${drainSeconds};comment="leaky bucket, ${settings.userLeakPerSecond} points/s"`;

  const guarded = async (what: RateLimitName, limit: number, policy: string, charge: () => Promise<RateLimitOutcome>): Promise<RateLimitOutcome> => {
    try {
      const outcome = await charge();
      if (!outcome.allowed) recordRateLimitRejection(what);
      return outcome;
    } catch (error) {
      logger?.error({ err: error, limit: what }, 'rate limiter failed; the request is let through');
      return { allowed: true, limit, remaining: limit, resetSeconds: 0, policy };
    }
  };
  const windowCharge = (what: RateLimitName, limiter: typeof anonymous, ip: string | undefined) => {
    const { points } = limiter.rule;
    const policy = `${points};w=${WINDOW_SECONDS}`;
    return guarded(what, points, policy, async () => windowOutcome(points, policy, await limiter.consume(ip ?? 'unknown')));
  };

  return {
    kind: store.kind,
    settings,
    chargeAnonymous: (ip) => windowCharge('anonymous', anonymous, ip),
    chargeConnection: (ip) => windowCharge('ws-connections', connections, ip),
    chargeUser: (userId, cost) =>
      guarded('user', settings.userBucketPoints, userPolicy, async () => bucketOutcome(settings, userPolicy, await users.charge(userId, cost))),
    ready: (timeoutMs) => store.ready(timeoutMs),
    dispose: () => store.dispose(),
  };
}

function windowOutcome(limit: number, policy: string, decision: RateLimitDecision): RateLimitOutcome {
  if (decision.allowed) return { allowed: true, limit, remaining: decision.remainingPoints, resetSeconds: Math.ceil(decision.resetMs / 1000), policy };
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  return { allowed: false, limit, remaining: 0, resetSeconds: seconds, retryAfterSeconds: seconds, policy };
}

function bucketOutcome(settings: RateLimitSettings, policy: string, decision: LeakyBucketDecision): RateLimitOutcome {
  const limit = settings.userBucketPoints;
  const resetSeconds = Math.ceil(decision.level / settings.userLeakPerSecond);
  const remaining = Math.max(0, Math.floor(limit - decision.level));
  if (decision.allowed) return { allowed: true, limit, remaining, resetSeconds, policy };
  const outcome: RateLimitOutcome = { allowed: false, limit, remaining, resetSeconds, policy };
  if (decision.retryAfterMs !== undefined) outcome.retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  return outcome;
}
