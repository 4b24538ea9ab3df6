// Live updates for screens, sent after the change committed. Best effort: a failed publish is logged and never
// fails the request (the durable events carry what must not be lost).
import type { Logger } from '../../../../platform/logging/index.js';
import { publishBestEffort, type LivePubSub } from '../../../../platform/pubsub/index.js';
import type { DispatchOffer, Trip } from '../store/prisma/client.js';

export interface TripsLive {
  /**
   * TRIP_UPDATED keyed by trip id, with the trip's owner ids for the per-event check of `tripUpdated`; also wakes
   * the outbox relay, since every change wrote an event.
   */
  tripChanged(trip: Pick<Trip, 'id' | 'status' | 'riderUserId' | 'driverUserId' | 'fleetId'>, at: Date): Promise<void>;
  /** TRIP_OFFERED keyed by the driver's user id (`tripOffered` listens there). */
  tripOffered(offer: DispatchOffer): Promise<void>;
}

export function createTripsLive(pubsub: LivePubSub, logger: Logger, wakeRelay: () => void): TripsLive {
  return {
    async tripChanged(trip, at) {
      wakeRelay();
      const payload = {
        tripId: trip.id,
        status: trip.status,
        occurredAt: at.toISOString(),
        riderUserId: trip.riderUserId,
        driverUserId: trip.driverUserId,
        fleetId: trip.fleetId,
      };
      await publishBestEffort(pubsub, logger, 'TRIP_UPDATED', payload, [trip.id], {
        message: 'live publish failed; subscribers miss this update',
        fields: { what: 'TRIP_UPDATED', tripId: trip.id },
      });
    },
    async tripOffered(offer) {
      // No relay wake: making an offer writes no domain event.
      const payload = {
        offerId: offer.id,
        tripId: offer.tripId,
        driverId: offer.driverId,
        driverUserId: offer.driverUserId,
        expiresAt: offer.expiresAt.toISOString(),
      };
      // A driver's token names their user, not their driver profile, so the channel is the driver's user id: the
      // driver app's `tripOffered` listens there before it ever read its profile.
      await publishBestEffort(pubsub, logger, 'TRIP_OFFERED', payload, [offer.driverUserId], {
        message: 'live publish failed; subscribers miss this update',
        fields: { what: 'TRIP_OFFERED', offerId: offer.id },
      });
    },
  };
}
