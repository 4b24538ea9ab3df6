// Builds the identity subgraph (schema, context, resources) without listening.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { loadTypeDefs, type BuiltSubgraph, type SubgraphDeps } from '../../../platform/graphql/index.js';
import { subgraphInfo } from '../../registry.js';
import type { IdentityContext } from './context.js';
import { createIdentityLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { openIdentityDatabase } from './store/database.js';
import { createUserStore } from './store/user-store.js';

export async function buildIdentitySubgraph(deps: SubgraphDeps): Promise<BuiltSubgraph<IdentityContext>> {
  const prisma = openIdentityDatabase(deps.database, deps.onStatement);
  const users = createUserStore(prisma);
  const schema = buildSubgraphSchema([{ typeDefs: loadTypeDefs(subgraphInfo('identity').schemaFile), resolvers }]);
  return {
    name: 'identity',
    schema,
    createContext: async () => ({ loaders: createIdentityLoaders(users), logger: deps.logger }),
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
