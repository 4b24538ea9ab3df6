// Settling a payment: the one place a charge becomes ledger postings, a status, a receipt and events. Runs inside
// the caller's transaction with the payment row locked (or just created) and still PENDING.
import type { Tx } from '../store/db.js';
import type { Payment, PaymentMethodType } from '../store/prisma/client.js';
import { lockAccount } from '../store/ledger-store.js';
import { owned, platform, type Ledger, type Leg } from './ledger.js';
import { emit, eventMoney, paymentEventBase } from './payment-events.js';

/** How a payment is finally paid: a method, or OWED (the rider's balance due carries it). */
export type Settlement = { by: PaymentMethodType; cardId?: string | null; providerPaymentId?: string | null } | { by: 'OWED'; failureCode: string };

/** R-<year paid>-<the payment's receipt sequence, 6+ digits>: unique, never reused (gaps for payments never paid). */
export function receiptNumber(payment: Payment, paidAt: Date): string {
  return `R-${paidAt.getUTCFullYear()}-${String(payment.receiptSeq).padStart(6, '0')}`;
}

/** The cause and words of a payment's ledger entry. */
export function entryOf(payment: Payment): { cause: Payment['purpose']; description: string } {
  return { cause: payment.purpose, description: { TRIP_FARE: 'Trip fare', CANCELLATION_FEE: 'Cancellation fee', TOP_UP: 'Wallet top-up' }[payment.purpose] };
}

