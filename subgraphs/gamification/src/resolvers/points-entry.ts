import type { BadgeResolvers, EarningRuleResolvers, PointsEntryKind, PointsEntryResolvers } from '../generated/resolvers-types.js';
import type { PointsReason } from '../store/prisma/client.js';

/** The kind a user sees follows from the reason; a positive ADJUSTMENT is still ADJUSTED. */
export function entryKind(reason: PointsReason): PointsEntryKind {
  switch (reason) {
    case 'REDEMPTION':
      return 'SPENT';
    case 'REFUND':
      return 'REVERSED';
    case 'EXPIRY':
      return 'EXPIRED';
    case 'ADJUSTMENT':
      return 'ADJUSTED';
    default:
      return 'EARNED';
  }
}

export const PointsEntry: PointsEntryResolvers = {
  kind: (entry) => entryKind(entry.reason),
  points: (entry) => entry.delta,
  reference: (entry) => entry.sourceId,
};

export const Badge: BadgeResolvers = {
  code: (badge) => badge.badge,
};

export const EarningRule: EarningRuleResolvers = {};
