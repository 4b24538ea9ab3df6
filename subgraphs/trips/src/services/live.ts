// Live updates for screens, sent after the change committed. Best effort: a failed publish is logged and never
// fails the request (the durable events carry what must not be lost).
import type { Logger } from '../../../../platform/logging/index.js';
import type { LivePubSub } from '../../../../platform/pubsub/index.js';
import type { DispatchOffer, Trip } from '../store/prisma/client.js';

export interface TripsLive {
  /** TRIP_UPDATED keyed by trip id; also wakes the outbox relay, since every change wrote an event. */
  tripChanged(trip: Pick<Trip, 'id' | 'status'>, at: Date): Promise<void>;
  /** TRIP_OFFERED keyed by the driver id. */
  tripOffered(offer: DispatchOffer): Promise<void>;
}

export function createTripsLive(pubsub: LivePubSub, logger: Logger, wakeRelay: () => void): TripsLive {
  const publish = async (what: string, send: () => Promise<void>) => {
    try {
      await send();
    } catch (error) {
      logger.warn({ err: error, what }, 'live publish failed; subscribers miss this update');
    }
  };
  return {
    async tripChanged(trip, at) {
      wakeRelay();
      await publish('TRIP_UPDATED', () => pubsub.publish('TRIP_UPDATED', { tripId: trip.id, status: trip.status, occurredAt: at.toISOString() }, trip.id));
    },
    async tripOffered(offer) {
      wakeRelay();
      await publish('TRIP_OFFERED', () =>
        pubsub.publish('TRIP_OFFERED', { offerId: offer.id, tripId: offer.tripId, driverId: offer.driverId, expiresAt: offer.expiresAt.toISOString() }, offer.driverId),
      );
    },
  };
}
