// `npm run leaderboard:rebuild`: copies the leaderboards of the current week, month and all time (every board:
// RIDERS, DRIVERS and each fleet's) from PostgreSQL (DATABASE_URL) into their Redis sorted sets (REDIS_URL,
// LEADERBOARD_REDIS_PREFIX). The reconcile command after a Redis outage: a score only replaces an older version, so
// it is safe while awards run. A set that is missing is rebuilt by the subgraph on its next read anyway.
import { ConfigError, readRuntimeConfig } from '../platform/config/index.js';
import { createLogger } from '../platform/logging/index.js';
import { readGamificationConfig } from '../subgraphs/gamification/src/config.js';
import { periodKeys } from '../subgraphs/gamification/src/services/periods.js';
import { openGamificationDatabase } from '../subgraphs/gamification/src/store/database.js';
import { createRedisLeaderboardIndex } from '../subgraphs/gamification/src/store/leaderboard-redis.js';

const runtime = readRuntimeConfig();
const logger = createLogger({ level: runtime.logLevel, bindings: { task: 'leaderboard:rebuild' } });
try {
  if (!runtime.databaseUrl || !runtime.redisUrl)
    throw new ConfigError('Set DATABASE_URL and REDIS_URL: the leaderboards are copied from PostgreSQL into Redis.');
  const prisma = openGamificationDatabase({ kind: 'postgres', url: runtime.databaseUrl });
  const index = createRedisLeaderboardIndex(prisma, { redisUrl: runtime.redisUrl, prefix: readGamificationConfig().leaderboardRedisPrefix, logger });
  try {
    for (const period of periodKeys(new Date())) {
      const boards = await prisma.$queryRawUnsafe<{ scope: string }[]>(`select distinct scope from gamification.leaderboard_scores where period = $1`, period);
      for (const { scope } of boards) logger.info({ board: scope, period, scores: await index.rebuild(scope, period) }, 'leaderboard rebuilt in Redis');
    }
  } finally {
    await index.close();
    await prisma.$disconnect();
  }
} catch (error) {
  logger.fatal({ err: error }, (error as Error).message);
  process.exit(1);
}
