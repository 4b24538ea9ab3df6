// Earning rules: one row per version (see schema.prisma). Reads for the event handlers and for operations.
import type { GamificationPrisma } from './database.js';
import type { EarningRule, RuleTrigger } from './prisma/client.js';
import type { GamificationTx } from './ledger-store.js';

export type { EarningRule, RuleTrigger };

/** The versions of `trigger` in force at `at`: effective from then or before, and not retired by then. */
export function rulesInForce(tx: GamificationTx | GamificationPrisma, trigger: RuleTrigger, at: Date): Promise<EarningRule[]> {
  return tx.earningRule.findMany({
    where: { trigger, effectiveFrom: { lte: at }, OR: [{ retiredAt: null }, { retiredAt: { gt: at } }] },
    orderBy: [{ key: 'asc' }],
  });
}
