// Refunds take back the points earned for a payment (fare and driven trip) in proportion to the refunded total
// (`refundedTotal / paid`), minus what earlier refunds took back — so refunds handled in any order take back the same
// total. Never more than the user's balance: spent points are not clawed into a negative balance.
//
// Every refund is recorded (payment_refunds) under the payment's lock before it is applied, and the payment's award
// applies the refunds recorded for it under the same lock: a refund handled before its payment (another replica
// took the payment) is therefore applied when the points arrive, and never twice (the cause
// `refund:<refund>:<entry>` is unique, and the share already taken back is subtracted).
import type { DomainEvents } from '../../../../platform/events/index.js';
import { lockPayment, recordRefund, refundsOf, type RefundFact } from '../store/earning-facts-store.js';
import { lockUsers, totalsOf, type GamificationTx } from '../store/ledger-store.js';
import { postAward } from './awards.js';

export async function onPaymentRefunded(tx: GamificationTx, refund: DomainEvents['payment.refunded']): Promise<void> {
  // Only trip fares earn points, so only their refunds take any back.
  if (refund.purpose !== 'TRIP_FARE' || refund.paid.amountMinor <= 0) return;
  await lockPayment(tx, refund.paymentId);
  const fact: RefundFact = {
    refundId: refund.refundId,
    paymentId: refund.paymentId,
    amountMinor: refund.amount.amountMinor,
    refundedTotalMinor: refund.refundedTotal.amountMinor,
    paidMinor: refund.paid.amountMinor,
    currency: refund.amount.currency,
    occurredAt: new Date(refund.occurredAt),
  };
  await recordRefund(tx, fact);
  await applyRefund(tx, fact);
}

/** Applies every refund recorded for the payment (the caller holds the payment's lock). */
export async function applyRefundsOf(tx: GamificationTx, paymentId: string): Promise<void> {
  for (const refund of await refundsOf(tx, paymentId)) await applyRefund(tx, refund);
}

async function applyRefund(tx: GamificationTx, refund: RefundFact): Promise<void> {
  const earned = await tx.pointsEntry.findMany({
    where: { paymentId: refund.paymentId, reason: { in: ['TRIP_PAID', 'TRIP_DRIVEN'] }, delta: { gt: 0 } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  if (earned.length === 0) return; // the payment's points have not arrived yet: its award applies this refund
  await lockUsers(
    tx,
    earned.map((entry) => entry.userId),
  );
  const share = Math.min(refund.refundedTotalMinor, refund.paidMinor) / refund.paidMinor;
  for (const entry of earned) {
    const target = Math.floor(entry.delta * share);
    const taken = await tx.pointsEntry.aggregate({ where: { reversesEntryId: entry.id }, _sum: { delta: true } });
    const already = -(taken._sum.delta ?? 0);
    if (target - already <= 0) continue;
    const { balance } = await totalsOf(tx, entry.userId);
    const take = Math.min(target - already, Math.max(balance, 0));
    if (take <= 0) continue;
    await postAward(tx, {
      userId: entry.userId,
      delta: -take,
      reason: 'REFUND',
      sourceId: entry.sourceId,
      paymentId: refund.paymentId,
      reversesEntryId: entry.id,
      fleetId: entry.fleetId,
      cause: `refund:${refund.refundId}:${entry.id}`,
      note: `refund of ${refund.amountMinor} ${refund.currency}`,
      createdAt: refund.occurredAt,
      // Counted against the periods the points were earned in.
      board: { scope: entry.reason === 'TRIP_DRIVEN' ? 'DRIVERS' : 'RIDERS', at: entry.createdAt },
    });
  }
}
