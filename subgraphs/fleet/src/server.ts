// Builds the fleet subgraph (schema, context, resources) without listening.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { loadTypeDefs, type BuiltSubgraph, type SubgraphDeps } from '../../../platform/graphql/index.js';
import { subgraphInfo } from '../../registry.js';
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
  const schema = buildSubgraphSchema([{ typeDefs: loadTypeDefs(subgraphInfo('fleet').schemaFile), resolvers }]);
  return {
    name: 'fleet',
    schema,
    createContext: async () => ({ loaders: createFleetLoaders(stores), logger: deps.logger }),
    readiness: async () => {
      try {
        await prisma.$queryRaw`select 1`;
        return { ready: true, checks: { database: 'ok' } };
      } catch (error) {
        return { ready: false, checks: { database: (error as Error).message } };
      }
    },
    close: () => prisma.$disconnect(),
  };
}
