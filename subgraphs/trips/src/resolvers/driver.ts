import type { DriverResolvers } from '../generated/resolvers-types.js';
import { driverTripsPage, findActiveTrip, findPendingOffer } from '../services/trip-queries.js';
import { toTripConnection } from './connection.js';
import { toOffer } from './mappers.js';

export const Driver: DriverResolvers = {
  // fleet owns driver profiles; trips contributes fields keyed by the id alone.
  __resolveReference: (reference) => ({ id: reference.id }),
  activeTrip: (driver, _args, context) => findActiveTrip(context, driver.id),
  pendingOffer: async (driver, _args, context) => {
    const pending = await findPendingOffer(context, driver.id);
    return pending && toOffer(pending.offer, pending.trip);
  },
  trips: async (driver, args, context) => {
    return toTripConnection(await driverTripsPage(context, driver.id, args));
  },
};
