// The per-request context of trips' resolvers.
import type { Viewer } from '../../../platform/auth/index.js';
import type { Logger } from '../../../platform/logging/index.js';
import type { LivePubSub } from '../../../platform/pubsub/index.js';
import type { TripsLoaders } from './loaders.js';
import type { TripsServices } from './services/index.js';

export interface TripsContext {
  /** Who is asking; null when the request carries no access token. */
  viewer: Viewer | null;
  loaders: TripsLoaders;
  logger: Logger;
  /** Shared by every request (stateless). */
  services: TripsServices;
  /** The process's live pub/sub: `tripUpdated` and `tripOffered` listen on it. */
  pubsub: LivePubSub;
}
