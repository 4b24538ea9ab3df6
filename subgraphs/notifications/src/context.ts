// The per-request context of notifications' resolvers.
import type { Viewer } from '../../../platform/auth/index.js';
import type { Logger } from '../../../platform/logging/index.js';
import type { LivePubSub } from '../../../platform/pubsub/index.js';
import type { NotificationsLoaders } from './loaders.js';
import type { NotificationsServices } from './services/index.js';

export interface NotificationsContext {
  /** Who is asking; null when the request carries no access token. */
  viewer: Viewer | null;
  loaders: NotificationsLoaders;
  logger: Logger;
  /** The process's live pub/sub: `notificationAdded` listens on it. */
  pubsub: LivePubSub;
  services: NotificationsServices;
}
