import type { QueryResolvers } from '../generated/resolvers-types.js';
import { findTrip, tripsBoardPage } from '../services/trip-queries.js';
import { toTripConnection } from './connection.js';

export const Query: QueryResolvers = {
  trip: (_parent, { id }, context) => findTrip(context, id),
  trips: async (_parent, args, context) => {
    return toTripConnection(await tripsBoardPage(context, args));
  },
  operationsSummary: (_parent, args, { viewer, services }) => services.operations.summary(viewer, args),
};
