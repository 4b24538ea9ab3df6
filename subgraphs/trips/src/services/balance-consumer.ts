// Keeps trips' rider_balances_due read model in step with payments: the only input is the durable
// `rider.balance_due.changed` event. Idempotent (handleOnce) and order-proof (only a newer sequence is applied).
import { handleOnce, type AnyEventEnvelope } from '../../../../platform/events/index.js';
import { createBalanceStore } from '../store/balance-store.js';
import type { TripsPrisma } from '../store/database.js';

/** The consumer group: its own, so balance reports are never queued behind (or retried with) driver supply. */
export const BALANCE_GROUP = 'trips.balances';
/** handleOnce's name for this handler (processed_events.consumer). */
export const BALANCE_CONSUMER = 'trips.balance-due';

/** @returns the handler to give the event bus; it resolves once the change is committed (or was seen before). */
export function createBalanceConsumer(prisma: TripsPrisma) {
  return async function handle(event: AnyEventEnvelope): Promise<void> {
    if (event.type !== 'rider.balance_due.changed') return;
    const p = event.payload;
    await handleOnce(prisma, { schema: 'trips', consumer: BALANCE_CONSUMER, event }, async (tx) => {
      await createBalanceStore(tx).applyDue({ userId: p.userId, dueMinor: p.due.amountMinor, currency: p.due.currency, sequence: p.sequence });
    });
  };
}
