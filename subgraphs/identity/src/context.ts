// The per-request context of identity's resolvers.
import type { Logger } from '../../../platform/logging/index.js';
import type { IdentityLoaders } from './loaders.js';

export interface IdentityContext {
  loaders: IdentityLoaders;
  logger: Logger;
}
