// Builds the notifications subgraph (schema, context, resources) without listening.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { loadTypeDefs, type BuiltSubgraph, type SubgraphDeps } from '../../../platform/graphql/index.js';
import { subgraphInfo } from '../../registry.js';
import type { NotificationsContext } from './context.js';
import { createNotificationsLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { openNotificationsDatabase } from './store/database.js';
import { createNotificationStore } from './store/notification-store.js';

export async function buildNotificationsSubgraph(deps: SubgraphDeps): Promise<BuiltSubgraph<NotificationsContext>> {
  const prisma = openNotificationsDatabase(deps.database, deps.onStatement);
  const notifications = createNotificationStore(prisma);
  const schema = buildSubgraphSchema([{ typeDefs: loadTypeDefs(subgraphInfo('notifications').schemaFile), resolvers }]);
  return {
    name: 'notifications',
    schema,
    createContext: async () => ({ loaders: createNotificationsLoaders(notifications), logger: deps.logger }),
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
