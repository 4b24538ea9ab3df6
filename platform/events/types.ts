// The contract of the durable event path: outbox → relay → stream → consumer groups. Both backends (Redis
// Streams and in-process memory) honour it; one contract suite tests both.
import type { AnyEventEnvelope, DomainEventType } from './catalogue.js';

/**
 * The durable event streams. An event appended once is delivered to every consumer GROUP (one group per
 * consuming subgraph, e.g. "fleet") and, within a group, to one member at a time until a member acknowledges it
 * (its handler resolved). A handler that throws, or a member that dies mid-event, gets the event redelivered
 * (at-least-once); after `maxDeliveries` failures it goes to the dead-letter stream and is logged.
 */
export interface EventBus {
  /**
   * Appends events (the outbox relay calls this; services write to their outbox instead).
   * @throws (rejects) when the backend does not take them; the relay retries.
   */
  append(events: readonly AnyEventEnvelope[]): Promise<void>;
  /**
   * Joins consumer group `group` and starts handling events of `types` (others are acknowledged unseen).
   * Handlers run one event at a time per consumer, in stream order. Make handlers idempotent with `handleOnce`.
   */
  consume(options: ConsumeOptions): EventConsumer;
  /** Stops every consumer (waiting for in-flight handlers) and closes connections. Idempotent. */
  dispose(): Promise<void>;
}

export interface ConsumeOptions {
  /** The consuming subgraph's name: each group gets every event once. */
  group: string;
  types: readonly DomainEventType[];
  handle: (event: AnyEventEnvelope) => Promise<void>;
  /** Failed deliveries before an event is dead-lettered. Default 5. */
  maxDeliveries?: number;
}

export interface EventConsumer {
  /** Resolves once the group exists and the consumer reads (events appended after this are seen). */
  readonly ready: Promise<void>;
  /** Stops reading; waits for the in-flight handler. Idempotent. */
  stop(): Promise<void>;
}
