// Builds the notifications subgraph (schema, context, resources) without listening; starts its background work —
// the inbox consumer of the durable events and the sender of push, email and SMS, the announcer — and stops it on close.
// @throws ConfigError for invalid NOTIFICATIONS_* settings (e.g. a development provider in production).
import { AsyncLocalStorage } from 'node:async_hooks';
import { startOutboxRelay, type EventConsumer } from '../../../platform/events/index.js';
import { defineSubgraph, type BuiltSubgraph, type SubgraphDeps } from '../../../platform/graphql/index.js';
import { readNotificationsConfig } from './config.js';
import type { NotificationsContext } from './context.js';
import { createProviders, type Providers } from './providers/index.js';
import { createAnnouncer } from './services/announcer.js';
import type { PollingLoop } from '../../../platform/jobs/index.js';
import { createSender, type Sender } from './services/sender.js';
import { createNotificationsLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { INBOX_GROUP } from './services/event-inbox.js';
import { NOTIFYING_EVENT_TYPES } from './services/event-messages.js';
import { createNotificationsServices, type NotificationsServices } from './services/index.js';
import { openNotificationsDatabase } from './store/database.js';
import { createDeliveryLogStore } from './store/delivery-log-store.js';
import { createNotificationStore } from './store/notification-store.js';

/** Replaceable parts, for tests. Every one has a production default. */
export interface NotificationsBuildOptions {
  /** Default true: consume the durable events and run the sender (tests of other behaviour may drive them by hand). */
  background?: boolean;
  /** Default: from the configuration (readNotificationsConfig): development providers (log) unless set. */
  providers?: Partial<Providers>;
  senderPollIntervalMs?: number;
  retryDelaysMs?: readonly number[];
  announcementBatchSize?: number;
}

export type NotificationsSubgraph = BuiltSubgraph<NotificationsContext> & {
  services: NotificationsServices;
  inboxEvents: EventConsumer[];
  sender: Sender;
  announcer: PollingLoop;
};

export async function buildNotificationsSubgraph(deps: SubgraphDeps, options: NotificationsBuildOptions = {}): Promise<NotificationsSubgraph> {
  const logger = deps.logger.child({ subgraph: 'notifications' });
  // deps.onStatement observes the statements requests send (tests count them); background work is not reported.
  const background = new AsyncLocalStorage<true>();
  const inBackground = <T>(work: () => T): T => background.run(true, work);
  const onStatement = deps.onStatement && ((sql: string) => background.getStore() || deps.onStatement!(sql));
  const prisma = openNotificationsDatabase(deps.database, onStatement);
  const notifications = createNotificationStore(prisma);
  const deliveryLog = createDeliveryLogStore(prisma);
  const config = readNotificationsConfig(process.env);
  const providers = { ...createProviders(config, logger), ...options.providers };
  const sender = createSender({ prisma, providers, logger, pollIntervalMs: options.senderPollIntervalMs, retryDelaysMs: options.retryDelaysMs });
  const wakeSender = () => inBackground(() => sender.wake());
  let announcer: PollingLoop | null = null;
  const services = createNotificationsServices({
    prisma,
    pubsub: deps.pubsub,
    logger,
    onQueued: wakeSender,
    onAnnouncement: () => inBackground(() => announcer?.wake()),
  });
  announcer = createAnnouncer({ prisma, live: services.live, logger, onQueued: wakeSender, batchSize: options.announcementBatchSize });

  // Several members of the group, each holding one event at a time: what they hold is handled in one transaction
  // (services.handleEventBatched), so this many events make at most one batch.
  const inboxEvents =
    options.background === false
      ? []
      : Array.from({ length: config.consumerConcurrency }, () =>
          inBackground(() =>
            deps.events.consume({
              group: INBOX_GROUP,
              types: NOTIFYING_EVENT_TYPES,
              handle: (event) => inBackground(async () => void (await services.handleEventBatched(event))),
            }),
          ),
        );
  // Its outbox carries the audit entries of staff announcements to identity's audit log.
  const relay =
    options.background === false
      ? null
      : inBackground(() => startOutboxRelay({ db: prisma, schema: 'notifications', source: 'notifications', bus: deps.events, logger }));
  if (options.background !== false) {
    inBackground(() => sender.start());
    inBackground(() => announcer.start());
  }

  const built = defineSubgraph<NotificationsContext>({
    name: 'notifications',
    resolvers,
    database: prisma,
    verifyAccessToken: deps.auth.verify,
    gatewaySecret: deps.auth.config.gatewaySecret,
    logger: deps.logger,
    createContext: ({ viewer }) => ({
      viewer,
      loaders: createNotificationsLoaders(notifications, deliveryLog),
      logger: deps.logger,
      pubsub: deps.pubsub,
      services,
    }),
    async onClose() {
      await Promise.all(inboxEvents.map((consumer) => consumer.stop()));
      await announcer.stop();
      await sender.stop();
      await relay?.stop();
      await Promise.all([providers.push.close?.(), providers.email.close?.(), providers.sms.close?.()]);
    },
  });
  return { ...built, services, inboxEvents, sender, announcer };
}
