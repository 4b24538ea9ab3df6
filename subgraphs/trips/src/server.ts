// Builds the trips subgraph (schema, context, resources) without listening.
import { defineSubgraph, type BuiltSubgraph, type SubgraphDeps } from '../../../platform/graphql/index.js';
import type { TripsContext } from './context.js';
import { createTripsLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { openTripsDatabase } from './store/database.js';
import { createTripStore } from './store/trip-store.js';

export async function buildTripsSubgraph(deps: SubgraphDeps): Promise<BuiltSubgraph<TripsContext>> {
  const prisma = openTripsDatabase(deps.database, deps.onStatement);
  const trips = createTripStore(prisma);
  return defineSubgraph({
    name: 'trips',
    resolvers,
    database: prisma,
    verifyAccessToken: deps.auth.verify,
    createContext: ({ viewer }) => ({ viewer, loaders: createTripsLoaders(trips), logger: deps.logger }),
  });
}
