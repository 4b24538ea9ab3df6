// Builds the gamification subgraph (schema, context, resources) without listening.
import { defineSubgraph, type BuiltSubgraph, type SubgraphDeps } from '../../../platform/graphql/index.js';
import type { GamificationContext } from './context.js';
import { createGamificationLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { openGamificationDatabase } from './store/database.js';
import { createPointsStore } from './store/points-store.js';

export async function buildGamificationSubgraph(deps: SubgraphDeps): Promise<BuiltSubgraph<GamificationContext>> {
  const prisma = openGamificationDatabase(deps.database, deps.onStatement);
  const points = createPointsStore(prisma);
  return defineSubgraph({
    name: 'gamification',
    resolvers,
    database: prisma,
    verifyAccessToken: deps.auth.verify,
    gatewaySecret: deps.auth.config.gatewaySecret,
    logger: deps.logger,
    createContext: ({ viewer }) => ({ viewer, loaders: createGamificationLoaders(points), logger: deps.logger }),
  });
}
