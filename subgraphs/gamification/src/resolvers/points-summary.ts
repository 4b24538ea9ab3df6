import type { PointsSummaryResolvers } from '../generated/resolvers-types.js';
import { toGraphQLInt } from '../../../../platform/graphql/index.js';
import { loyaltyStanding } from '../services/loyalty-level.js';

export const PointsSummary: PointsSummaryResolvers = {
  balance: (summary) => toGraphQLInt(summary.balance, 'points balance'),
  lifetimeEarned: (summary) => toGraphQLInt(summary.lifetimeEarned, 'lifetime points'),
  // Number() is exact for comparisons with the tier thresholds even where the total itself exceeds Int.
  level: (summary) => loyaltyStanding(Number(summary.lifetimeEarned)).level,
  pointsToNextLevel: (summary) => loyaltyStanding(Number(summary.lifetimeEarned)).pointsToNextLevel,
};
