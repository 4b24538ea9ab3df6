// The trip lifecycle: request, accept/decline an offer, manual assignment, arrive, start, complete, cancel, rate.
// Every change locks the trip row, asks the transition table, writes the trip, its history row and its outbox
// event in one transaction, and only after commit publishes live and triggers dispatch.
import { auditEvent } from '../../../../platform/audit/index.js';
import { canSeeFleet, hasAnyRole, seesEverything, type Viewer } from '../../../../platform/auth/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import { outboxEvent } from '../../../../platform/events/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import type { Clock } from '../clock.js';
import type { TripsConfig } from '../config.js';
import type { DispatchOffer, PricingRule, Trip, TripActorRole } from '../store/prisma/client.js';
import { isUniqueViolation, type TripsStore, type TripsStores } from '../store/store.js';
import type { DispatchService } from './dispatch-service.js';
import type { TripsLive } from './live.js';
import { haversineMeters } from '../../../../platform/geo/index.js';
import { fareMinor } from './pricing.js';
import type { PricingService, RideInput } from './pricing-service.js';
import { rolesOn, signedIn } from './trip-access.js';
import type { TripPaymentInput } from '../generated/resolvers-types.js';
import { eventPayment, paymentChoice } from './payment-choice.js';
import { cancel, changeStatus, type Actor, type ChangeDetails } from './trip-changes.js';
import { authorizeTransition, illegalTransition, type TripAction } from './transitions.js';
import { userError, type TripUserError } from './user-errors.js';

export interface TripResult {
  trip: Trip | null;
  userErrors: TripUserError[];
}

export interface OfferResult {
  offer: DispatchOffer | null;
  /** The offer's trip as locked while answering (null only when it is gone). */
  trip: Trip | null;
  userErrors: TripUserError[];
}

/** A quote stays valid for a request whose points are this close to the quoted ones (GPS jitter). */
const QUOTE_TOLERANCE_METERS = 100;
const MAX_TEXT = 500;
/** A driven route may be up to this many times the longest ride (detours); more is a broken odometer, not a fare. */
const DETOUR_FACTOR = 2;

const fail = (...userErrors: TripUserError[]): TripResult => ({ trip: null, userErrors });
const ok = (trip: Trip): TripResult => ({ trip, userErrors: [] });
const tripNotFound = (id: string) => new AppError('NOT_FOUND', `Trip ${id} was not found`);
const offerNotFound = (id: string) => new AppError('NOT_FOUND', `Offer ${id} was not found`);

/**
 * The fee a cancellation costs the rider: only a rider cancelling after the driver arrived, or later than the
 * rule's free period after assignment, pays the rule's cancellation fee. Drivers, operations and the system cancel
 * for free (the rider did nothing wrong).
 */
export function cancellationFee(
  actor: TripActorRole,
  trip: Trip,
  rule: Pick<PricingRule, 'cancellationFeeMinor' | 'freeCancellationSeconds'> | null,
  at: Date,
): number | null {
  if (actor !== 'RIDER' || !rule) return null;
  if (trip.status === 'DRIVER_ARRIVED') return rule.cancellationFeeMinor;
  if (trip.status === 'DRIVER_ASSIGNED' && trip.assignedAt && at.getTime() - trip.assignedAt.getTime() > rule.freeCancellationSeconds * 1000) {
    return rule.cancellationFeeMinor;
  }
  return null;
}

export type TripService = ReturnType<typeof createTripService>;

