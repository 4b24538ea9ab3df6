// gamification's services, built once per subgraph and shared by every request.
import type { GamificationPrisma } from '../store/database.js';
import type { LeaderboardIndex } from '../store/leaderboard-index.js';
import { createAdjustmentsService } from './adjustments.js';
import { createCatalogueService } from './catalogue.js';
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
}: {
  prisma: GamificationPrisma;
  /** Answers leaderboard pages and ranks: PostgreSQL or Redis (server.ts). */
  leaderboardIndex: LeaderboardIndex;
  wakeRelay: () => void;
  pointsExpireDays: number;
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
  };
}
