// Per-request DataLoaders for gamification. Every per-user lookup (`User.points` under `_entities`) goes through these.
import { createValueLoader } from '../../../platform/graphql/index.js';
import type { PointsSummaryModel } from './resolvers/mappers.js';
import type { PointsStore } from './store/points-store.js';

/** A user without ledger entries has earned nothing yet (not "unknown"): gamification never needs a row per user. */
const NO_POINTS: PointsSummaryModel = Object.freeze({ balance: 0n, lifetimeEarned: 0n });

export type GamificationLoaders = ReturnType<typeof createGamificationLoaders>;

export function createGamificationLoaders(points: PointsStore) {
  return {
    pointsByUserId: createValueLoader<PointsSummaryModel>(
      async (userIds) => new Map((await points.totalsByUserIds(userIds)).map((totals) => [totals.userId, totals])),
      NO_POINTS,
    ),
  };
}
