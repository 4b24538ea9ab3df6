// The rate-limit settings of the gateway, read from the environment once at start-up (README.md in this folder
// explains each default).
import { z } from 'zod';
import { envVar, readEnv, type RuntimeConfig } from '../../../platform/config/index.js';
import type { MessageBudget } from '../../../platform/rate-limit/index.js';

export interface RateLimitSettings {
  /** Anonymous HTTP requests per client IP per minute (RATE_LIMIT_ANONYMOUS_PER_MINUTE, default 100). */
  anonymousPerMinute: number;
  /** Points a signed-in user's bucket holds: the largest burst (RATE_LIMIT_USER_BUCKET_POINTS, default 3000). */
  userBucketPoints: number;
  /** Points per second the bucket drains: the sustained rate (RATE_LIMIT_USER_LEAK_PER_SECOND, default 150). */
  userLeakPerSecond: number;
  /** New graphql-ws connections per client IP per minute (WS_CONNECTIONS_PER_IP_PER_MINUTE, default 60). */
  wsConnectionsPerIpPerMinute: number;
  /** Redis shared by every replica (REDIS_URL); undefined → counted in this process. */
  redisUrl?: string;
  /** Prefix of the Redis keys: `<PUBSUB_PREFIX>rl:gateway:` (so deployments sharing a Redis stay apart). */
  prefix: string;
}

export const DEFAULT_RATE_LIMITS = {
  anonymousPerMinute: 100,
  userBucketPoints: 3000,
  userLeakPerSecond: 150,
  wsConnectionsPerIpPerMinute: 60,
} as const;

export const DEFAULT_MESSAGE_BUDGET: MessageBudget = { perSecond: 10, burst: 200 };

export interface GatewayRateLimitConfig {
  /** undefined when RATE_LIMITS=false (benchmarks): no request or connection limits. */
  requests: RateLimitSettings | undefined;
  /** graphql-ws messages per socket; undefined when RATE_LIMITS=false. */
  messages: MessageBudget | undefined;
}

const count = (min: number, max: number, fallback: number) =>
  z.coerce.number().int(`must be a whole number ${min}-${max}`).min(min, `must be ${min}-${max}`).max(max, `must be ${min}-${max}`).default(fallback);

/** @throws ConfigError naming each invalid variable. */
export function readRateLimitConfig(env: NodeJS.ProcessEnv, runtime: Pick<RuntimeConfig, 'redisUrl' | 'pubsubPrefix'>): GatewayRateLimitConfig {
  const e = readEnv(
    {
      RATE_LIMITS: envVar.boolean(true),
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: count(1, 1_000_000, DEFAULT_RATE_LIMITS.anonymousPerMinute),
      RATE_LIMIT_USER_BUCKET_POINTS: count(1, 100_000_000, DEFAULT_RATE_LIMITS.userBucketPoints),
      RATE_LIMIT_USER_LEAK_PER_SECOND: count(1, 10_000_000, DEFAULT_RATE_LIMITS.userLeakPerSecond),
      WS_CONNECTIONS_PER_IP_PER_MINUTE: count(1, 1_000_000, DEFAULT_RATE_LIMITS.wsConnectionsPerIpPerMinute),
      WS_MESSAGES_PER_SOCKET_PER_SECOND: count(1, 100_000, DEFAULT_MESSAGE_BUDGET.perSecond),
      WS_MESSAGE_BURST_PER_SOCKET: count(1, 1_000_000, DEFAULT_MESSAGE_BUDGET.burst),
    },
    env,
  );
  if (!e.RATE_LIMITS) return { requests: undefined, messages: undefined };
  return {
    requests: {
      anonymousPerMinute: e.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
      userBucketPoints: e.RATE_LIMIT_USER_BUCKET_POINTS,
      userLeakPerSecond: e.RATE_LIMIT_USER_LEAK_PER_SECOND,
      wsConnectionsPerIpPerMinute: e.WS_CONNECTIONS_PER_IP_PER_MINUTE,
      redisUrl: runtime.redisUrl,
      prefix: `${runtime.pubsubPrefix}rl:gateway:`,
    },
    messages: { perSecond: e.WS_MESSAGES_PER_SOCKET_PER_SECOND, burst: e.WS_MESSAGE_BURST_PER_SOCKET },
  };
}
