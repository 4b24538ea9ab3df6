// Per-request DataLoaders for gamification. Every per-user lookup under `_entities` (points, badges) goes through these.
import { createByIdLoader, createGroupLoader, createPagedListLoader, createValueLoader } from '../../../platform/graphql/index.js';
import type { PointsSummaryModel } from './resolvers/mappers.js';
import type { GamificationPrisma } from './store/database.js';
import type { PointsStore } from './store/points-store.js';
import { createPagesStore } from './store/pages-store.js';
import type { UserBadge } from './store/prisma/client.js';

/** A user without ledger entries has earned nothing yet (not "unknown"): gamification never needs a row per user. */
const NO_POINTS: PointsSummaryModel = Object.freeze({ balance: 0n, lifetimeEarned: 0n });

export type GamificationLoaders = ReturnType<typeof createGamificationLoaders>;

export function createGamificationLoaders(points: PointsStore, prisma: GamificationPrisma) {
  const pages = createPagesStore(prisma);
  return {
    entriesByUserId: createPagedListLoader(pages.entryPages),
    redemptionsByUserId: createPagedListLoader(pages.redemptionPages),
    pointsByUserId: createValueLoader<PointsSummaryModel>(
      async (userIds) => new Map((await points.totalsByUserIds(userIds)).map((totals) => [totals.userId, totals])),
      NO_POINTS,
    ),
    badgesByUserId: createGroupLoader<UserBadge>(
      (userIds) => prisma.userBadge.findMany({ where: { userId: { in: [...userIds] } }, orderBy: [{ awardedAt: 'asc' }, { badge: 'asc' }] }),
      (badge) => badge.userId,
    ),
    couponById: createByIdLoader((ids) => prisma.coupon.findMany({ where: { id: { in: [...ids] } } })),
    companyById: createByIdLoader((ids) => prisma.partnerCompany.findMany({ where: { id: { in: [...ids] } } })),
    categoryById: createByIdLoader((ids) => prisma.couponCategory.findMany({ where: { id: { in: [...ids] } } })),
  };
}
