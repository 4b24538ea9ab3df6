// The per-request context of fleet's resolvers.
import type { Logger } from '../../../platform/logging/index.js';
import type { FleetLoaders } from './loaders.js';

export interface FleetContext {
  loaders: FleetLoaders;
  logger: Logger;
}
