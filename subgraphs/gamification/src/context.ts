// The per-request context of gamification's resolvers.
import type { Logger } from '../../../platform/logging/index.js';
import type { GamificationLoaders } from './loaders.js';

export interface GamificationContext {
  loaders: GamificationLoaders;
  logger: Logger;
}
