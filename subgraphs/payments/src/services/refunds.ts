// Refunds (staff): money back to the payer of a paid payment, in part or in full. The driver's earnings and the
// platform's commission are reversed in proportion; the payer gets back exactly the amount: through the provider
// for a card charge, to the wallet for everything else (wallet, cash, a fare that was owed). MONEY.md.
import { recordAudit } from './payment-events.js';
import type { Viewer } from '../../../../platform/auth/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { PaymentProvider } from '../providers/provider.js';
import { ProviderUnavailableError } from '../providers/provider.js';
import type { PaymentsPrisma } from '../store/database.js';
import type { Tx } from '../store/db.js';
import type { Payment, Refund } from '../store/prisma/client.js';
import { lockPayment } from '../store/payment-lock.js';
import { claimKey, recordResult, requestHash } from './idempotency.js';
import { owned, platform, type Ledger, type Leg } from './ledger.js';
import type { Methods } from './methods.js';
import { emit, eventMoney, paymentEventBase } from './payment-events.js';
import { amountProblem, idempotencyKeyProblem, userError, type PaymentUserError } from './user-errors.js';

export interface RefundInput {
  paymentId: string;
  amount: { amountMinor: number; currency: string };
  reason: string;
  idempotencyKey: string;
}

export type RefundResult = { refund: Refund; payment: Payment; userErrors: [] } | { refund: null; payment: null; userErrors: PaymentUserError[] };

/** Thrown inside the transaction to roll it back (the idempotency key too) and answer with a user error. */
class Refused extends Error {
  constructor(readonly userError: PaymentUserError) {
    super(userError.message);
  }
}

