// The only code that reads and writes gamification's points ledger.
import type { GamificationPrisma } from './database.js';

/** A user's ledger summed up. BigInt because sums of Int deltas can outgrow Int. */
export interface PointsTotals {
  userId: string;
  /** Sum of all deltas: what can be redeemed now. */
  balance: bigint;
  /** Sum of the positive deltas only: redemptions do not lower a loyalty level. */
  lifetimeEarned: bigint;
}

interface TotalsRow {
  user_id: string;
  balance: bigint;
  lifetime_earned: bigint;
}

// Raw SQL because both sums must come from one grouped statement, and Prisma's groupBy cannot aggregate with a
// condition (FILTER). Schema-qualified: raw SQL does not get the adapter's schema applied.
const TOTALS_SQL = `
  select user_id::text as user_id,
         sum(delta)::bigint as balance,
         coalesce(sum(delta) filter (where delta > 0), 0)::bigint as lifetime_earned
  from "gamification"."points_entries"
  where user_id = any($1::uuid[])
  group by user_id`;

export type PointsStore = ReturnType<typeof createPointsStore>;

export function createPointsStore(prisma: GamificationPrisma) {
  return {
    /** Totals of the users that have ledger entries; users without any are absent. One statement. */
    async totalsByUserIds(userIds: readonly string[]): Promise<PointsTotals[]> {
      const rows = await prisma.$queryRawUnsafe<TotalsRow[]>(TOTALS_SQL, [...userIds]);
      return rows.map((row) => ({ userId: row.user_id, balance: BigInt(row.balance), lifetimeEarned: BigInt(row.lifetime_earned) }));
    },
  };
}
