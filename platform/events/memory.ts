// In-process event streams for the embedded mode and tests. Same semantics as the Redis Streams backend (one
// contract suite checks both): one retained log, consumer groups that start at the beginning of the retained
// log, one owner per delivered event, acknowledgement when the handler resolves, retry with backoff, take-over
// of events whose consumer stopped or stalled, dead letters after `maxDeliveries`.
import type { AnyEventEnvelope } from './catalogue.js';
import {
  assertValidGroup,
  consoleEventsLogger,
  DEFAULT_MAX_DELIVERIES,
  DEFAULT_MAX_LEN,
  DEFAULT_RETRY_DELAY_MS,
  DEFAULT_VISIBILITY_TIMEOUT_MS,
  errorMessage,
  EventBusDisposedError,
  retryDelay,
  sleep,
  type DeadLetter,
  type EventBusTuning,
  type EventsLogger,
  type InspectableEventBus,
} from './options.js';
import type { ConsumeOptions, EventConsumer } from './types.js';
import { traceEventHandler } from '../tracing/events.js';
import { addConsumerLagSource, recordEventConsumed } from '../metrics/index.js';

export type MemoryEventBusOptions = EventBusTuning;

interface Entry {
  seq: number;
  /** JSON, so every delivery hands the handler its own copy, as Redis would. */
  data: string;
}

interface Pending {
  owner: MemoryConsumer;
  deliveries: number;
  deliveredAt: number;
}

/** One consumer group: where it is in the log and what it delivered but has not had acknowledged. */
class Group {
  /** Sequence number of the next never-delivered entry. */
  next: number;
  readonly pending = new Map<number, Pending>();
  readonly members = new Set<MemoryConsumer>();

  constructor(
    readonly name: string,
    firstRetained: number,
  ) {
    // Like XGROUP CREATE ... 0: a new group reads the whole retained history, so events emitted before the
    // consuming process started are not lost.
    this.next = firstRetained;
  }
}

class MemoryConsumer implements EventConsumer {
  readonly ready = Promise.resolve();
  readonly #bus: MemoryEventBus;
  readonly #group: Group;
  readonly #options: ConsumeOptions;
  readonly #types: ReadonlySet<string>;
  readonly #maxDeliveries: number;
  readonly #abort = new AbortController();
  readonly #loop: Promise<void>;
  /** Wakes the idle loop: something was appended or acknowledged, or a consumer stopped. */
  #wake: (() => void) | undefined;
  stopped = false;

  constructor(bus: MemoryEventBus, group: Group, options: ConsumeOptions) {
    this.#bus = bus;
    this.#group = group;
    // Each delivery is a CONSUMER span linked to the emitting request's trace (platform/tracing/events.ts).
    this.#options = { ...options, handle: traceEventHandler(options.group, options.handle) };
    this.#types = new Set(options.types);
    this.#maxDeliveries = options.maxDeliveries ?? DEFAULT_MAX_DELIVERIES;
    group.members.add(this);
    this.#loop = this.#run();
  }

  notify(): void {
    this.#wake?.();
  }

