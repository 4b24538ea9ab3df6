// Builds the payments subgraph (schema, context, resources) without listening.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { loadTypeDefs, type BuiltSubgraph, type SubgraphDeps } from '../../../platform/graphql/index.js';
import { subgraphInfo } from '../../registry.js';
import type { PaymentsContext } from './context.js';
import { createPaymentsLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { openPaymentsDatabase } from './store/database.js';
import { createWalletStore } from './store/wallet-store.js';

export async function buildPaymentsSubgraph(deps: SubgraphDeps): Promise<BuiltSubgraph<PaymentsContext>> {
  const prisma = openPaymentsDatabase(deps.database, deps.onStatement);
  const wallets = createWalletStore(prisma);
  const schema = buildSubgraphSchema([{ typeDefs: loadTypeDefs(subgraphInfo('payments').schemaFile), resolvers }]);
  return {
    name: 'payments',
    schema,
    createContext: async () => ({ loaders: createPaymentsLoaders(wallets), logger: deps.logger }),
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
