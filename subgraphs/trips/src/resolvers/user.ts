import type { UserResolvers } from '../generated/resolvers-types.js';
import { riderTripsPage } from '../services/trip-queries.js';
import { toTripConnection } from './connection.js';

export const User: UserResolvers = {
  // identity owns users; trips contributes fields keyed by the id alone, so any id is a valid reference.
  __resolveReference: (reference) => ({ id: reference.id }),
  trips: async (user, args, context) => {
    return toTripConnection(await riderTripsPage(context, user.id, args));
  },
};
