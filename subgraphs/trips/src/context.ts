// The per-request context of trips' resolvers.
import type { Logger } from '../../../platform/logging/index.js';
import type { TripsLoaders } from './loaders.js';

export interface TripsContext {
  loaders: TripsLoaders;
  logger: Logger;
}
