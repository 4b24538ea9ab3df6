// The live pub/sub every subgraph publishes to and every subscription resolver listens on.
import { createMemoryPubSub } from './memory.js';
import { createRedisPubSub } from './redis.js';
import type { LiveTopics } from './topics.js';
import type { LivePubSub, PubSubLogger } from './types.js';

export interface CreateLivePubSubOptions {
  /**
   * Redis URL (`redis://` or `rediss://`). Given → Redis, shared by every process on the same prefix.
   * Omitted → in-process memory, which reaches only this process (the embedded mode).
   * @throws TypeError when it is an empty string: unset it instead, so a blank REDIS_URL never silently
   *   turns a distributed deployment into isolated processes.
   */
  redisUrl?: string;
  /** Channel prefix, e.g. `ridegraph:prod:`. Required, non-empty, no whitespace. */
  prefix: string;
  /** Default: console. A pino logger fits. */
  logger?: PubSubLogger;
  /** Redis only; default 2000. See `createRedisPubSub`. */
  publishTimeoutMs?: number;
  /** Unread events one subscription may hold before it ends with PubSubOverflowError. Default 1000. */
  maxBufferedEvents?: number;
}

/** Creates the process's live pub/sub: Redis when `redisUrl` is given, else memory. Dispose it on shutdown. */
export function createLivePubSub<Topics extends object = LiveTopics>(options: CreateLivePubSubOptions): LivePubSub<Topics> {
  const { redisUrl, prefix, logger, publishTimeoutMs, maxBufferedEvents } = options;
  if (redisUrl === undefined) return createMemoryPubSub<Topics>({ prefix, logger, maxBufferedEvents });
  if (redisUrl === '') throw new TypeError('Live pub/sub: redisUrl is empty; omit it for the in-process pub/sub');
  return createRedisPubSub<Topics>({ url: redisUrl, prefix, logger, publishTimeoutMs, maxBufferedEvents });
}

export { publishBestEffort, type PublishFailureLog } from './best-effort.js';
export { createMemoryPubSub, type MemoryLivePubSubOptions } from './memory.js';
export { createRedisPubSub, type RedisLivePubSubOptions } from './redis.js';
export { liveRedisClientOptions } from './redis-clients.js';
export { PubSubDisposedError, PubSubOverflowError, PubSubUnavailableError } from './errors.js';
export { LiveIterator, DEFAULT_MAX_BUFFERED_EVENTS, type LiveIteratorOptions, type Listening } from './iterator.js';
export { channelName, type LiveTopics, type TopicName } from './topics.js';
export type { LivePubSub, LiveSubscription, PubSubLogger } from './types.js';
