import { toConnection, withTotalCount } from '../../../../platform/graphql/index.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import {
  assignmentsPage,
  attendancesPage,
  driversPage,
  findFleet,
  findFleetDriver,
  findFleetVehicle,
  listFleets,
  vehiclesPage,
} from '../services/fleet-queries.js';

const byCreation = (row: { createdAt: Date; id: string }) => ({ at: row.createdAt, id: row.id });

export const Query: QueryResolvers = {
  fleets: (_parent, _args, context) => listFleets(context),
  fleet: (_parent, { id }, context) => findFleet(context, id),
  vehicle: (_parent, { id }, context) => findFleetVehicle(context, id),
  driver: (_parent, { id }, context) => findFleetDriver(context, id),
  drivers: async (_parent, args, context) => {
    const { rows, page, count } = await driversPage(context, args);
    return withTotalCount(toConnection(rows, page, byCreation), count);
  },
  vehicles: async (_parent, args, context) => {
    const { rows, page, count } = await vehiclesPage(context, args);
    return withTotalCount(toConnection(rows, page, byCreation), count);
  },
  assignments: async (_parent, args, context) => {
    const { rows, page } = await assignmentsPage(context, args);
    return toConnection(rows, page, byCreation);
  },
  attendances: async (_parent, args, context) => {
    const { rows, page, count } = await attendancesPage(context, args);
    return withTotalCount(toConnection(rows, page, byCreation), count);
  },
  nearbyDrivers: async (_parent, args, { viewer, loaders, services }) => {
    const connection = await services.location.nearbyDrivers(viewer, args);
    // The page's drivers are already read: later lookups of them in this request need no query.
    for (const edge of connection.edges) loaders.driverById.prime(edge.node.id, edge.node);
    return connection;
  },
};
