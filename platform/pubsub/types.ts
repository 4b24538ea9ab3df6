// The contract both backends (in-memory and Redis) honour; the contract test suite checks it against each.
import type { LiveTopics, TopicName } from './topics.js';

/**
 * An open subscription to one channel. Iterate it with `for await`, or hand it to graphql-js as the result of
 * a subscription resolver. Events arrive in the order they were published.
 */
export interface LiveSubscription<T> extends AsyncIterableIterator<T, undefined> {
  /**
   * Resolves once the backend listens (memory: at once; Redis: when SUBSCRIBE is acknowledged). Events
   * published before that may be missed, so await it when "publish right after subscribe" must be heard.
   * Also resolves when the subscription ends before it was established; rejects (and the iterator ends
   * with that error) when the backend refuses the subscription. While Redis is unreachable it stays pending
   * until Redis is back.
   */
  readonly ready: Promise<void>;
  /**
   * Stops listening at once (a disconnecting GraphQL client releases its listener here) and discards
   * events not yet read. Pending and later `next()` calls resolve `{ done: true }`. Idempotent; never waits
   * for Redis.
   */
  return(): Promise<IteratorReturnResult<undefined>>;
  /** Like `return()`, then rejects with `error` (the iterator protocol's meaning of `throw`). */
  throw(error?: unknown): Promise<IteratorReturnResult<undefined>>;
}

/**
 * Typed live pub/sub: best-effort fan-out of small JSON events to screens (subscriptions). Nothing is
 * stored: a listener that is not connected when an event is published never gets it. Never use it where
 * losing a message loses data — that is what the durable event streams are for.
 */
export interface LivePubSub<Topics extends object = LiveTopics> {
  /**
   * Sends `payload` to every current listener of `topic` (or of `topic:key` when `key` is given) in every
   * process sharing this backend and prefix. The payload is serialised as JSON (so `Date`s become strings and
   * `undefined` fields disappear) and each listener receives its own copy.
   *
   * @returns resolves once the backend accepted the event (memory: after handing it to every listener).
   * @throws (rejects) PubSubDisposedError after `dispose()`; TypeError for an empty key or a payload JSON
   *   cannot represent; PubSubUnavailableError when Redis does not take the event within the publish
   *   timeout (see `createRedisPubSub`) — a rejected publish is not sent later.
   */
  publish<K extends TopicName<Topics>>(topic: K, payload: Topics[K], key?: string): Promise<void>;

  /**
   * Starts listening on `topic` (or `topic:key`). Listening begins now, not at the first `next()`; see
   * `ready` for when it is established. Unread events are buffered up to `maxBufferedEvents` (default 1000);
   * one more ends the subscription — its next `next()` rejects with PubSubOverflowError — so keep reading or
   * call `return()`.
   *
   * @throws PubSubDisposedError after `dispose()`; TypeError for an empty key.
   */
  subscribe<K extends TopicName<Topics>>(topic: K, key?: string): LiveSubscription<Topics[K]>;

  /** How many open subscriptions this instance holds on `topic` (or `topic:key`); for tests and health. */
  listenerCount<K extends TopicName<Topics>>(topic: K, key?: string): number;

  /**
   * Ends every open subscription (their pending `next()` calls resolve `{ done: true }`, unread events are
   * discarded) and closes the backend's connections. Idempotent: later calls return the same promise. It
   * does not hang when Redis is unreachable: connections that cannot close politely are dropped.
   */
  dispose(): Promise<void>;
}

/**
 * Where the pub/sub reports trouble (lost and restored Redis connections, undecodable messages). A pino
 * logger fits as is.
 */
export interface PubSubLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}
