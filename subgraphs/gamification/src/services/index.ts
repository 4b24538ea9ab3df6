// gamification's services, built once per subgraph and shared by every request.
import type { Logger } from '../../../../platform/logging/index.js';
import type { GamificationPrisma } from '../store/database.js';
import type { LeaderboardIndex } from '../store/leaderboard-index.js';
import { createAdjustmentsService } from './adjustments.js';
import { createCatalogueService } from './catalogue.js';
import { createEarningConsumer } from './earning-consumer.js';
import { createRedemptionService } from './redemption.js';
import { createRedemptionExport } from './redemption-export.js';
import { createExpiryService } from './expiry.js';
import { createFiveStarWeekService } from './five-star-weeks.js';
import { createLeaderboardService } from './leaderboard.js';
import { createRulesService } from './rules.js';

export type LoyaltyServices = ReturnType<typeof createLoyaltyServices>;

export function createLoyaltyServices({
  prisma,
  wakeRelay,
  pointsExpireDays,
  leaderboardIndex,
  logger,
}: {
  prisma: GamificationPrisma;
  /** Answers leaderboard pages and ranks: PostgreSQL or Redis (server.ts). */
  leaderboardIndex: LeaderboardIndex;
  wakeRelay: () => void;
  pointsExpireDays: number;
  logger: Logger;
}) {
  return {
    prisma,
    rules: createRulesService(prisma, wakeRelay),
    adjustments: createAdjustmentsService(prisma, wakeRelay),
    catalogue: createCatalogueService(prisma, wakeRelay),
    redemptions: createRedemptionService(prisma, wakeRelay),
    redemptionExport: createRedemptionExport(prisma),
    leaderboard: createLeaderboardService(leaderboardIndex),
    expiry: createExpiryService(prisma, pointsExpireDays),
    fiveStarWeeks: createFiveStarWeekService(prisma, { leaderboardIndex, wakeRelay }),
    /** The earning consumer's handler (server.ts gives it to the group's members; the leaderboard bench calls it). */
    earning: createEarningConsumer({ prisma, leaderboardIndex, wakeRelay, logger }),
  };
}
