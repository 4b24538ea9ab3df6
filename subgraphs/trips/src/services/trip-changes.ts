// Writing one status change: the trip row, its history row and its domain event, always together in the caller's
// transaction; and the cancellation every cancelling path (rider, driver, operations, the dispatcher) shares.
import { outboxEvent, type EventMoney } from '../../../../platform/events/index.js';
import type { Prisma, Trip, TripActorRole, TripStatus } from '../store/prisma/client.js';
import type { TripsStores } from '../store/store.js';
import { eventPayment } from './payment-choice.js';

export interface Actor {
  role: TripActorRole;
  /** null for SYSTEM. */
  userId: string | null;
}

/** What a change records besides its columns. */
export interface ChangeDetails {
  /** Why (cancellations); goes into the history row. */
  reason?: string | null;
  /**
   * The name of the trip's city (its pricing rule's), for trip.completed and trip.cancelled: payments' commission
   * rules depend on it. The callers read it with the rule they need anyway; null for a trip without a rule.
   */
  city?: string | null;
}

/** Moves `trip` to `to` with `data`, records the history row and writes the transition's event. */
export async function changeStatus(
  tx: TripsStores,
  trip: Trip,
  to: TripStatus,
  data: Omit<Prisma.TripUncheckedUpdateInput, 'status'>,
  actor: Actor,
  at: Date,
  details: ChangeDetails = {},
): Promise<Trip> {
  const reason = details.reason ?? null;
  const updated = await tx.trips.update(trip.id, { ...data, status: to });
  await tx.trips.addStatusChange({ tripId: trip.id, fromStatus: trip.status, toStatus: to, at, actorUserId: actor.userId, actorRole: actor.role, reason });
  const event = eventFor(updated, at, details.city ?? null);
  if (event) await tx.outbox.add(event);
  return updated;
}

/** The city name of a trip's pricing rule (null for trips recorded before pricing), for callers without the rule. */
export async function cityOf(tx: TripsStores, trip: Trip): Promise<string | null> {
  return trip.pricingRuleId ? ((await tx.pricing.findRuleWithCity(trip.pricingRuleId))?.cityName ?? null) : null;
}

function eventFor(trip: Trip, at: Date, city: string | null) {
  const occurredAt = at.toISOString();
  const base = { tripId: trip.id, riderUserId: trip.riderUserId };
  switch (trip.status) {
    case 'DRIVER_ASSIGNED':
      return outboxEvent(
        'trip.assigned',
        { ...base, driverId: trip.driverId!, driverUserId: trip.driverUserId!, fleetId: trip.fleetId!, vehicleId: trip.vehicleId, occurredAt },
        at,
      );
    case 'DRIVER_ARRIVED':
      return outboxEvent('trip.arrived', { ...base, driverId: trip.driverId!, occurredAt }, at);
    case 'IN_PROGRESS':
      return outboxEvent('trip.started', { ...base, driverId: trip.driverId!, occurredAt }, at);
    case 'COMPLETED':
      return outboxEvent(
        'trip.completed',
        {
          ...base,
          driverId: trip.driverId!,
          driverUserId: trip.driverUserId!,
          fleetId: trip.fleetId!,
          fare: { amountMinor: trip.fareMinor!, currency: trip.currency },
          distanceMeters: trip.distanceMeters!,
          durationSeconds: trip.durationSeconds!,
          city,
          category: trip.category,
          payment: eventPayment(trip),
          vehicleId: trip.vehicleId,
          occurredAt,
        },
        at,
      );
    case 'CANCELLED': {
      const fee: EventMoney | null = trip.cancellationFeeMinor === null ? null : { amountMinor: trip.cancellationFeeMinor, currency: trip.currency };
      return outboxEvent(
        'trip.cancelled',
        {
          ...base,
          driverId: trip.driverId,
          cancelledBy: trip.cancelledBy!,
          reason: trip.cancellationReason ?? '',
          cancellationFee: fee,
          driverUserId: trip.driverUserId,
          fleetId: trip.fleetId,
          city,
          category: trip.category,
          payment: eventPayment(trip),
          occurredAt,
        },
        at,
      );
    }
    default:
      return null;
  }
}

/**
 * Cancels a trip the caller locked and authorised: frees the rider's and driver's active slots, withdraws a
 * pending offer, records who and why. The fee is the caller's decision (see cancellationFee in trip-service).
 * @param city the trip's city name (see ChangeDetails.city).
 */
export async function cancel(
  tx: TripsStores,
  trip: Trip,
  actor: Actor,
  reason: string | null,
  feeMinor: number | null,
  at: Date,
  city: string | null,
): Promise<Trip> {
  await tx.dispatch.withdrawPending({ tripId: trip.id }, at);
  return changeStatus(
    tx,
    trip,
    'CANCELLED',
    {
      cancelledAt: at,
      cancelledBy: actor.role,
      cancelledByUserId: actor.userId,
      cancellationReason: reason,
      cancellationFeeMinor: feeMinor,
      activeRiderId: null,
      activeDriverId: null,
    },
    actor,
    at,
    { reason, city },
  );
}
