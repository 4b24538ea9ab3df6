// Earning rules applied to durable events (consumer group "gamification", each event through handleOnce, so a
// redelivered event awards nothing twice; every entry also carries a unique cause, so even a replay under another
// event id cannot). Rules are looked up by the event's `occurredAt`: a rule change applies to events from then on
// and never rewrites entries already written. Awards that need two events (a referral and a first ride, a refund and
// its payment, a driver's rating and who the driver is) record the first one and award when the second arrives,
// whichever order they come in (earning-facts-store.ts).
import type { AnyEventEnvelope, DomainEvents } from '../../../../platform/events/index.js';
import type { GamificationTx } from '../store/ledger-store.js';
import { awardFareBatch, isPaidFare } from './fare-batch.js';
import { onTripRated } from './ratings.js';
import { onUserRegistered } from './referrals.js';
import { onPaymentRefunded } from './refunds.js';

export const EARNING_GROUP = 'gamification';
export const EARNING_TYPES = ['payment.succeeded', 'payment.refunded', 'trip.rated', 'user.registered'] as const;

export async function applyEarningEvent(tx: GamificationTx, event: AnyEventEnvelope): Promise<void> {
  if (event.type === 'payment.succeeded') await onPaymentSucceeded(tx, event.payload);
  else if (event.type === 'payment.refunded') await onPaymentRefunded(tx, event.payload);
  else if (event.type === 'trip.rated') await onTripRated(tx, event.payload);
  else if (event.type === 'user.registered') await onUserRegistered(tx, event.payload);
}

/**
 * A paid fare, alone: the batch path (fare-batch.ts) for a batch of one, so the consumer's batches and its
 * one-at-a-time fallback award by the same code (the rider per amount spent, the driver per trip, a first ride,
 * streaks, a referrer's first-ride award, refunds handled before their payment).
 */
async function onPaymentSucceeded(tx: GamificationTx, payment: DomainEvents['payment.succeeded']): Promise<void> {
  if (isPaidFare(payment)) await awardFareBatch(tx, [payment]);
}
