// Builds the notifications subgraph (schema, context, resources) without listening; starts its background work —
// the inbox consumer of the durable events — and stops it on close.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventConsumer } from '../../../platform/events/index.js';
import { defineSubgraph, type BuiltSubgraph, type SubgraphDeps } from '../../../platform/graphql/index.js';
import type { NotificationsContext } from './context.js';
import { createNotificationsLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { INBOX_GROUP } from './services/event-inbox.js';
import { NOTIFYING_EVENT_TYPES } from './services/event-messages.js';
import { createNotificationsServices, type NotificationsServices } from './services/index.js';
import { openNotificationsDatabase } from './store/database.js';
import { createNotificationStore } from './store/notification-store.js';

/** Replaceable parts, for tests. */
export interface NotificationsBuildOptions {
  /** Default true: consume the durable events (tests of other behaviour may call services.handleEvent by hand). */
  background?: boolean;
}

export type NotificationsSubgraph = BuiltSubgraph<NotificationsContext> & { services: NotificationsServices; inboxEvents: EventConsumer[] };

export async function buildNotificationsSubgraph(deps: SubgraphDeps, options: NotificationsBuildOptions = {}): Promise<NotificationsSubgraph> {
  const logger = deps.logger.child({ subgraph: 'notifications' });
  // deps.onStatement observes the statements requests send (tests count them); background work is not reported.
  const background = new AsyncLocalStorage<true>();
  const inBackground = <T>(work: () => T): T => background.run(true, work);
  const onStatement = deps.onStatement && ((sql: string) => background.getStore() || deps.onStatement!(sql));
  const prisma = openNotificationsDatabase(deps.database, onStatement);
  const notifications = createNotificationStore(prisma);
  const services = createNotificationsServices({ prisma, pubsub: deps.pubsub, logger });

  const inboxEvents =
    options.background === false
      ? []
      : [
          inBackground(() =>
            deps.events.consume({
              group: INBOX_GROUP,
              types: NOTIFYING_EVENT_TYPES,
              handle: (event) => inBackground(async () => void (await services.handleEvent(event))),
            }),
          ),
        ];

  const built = defineSubgraph<NotificationsContext>({
    name: 'notifications',
    resolvers,
    database: prisma,
    verifyAccessToken: deps.auth.verify,
    gatewaySecret: deps.auth.config.gatewaySecret,
    logger: deps.logger,
    createContext: ({ viewer }) => ({ viewer, loaders: createNotificationsLoaders(notifications), logger: deps.logger, pubsub: deps.pubsub, services }),
    async onClose() {
      await Promise.all(inboxEvents.map((consumer) => consumer.stop()));
    },
  });
  return { ...built, services, inboxEvents };
}
