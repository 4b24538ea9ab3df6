// The per-request context of payments' resolvers.
import type { Logger } from '../../../platform/logging/index.js';
import type { PaymentsLoaders } from './loaders.js';

export interface PaymentsContext {
  loaders: PaymentsLoaders;
  logger: Logger;
}
