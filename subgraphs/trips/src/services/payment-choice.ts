// How a rider pays for a trip: chosen at request, stored on the trip, carried in its events for payments to settle.
// trips checks only the shape of the choice; whether the card is the rider's and usable is payments' call at
// settlement (it falls back as MONEY.md describes), since trips never reads payments' tables.
import type { EventPaymentChoice } from '../../../../platform/events/catalogue.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { TripPaymentInput } from '../generated/resolvers-types.js';
import type { PaymentMethodType, Trip } from '../store/prisma/client.js';
import { userError, type TripUserError } from './user-errors.js';

export interface PaymentChoice {
  paymentMethod: PaymentMethodType | null;
  paymentCardId: string | null;
}

const CARD_ID = ['input', 'payment', 'cardId'];

/** The trip columns for `input` (null: the rider's default method), or what is wrong with it. */
export function paymentChoice(input: TripPaymentInput | null | undefined): PaymentChoice | TripUserError {
  if (!input) return { paymentMethod: null, paymentCardId: null };
  const cardId = input.cardId ?? null;
  if (input.method !== 'CARD') {
    if (cardId !== null) return userError('INVALID_PAYMENT', `A card id goes only with CARD, not with ${input.method}`, CARD_ID);
    return { paymentMethod: input.method, paymentCardId: null };
  }
  if (cardId === null) return userError('INVALID_PAYMENT', 'Paying by card needs the id of a saved card (PaymentMethod.id)', CARD_ID);
  if (!isUuid(cardId)) return userError('INVALID_PAYMENT', 'The card id is not the id of a saved card (PaymentMethod.id)', CARD_ID);
  return { paymentMethod: 'CARD', paymentCardId: cardId };
}

/** The choice as trip.requested, .completed and .cancelled carry it; null: the rider's default method. */
export function eventPayment(trip: Pick<Trip, 'paymentMethod' | 'paymentCardId'>): EventPaymentChoice | null {
  return trip.paymentMethod ? { method: trip.paymentMethod, cardId: trip.paymentCardId } : null;
}
