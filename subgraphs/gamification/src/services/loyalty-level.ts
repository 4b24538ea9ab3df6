// Loyalty tiers are reached by lifetime points earned, so redeeming points never costs a user their tier.
import type { LoyaltyLevel } from '../generated/resolvers-types.js';

interface Tier {
  level: LoyaltyLevel;
  /** Lifetime points the tier starts at. */
  from: number;
}

const BRONZE: Tier = { level: 'BRONZE', from: 0 };

/** Tiers in ascending order. */
export const LOYALTY_TIERS: readonly Tier[] = [BRONZE, { level: 'SILVER', from: 1_000 }, { level: 'GOLD', from: 5_000 }, { level: 'PLATINUM', from: 20_000 }];

export interface LoyaltyStanding {
  level: LoyaltyLevel;
  /** Lifetime points still needed for the next tier; null at the top tier. */
  pointsToNextLevel: number | null;
}

/** Where `lifetimeEarned` points put a user. Pure; anything below 0 counts as 0. */
export function loyaltyStanding(lifetimeEarned: number): LoyaltyStanding {
  const points = Math.max(lifetimeEarned, 0);
  const reached = LOYALTY_TIERS.filter((tier) => points >= tier.from);
  const next = LOYALTY_TIERS[reached.length];
  return { level: (reached.at(-1) ?? BRONZE).level, pointsToNextLevel: next ? next.from - points : null };
}
