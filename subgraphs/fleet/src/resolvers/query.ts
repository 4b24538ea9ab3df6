import { isUuid, toConnection, readPageArgs } from '../../../../platform/graphql/index.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';

export const Query: QueryResolvers = {
  fleets: (_parent, _args, { loaders }) => loaders.fleetsByName.load('all'),
  fleet: (_parent, { id }, { loaders }) => loaders.fleetById.load(id),
  vehicle: (_parent, { id }, { loaders }) => loaders.vehicleById.load(id),
  driver: (_parent, { id }, { loaders }) => loaders.driverById.load(id),
  drivers: async (_parent, { first, after, fleetId }, { loaders }) => {
    const page = readPageArgs({ first, after });
    // A malformed fleet id names no fleet: an empty page, not a database error.
    const rows = fleetId && !isUuid(fleetId) ? [] : await loaders.driverPage.load({ page, fleetId: fleetId ?? null });
    return toConnection(rows, page, (driver) => ({ at: driver.createdAt, id: driver.id }));
  },
};
