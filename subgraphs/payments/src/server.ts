// Builds the payments subgraph (schema, context, resources) without listening.
import { defineSubgraph, type BuiltSubgraph, type SubgraphDeps } from '../../../platform/graphql/index.js';
import type { PaymentsContext } from './context.js';
import { createPaymentsLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { openPaymentsDatabase } from './store/database.js';
import { createWalletStore } from './store/wallet-store.js';

export async function buildPaymentsSubgraph(deps: SubgraphDeps): Promise<BuiltSubgraph<PaymentsContext>> {
  const prisma = openPaymentsDatabase(deps.database, deps.onStatement);
  const wallets = createWalletStore(prisma);
  return defineSubgraph({
    name: 'payments',
    resolvers,
    database: prisma,
    verifyAccessToken: deps.auth.verify,
    gatewaySecret: deps.auth.config.gatewaySecret,
    logger: deps.logger,
    createContext: ({ viewer }) => ({ viewer, loaders: createPaymentsLoaders(wallets), logger: deps.logger }),
  });
}
