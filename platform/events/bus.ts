// The process's event bus: Redis Streams when a Redis URL is configured, else in-process memory.
import { createMemoryEventBus } from './memory.js';
import { assertValidPrefix, type EventBusTuning, type InspectableEventBus } from './options.js';
import { createRedisEventBus } from './redis.js';

export interface CreateEventBusOptions extends EventBusTuning {
  /**
   * Redis URL (`redis://` or `rediss://`). Given → Redis Streams shared by every process on the same prefix.
   * Omitted → in-process memory (the embedded mode; events reach only this process).
   * @throws TypeError when it is an empty string: unset it instead.
   */
  redisUrl?: string;
  /** Key prefix, e.g. `ridegraph:` (the same as the live pub/sub's). Required, non-empty, no whitespace. */
  prefix: string;
}

/** Creates the process's event bus. Dispose it on shutdown, after the subgraphs using it stopped. */
export function createEventBus(options: CreateEventBusOptions): InspectableEventBus {
  const { redisUrl, prefix, ...tuning } = options;
  assertValidPrefix(prefix);
  if (redisUrl === undefined) return createMemoryEventBus(tuning);
  if (redisUrl === '') throw new TypeError('Event bus: redisUrl is empty; omit it for the in-process bus');
  return createRedisEventBus({ url: redisUrl, prefix, ...tuning });
}
