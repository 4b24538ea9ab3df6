import { readPageArgs } from '../../../../platform/graphql/index.js';
import type { UserResolvers } from '../generated/resolvers-types.js';
import { toTripConnection } from './connection.js';

export const User: UserResolvers = {
  // identity owns users; trips contributes fields keyed by the id alone, so any id is a valid reference.
  __resolveReference: (reference) => ({ id: reference.id }),
  trips: async (user, { first, after }, { loaders }) => {
    const page = readPageArgs({ first, after });
    return toTripConnection(await loaders.tripsByRiderId.load({ key: user.id, page }), page);
  },
};
