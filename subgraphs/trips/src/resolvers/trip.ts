import type { TripResolvers } from '../generated/resolvers-types.js';
import { findTrip } from '../services/trip-queries.js';

// rider, driver and vehicle are other subgraphs' entities: trips returns their keys and the gateway joins.
export const Trip: TripResolvers = {
  // A reference is visible only to who may see the trip: the trips port reached directly is no way around it.
  __resolveReference: (reference, context) => findTrip(context, reference.id),
  rider: (trip) => ({ id: trip.riderUserId }),
  driver: (trip) => (trip.driverId ? { id: trip.driverId } : null),
  vehicle: (trip) => (trip.vehicleId ? { id: trip.vehicleId } : null),
  fare: (trip) => (trip.fareMinor === null ? null : { amountMinor: trip.fareMinor, currency: trip.currency }),
};
