// Builds the trips subgraph (schema, context, resources) without listening.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { loadTypeDefs, type BuiltSubgraph, type SubgraphDeps } from '../../../platform/graphql/index.js';
import { subgraphInfo } from '../../registry.js';
import type { TripsContext } from './context.js';
import { createTripsLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { openTripsDatabase } from './store/database.js';
import { createTripStore } from './store/trip-store.js';

export async function buildTripsSubgraph(deps: SubgraphDeps): Promise<BuiltSubgraph<TripsContext>> {
  const prisma = openTripsDatabase(deps.database, deps.onStatement);
  const trips = createTripStore(prisma);
  const schema = buildSubgraphSchema([{ typeDefs: loadTypeDefs(subgraphInfo('trips').schemaFile), resolvers }]);
  return {
    name: 'trips',
    schema,
    createContext: async () => ({ loaders: createTripsLoaders(trips), logger: deps.logger }),
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
