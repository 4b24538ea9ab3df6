// Builds the identity subgraph (schema, context, resources) without listening.
import { defineSubgraph, type BuiltSubgraph, type SubgraphDeps } from '../../../platform/graphql/index.js';
import type { IdentityContext } from './context.js';
import { createIdentityLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { openIdentityDatabase } from './store/database.js';
import { createUserStore } from './store/user-store.js';

export async function buildIdentitySubgraph(deps: SubgraphDeps): Promise<BuiltSubgraph<IdentityContext>> {
  const prisma = openIdentityDatabase(deps.database, deps.onStatement);
  const users = createUserStore(prisma);
  return defineSubgraph({
    name: 'identity',
    resolvers,
    database: prisma,
    verifyAccessToken: deps.auth.verify,
    createContext: ({ viewer }) => ({ viewer, loaders: createIdentityLoaders(users), logger: deps.logger }),
  });
}
