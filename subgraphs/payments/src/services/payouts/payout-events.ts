// payouts' events, written to payments' outbox in the transaction that makes the payout final.
import { outboxEvent, type DomainEvents } from '../../../../../platform/events/index.js';
import type { Tx } from '../../store/db.js';
import type { PayoutItem } from '../../store/prisma/client.js';
import { eventMoney } from '../payment-events.js';

export async function emitPayoutFinal(tx: Tx, item: PayoutItem, outcome: { paid: true } | { paid: false; failureCode: string }): Promise<void> {
  const base = {
    payoutItemId: item.id,
    batchId: item.batchId,
    driverId: item.driverId,
    driverUserId: item.driverUserId,
    amount: eventMoney(item.amountMinor, item.currency.trim()),
    occurredAt: new Date().toISOString(),
  };
  const data = outcome.paid
    ? outboxEvent('payout.paid', base satisfies DomainEvents['payout.paid'])
    : outboxEvent('payout.failed', { ...base, failureCode: outcome.failureCode } satisfies DomainEvents['payout.failed']);
  await tx.outboxEvent.create({ data: data as never, select: { id: true } });
}
