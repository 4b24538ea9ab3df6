// notifications' services, built once per subgraph and shared by resolvers and background work.
import { createEventBatcher } from '../../../../platform/events/index.js';
import type { Logger } from '../../../../platform/logging/index.js';
import type { LivePubSub } from '../../../../platform/pubsub/index.js';
import type { NotificationsPrisma } from '../store/database.js';
import type { Notification } from '../store/prisma/client.js';
import { createEventInbox, createEventInboxBatch } from './event-inbox.js';
import { createLiveAnnouncer } from './live-announcer.js';

export interface NotificationsServicesDeps {
  prisma: NotificationsPrisma;
  pubsub: LivePubSub;
  logger: Logger;
  /** Called when deliveries were queued (wakes the sender). */
  onQueued?: () => void;
  /** Called when an announcement was recorded (wakes the announcer). */
  onAnnouncement?: () => void;
}

export type NotificationsServices = ReturnType<typeof createNotificationsServices>;

export function createNotificationsServices(deps: NotificationsServicesDeps) {
  const live = createLiveAnnouncer(deps);
  const inbox = { prisma: deps.prisma, live, onQueued: deps.onQueued };
  const handleEvent = createEventInbox(inbox);
  const handleEvents = createEventInboxBatch(inbox);
  return {
    prisma: deps.prisma,
    live,
    /** One event in its own transaction (handleOnce): the batch's fallback, and tests. */
    handleEvent,
    /** Many events in one transaction. @returns per event, the notifications written for it. */
    handleEvents,
    /** What the consumer's members call: their events are handled together (handleEvents), one by one after a failure. */
    handleEventBatched: createEventBatcher<Notification[]>({
      batch: handleEvents,
      one: async (event) => (await handleEvent(event)).notifications,
      logger: deps.logger,
      name: 'notifications inbox',
    }),
    wakeAnnouncer: () => deps.onAnnouncement?.(),
  };
}
