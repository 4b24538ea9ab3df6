// The only code that reads and writes rider_balances_due: what riders owe payments, as payments last reported it.
import type { Db } from './store.js';

export type BalanceStore = ReturnType<typeof createBalanceStore>;

/** A `rider.balance_due.changed` as the table stores it. */
export interface BalanceDueUpdate {
  userId: string;
  dueMinor: number;
  currency: string;
  sequence: number;
}

export function createBalanceStore(db: Db) {
  return {
    /** Whether the rider owes anything, in any currency, by the newest report (a rider never reported owes nothing). */
    async owes(userId: string): Promise<boolean> {
      const row = await db.riderBalanceDue.findUnique({ where: { userId }, select: { dueMinor: true } });
      return row !== null && row.dueMinor > 0n;
    },

    /**
     * Stores the rider's due unless a report with the same or a newer sequence was stored already (events of one
     * rider may arrive out of order).
     * @returns whether the row changed.
     */
    async applyDue(u: BalanceDueUpdate): Promise<boolean> {
      const applied = await db.$executeRawUnsafe(
        `insert into "trips"."rider_balances_due" (user_id, due_minor, currency, sequence, updated_at)
         values ($1::uuid, $2::bigint, $3, $4::bigint, now())
         on conflict (user_id) do update set
           due_minor = excluded.due_minor, currency = excluded.currency, sequence = excluded.sequence, updated_at = now()
         where "rider_balances_due".sequence < excluded.sequence`,
        u.userId,
        u.dueMinor,
        u.currency,
        u.sequence,
      );
      return applied === 1;
    },
  };
}
