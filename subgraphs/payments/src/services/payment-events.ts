// payments' outbox: every event it emits is written here, in the transaction of the change it reports.
import { auditEvent, type AuditRecord } from '../../../../platform/audit/index.js';
import type { Viewer } from '../../../../platform/auth/index.js';
import { outboxEvent, type DomainEvents } from '../../../../platform/events/index.js';
import type { Tx } from '../store/db.js';
import type { Payment } from '../store/prisma/client.js';

type Emittable = 'payment.succeeded' | 'payment.failed' | 'payment.refunded' | 'rider.balance_due.changed';

export async function emit<K extends Emittable>(tx: Tx, type: K, payload: DomainEvents[K]): Promise<void> {
  await tx.outboxEvent.create({ data: outboxEvent(type, payload) as never, select: { id: true } });
}

/** A staff action's audit entry (platform/audit), in the transaction of the change. Money in minor units. */
export async function recordAudit(tx: Tx, actor: Pick<Viewer, 'userId' | 'roles'>, record: AuditRecord): Promise<void> {
  await tx.outboxEvent.create({ data: auditEvent('payments', actor, record) as never, select: { id: true } });
}

export const eventMoney = (amountMinor: bigint, currency: string) => ({ amountMinor: Number(amountMinor), currency });

/** The fields every payment.* event repeats. */
export function paymentEventBase(payment: Payment) {
  return {
    paymentId: payment.id,
    purpose: payment.purpose,
    payerUserId: payment.payerUserId,
    tripId: payment.tripId,
    amount: eventMoney(payment.amountMinor, payment.currency),
    occurredAt: new Date().toISOString(),
  };
}
