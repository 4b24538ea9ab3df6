// Builds the notifications subgraph (schema, context, resources) without listening.
import { defineSubgraph, type BuiltSubgraph, type SubgraphDeps } from '../../../platform/graphql/index.js';
import type { NotificationsContext } from './context.js';
import { createNotificationsLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { openNotificationsDatabase } from './store/database.js';
import { createNotificationStore } from './store/notification-store.js';

export async function buildNotificationsSubgraph(deps: SubgraphDeps): Promise<BuiltSubgraph<NotificationsContext>> {
  const prisma = openNotificationsDatabase(deps.database, deps.onStatement);
  const notifications = createNotificationStore(prisma);
  return defineSubgraph({
    name: 'notifications',
    resolvers,
    database: prisma,
    verifyAccessToken: deps.auth.verify,
    gatewaySecret: deps.auth.config.gatewaySecret,
    logger: deps.logger,
    createContext: ({ viewer }) => ({ viewer, loaders: createNotificationsLoaders(notifications), logger: deps.logger, pubsub: deps.pubsub }),
  });
}
