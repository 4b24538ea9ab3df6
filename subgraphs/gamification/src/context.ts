// The per-request context of gamification's resolvers.
import type { Viewer } from '../../../platform/auth/index.js';
import type { Logger } from '../../../platform/logging/index.js';
import type { GamificationLoaders } from './loaders.js';
import type { LoyaltyServices } from './services/index.js';

export interface GamificationContext {
  /** Who is asking; null when the request carries no access token. */
  viewer: Viewer | null;
  loaders: GamificationLoaders;
  logger: Logger;
  services: LoyaltyServices;
}
