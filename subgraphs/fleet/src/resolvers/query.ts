import { toConnection } from '../../../../platform/graphql/index.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { driversPage, findFleet, findFleetDriver, findFleetVehicle, listFleets } from '../services/fleet-queries.js';

export const Query: QueryResolvers = {
  fleets: (_parent, _args, context) => listFleets(context),
  fleet: (_parent, { id }, context) => findFleet(context, id),
  vehicle: (_parent, { id }, context) => findFleetVehicle(context, id),
  driver: (_parent, { id }, context) => findFleetDriver(context, id),
  drivers: async (_parent, args, context) => {
    const { rows, page } = await driversPage(context, args);
    return toConnection(rows, page, (driver) => ({ at: driver.createdAt, id: driver.id }));
  },
};
