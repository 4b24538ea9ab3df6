// Earning rules: one row per version (see schema.prisma). Reads for the event handlers and for operations.
import type { GamificationPrisma } from './database.js';
import type { EarningRule, RuleTrigger } from './prisma/client.js';
import type { GamificationTx } from './ledger-store.js';

export type { EarningRule, RuleTrigger };

/**
 * The versions of the triggers in force at `at` (effective from then or before, not retired by then), by key; one
 * statement for all the triggers an event feeds.
 */
export async function rulesInForce(
  tx: GamificationTx | GamificationPrisma,
  triggers: readonly RuleTrigger[],
  at: Date,
): Promise<(trigger: RuleTrigger) => EarningRule[]> {
  const rules = await tx.earningRule.findMany({
    where: { trigger: { in: [...triggers] }, effectiveFrom: { lte: at }, OR: [{ retiredAt: null }, { retiredAt: { gt: at } }] },
    orderBy: [{ key: 'asc' }],
  });
  return (trigger) => rules.filter((rule) => rule.trigger === trigger);
}
