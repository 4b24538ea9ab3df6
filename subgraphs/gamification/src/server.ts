// Builds the gamification subgraph (schema, context, resources) without listening.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { loadTypeDefs, type BuiltSubgraph, type SubgraphDeps } from '../../../platform/graphql/index.js';
import { subgraphInfo } from '../../registry.js';
import type { GamificationContext } from './context.js';
import { createGamificationLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { openGamificationDatabase } from './store/database.js';
import { createPointsStore } from './store/points-store.js';

export async function buildGamificationSubgraph(deps: SubgraphDeps): Promise<BuiltSubgraph<GamificationContext>> {
  const prisma = openGamificationDatabase(deps.database, deps.onStatement);
  const points = createPointsStore(prisma);
  const schema = buildSubgraphSchema([{ typeDefs: loadTypeDefs(subgraphInfo('gamification').schemaFile), resolvers }]);
  return {
    name: 'gamification',
    schema,
    createContext: async () => ({ loaders: createGamificationLoaders(points), logger: deps.logger }),
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