export function createTripService(deps: {
  store: TripsStore;
  config: Pick<TripsConfig, 'maxTripDistanceMeters' | 'maxFareMinor'>;
  clock: Clock;
  live: TripsLive;
  pricing: PricingService;
  dispatch: DispatchService;
}) {
  const { store, config, clock, live, pricing, dispatch } = deps;
  const maxDrivenMeters = DETOUR_FACTOR * config.maxTripDistanceMeters;

  /** Locks the trip and checks the viewer may see it (an invisible trip is NOT_FOUND, like an unknown id). */
  async function lockVisible(tx: TripsStores, viewer: Viewer, tripId: string): Promise<{ trip: Trip; roles: TripActorRole[] }> {
    const trip = isUuid(tripId) ? await tx.trips.lock(tripId) : null;
    const roles = trip ? rolesOn(viewer, trip) : [];
    if (!trip || !roles.length) throw tripNotFound(tripId);
    return { trip, roles };
  }

  /**
   * A driver-side step (arrive, start, complete): the trip's driver moves it along the table.
   * @param change the columns the step sets besides the status (`set`), and what its event needs besides the trip.
   */
  async function driverStep(
    viewer: Viewer | null,
    tripId: string,
    action: TripAction,
    change: (trip: Trip, tx: TripsStores, at: Date) => Promise<{ set: Parameters<typeof changeStatus>[3]; details?: ChangeDetails }>,
  ): Promise<TripResult> {
    const who = signedIn(viewer, action);
    const at = clock.now();
    const trip = await store.transaction(async (tx) => {
      const { trip, roles } = await lockVisible(tx, who, tripId);
      const { actor, to } = authorizeTransition(action, roles, trip.status);
      const { set, details } = await change(trip, tx, at);
      return changeStatus(tx, trip, to, set, { role: actor, userId: who.userId }, at, details);
    });
    await live.tripChanged(trip, at);
    return ok(trip);
  }

  /** Checks a quote against the request; the quote or the reason it cannot be used. */
  async function usableQuote(viewer: Viewer, quoteId: string, input: RideInput) {
    const invalid = userError('INVALID_QUOTE', 'This quote cannot be used for this request; estimate the fare again', ['input', 'quoteId']);
    const quote = isUuid(quoteId) ? await store.pricing.findQuote(quoteId) : null;
    if (!quote || quote.riderUserId !== viewer.userId || quote.category !== input.category) return invalid;
    const near = (lat: number, lng: number, point: RideInput['pickup']) => haversineMeters({ latitude: lat, longitude: lng }, point) <= QUOTE_TOLERANCE_METERS;
    if (!near(quote.pickupLatitude, quote.pickupLongitude, input.pickup) || !near(quote.dropoffLatitude, quote.dropoffLongitude, input.dropoff)) return invalid;
    if (quote.expiresAt.getTime() <= clock.now().getTime())
      return userError('QUOTE_EXPIRED', 'This quote has expired; estimate the fare again', ['input', 'quoteId']);
    return quote;
  }

  return {
    /**
     * Creates the trip (REQUESTED) at the quoted or current price with the rider's payment choice and offers it to
     * the nearest driver. A rider who owes money from earlier rides (payments' `rider.balance_due.changed`) gets
     * BALANCE_DUE until it is repaid.
     * @throws AppError CONFLICT when the rider already has a trip in progress (extensions.activeTripId).
     */
    async requestTrip(viewer: Viewer | null, input: RideInput & { quoteId?: string | null; payment?: TripPaymentInput | null }): Promise<TripResult> {
      const rider = signedIn(viewer, 'requestTrip');
      const invalid = pricing.checkRide(input);
      if (invalid) return fail(invalid);
      const payment = paymentChoice(input.payment);
      if ('code' in payment) return fail(payment);
      let price: {
        pricingRuleId: string;
        currency: string;
        amountMinor: number;
        distanceMeters: number;
        durationSeconds: number;
        surgeTenths: number;
        quoteId: string | null;
      };
      if (input.quoteId) {
        const quote = await usableQuote(rider, input.quoteId, input);
        if ('code' in quote) return fail(quote);
        price = { ...quote, quoteId: quote.id };
      } else {
        const priced = await pricing.price(input);
        if ('code' in priced) return fail(priced);
        price = { ...priced, pricingRuleId: priced.rule.id, currency: priced.city.currency, quoteId: null };
      }
      const at = clock.now();
      let result: Trip | TripUserError;
      try {
        result = await store.transaction(async (tx) => {
          // Read in the transaction that creates the trip, as late as possible: a debt reported while the rider
          // was being priced still counts.
          if (await tx.balances.owes(rider.userId)) {
            return userError('BALANCE_DUE', 'You owe money from earlier rides; top up your wallet to repay it before requesting a trip');
          }
          const created = await tx.trips.create({
            riderUserId: rider.userId,
            activeRiderId: rider.userId,
            category: input.category,
            status: 'REQUESTED',
            currency: price.currency,
            requestedAt: at,
            pickupLatitude: input.pickup.latitude,
            pickupLongitude: input.pickup.longitude,
            dropoffLatitude: input.dropoff.latitude,
            dropoffLongitude: input.dropoff.longitude,
            pricingRuleId: price.pricingRuleId,
            quoteId: price.quoteId,
            estimatedFareMinor: price.amountMinor,
            estimatedDistanceMeters: price.distanceMeters,
            estimatedDurationSeconds: price.durationSeconds,
            surgeTenths: price.surgeTenths,
            ...payment,
          });
          await tx.trips.addStatusChange({
            tripId: created.id,
            fromStatus: null,
            toStatus: 'REQUESTED',
            at,
            actorUserId: rider.userId,
            actorRole: 'RIDER',
            reason: null,
          });
          await tx.outbox.add(
            outboxEvent(
              'trip.requested',
              {
                tripId: created.id,
                riderUserId: rider.userId,
                category: input.category,
                pickup: input.pickup,
                dropoff: input.dropoff,
                payment: eventPayment(created),
                occurredAt: at.toISOString(),
              },
              at,
            ),
          );
          return created;
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Either slot: the rider's active trip, or the quote a parallel request of theirs already used.
        const active = await store.trips.findActiveByRider(rider.userId);
        if (active) throw new AppError('CONFLICT', 'You already have a trip in progress', { extensions: { activeTripId: active.id } });
        return fail(userError('INVALID_QUOTE', 'This quote was already used for a trip', ['input', 'quoteId']));
      }
      if ('code' in result) return fail(result);
      const trip = result;
      await live.tripChanged(trip, at);
      await dispatch.dispatchQuietly([trip.id]);
      return ok(trip);
    },

    /**
     * The offered driver takes the trip: offer ACCEPTED and trip DRIVER_ASSIGNED in one transaction.
     * @throws AppError NOT_FOUND for an offer that is not the viewer's; ILLEGAL_STATE_TRANSITION when the offer is
     *   not pending or has expired, or the trip is no longer waiting; CONFLICT when the driver is on another trip.
     */
    async acceptTrip(viewer: Viewer | null, offerId: string): Promise<TripResult> {
      const driver = signedIn(viewer, 'acceptTrip');
      const offer = isUuid(offerId) ? await store.dispatch.findOfferById(offerId) : null;
      if (!offer || offer.driverUserId !== driver.userId) throw offerNotFound(offerId);
      const at = clock.now();
      let trip: Trip;
      try {
        trip = await store.transaction(async (tx) => {
          const locked = await tx.trips.lock(offer.tripId);
          // Read again under the trip lock: a parallel accept, decline, expiry or withdrawal may have won.
          const current = await tx.dispatch.findOfferById(offer.id);
          if (!locked || !current) throw offerNotFound(offerId);
          if (current.status !== 'PENDING')
            throw new AppError('ILLEGAL_STATE_TRANSITION', `The offer is ${current.status}`, { extensions: { currentStatus: current.status } });
          if (current.expiresAt.getTime() <= at.getTime())
            throw new AppError('ILLEGAL_STATE_TRANSITION', 'The offer has expired', { extensions: { currentStatus: 'EXPIRED' } });
          const { to } = authorizeTransition('assign', ['DRIVER'], locked.status);
          const supply = await tx.dispatch.findSupply(current.driverId);
          await tx.dispatch.closeOffer(current.id, 'ACCEPTED', at);
          return changeStatus(
            tx,
            locked,
            to,
            {
              driverId: current.driverId,
              driverUserId: current.driverUserId,
              fleetId: supply?.fleetId ?? current.fleetId,
              vehicleId: supply?.vehicleId ?? null,
              assignedAt: at,
              activeDriverId: current.driverId,
            },
            { role: 'DRIVER', userId: driver.userId },
            at,
          );
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'You are already on another trip');
        throw error;
      }
      await live.tripChanged(trip, at);
      return ok(trip);
    },

    /**
     * The offered driver turns the trip down; it goes to the next driver.
     * @throws AppError NOT_FOUND for an offer that is not the viewer's; ILLEGAL_STATE_TRANSITION when not pending.
     */
    async declineTrip(viewer: Viewer | null, offerId: string): Promise<OfferResult> {
      const driver = signedIn(viewer, 'declineTrip');
      const offer = isUuid(offerId) ? await store.dispatch.findOfferById(offerId) : null;
      if (!offer || offer.driverUserId !== driver.userId) throw offerNotFound(offerId);
      const at = clock.now();
      const { declined, trip } = await store.transaction(async (tx) => {
        // Declining changes no trip column, so the row read for the lock is the trip the payload shows.
        const trip = await tx.trips.lock(offer.tripId);
        const closed = await tx.dispatch.closeOffer(offer.id, 'DECLINED', at);
        if (!closed) {
          const current = await tx.dispatch.findOfferById(offer.id);
          throw new AppError('ILLEGAL_STATE_TRANSITION', `The offer is ${current?.status}`, { extensions: { currentStatus: current?.status } });
        }
        return { declined: closed, trip };
      });
      await dispatch.dispatchQuietly([offer.tripId]);
      return { offer: declined, trip, userErrors: [] };
    },

    /**
     * Manual dispatch by operations (or the manager of the driver's fleet): assigns a REQUESTED trip to an
     * AVAILABLE driver of its category and withdraws pending offers of the trip and of the driver. A fleet manager
     * may address any waiting trip (it has no fleet before assignment) but only their fleets' drivers.
     * @throws AppError FORBIDDEN for non-staff; NOT_FOUND for an unknown (or, assigned, invisible) trip;
     *   ILLEGAL_STATE_TRANSITION unless REQUESTED.
     */
    async assignTrip(viewer: Viewer | null, tripId: string, driverId: string): Promise<TripResult> {
      const staff = signedIn(viewer, 'assignTrip');
      if (!seesEverything(staff) && !hasAnyRole(staff, ['FLEET_MANAGER']))
        throw new AppError('FORBIDDEN', 'Only operations staff and fleet managers assign trips');
      const driverNotFound = userError('DRIVER_NOT_FOUND', 'Dispatch knows no driver with this id', ['driverId']);
      const supply = isUuid(driverId) ? await store.dispatch.findSupply(driverId) : null;
      if (!supply || !canSeeFleet(staff, supply.fleetId)) return fail(driverNotFound);
      const at = clock.now();
      let result: { trip: Trip; withdrawn: DispatchOffer[] } | TripUserError;
      try {
        result = await store.transaction(async (tx) => {
          const trip = isUuid(tripId) ? await tx.trips.lock(tripId) : null;
          if (!trip || (trip.status !== 'REQUESTED' && !rolesOn(staff, trip).includes('OPERATIONS'))) throw tripNotFound(tripId);
          const { to } = authorizeTransition('assign', ['OPERATIONS'], trip.status);
          const current = await tx.dispatch.findSupply(driverId);
          if (!current || current.status !== 'AVAILABLE' || current.category !== trip.category) {
            return userError('DRIVER_UNAVAILABLE', `The driver is not available for ${trip.category} trips`, ['driverId']);
          }
          const withdrawn = await tx.dispatch.withdrawPending({ tripId: trip.id, driverId }, at);
          const assigned = await changeStatus(
            tx,
            trip,
            to,
            { driverId, driverUserId: current.userId, fleetId: current.fleetId, vehicleId: current.vehicleId, assignedAt: at, activeDriverId: driverId },
            { role: 'OPERATIONS', userId: staff.userId },
            at,
          );
          await tx.outbox.add(
            auditEvent(
              'trips',
              staff,
              {
                action: 'trip.assign',
                target: { type: 'Trip', id: trip.id },
                before: { status: trip.status, driverId: trip.driverId },
                after: { status: assigned.status, driverId: assigned.driverId },
              },
              at,
            ),
          );
          return { trip: assigned, withdrawn };
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        result = userError('DRIVER_UNAVAILABLE', 'The driver is on another trip', ['driverId']);
      }
      if ('code' in result) return fail(result);
      await live.tripChanged(result.trip, at);
      // The driver's offer for another trip was withdrawn: that trip needs a new driver.
      await dispatch.dispatchQuietly(result.withdrawn.filter((o) => o.tripId !== result.trip.id).map((o) => o.tripId));
      return ok(result.trip);
    },

    /** The driver is at the pickup point. @throws AppError NOT_FOUND, FORBIDDEN, ILLEGAL_STATE_TRANSITION. */
    arriveAtPickup(viewer: Viewer | null, tripId: string): Promise<TripResult> {
      return driverStep(viewer, tripId, 'arrive', async (_trip, _tx, at) => ({ set: { arrivedAt: at } }));
    },

    /** The ride starts. @throws AppError NOT_FOUND, FORBIDDEN, ILLEGAL_STATE_TRANSITION. */
    startTrip(viewer: Viewer | null, tripId: string): Promise<TripResult> {
      return driverStep(viewer, tripId, 'start', async (_trip, _tx, at) => ({ set: { startedAt: at } }));
    },

    /**
     * The ride ends: the fare from the distance driven, the time since start, the trip's rule and its locked surge.
     * @throws AppError NOT_FOUND, FORBIDDEN, ILLEGAL_STATE_TRANSITION.
     */
    async completeTrip(viewer: Viewer | null, tripId: string, distanceMeters: number): Promise<TripResult> {
      if (!Number.isInteger(distanceMeters) || distanceMeters < 0 || distanceMeters > maxDrivenMeters) {
        return fail(userError('INVALID_DISTANCE', `The distance must be a whole number of metres from 0 to ${maxDrivenMeters}`, ['distanceMeters']));
      }
      return driverStep(viewer, tripId, 'complete', async (trip, tx, at) => {
        const priced = trip.pricingRuleId ? await tx.pricing.findRuleWithCity(trip.pricingRuleId) : null;
        const rule = priced?.rule ?? null;
        const durationSeconds = Math.max(0, Math.floor((at.getTime() - (trip.startedAt ?? at).getTime()) / 1000));
        // A trip without a rule (recorded before pricing existed) keeps its upfront price.
        // Capped: a ride left IN_PROGRESS for days must not bill days of per-minute time.
        const fare = Math.min(config.maxFareMinor, rule ? fareMinor(rule, distanceMeters, durationSeconds, trip.surgeTenths) : (trip.estimatedFareMinor ?? 0));
        return {
          set: { fareMinor: fare, distanceMeters, durationSeconds, completedAt: at, activeRiderId: null, activeDriverId: null },
          details: { city: priced?.cityName ?? null },
        };
      });
    },

    /**
     * Cancels: the rider (REQUESTED, DRIVER_ASSIGNED, DRIVER_ARRIVED), the driver (DRIVER_ASSIGNED, DRIVER_ARRIVED),
     * operations and the fleet's manager (any status before the end). Fee: see cancellationFee.
     * @throws AppError NOT_FOUND, ILLEGAL_STATE_TRANSITION.
     */
    async cancelTrip(viewer: Viewer | null, tripId: string, reason: string | null | undefined): Promise<TripResult> {
      const who = signedIn(viewer, 'cancelTrip');
      const text = reason?.trim() || null;
      if (text && text.length > MAX_TEXT) return fail(userError('INVALID_REASON', `Reasons may have at most ${MAX_TEXT} characters`, ['reason']));
      const at = clock.now();
      const trip = await store.transaction(async (tx) => {
        const { trip, roles } = await lockVisible(tx, who, tripId);
        const { actor } = authorizeTransition('cancel', roles, trip.status);
        // Read for every cancellation (not only the rider's, which may cost the rule's fee): the event names the city.
        const priced = trip.pricingRuleId ? await tx.pricing.findRuleWithCity(trip.pricingRuleId) : null;
        const fee = cancellationFee(actor, trip, priced?.rule ?? null, at);
        const cancelled = await cancel(tx, trip, { role: actor, userId: who.userId } satisfies Actor, text, fee, at, priced?.cityName ?? null);
        // Staff cancelling someone's trip is audited; a rider or driver cancelling their own is not.
        if (actor === 'OPERATIONS') {
          await tx.outbox.add(
            auditEvent(
              'trips',
              who,
              {
                action: 'trip.cancel',
                target: { type: 'Trip', id: trip.id },
                before: { status: trip.status },
                after: { status: cancelled.status },
                reason: text,
              },
              at,
            ),
          );
        }
        return cancelled;
      });
      await live.tripChanged(trip, at);
      return ok(trip);
    },

    /**
     * Rates the other side of a COMPLETED trip, once per side.
     * @throws AppError NOT_FOUND, FORBIDDEN (staff who did not ride), ILLEGAL_STATE_TRANSITION (not completed),
     *   CONFLICT (already rated).
     */
    async rateTrip(viewer: Viewer | null, tripId: string, rating: number, comment: string | null | undefined): Promise<TripResult> {
      const who = signedIn(viewer, 'rateTrip');
      const text = comment?.trim() || null;
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) return fail(userError('INVALID_RATING', 'Ratings are whole stars from 1 to 5', ['rating']));
      if (text && text.length > MAX_TEXT) return fail(userError('INVALID_RATING', `Comments may have at most ${MAX_TEXT} characters`, ['comment']));
      const trip = isUuid(tripId) ? await store.trips.findById(tripId) : null;
      const roles = trip ? rolesOn(who, trip) : [];
      if (!trip || !roles.length) throw tripNotFound(tripId);
      const by = roles.find((role): role is 'RIDER' | 'DRIVER' => role === 'RIDER' || role === 'DRIVER');
      if (!by) throw new AppError('FORBIDDEN', 'Only the rider and the driver of a trip rate it');
      if (trip.status !== 'COMPLETED') throw illegalTransition('rate', trip.status);
      const at = clock.now();
      try {
        await store.transaction(async (tx) => {
          await tx.ratings.create({ tripId: trip.id, by, raterUserId: who.userId, rating, comment: text });
          await tx.outbox.add(
            outboxEvent(
              'trip.rated',
              { tripId: trip.id, riderUserId: trip.riderUserId, driverId: trip.driverId!, by, rating, occurredAt: at.toISOString() },
              at,
            ),
          );
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'You already rated this trip');
        throw error;
      }
      await live.tripChanged(trip, at);
      return ok(trip);
    },
  };
}