  async stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      this.#abort.abort();
      this.#wake?.();
    }
    await this.#loop;
    this.#group.members.delete(this);
    // What this consumer still owned (a handler that failed while stopping) is now free for the others.
    this.#bus.notifyGroup(this.#group);
  }

  async #run(): Promise<void> {
    while (!this.stopped) {
      const taken = this.#bus.take(this.#group, this);
      if (taken) {
        await this.#process(taken.entry, taken.pending);
        continue;
      }
      // Wait for news; with events pending elsewhere, also look again when one of them may have stalled.
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
        if (this.#group.pending.size > 0) setTimeout(resolve, this.#bus.visibilityTimeoutMs).unref();
      });
      this.#wake = undefined;
    }
  }

  async #process(entry: Entry, pending: Pending): Promise<void> {
    const event = JSON.parse(entry.data) as AnyEventEnvelope;
    if (!this.#types.has(event.type)) {
      recordEventConsumed(this.#group.name, 'skipped');
      return this.#bus.ack(this.#group, entry.seq);
    }
    if (pending.deliveries > this.#maxDeliveries) {
      // Taken over from a consumer that died in it, possibly because of it: do not run it once more.
      return this.#bus.deadLetter(this.#group, entry, event, pending.deliveries - 1, 'consumer died while handling it');
    }
    for (;;) {
      try {
        await this.#options.handle(event);
        recordEventConsumed(this.#group.name, 'ok');
        return this.#bus.ack(this.#group, entry.seq);
      } catch (error) {
        if (pending.deliveries >= this.#maxDeliveries) {
          return this.#bus.deadLetter(this.#group, entry, event, pending.deliveries, errorMessage(error));
        }
        recordEventConsumed(this.#group.name, 'retried');
        const delay = retryDelay(this.#bus.retryDelayMs, pending.deliveries);
        this.#bus.logger.warn(
          { err: error, group: this.#group.name, eventId: event.id, type: event.type, deliveries: pending.deliveries, retryInMs: delay },
          'event handler failed; retrying',
        );
        await sleep(delay, this.#abort.signal);
        // Stopped while waiting: leave it pending, another member (or a later process) takes it over.
        // Taken over meanwhile (we stalled past the visibility timeout): the new owner handles it.
        if (this.stopped || this.#group.pending.get(entry.seq) !== pending || pending.owner !== this) return;
        pending.deliveries += 1;
        pending.deliveredAt = Date.now();
      }
    }
  }
}

class MemoryEventBus implements InspectableEventBus {
  readonly logger: EventsLogger;
  readonly visibilityTimeoutMs: number;
  readonly retryDelayMs: number;
  readonly #maxLen: number;
  readonly #log: Entry[] = [];
  /** Sequence number of `#log[0]`. */
  #firstSeq = 0;
  readonly #groups = new Map<string, Group>();
  readonly #consumers = new Set<MemoryConsumer>();
  readonly #dead: DeadLetter[] = [];
  #disposed: Promise<void> | undefined;

  constructor(options: MemoryEventBusOptions) {
    this.logger = options.logger ?? consoleEventsLogger;
    this.#maxLen = options.maxLen ?? DEFAULT_MAX_LEN;
    this.visibilityTimeoutMs = options.visibilityTimeoutMs ?? DEFAULT_VISIBILITY_TIMEOUT_MS;
    this.retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
    this.#stopLagMetric = addConsumerLagSource(() => this.#lag());
  }

  readonly #stopLagMetric: () => void;

  /** Per group: events not yet delivered plus delivered and not acknowledged (the metrics' consumer lag). */
  #lag(): Map<string, number> {
    const end = this.#firstSeq + this.#log.length;
    return new Map([...this.#groups.values()].map((group) => [group.name, end - Math.max(group.next, this.#firstSeq) + group.pending.size]));
  }

  async append(events: readonly AnyEventEnvelope[]): Promise<void> {
    if (this.#disposed) throw new EventBusDisposedError();
    const encoded = events.map((event) => JSON.stringify(event)); // all or nothing: encode before appending
    for (const data of encoded) this.#log.push({ seq: this.#firstSeq + this.#log.length, data });
    if (this.#log.length > this.#maxLen) {
      const drop = this.#log.length - this.#maxLen;
      this.#log.splice(0, drop);
      this.#firstSeq += drop;
    }
    for (const consumer of this.#consumers) consumer.notify();
  }

  consume(options: ConsumeOptions): EventConsumer {
    if (this.#disposed) throw new EventBusDisposedError();
    assertValidGroup(options.group, options.types);
    let group = this.#groups.get(options.group);
    if (!group) this.#groups.set(options.group, (group = new Group(options.group, this.#firstSeq)));
    const consumer = new MemoryConsumer(this, group, options);
    this.#consumers.add(consumer);
    const stop = consumer.stop.bind(consumer);
    return {
      ready: consumer.ready,
      stop: async () => {
        await stop();
        this.#consumers.delete(consumer);
      },
    };
  }

  /**
   * The next event for `consumer`: first one delivered to a member that stopped or has held it longer than the
   * visibility timeout (Redis: XAUTOCLAIM), else the group's next new event (XREADGROUP `>`).
   */
  take(group: Group, consumer: MemoryConsumer): { entry: Entry; pending: Pending } | undefined {
    const now = Date.now();
    for (const [seq, pending] of group.pending) {
      if (pending.owner === consumer) continue;
      if (!pending.owner.stopped && now - pending.deliveredAt < this.visibilityTimeoutMs) continue;
      const entry = this.#entry(seq);
      if (!entry) {
        group.pending.delete(seq); // trimmed away meanwhile: nothing left to deliver
        continue;
      }
      pending.owner = consumer;
      pending.deliveries += 1;
      pending.deliveredAt = now;
      return { entry, pending };
    }
    if (group.next < this.#firstSeq) group.next = this.#firstSeq; // trimmed before this group read them
    const entry = this.#entry(group.next);
    if (!entry) return undefined;
    group.next += 1;
    const pending: Pending = { owner: consumer, deliveries: 1, deliveredAt: now };
    group.pending.set(entry.seq, pending);
    return { entry, pending };
  }

  ack(group: Group, seq: number): void {
    group.pending.delete(seq);
  }

  deadLetter(group: Group, entry: Entry, event: AnyEventEnvelope, deliveries: number, error: string): void {
    const letter: DeadLetter = { group: group.name, entryId: String(entry.seq), event, deliveries, error, deadAt: new Date().toISOString() };
    this.#dead.push(letter);
    if (this.#dead.length > 10_000) this.#dead.shift();
    this.logger.error({ group: group.name, eventId: event.id, type: event.type, deliveries, error }, 'event dead-lettered after repeated handler failures');
    recordEventConsumed(group.name, 'dead_lettered');
    this.ack(group, entry.seq);
  }

  notifyGroup(group: Group): void {
    for (const member of group.members) member.notify();
  }

  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    return this.#dead.slice(0, limit).map((letter) => structuredClone(letter));
  }

  dispose(): Promise<void> {
    this.#disposed ??= (async () => {
      this.#stopLagMetric();
      await Promise.all([...this.#consumers].map((consumer) => consumer.stop()));
      this.#consumers.clear();
    })();
    return this.#disposed;
  }

  #entry(seq: number): Entry | undefined {
    return seq >= this.#firstSeq ? this.#log[seq - this.#firstSeq] : undefined;
  }
}

/**
 * Creates in-process event streams. They reach only consumers of the same instance: share one per process
 * (the embedded mode), or one per test. Nothing survives the process — the outbox tables are what is durable
 * there: an event relayed but not yet handled when the process stops is lost for memory, so the embedded mode
 * trades that window for zero infrastructure.
 */
export function createMemoryEventBus(options: MemoryEventBusOptions = {}): InspectableEventBus {
  return new MemoryEventBus(options);
}
