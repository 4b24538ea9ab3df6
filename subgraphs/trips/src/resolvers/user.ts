import { AppError } from '../../../../platform/errors/index.js';
import type { UserResolvers } from '../generated/resolvers-types.js';
import { riderTripsPage } from '../services/trip-queries.js';
import { toTripConnection } from './connection.js';

export const User: UserResolvers = {
  // identity owns users; trips contributes fields keyed by the id alone, so any id is a valid reference.
  __resolveReference: (reference) => ({ id: reference.id }),
  // Asked of trips only through `Trip.rider`, which provides it (@provides): trips' copy of identity's name, kept
  // from `user.name.changed` (platform/events/user-name-copies.ts). Never a guess: an account trips has not heard of
  // yet is an error at the path (the trip's `rider` becomes null), retryable within a moment.
  name: async (user, _args, { loaders }) => {
    const copy = await loaders.userNameById.load(user.id);
    if (!copy) throw new AppError('SERVICE_UNAVAILABLE', "The rider's name has not reached the trips service yet; retry shortly");
    return copy.name;
  },
  trips: async (user, args, context) => {
    return toTripConnection(await riderTripsPage(context, user.id, args));
  },
};
