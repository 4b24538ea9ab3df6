// notifications' services, built once per subgraph and shared by resolvers and background work.
import type { Logger } from '../../../../platform/logging/index.js';
import type { LivePubSub } from '../../../../platform/pubsub/index.js';
import type { NotificationsPrisma } from '../store/database.js';
import { createEventInbox } from './event-inbox.js';
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
  return {
    prisma: deps.prisma,
    live,
    handleEvent: createEventInbox({ prisma: deps.prisma, live, onQueued: deps.onQueued }),
    wakeAnnouncer: () => deps.onAnnouncement?.(),
  };
}
