import type { TripResolvers } from '../generated/resolvers-types.js';

// rider, driver and vehicle are other subgraphs' entities: trips returns their keys and the gateway joins.
export const Trip: TripResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.tripById.load(reference.id),
  rider: (trip) => ({ id: trip.riderUserId }),
  driver: (trip) => (trip.driverId ? { id: trip.driverId } : null),
  vehicle: (trip) => (trip.vehicleId ? { id: trip.vehicleId } : null),
  fare: (trip) => (trip.fareMinor === null ? null : { amountMinor: trip.fareMinor, currency: trip.currency }),
};
