// The per-request context of payments' resolvers.
import type { Viewer } from '../../../platform/auth/index.js';
import type { Logger } from '../../../platform/logging/index.js';
import type { PaymentsLoaders } from './loaders.js';
import type { PaymentsServices } from './services/index.js';

export interface PaymentsContext {
  /** Who is asking; null when the request carries no access token. */
  viewer: Viewer | null;
  loaders: PaymentsLoaders;
  logger: Logger;
  /** Shared by every request (stateless). */
  services: PaymentsServices;
}
