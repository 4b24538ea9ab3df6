// The order in which methods are tried for one payment (MONEY.md "Which method pays"). Runs inside the caller's
// transaction; a card is never charged here — it is scheduled for the charger, which calls the provider outside
// any transaction.
import type { Tx } from '../store/db.js';
import type { Payment, PaymentCard } from '../store/prisma/client.js';
import type { Choice, Methods } from './methods.js';
import { emit, paymentEventBase } from './payment-events.js';
import type { Settler } from './settle.js';

export function createPaymentFlow({ settler, methods, wakeCharger }: { settler: Settler; methods: Methods; wakeCharger: () => void }) {
  async function schedule(tx: Tx, payment: Payment, card: PaymentCard): Promise<Payment> {
    const scheduled = await tx.payment.update({ where: { id: payment.id }, data: { cardId: card.id, nextAttemptAt: new Date() } });
    // The charger looks once this transaction has committed (woken too early it finds nothing and polls again).
    setImmediate(wakeCharger);
    return scheduled;
  }

  /** Nothing charged yet, or the card failed: the wallet when it holds it all, else owed. */
  async function walletOrOwed(tx: Tx, payment: Payment, failureCode: string): Promise<Payment> {
    if (await methods.walletCovers(tx, payment)) return settler.settle(tx, payment, { by: 'WALLET' });
    return settler.settle(tx, payment, { by: 'OWED', failureCode });
  }

  return {
    /** Starts paying a PENDING payment with the rider's choice. @returns the payment as it is now. */
    async start(tx: Tx, payment: Payment, choice: Choice): Promise<Payment> {
      switch (choice.method) {
        case 'CASH':
          // Cash needs a driver to hand it to (a fee before assignment cannot be paid in cash).
          if (payment.driverUserId) return settler.settle(tx, payment, { by: 'CASH' });
          break;
        case 'WALLET':
          if (await methods.walletCovers(tx, payment)) return settler.settle(tx, payment, { by: 'WALLET' });
          break;
        case 'CARD': {
          const card = await methods.usableCard(tx, payment.payerUserId, choice.cardId);
          if (card) return schedule(tx, payment, card);
          return walletOrOwed(tx, payment, 'no_usable_card');
        }
      }
      // Cash without a driver, or a wallet short of the amount: the default card, else the wallet, else owed.
      const card = await methods.usableCard(tx, payment.payerUserId, null);
      if (card) return schedule(tx, payment, card);
      return walletOrOwed(tx, payment, choice.method === 'WALLET' ? 'insufficient_funds' : 'no_usable_method');
    },

    /** The card failed for good (declined, or the provider unreachable after every retry). */
    async afterCardFailure(tx: Tx, payment: Payment, failureCode: string): Promise<Payment> {
      if (payment.purpose === 'TOP_UP') {
        const failed = await tx.payment.update({ where: { id: payment.id }, data: { status: 'FAILED', failureCode, nextAttemptAt: null } });
        await emit(tx, 'payment.failed', { ...paymentEventBase(failed), failureCode, outcome: 'DECLINED' });
        return failed;
      }
      const noted = await tx.payment.update({ where: { id: payment.id }, data: { failureCode } });
      return walletOrOwed(tx, noted, failureCode);
    },
  };
}

export type PaymentFlow = ReturnType<typeof createPaymentFlow>;
