import { readPageArgs } from '../../../../platform/graphql/index.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { toTripConnection } from './connection.js';

export const Query: QueryResolvers = {
  trip: (_parent, { id }, { loaders }) => loaders.tripById.load(id),
  trips: async (_parent, { first, after, status }, { loaders }) => {
    const page = readPageArgs({ first, after });
    return toTripConnection(await loaders.tripPage.load({ page, status: status ?? null }), page);
  },
};
