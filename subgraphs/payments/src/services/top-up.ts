// Top-ups: a rider adds money to their wallet by charging a saved card. The payment and its idempotency key commit
// first; the card is charged right after, in the request, through the charger (same claim, same provider key), so a
// request that dies mid-charge is finished by the background charger after its lease.
import type { Viewer } from '../../../../platform/auth/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { PaymentsPrisma } from '../store/database.js';
import type { Payment } from '../store/prisma/client.js';
import type { Charger } from './charger.js';
import { claimKey, recordResult, requestHash } from './idempotency.js';
import { amountProblem, idempotencyKeyProblem, userError, type PaymentUserError } from './user-errors.js';

export interface TopUpInput {
  amount: { amountMinor: number; currency: string };
  cardId: string;
  idempotencyKey: string;
}

export type TopUpResult = { payment: Payment | null; userErrors: PaymentUserError[] };

/** The charger picks a top-up up only after this long: the request charges it first. */
const REQUEST_LEASE_MS = 2 * 60_000;
/** Thrown inside the transaction to roll it back (the idempotency key with it). */
class CardNotFound extends Error {}

export function createTopUps({
  prisma,
  charger,
  currency,
  maxAmountMinor,
}: {
  prisma: PaymentsPrisma;
  charger: Charger;
  currency: string;
  maxAmountMinor: number;
}) {
  return {
    async topUp(viewer: Viewer, input: TopUpInput): Promise<TopUpResult> {
      const problem = idempotencyKeyProblem(input.idempotencyKey) ?? amountProblem(input.amount, currency, maxAmountMinor, ['input', 'amount']);
      if (problem) return { payment: null, userErrors: [problem] };
      const notFound = { payment: null, userErrors: [userError('PAYMENT_METHOD_NOT_FOUND', 'no such card of yours', ['input', 'cardId'])] };
      if (!isUuid(input.cardId)) return notFound;
      const scope = { userId: viewer.userId, operation: 'topUpWallet', key: input.idempotencyKey };
      const hash = requestHash({ amount: input.amount, cardId: input.cardId });

      const first = await prisma
        .$transaction(async (tx) => {
          const firstId = await claimKey(tx, scope, hash);
          if (firstId) return { payment: await tx.payment.findUniqueOrThrow({ where: { id: firstId } }), isNew: false };
          const card = await tx.paymentCard.findFirst({ where: { id: input.cardId, userId: viewer.userId, removedAt: null } });
          // Thrown, not returned: the transaction (and the key) rolls back, so the key can be used again.
          if (!card) throw new CardNotFound();
          const payment = await tx.payment.create({
            data: {
              purpose: 'TOP_UP',
              payerUserId: viewer.userId,
              requestedMethod: 'CARD',
              cardId: card.id,
              amountMinor: BigInt(input.amount.amountMinor),
              currency,
              actorUserId: viewer.userId,
              nextAttemptAt: new Date(Date.now() + REQUEST_LEASE_MS),
            },
          });
          await recordResult(tx, scope, payment.id);
          return { payment, isNew: true };
        })
        .catch((error: unknown) => {
          if (error instanceof CardNotFound) return null;
          throw error;
        });
      if (!first) return notFound;
      const payment = first.isNew ? ((await charger.chargeNow(first.payment.id)) ?? first.payment) : first.payment;
      const declined =
        payment.status === 'FAILED' ? [userError('CARD_DECLINED', `the card was declined (${payment.failureCode ?? 'declined'})`, ['input', 'cardId'])] : [];
      return { payment, userErrors: declined };
    },
  };
}

export type TopUps = ReturnType<typeof createTopUps>;
