// The charger: charges PENDING card payments through the provider, outside any database transaction. A payment is
// claimed (attempts + 1, a 2-minute lease) in a short transaction with FOR UPDATE SKIP LOCKED, so replicas share
// the work and a process that dies mid-charge leaves it to be claimed again; the provider's idempotency key
// (`<paymentId>:<cardId>`) makes that retry return the first charge instead of charging twice. The outcome is
// applied in a second transaction, only if the payment is still the attempt that was claimed.
import { createPollingLoop } from '../../../../platform/jobs/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { PaymentsPrisma } from '../store/database.js';
import { lockPayment } from '../store/payment-lock.js';
import type { Payment } from '../store/prisma/client.js';
import { ProviderUnavailableError, type ChargeOutcome, type PaymentProvider } from '../providers/provider.js';
import { emit, paymentEventBase } from './payment-events.js';
import type { PaymentFlow } from './payment-flow.js';
import type { Settler } from './settle.js';

/** After the 1st…4th unreachable attempt, wait this long (MONEY.md); the 5th failure counts as declined. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
const LEASE_MS = 2 * 60_000;

export type AttemptOutcome = ChargeOutcome | { status: 'unavailable'; message: string };

export interface ChargerDeps {
  prisma: PaymentsPrisma;
  provider: PaymentProvider;
  settler: Settler;
  flow: () => PaymentFlow;
  logger: Logger;
  /** Called after an outcome committed (it wrote events). */
  afterCommit?: () => void;
  /** Default 1000 ms: how often due payments are looked for without a wake-up. */
  pollIntervalMs?: number;
}

export function createCharger({ prisma, provider, settler, flow, logger, afterCommit, pollIntervalMs = 1000 }: ChargerDeps) {
  async function claim(where: { id?: string }): Promise<Payment[]> {
    return prisma.$transaction(async (tx) => {
      const ids = where.id
        ? await tx.$queryRaw<
            { id: string }[]
          >`select id from payments.payments where id = ${where.id}::uuid and status = 'PENDING' and card_id is not null and provider_payment_id is null for update skip locked`
        : await tx.$queryRaw<
            { id: string }[]
          >`select id from payments.payments where status = 'PENDING' and card_id is not null and provider_payment_id is null and next_attempt_at <= now() order by next_attempt_at limit 20 for update skip locked`;
      if (ids.length === 0) return [];
      const lease = new Date(Date.now() + LEASE_MS);
      await tx.payment.updateMany({ where: { id: { in: ids.map((r) => r.id) } }, data: { attempts: { increment: 1 }, nextAttemptAt: lease } });
      return tx.payment.findMany({ where: { id: { in: ids.map((r) => r.id) } } });
    });
  }

  async function callProvider(payment: Payment): Promise<AttemptOutcome> {
    const [card, profile] = await Promise.all([
      prisma.paymentCard.findUnique({ where: { id: payment.cardId! } }),
      prisma.paymentProfile.findUnique({ where: { userId: payment.payerUserId } }),
    ]);
    // Removed after the payment was scheduled: never charged again (the rider took it away).
    if (!card || card.removedAt || !profile?.providerCustomerId)
      return { status: 'declined', providerPaymentId: null, declineCode: 'no_usable_card', message: 'the card was removed' };
    try {
      return await provider.charge({
        idempotencyKey: `${payment.id}:${card.id}`,
        customerId: profile.providerCustomerId,
        providerMethodId: card.providerMethodId,
        amountMinor: Number(payment.amountMinor),
        currency: payment.currency,
        description: payment.purpose === 'TOP_UP' ? 'Ridegraph wallet top-up' : `Ridegraph trip ${payment.tripId ?? ''}`.trim(),
        metadata: { paymentId: payment.id, purpose: payment.purpose },
      });
    } catch (error) {
      if (error instanceof ProviderUnavailableError) return { status: 'unavailable', message: error.message };
      throw error;
    }
  }

  /** Applies one attempt's outcome if the payment is still that attempt. @returns the payment as it is now. */
  async function apply(claimed: Payment, outcome: AttemptOutcome): Promise<Payment> {
    return prisma.$transaction(async (tx) => {
      const payment = await lockPayment(tx, claimed.id);
      if (!payment || payment.status !== 'PENDING' || payment.attempts !== claimed.attempts || payment.providerPaymentId) return payment ?? claimed;
      switch (outcome.status) {
        case 'succeeded':
          return settler.settle(tx, payment, { by: 'CARD', cardId: payment.cardId, providerPaymentId: outcome.providerPaymentId });
        case 'pending':
          // Confirmed later by the provider's webhook (webhooks.ts).
          return tx.payment.update({ where: { id: payment.id }, data: { providerPaymentId: outcome.providerPaymentId, nextAttemptAt: null } });
        case 'declined':
          return flow().afterCardFailure(tx, payment, outcome.declineCode);
        case 'unavailable': {
          if (payment.attempts >= MAX_ATTEMPTS) return flow().afterCardFailure(tx, payment, 'provider_unavailable');
          const next = new Date(Date.now() + RETRY_DELAYS_MS[payment.attempts - 1]!);
          const retrying = await tx.payment.update({ where: { id: payment.id }, data: { nextAttemptAt: next, failureCode: 'provider_unavailable' } });
          await emit(tx, 'payment.failed', { ...paymentEventBase(retrying), failureCode: 'provider_unavailable', outcome: 'RETRYING' });
          return retrying;
        }
      }
    });
  }

  async function chargeOne(payment: Payment): Promise<Payment> {
    const applied = await apply(payment, await callProvider(payment));
    afterCommit?.();
    return applied;
  }

  async function pass(): Promise<number> {
    const due = await claim({});
    for (const payment of due) {
      await chargeOne(payment).catch((error: unknown) =>
        logger.error({ err: error, paymentId: payment.id }, 'charging a payment failed; retried after its lease'),
      );
    }
    return due.length;
  }

  const loop = createPollingLoop({ name: 'charger', pass, pollIntervalMs, logger });

  return {
    start: loop.start,
    /** Looks for due payments now (after a commit that scheduled one); a no-op before `start` (tests drain by hand). */
    wake: loop.wake,
    /** Claims and charges one payment now (a top-up, in its request). @returns the payment after the attempt, or null if someone else holds it. */
    async chargeNow(paymentId: string): Promise<Payment | null> {
      const [payment] = await claim({ id: paymentId });
      return payment ? chargeOne(payment) : null;
    },
    /** Tests: runs passes until nothing is due. */
    drain: loop.drain,
    stop: loop.stop,
  };
}

export type Charger = ReturnType<typeof createCharger>;
