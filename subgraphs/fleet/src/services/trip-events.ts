// fleet's consumer of trips' events: a driver's status follows their trips, and rider ratings feed the driver's
// average. Each event is handled at most once per consumer (handleOnce records it in the same transaction as the
// change), so redelivery by the at-least-once streams changes nothing the second time.
import { handleOnce, type AnyEventEnvelope, type DomainEventType } from '../../../../platform/events/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { FleetPrisma } from '../store/database.js';
import type { Driver } from '../store/prisma/client.js';
import { bindFleetStores, type FleetStores } from '../store/store.js';
import { changeDriverState, workingStatus, type OutboxNotifier } from './driver-state.js';

export const TRIP_EVENT_TYPES = ['trip.assigned', 'trip.completed', 'trip.cancelled', 'trip.rated'] as const satisfies readonly DomainEventType[];
export const TRIP_EVENTS_CONSUMER = 'fleet.driver-from-trips';

export interface TripEventHandlerDeps {
  prisma: FleetPrisma;
  outbox: OutboxNotifier;
  logger: Logger;
}

/** @returns the handler for `events.consume`; it resolves once the event is applied (or was applied before). */
export function createTripEventHandler({ prisma, outbox, logger }: TripEventHandlerDeps) {
  return async (event: AnyEventEnvelope): Promise<void> => {
    const applied = await handleOnce(prisma, { schema: 'fleet', consumer: TRIP_EVENTS_CONSUMER, event }, async (tx) => {
      await apply(bindFleetStores(tx), event, logger);
    });
    if (applied) outbox.wake();
  };
}

async function apply(stores: FleetStores, event: AnyEventEnvelope, logger: Logger): Promise<void> {
  const at = new Date();
  const lockDriver = async (driverId: string): Promise<Driver | null> => {
    const driver = await stores.drivers.lockById(driverId);
    // Another deployment's driver, or a malformed event: nothing of ours to change (logged, acknowledged).
    if (!driver) logger.warn({ eventId: event.id, type: event.type, driverId }, 'trip event names a driver fleet does not know');
    return driver;
  };

  switch (event.type) {
    case 'trip.assigned': {
      const driver = await lockDriver(event.payload.driverId);
      if (!driver || (driver.status === 'ON_TRIP' && driver.currentTripId === event.payload.tripId)) return;
      // The rider travels with the trip id: it is who may watch the driver's position until the trip ends.
      const change = { status: 'ON_TRIP' as const, currentTripId: event.payload.tripId, currentRiderUserId: event.payload.riderUserId };
      await changeDriverState(stores, driver, change, at);
      return;
    }
    case 'trip.completed':
    case 'trip.cancelled': {
      const { driverId, tripId } = event.payload;
      if (!driverId) return; // cancelled before a driver was assigned
      const driver = await lockDriver(driverId);
      // Only the end of the trip the driver is on frees them (a late event of an older trip leaves them be).
      if (!driver || driver.status !== 'ON_TRIP' || (driver.currentTripId !== null && driver.currentTripId !== tripId)) return;
      const onShift = (await stores.attendances.findOpenByDriverId(driver.id)) !== null;
      // Back to AVAILABLE when still on shift with a vehicle; a driver who has no shift open is OFFLINE.
      await changeDriverState(
        stores,
        driver,
        { status: workingStatus(onShift, driver.currentVehicleId !== null), currentTripId: null, currentRiderUserId: null },
        at,
      );
      return;
    }
    case 'trip.rated': {
      const { by, rating, driverId } = event.payload;
      if (by !== 'RIDER') return;
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
        logger.warn({ eventId: event.id, rating }, 'trip.rated with a rating outside 1..5 ignored');
        return;
      }
      const driver = await lockDriver(driverId);
      if (!driver) return;
      const ratingSum = driver.ratingSum + rating;
      const ratingCount = driver.ratingCount + 1;
      // Integer sum and count are exact; only the shown average is rounded (to 2 decimals, half up).
      const average = (Math.round((ratingSum * 100) / ratingCount) / 100).toFixed(2);
      await stores.drivers.setRating(driver.id, { ratingSum, ratingCount, rating: average });
      return;
    }
    default:
      return;
  }
}