export function createRefunds({
  prisma,
  ledger,
  methods,
  provider,
  logger,
}: {
  prisma: PaymentsPrisma;
  ledger: Ledger;
  methods: Methods;
  provider: PaymentProvider;
  logger: Logger;
}) {
  /** The reversal legs of `amount` of `payment`: its earnings/revenue legs in proportion, the payer's side exactly. */
  async function reversalLegs(tx: Tx, payment: Payment, amount: bigint, toCard: boolean): Promise<Leg[]> {
    if (payment.purpose === 'TOP_UP') {
      return [owned('RIDER_WALLET', payment.payerUserId, -amount), platform('PROVIDER_CLEARING', amount)];
    }
    const postings = await tx.posting.findMany({
      where: { entry: { paymentId: payment.id, cause: { not: 'REFUND' } }, amountMinor: { gt: 0 } },
      include: { account: true },
      orderBy: { amountMinor: 'desc' },
    });
    const total = postings.reduce((sum, p) => sum + p.amountMinor, 0n);
    const shares = postings.map((p) => ({ p, share: (p.amountMinor * amount) / total }));
    // Rounding goes to the largest leg (the driver's earnings), so the shares add up to exactly `amount`.
    const rest = amount - shares.reduce((sum, s) => sum + s.share, 0n);
    if (shares[0]) shares[0].share += rest;
    const payer = toCard ? platform('PROVIDER_CLEARING', amount) : owned('RIDER_WALLET', payment.payerUserId, amount);
    return [payer, ...shares.map(({ p, share }) => ({ kind: p.account.kind, ownerId: p.account.ownerId, amountMinor: -share }))];
  }

  async function complete(tx: Tx, refund: Refund, payment: Payment): Promise<{ refund: Refund; payment: Payment }> {
    await ledger.post(tx, refund.currency, {
      cause: 'REFUND',
      description: `Refund: ${refund.reason}`,
      paymentId: payment.id,
      refundId: refund.id,
      tripId: payment.tripId,
      actorUserId: refund.actorUserId,
      legs: await reversalLegs(tx, payment, refund.amountMinor, refund.method === 'CARD'),
    });
    const done = await tx.refund.update({ where: { id: refund.id }, data: { status: 'SUCCEEDED' } });
    const status = payment.refundedMinor === payment.amountMinor ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    const updated = await tx.payment.update({ where: { id: payment.id }, data: { status } });
    await emit(tx, 'payment.refunded', {
      ...paymentEventBase(updated),
      refundId: refund.id,
      amount: eventMoney(refund.amountMinor, refund.currency),
      refundedTotal: eventMoney(updated.refundedMinor, updated.currency),
      paid: eventMoney(updated.amountMinor, updated.currency),
      reason: refund.reason,
    });
    return { refund: done, payment: updated };
  }

  async function fail(tx: Tx, refund: Refund): Promise<{ refund: Refund; payment: Payment }> {
    const failed = await tx.refund.update({ where: { id: refund.id }, data: { status: 'FAILED' } });
    const payment = await tx.payment.update({ where: { id: refund.paymentId }, data: { refundedMinor: { decrement: refund.amountMinor } } });
    return { refund: failed, payment };
  }

  return {
    async refund(viewer: Viewer, input: RefundInput, maxAmountMinor: number): Promise<RefundResult> {
      const refuse = (error: PaymentUserError): RefundResult => ({ refund: null, payment: null, userErrors: [error] });
      const reason = input.reason.trim();
      const early =
        idempotencyKeyProblem(input.idempotencyKey) ??
        (reason.length < 1 || reason.length > 500 ? userError('INVALID_REASON', 'reason must be 1 to 500 characters', ['input', 'reason']) : null) ??
        (isUuid(input.paymentId) ? null : userError('PAYMENT_NOT_FOUND', 'no such payment', ['input', 'paymentId']));
      if (early) return refuse(early);
      const scope = { userId: viewer.userId, operation: 'refundPayment', key: input.idempotencyKey };
      const hash = requestHash({ paymentId: input.paymentId, amount: input.amount, reason });
      let created: { refund: Refund; payment: Payment; viaCard: boolean };
      try {
        created = await prisma.$transaction(async (tx) => {
          const firstId = await claimKey(tx, scope, hash);
          if (firstId) {
            const refund = await tx.refund.findUniqueOrThrow({ where: { id: firstId } });
            return { refund, payment: await tx.payment.findUniqueOrThrow({ where: { id: refund.paymentId } }), viaCard: false };
          }
          const payment = await lockPayment(tx, input.paymentId);
          if (!payment) throw new Refused(userError('PAYMENT_NOT_FOUND', 'no such payment', ['input', 'paymentId']));
          const amountError = amountProblem(input.amount, payment.currency, maxAmountMinor, ['input', 'amount']);
          if (amountError) throw new Refused(amountError);
          if (payment.status !== 'SUCCEEDED' && payment.status !== 'PARTIALLY_REFUNDED') {
            throw new Refused(userError('NOT_REFUNDABLE', `a ${payment.status} payment cannot be refunded`, ['input', 'paymentId']));
          }
          const amount = BigInt(input.amount.amountMinor);
          const left = payment.amountMinor - payment.refundedMinor;
          if (amount > left)
            throw new Refused(userError('REFUND_EXCEEDS_PAYMENT', `at most ${left} minor units are left to refund`, ['input', 'amount', 'amountMinor']));
          if (payment.purpose === 'TOP_UP' && !(await methods.walletCovers(tx, { ...payment, amountMinor: amount }))) {
            throw new Refused(userError('INSUFFICIENT_FUNDS', 'the wallet no longer holds this much of the top-up', ['input', 'amount', 'amountMinor']));
          }
          const viaCard = payment.method === 'CARD' && payment.providerPaymentId !== null;
          // Reserved now (the CHECK keeps refunded ≤ paid), so two refunds racing can never exceed the payment.
          const reserved = await tx.payment.update({ where: { id: payment.id }, data: { refundedMinor: { increment: amount } } });
          const refund = await tx.refund.create({
            data: {
              paymentId: payment.id,
              amountMinor: amount,
              currency: payment.currency,
              reason,
              method: viaCard ? 'CARD' : 'WALLET',
              actorUserId: viewer.userId,
            },
          });
          await recordResult(tx, scope, refund.id);
          await recordAudit(tx, viewer, {
            action: 'payment.refund',
            target: { type: 'Payment', id: payment.id },
            before: { refundedMinor: Number(payment.refundedMinor) },
            after: {
              refundedMinor: Number(reserved.refundedMinor),
              refundId: refund.id,
              refundMinor: Number(amount),
              currency: payment.currency,
              method: refund.method,
            },
            reason,
          });
          if (viaCard) return { refund, payment: reserved, viaCard };
          return { ...(await complete(tx, refund, reserved)), viaCard };
        });
      } catch (error) {
        if (error instanceof Refused) return refuse(error.userError);
        throw error;
      }
      if (!created.viaCard || created.refund.status !== 'PENDING') return { refund: created.refund, payment: created.payment, userErrors: [] };

      let outcome;
      try {
        outcome = await provider.refund({
          idempotencyKey: created.refund.id,
          providerPaymentId: created.payment.providerPaymentId!,
          amountMinor: Number(created.refund.amountMinor),
          metadata: { paymentId: created.payment.id, refundId: created.refund.id },
        });
      } catch (error) {
        if (!(error instanceof ProviderUnavailableError)) throw error;
        logger.warn({ refundId: created.refund.id }, 'refund: provider unavailable, refund failed');
        outcome = { status: 'failed' as const, providerRefundId: null, failureCode: 'provider_unavailable', message: error.message };
      }
      const applied = await prisma.$transaction(async (tx) => {
        const refund = await tx.refund.findUniqueOrThrow({ where: { id: created.refund.id } });
        const payment = (await lockPayment(tx, refund.paymentId))!;
        if (refund.status !== 'PENDING') return { refund, payment };
        if (outcome.status === 'failed') return fail(tx, refund);
        const withId = await tx.refund.update({ where: { id: refund.id }, data: { providerRefundId: outcome.providerRefundId } });
        if (outcome.status === 'pending') return { refund: withId, payment };
        return complete(tx, withId, payment);
      });
      return { ...applied, userErrors: [] };
    },

    /** A provider webhook about a refund (webhooks.ts), inside its transaction. */
    async onProviderRefund(tx: Tx, providerRefundId: string, succeeded: boolean): Promise<boolean> {
      const refund = await tx.refund.findUnique({ where: { providerRefundId } });
      if (!refund || refund.status !== 'PENDING') return false;
      const payment = (await lockPayment(tx, refund.paymentId))!;
      if (succeeded) await complete(tx, refund, payment);
      else await fail(tx, refund);
      return true;
    },
  };
}

export type Refunds = ReturnType<typeof createRefunds>;
