import type { QueryResolvers } from '../generated/resolvers-types.js';
import { findTrip, tripsBoardPage } from '../services/trip-queries.js';
import { toTripConnection } from './connection.js';

export const Query: QueryResolvers = {
  trip: (_parent, { id }, context) => findTrip(context, id),
  trips: async (_parent, args, context) => {
    const { rows, page } = await tripsBoardPage(context, args);
    return toTripConnection(rows, page);
  },
  operationsSummary: (_parent, args, { viewer, services }) => services.operations.summary(viewer, args),
};
