// Publishing after a commit, where the stored row is the truth and the live event only saves a client a refetch:
// a publish that fails (Redis away, timeout) is logged and dropped, never thrown into the request that committed.
// What must not be lost goes through the durable events (platform/events), not here.
import type { LiveTopics, TopicName } from './topics.js';
import type { LivePubSub, PubSubLogger } from './types.js';

/** How a failed publish is logged: what the subscribers miss, and fields that identify the change. */
export interface PublishFailureLog {
  message: string;
  fields?: Record<string, unknown>;
}

/**
 * Publishes `payload` on every channel in `keys` (one audience each, e.g. a driver's and their fleet's) and
 * resolves once all were tried; never rejects. A failed channel is logged as `failure` says; the others still go out.
 */
export async function publishBestEffort<K extends TopicName<LiveTopics>>(
  pubsub: LivePubSub,
  logger: PubSubLogger,
  topic: K,
  payload: LiveTopics[K],
  keys: readonly string[],
  failure: PublishFailureLog,
): Promise<void> {
  const results = await Promise.allSettled(keys.map((key) => pubsub.publish(topic, payload, key)));
  for (const result of results) {
    if (result.status === 'rejected') logger.warn({ ...failure.fields, err: result.reason, topic }, failure.message);
  }
}
