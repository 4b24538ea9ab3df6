// Which method pays: the rider's choice or default, and what each can do right now (MONEY.md "Which method pays").
import type { Tx } from '../store/db.js';
import type { Payment, PaymentCard, PaymentProfile } from '../store/prisma/client.js';
import { lockAccount } from '../store/ledger-store.js';
import type { Ledger } from './ledger.js';

export interface Choice {
  method: 'CARD' | 'WALLET' | 'CASH';
  cardId: string | null;
}

/** A rider's default as a choice: their profile's method (and default card for CARD), CASH for one who never chose. */
export function defaultChoiceOf(profile: PaymentProfile | null | undefined): Choice {
  if (!profile) return { method: 'CASH', cardId: null };
  return { method: profile.defaultMethod, cardId: profile.defaultMethod === 'CARD' ? profile.defaultCardId : null };
}

export function createMethods(ledger: Ledger) {
  return {
    /** The rider's default: their profile's, else CASH (never chose); the default card for CARD. */
    async defaultChoice(tx: Tx, userId: string): Promise<Choice> {
      return defaultChoiceOf(await tx.paymentProfile.findUnique({ where: { userId } }));
    },

    /** The card to charge: the chosen one when it is the payer's and not removed, else their default card, else none. */
    async usableCard(tx: Tx, userId: string, cardId: string | null): Promise<PaymentCard | null> {
      if (cardId) {
        const card = await tx.paymentCard.findFirst({ where: { id: cardId, userId, removedAt: null } });
        if (card) return card;
      }
      const profile = await tx.paymentProfile.findUnique({ where: { userId } });
      if (!profile?.defaultCardId) return null;
      return tx.paymentCard.findFirst({ where: { id: profile.defaultCardId, userId, removedAt: null } });
    },

    /**
     * Whether the payer's wallet holds the whole amount, with the wallet locked until commit so the answer stays
     * true for the posting that follows (two charges on one wallet serialize here).
     */
    async walletCovers(tx: Tx, payment: Payment): Promise<boolean> {
      const accountId = await ledger.accountId(tx, 'RIDER_WALLET', payment.payerUserId, payment.currency);
      const { balanceMinor } = await lockAccount(tx, accountId);
      return balanceMinor >= payment.amountMinor;
    },
  };
}

export type Methods = ReturnType<typeof createMethods>;
