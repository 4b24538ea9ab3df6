// Dispatch: offering a waiting trip to the nearest suitable driver, and the background dispatcher that expires
// unanswered offers, retries trips without an offer and gives up on trips nobody took. Every decision is made in
// trips' own database: the trip row lock orders writers of one trip, the offer slot columns (unique) make "one
// pending offer per driver and per trip" hold even between replicas.
import type { Logger } from '../../../../platform/logging/index.js';
import type { Clock } from '../clock.js';
import type { TripsConfig } from '../config.js';
import type { ExpiredOffer } from '../store/dispatch-store.js';
import type { DispatchOffer, Trip } from '../store/prisma/client.js';
import { isUniqueViolation, type TripsStore } from '../store/store.js';
import type { TripsLive } from './live.js';
import { offerExpiredEvent } from './offer-events.js';
import { cancel, cityOf } from './trip-changes.js';

/** Drivers tried per dispatch call before giving up until the next dispatcher pass (each lost race costs one). */
const MAX_ATTEMPTS = 5;
const BATCH = 50;

export const NO_DRIVER_AVAILABLE = 'NO_DRIVER_AVAILABLE';

export type DispatchService = ReturnType<typeof createDispatchService>;

export interface DispatcherPass {
  expiredOffers: number;
  cancelledTrips: number;
  offersMade: number;
}

export function createDispatchService(deps: {
  store: TripsStore;
  config: TripsConfig;
  clock: Clock;
  logger: Logger;
  live: TripsLive;
  /** Asks the outbox relay to publish now (after expiring offers wrote `offer.expired`). */
  wakeRelay: () => void;
}) {
  const { store, config, clock, logger, live } = deps;

  /**
   * Offers a REQUESTED trip to the nearest AVAILABLE driver of its category within the dispatch radius who is on
   * no trip, holds no pending offer and was not offered this trip before. Does nothing when the trip is not
   * waiting, already has a pending offer, or is being changed by another transaction right now (SKIP LOCKED: that
   * writer, or the next dispatcher pass, takes it from there).
   * @returns the offer made, or null.
   */
  async function dispatchTrip(tripId: string): Promise<DispatchOffer | null> {
    const lostRaces: string[] = [];
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      let offer: DispatchOffer | null;
      try {
        offer = await store.transaction(async (tx) => {
          const trip = await tx.trips.lock(tripId, true);
          if (!trip || trip.status !== 'REQUESTED' || trip.pickupLatitude === null || trip.pickupLongitude === null) return null;
          if (await tx.dispatch.findPendingByTrip(tripId)) return null;
          const now = clock.now();
          const [candidate] = await tx.dispatch.findCandidates({
            tripId,
            category: trip.category,
            latitude: trip.pickupLatitude,
            longitude: trip.pickupLongitude,
            radiusMeters: config.dispatchRadiusMeters,
            freshSince: new Date(now.getTime() - config.supplyFreshnessSeconds * 1000),
            exclude: lostRaces,
            limit: 1,
          });
          if (!candidate) return null;
          lostRaces.push(candidate.driverId);
          return tx.dispatch.createOffer({
            tripId,
            driverId: candidate.driverId,
            driverUserId: candidate.userId,
            fleetId: candidate.fleetId,
            offeredAt: now,
            expiresAt: new Date(now.getTime() + config.offerTimeoutSeconds * 1000),
          });
        });
      } catch (error) {
        // Another trip's dispatch gave this driver an offer between our read and our insert: try the next one.
        if (isUniqueViolation(error)) continue;
        throw error;
      }
      if (offer) await live.tripOffered(offer);
      return offer;
    }
    return null;
  }

  /** dispatchTrip for work that must not fail its caller (after a request, a decline): errors are logged. */
  async function dispatchQuietly(tripIds: readonly string[]): Promise<number> {
    let made = 0;
    for (const tripId of new Set(tripIds)) {
      try {
        if (await dispatchTrip(tripId)) made++;
      } catch (error) {
        logger.error({ err: error, tripId }, 'dispatch failed; the dispatcher retries');
      }
    }
    return made;
  }

  /** Cancels trips REQUESTED longer than the dispatch timeout (SYSTEM, no fee), claimed with SKIP LOCKED. */
  async function cancelStale(now: Date): Promise<Trip[]> {
    const before = new Date(now.getTime() - config.dispatchTimeoutSeconds * 1000);
    const cancelled = await store.transaction(async (tx) => {
      const stale = await tx.trips.claimStaleRequested(before, BATCH);
      const done: Trip[] = [];
      for (const trip of stale) done.push(await cancel(tx, trip, { role: 'SYSTEM', userId: null }, NO_DRIVER_AVAILABLE, null, now, await cityOf(tx, trip)));
      return done;
    });
    for (const trip of cancelled) await live.tripChanged(trip, now);
    return cancelled;
  }

  /** Expires the offers past their time and writes one `offer.expired` each, in the same transaction. */
  async function expireOffers(now: Date): Promise<ExpiredOffer[]> {
    const expired = await store.transaction(async (tx) => {
      const offers = await tx.dispatch.expireDue(now, BATCH);
      for (const offer of offers) await tx.outbox.add(offerExpiredEvent(offer, now));
      return offers;
    });
    if (expired.length) deps.wakeRelay();
    return expired;
  }

  /** One pass of the background dispatcher. Safe to run on several replicas at once. */
  async function runPass(): Promise<DispatcherPass> {
    const now = clock.now();
    const expired = await expireOffers(now);
    const cancelled = await cancelStale(now);
    const waiting = await store.trips.findUnofferedRequestedIds(BATCH);
    const offersMade = await dispatchQuietly([...expired.map((offer) => offer.tripId), ...waiting]);
    // Quotes are useless a day after they expired; keeping the table small keeps inserts cheap.
    await store.pricing.deleteExpiredQuotes(new Date(now.getTime() - 86_400_000));
    return { expiredOffers: expired.length, cancelledTrips: cancelled.length, offersMade };
  }

  return { dispatchQuietly, runPass };
}

export interface Dispatcher {
  /** Runs a pass soon (e.g. a driver became available) instead of at the next interval. */
  wake(): void;
  /** Stops the timer and waits for a running pass. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Runs `runPass` every `intervalMs` (and on `wake()`), one pass at a time per process. A failing pass is logged
 * and retried at the next interval.
 */
export function startDispatcher(runPass: () => Promise<unknown>, intervalMs: number, logger: Logger): Dispatcher {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  let again = false;

  const schedule = (delay: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, delay);
    // The dispatcher never keeps a process alive on its own.
    timer.unref();
  };
  function tick() {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = runPass()
      .then(
        () => undefined,
        (error: unknown) => logger.error({ err: error }, 'dispatcher pass failed'),
      )
      .finally(() => {
        running = null;
        const soon = again;
        again = false;
        schedule(soon ? 0 : intervalMs);
      });
  }
  schedule(intervalMs);
  return {
    wake: () => schedule(0),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
