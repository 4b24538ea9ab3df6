// gamification's own settings, read once at build time.
import { z } from 'zod';
import { readEnv } from '../../../platform/config/index.js';

export interface GamificationConfig {
  /**
   * Points expire this many days after they were earned (LOYALTY_POINTS_EXPIRE_DAYS, default 365; 0: never). Spent,
   * reversed and already expired points count against the oldest earned first.
   */
  pointsExpireDays: number;
  /** How often the expiry job runs (LOYALTY_EXPIRY_INTERVAL_MS, default 3600000 = hourly). */
  expiryIntervalMs: number;
  /** How often drivers' finished weeks are judged for FIVE_STAR_WEEK (LOYALTY_FIVE_STAR_WEEK_INTERVAL_MS, default hourly). */
  fiveStarWeekIntervalMs: number;
  /** With REDIS_URL: the key prefix of the leaderboards' sorted sets (LEADERBOARD_REDIS_PREFIX, default "ridegraph:gamification:lb:"). */
  leaderboardRedisPrefix: string;
  /**
   * Members of the consumer group 'gamification' in one process (LOYALTY_EARNING_CONCURRENCY, default 32). Each holds
   * one event at a time; the paid fares they hold are awarded together in one transaction (platform/events/batcher.ts),
   * so this is also the largest batch. Each member is one blocking Redis connection in distributed mode.
   */
  earningConcurrency: number;
}

/** @throws ConfigError naming each invalid variable. */
export function readGamificationConfig(env: NodeJS.ProcessEnv = process.env): GamificationConfig {
  const e = readEnv(
    {
      LOYALTY_POINTS_EXPIRE_DAYS: z.coerce.number().int().min(0, 'must be at least 0 (0: never)').max(36_500, 'must be at most 36500').default(365),
      LOYALTY_EXPIRY_INTERVAL_MS: z.coerce.number().int().min(1_000, 'must be at least 1000').max(86_400_000, 'must be at most 86400000').default(3_600_000),
      LOYALTY_FIVE_STAR_WEEK_INTERVAL_MS: z.coerce
        .number()
        .int()
        .min(1_000, 'must be at least 1000')
        .max(86_400_000, 'must be at most 86400000')
        .default(3_600_000),
      LEADERBOARD_REDIS_PREFIX: z.string().min(1).default('ridegraph:gamification:lb:'),
      LOYALTY_EARNING_CONCURRENCY: z.coerce.number().int().min(1, 'must be at least 1').max(32, 'must be at most 32').default(32),
    },
    env,
  );
  return {
    pointsExpireDays: e.LOYALTY_POINTS_EXPIRE_DAYS,
    expiryIntervalMs: e.LOYALTY_EXPIRY_INTERVAL_MS,
    fiveStarWeekIntervalMs: e.LOYALTY_FIVE_STAR_WEEK_INTERVAL_MS,
    leaderboardRedisPrefix: e.LEADERBOARD_REDIS_PREFIX,
    earningConcurrency: e.LOYALTY_EARNING_CONCURRENCY,
  };
}
