// Commission the platform keeps on a fare or fee: basis points by city and category, the most specific rule winning
// (MONEY.md). Read when the payment is created and stored on it, so a later rule change never re-prices it.
import type { Db } from '../store/db.js';
import type { CommissionRule } from '../store/prisma/client.js';

/** How long the rules are remembered: a change applies to settlements from at most this long after it. */
export const COMMISSION_RULES_TTL_MS = 30_000;

/** The most specific rule for (city, category): city + category, city, category, the default; 0 when none. */
export function pickCommissionBps(rules: readonly CommissionRule[], city: string | null | undefined, category: string | null | undefined): number {
  const matching = rules.filter((rule) => (rule.city === null || rule.city === city) && (rule.category === null || rule.category === category));
  const rank = (rule: CommissionRule) => (rule.city !== null ? 2 : 0) + (rule.category !== null ? 1 : 0);
  const best = matching.sort((a, b) => rank(b) - rank(a))[0];
  // No rule at all (the default row deleted by hand): the platform keeps nothing rather than guess.
  return best?.rateBps ?? 0;
}

/** The rules table is small and changes rarely: every settlement reading it would be one more round trip. */
export function createCommissionRules(ttlMs = COMMISSION_RULES_TTL_MS) {
  let cached: { rules: CommissionRule[]; at: number } | null = null;
  return {
    async bps(db: Db, city: string | null | undefined, category: string | null | undefined): Promise<number> {
      if (!cached || Date.now() - cached.at > ttlMs) cached = { rules: await db.commissionRule.findMany(), at: Date.now() };
      return pickCommissionBps(cached.rules, city, category);
    },
    /** Forget the cache (tests that change the rules). */
    reset: () => {
      cached = null;
    },
  };
}

export type CommissionRules = ReturnType<typeof createCommissionRules>;
