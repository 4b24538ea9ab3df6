// The per-request context of fleet's resolvers.
import type { Viewer } from '../../../platform/auth/index.js';
import type { Logger } from '../../../platform/logging/index.js';
import type { LivePubSub } from '../../../platform/pubsub/index.js';
import type { FleetLoaders } from './loaders.js';
import type { FleetServices } from './services/index.js';

export interface FleetContext {
  /** Who is asking; null when the request carries no access token. */
  viewer: Viewer | null;
  loaders: FleetLoaders;
  logger: Logger;
  /** Shared by every request (stateless). */
  services: FleetServices;
  /** The process's live pub/sub: `driverLocationUpdated` and `fleetPositions` listen on it. */
  pubsub: LivePubSub;
}