export function createSettler(ledger: Ledger) {
  /** Commission and the driver's share of a fare or fee (MONEY.md: the driver gets the rounding). */
  function split(payment: Payment): Leg[] {
    const amount = payment.amountMinor;
    if (!payment.driverUserId) return [platform('PLATFORM_REVENUE', amount)];
    const commission = (amount * BigInt(payment.commissionBps)) / 10_000n;
    return [owned('DRIVER_EARNINGS', payment.driverUserId, amount - commission), platform('PLATFORM_REVENUE', commission)];
  }

  /** The rider's balance due right now (≥ 0: what they owe) and its version, locking it. */
  async function lockDue(tx: Tx, userId: string, currency: string): Promise<{ owed: bigint; version: bigint }> {
    const { balanceMinor, version } = await lockAccount(tx, await ledger.accountId(tx, 'RIDER_BALANCE_DUE', userId, currency));
    return { owed: -balanceMinor, version };
  }

  async function announceDue(tx: Tx, userId: string, currency: string): Promise<void> {
    const { owed, version } = await lockDue(tx, userId, currency);
    await emit(tx, 'rider.balance_due.changed', { userId, due: eventMoney(owed, currency), sequence: Number(version), occurredAt: new Date().toISOString() });
  }

  /**
   * After a repayment: the payer's OWED payments are paid oldest first, as far as what was repaid reaches (their
   * sum minus what is still owed; earlier partial repayments count).
   */
  async function markRepaid(tx: Tx, payerUserId: string, currency: string, method: PaymentMethodType, at: Date): Promise<void> {
    const owed = await tx.payment.findMany({ where: { payerUserId, currency, status: 'OWED' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    const { owed: stillOwed } = await lockDue(tx, payerUserId, currency);
    let left = owed.reduce((sum, p) => sum + p.amountMinor, 0n) - stillOwed;
    for (const payment of owed) {
      if (payment.amountMinor > left) break;
      left -= payment.amountMinor;
      const paid = await tx.payment.update({
        where: { id: payment.id },
        data: { status: 'SUCCEEDED', method, paidAt: at, receiptNumber: receiptNumber(payment, at) },
      });
      await emit(tx, 'payment.succeeded', { ...paymentEventBase(paid), driverUserId: paid.driverUserId, method, receiptNumber: paid.receiptNumber! });
    }
  }

  /**
   * Money from the provider for a rider (a top-up, a RIDER_BALANCE payment link): it repays what the rider owes first,
   * the rest goes to the wallet. The balance due stays locked until commit; call `afterRepayment` once posted.
   */
  async function repaymentLegs(tx: Tx, payerUserId: string, currency: string, amount: bigint): Promise<{ legs: Leg[]; repaid: bigint }> {
    const due = await lockDue(tx, payerUserId, currency);
    const repaid = due.owed < amount ? due.owed : amount;
    return {
      legs: [platform('PROVIDER_CLEARING', -amount), owned('RIDER_BALANCE_DUE', payerUserId, repaid), owned('RIDER_WALLET', payerUserId, amount - repaid)],
      repaid,
    };
  }

  return {
    repaymentLegs,
    /** After a repayment's entry: the rider's owed payments it reaches are marked paid, the new balance due announced. */
    async afterRepayment(tx: Tx, payerUserId: string, currency: string, repaid: bigint, method: PaymentMethodType, at: Date): Promise<void> {
      if (repaid <= 0n) return;
      await markRepaid(tx, payerUserId, currency, method, at);
      await announceDue(tx, payerUserId, currency);
    },
    /**
     * The legs of a fare or fee paid by `by` (the payer's side, then the driver's earnings and the commission), for a
     * batch that posts many entries at once (batch-settlement.ts); `settle` builds the same.
     */
    fareLegs(payment: Payment, by: 'WALLET' | 'CASH'): Leg[] {
      const payer =
        by === 'WALLET'
          ? owned('RIDER_WALLET', payment.payerUserId, -payment.amountMinor)
          : owned('DRIVER_CASH_HELD', payment.driverUserId!, -payment.amountMinor);
      return [payer, ...split(payment)];
    },
    /**
     * Posts the payment's entry for `settlement`, updates its row and emits what changed.
     * @returns the payment as updated.
     */
    async settle(tx: Tx, payment: Payment, settlement: Settlement): Promise<Payment> {
      const at = new Date();
      const { amountMinor: amount, currency } = payment;
      const { cause, description } = entryOf(payment);
      let legs: Leg[];
      let dueChanged = false;
      let repaid = 0n;
      if (settlement.by === 'OWED') {
        legs = [owned('RIDER_BALANCE_DUE', payment.payerUserId, -amount), ...split(payment)];
        dueChanged = true;
      } else if (payment.purpose === 'TOP_UP') {
        ({ legs, repaid } = await repaymentLegs(tx, payment.payerUserId, currency, amount));
        dueChanged = repaid > 0n;
      } else {
        const payer: Leg | null = {
          CARD: platform('PROVIDER_CLEARING', -amount),
          WALLET: owned('RIDER_WALLET', payment.payerUserId, -amount),
          CASH: payment.driverUserId ? owned('DRIVER_CASH_HELD', payment.driverUserId, -amount) : null,
        }[settlement.by];
        // methods.ts offers cash only when a driver collected it.
        if (!payer) throw new Error(`payment ${payment.id}: cash without a driver`);
        legs = [payer, ...split(payment)];
      }
      await ledger.post(tx, currency, { cause, description, paymentId: payment.id, tripId: payment.tripId, actorUserId: payment.actorUserId, legs });

      const paid = settlement.by !== 'OWED';
      const updated = await tx.payment.update({
        where: { id: payment.id },
        data: paid
          ? {
              status: 'SUCCEEDED',
              method: settlement.by,
              cardId: settlement.by === 'CARD' ? (settlement.cardId ?? payment.cardId) : payment.cardId,
              providerPaymentId: settlement.providerPaymentId ?? payment.providerPaymentId,
              paidAt: at,
              receiptNumber: receiptNumber(payment, at),
              nextAttemptAt: null,
            }
          : { status: 'OWED', failureCode: settlement.failureCode, nextAttemptAt: null },
      });
      if (paid) {
        await emit(tx, 'payment.succeeded', {
          ...paymentEventBase(updated),
          driverUserId: updated.driverUserId,
          method: settlement.by,
          receiptNumber: updated.receiptNumber!,
        });
      } else {
        await emit(tx, 'payment.failed', { ...paymentEventBase(updated), failureCode: settlement.failureCode, outcome: 'OWED' });
      }
      if (repaid > 0n) await markRepaid(tx, payment.payerUserId, currency, 'CARD', at);
      if (dueChanged) await announceDue(tx, payment.payerUserId, currency);
      return updated;
    },
  };
}

export type Settler = ReturnType<typeof createSettler>;
