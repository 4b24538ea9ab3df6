// Commission the platform keeps on a fare or fee: basis points by city and category, the most specific rule winning
// (MONEY.md). Read when the payment is created and stored on it, so a later rule change never re-prices it.
import type { Db } from '../store/db.js';

export async function commissionBps(db: Db, city: string | null | undefined, category: string | null | undefined): Promise<number> {
  const rules = await db.commissionRule.findMany({
    where: { AND: [{ OR: [{ city: city ?? null }, { city: null }] }, { OR: [{ category: category ?? null }, { category: null }] }] },
  });
  const rank = (rule: { city: string | null; category: string | null }) => (rule.city !== null ? 2 : 0) + (rule.category !== null ? 1 : 0);
  const best = rules.sort((a, b) => rank(b) - rank(a))[0];
  // No rule at all (the default row deleted by hand): the platform keeps nothing rather than guess.
  return best?.rateBps ?? 0;
}
