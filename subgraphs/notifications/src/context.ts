// The per-request context of notifications' resolvers.
import type { Logger } from '../../../platform/logging/index.js';
import type { NotificationsLoaders } from './loaders.js';

export interface NotificationsContext {
  loaders: NotificationsLoaders;
  logger: Logger;
}
