// The logger used when the caller gives none: problems with Redis must never go unseen.
import type { PubSubLogger } from './types.js';

export const consoleLogger: PubSubLogger = {
  info: (fields, message) => console.info(`[pubsub] ${message}`, fields),
  warn: (fields, message) => console.warn(`[pubsub] ${message}`, fields),
  error: (fields, message) => console.error(`[pubsub] ${message}`, fields),
};
