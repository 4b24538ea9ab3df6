// Builds the fleet subgraph (schema, context, resources) without listening.
import { defineSubgraph, type BuiltSubgraph, type SubgraphDeps } from '../../../platform/graphql/index.js';
import type { FleetContext } from './context.js';
import { createFleetLoaders, type FleetStores } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { openFleetDatabase } from './store/database.js';
import { createDriverStore } from './store/driver-store.js';
import { createFleetStore } from './store/fleet-store.js';
import { createHubStore } from './store/hub-store.js';
import { createVehicleStore } from './store/vehicle-store.js';

export async function buildFleetSubgraph(deps: SubgraphDeps): Promise<BuiltSubgraph<FleetContext>> {
  const prisma = openFleetDatabase(deps.database, deps.onStatement);
  const stores: FleetStores = {
    fleets: createFleetStore(prisma),
    hubs: createHubStore(prisma),
    vehicles: createVehicleStore(prisma),
    drivers: createDriverStore(prisma),
  };
  return defineSubgraph({
    name: 'fleet',
    resolvers,
    database: prisma,
    verifyAccessToken: deps.auth.verify,
    createContext: ({ viewer }) => ({ viewer, loaders: createFleetLoaders(stores), logger: deps.logger }),
  });
}
