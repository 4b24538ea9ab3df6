// Redis Streams backend (distributed mode): every replica of every subgraph appends to and reads from the same
// stream. Layout, all under the prefix shared with the live pub/sub (e.g. `ridegraph:`):
//
//   <prefix>events        ONE stream for all event types and sources. A consumer group per consuming subgraph
//                         reads it whole and acknowledges unseen what it does not handle. One stream keeps the
//                         cross-source order (trip.completed after the driver.status.changed it caused, when
//                         relayed in that order), needs one blocking read per consumer, and its volume (a few
//                         events per trip) is far below what one stream carries. Entries: `type`, `event` (JSON).
//                         Trimmed with XADD MAXLEN ~ `maxLen` (default 100 000 entries).
//   <prefix>events:dead   dead letters: `group`, `entryId`, `deliveries`, `error`, `deadAt`, `event` (the raw JSON).
//                         MAXLEN ~ 10 000.
//
// Delivery: XREADGROUP `>` (new events), XAUTOCLAIM of entries idle longer than the visibility timeout (a dead or
// stuck consumer's events move to a live one), XACK after the handler resolves, XCLAIM to oneself before each
// retry (resets the idle time so no one takes it over meanwhile, and counts the delivery). The delivery count
// Redis keeps (XPENDING) decides the dead letter, so it also counts deliveries to consumers that died.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { AnyEventEnvelope } from './catalogue.js';
import { closeClient, retryForever, watchConnection } from '../pubsub/redis-clients.js';
import { addConsumerLagSource, recordEventConsumed } from '../metrics/index.js';
import {
  assertValidGroup,
  assertValidPrefix,
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

export interface RedisEventBusOptions extends EventBusTuning {
  url: string;
  /** Key prefix, e.g. `ridegraph:prod:`. Required, non-empty, no whitespace. */
  prefix: string;
  /** Default 2000. How long `append` may wait for Redis (connecting, then acknowledging) before it rejects. */
  appendTimeoutMs?: number;
  /** Default 5000. Longest XREADGROUP BLOCK; also bounds how late a stalled event is noticed. */
  blockMs?: number;
}

const DEAD_MAX_LEN = 10_000;
const READ_COUNT = 10;
/** Consumers without pending events, idle this long, are removed from their group (crashed processes). */
const FORGET_CONSUMER_AFTER_MS = 24 * 60 * 60_000;

type StreamEntry = [id: string, fields: string[]];

class EventsUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventsUnavailableError';
  }
}

function fieldsToObject(fields: readonly string[]): Partial<Record<string, string>> {
  const record: Partial<Record<string, string>> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [key, value] = [fields[i], fields[i + 1]];
    if (key !== undefined) record[key] = value;
  }
  return record;
}

function isRedisError(error: unknown, code: string): boolean {
  return error instanceof Error && error.message.startsWith(code);
}

class RedisEventBus implements InspectableEventBus {
  readonly logger: EventsLogger;
  readonly stream: string;
  readonly deadStream: string;
  readonly maxLen: number;
  readonly visibilityTimeoutMs: number;
  readonly retryDelayMs: number;
  readonly blockMs: number;
  /** Appends, acknowledgements, claims, group management. Never blocks. */
  readonly writer: Redis;
  readonly #url: string;
  readonly #prefix: string;
  readonly #appendTimeoutMs: number;
  readonly #consumers = new Set<RedisConsumer>();
  #closing = false;
  #disposed: Promise<void> | undefined;

  constructor(options: RedisEventBusOptions) {
    assertValidPrefix(options.prefix);
    this.logger = options.logger ?? consoleEventsLogger;
    this.#url = options.url;
    this.#prefix = options.prefix;
    this.stream = `${options.prefix}events`;
    this.deadStream = `${options.prefix}events:dead`;
    this.maxLen = options.maxLen ?? DEFAULT_MAX_LEN;
    this.visibilityTimeoutMs = options.visibilityTimeoutMs ?? DEFAULT_VISIBILITY_TIMEOUT_MS;
    this.retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
    this.blockMs = options.blockMs ?? 5000;
    this.#appendTimeoutMs = options.appendTimeoutMs ?? 2000;
    // Fail fast while Redis is away (no offline queue): the relay keeps rows unpublished and retries, a consumer
    // leaves the event pending; nothing is queued in this process to be sent late.
    this.writer = new Redis(this.#url, this.clientOptions('writer', { enableOfflineQueue: false, maxRetriesPerRequest: 0 }));
    watchConnection(this.writer, 'writer', this.logger, () => this.#closing, 'event bus');
    this.#stopLagMetric = addConsumerLagSource(() => this.#lag());
  }

  readonly #stopLagMetric: () => void;
  /** Groups this process consumes: the metrics report their lag (each consuming process the same value). */
  readonly #groups = new Set<string>();

  /** Per group of this process: XINFO GROUPS' `lag` (not yet delivered) plus `pending` (not yet acknowledged). */
  async #lag(): Promise<Map<string, number>> {
    const lags = new Map<string, number>();
    if (this.#groups.size === 0 || this.writer.status !== 'ready') return lags;
    const groups = (await this.writer.call('XINFO', 'GROUPS', this.stream)) as unknown[][];
    for (const fields of groups) {
      const info = new Map<string, unknown>();
      for (let i = 0; i + 1 < fields.length; i += 2) info.set(String(fields[i]), fields[i + 1]);
      const name = String(info.get('name'));
      if (this.#groups.has(name)) lags.set(name, Number(info.get('lag') ?? 0) + Number(info.get('pending') ?? 0));
    }
    return lags;
  }

  clientOptions(role: string, extra: RedisOptions): RedisOptions {
    return { connectionName: `${this.#prefix}events:${role}`, retryStrategy: retryForever, disconnectTimeout: 250, ...extra };
  }

  /** A connection for one consumer's blocking reads (a blocked connection serves nobody else). */
  openReader(group: string): Redis {
    // Offline queue on: a read issued during an outage waits for the reconnect.
    const reader = new Redis(this.#url, this.clientOptions(`reader:${group}`, { enableOfflineQueue: true, maxRetriesPerRequest: null }));
    watchConnection(reader, `reader:${group}`, this.logger, () => this.#closing, 'event bus');
    return reader;
  }

  /** Resolves when the writer is connected; rejects after `timeoutMs`. */
  async writerReady(timeoutMs: number): Promise<void> {
    if (this.writer.status === 'ready') return;
    let timer: NodeJS.Timeout | undefined;
    let onReady: (() => void) | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        onReady = resolve;
        this.writer.once('ready', onReady);
        timer = setTimeout(() => reject(new EventsUnavailableError(`Redis is not reachable for the event bus within ${timeoutMs} ms`)), timeoutMs);
      });
    } finally {
      clearTimeout(timer);
      if (onReady) this.writer.off('ready', onReady);
    }
  }

  async append(events: readonly AnyEventEnvelope[]): Promise<void> {
    if (this.#disposed) throw new EventBusDisposedError();
    if (events.length === 0) return;
    const encoded = events.map((event) => [event.type, JSON.stringify(event)] as const);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new EventsUnavailableError(`Redis did not take ${events.length} event(s) within ${this.#appendTimeoutMs} ms`)),
        this.#appendTimeoutMs,
      );
    });
    const appending = (async () => {
      await this.writerReady(this.#appendTimeoutMs);
      // MULTI: a batch is appended whole or not at all, so a retried batch never half-duplicates.
      const multi = this.writer.multi();
      for (const [type, data] of encoded) multi.xadd(this.stream, 'MAXLEN', '~', this.maxLen, '*', 'type', type, 'event', data);
      const results = await multi.exec();
      const failed = results?.find(([error]) => error);
      if (!results || failed) throw failed?.[0] ?? new EventsUnavailableError('Redis aborted the append');
    })();
    try {
      await Promise.race([appending, timedOut]);
    } finally {
      clearTimeout(timer);
      appending.catch(() => undefined); // lost the race: its own failure is no longer anyone's concern
    }
  }

  consume(options: ConsumeOptions): EventConsumer {
    if (this.#disposed) throw new EventBusDisposedError();
    assertValidGroup(options.group, options.types);
    this.#groups.add(options.group);
    const consumer = new RedisConsumer(this, options);
    this.#consumers.add(consumer);
    return {
      ready: consumer.ready,
      stop: async () => {
        await consumer.stop();
        this.#consumers.delete(consumer);
      },
    };
  }

  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    await this.writerReady(this.#appendTimeoutMs);
    const entries = (await this.writer.xrange(this.deadStream, '-', '+', 'COUNT', limit)) as StreamEntry[];
    return entries.map(([, fields]) => {
      const record = fieldsToObject(fields);
      let event: AnyEventEnvelope | undefined;
      try {
        event = JSON.parse(record.event ?? '') as AnyEventEnvelope;
      } catch {
        event = undefined;
      }
      return {
        group: record.group ?? '',
        entryId: record.entryId ?? '',
        event,
        deliveries: Number(record.deliveries),
        error: record.error ?? '',
        deadAt: record.deadAt ?? '',
      };
    });
  }

  dispose(): Promise<void> {
    this.#disposed ??= (async () => {
      this.#stopLagMetric();
      await Promise.all([...this.#consumers].map((consumer) => consumer.stop()));
      this.#consumers.clear();
      this.#closing = true;
      await closeClient(this.writer, 2000);
    })();
    return this.#disposed;
  }
}

class RedisConsumer implements EventConsumer {
  readonly ready: Promise<void>;
  readonly #bus: RedisEventBus;
  readonly #options: ConsumeOptions;
  readonly #group: string;
  readonly #types: ReadonlySet<string>;
  readonly #maxDeliveries: number;
  /** Unique per consumer: two consumers of one group in one process are two members. */
  readonly #name = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  readonly #reader: Redis;
  readonly #abort = new AbortController();
  readonly #loop: Promise<void>;
  #readerId: number | undefined;
  #stopped = false;
  #closing = false;
  #reading = false;
  #nextClaimAt = 0;
  #stopping: Promise<void> | undefined;

  constructor(bus: RedisEventBus, options: ConsumeOptions) {
    this.#bus = bus;
    // Each delivery is a CONSUMER span linked to the emitting request's trace (platform/tracing/events.ts).
    this.#options = { ...options, handle: traceEventHandler(options.group, options.handle) };
    this.#group = options.group;
    this.#types = new Set(options.types);
    this.#maxDeliveries = options.maxDeliveries ?? DEFAULT_MAX_DELIVERIES;
    this.#reader = bus.openReader(options.group);
    let markReady!: () => void;
    this.ready = new Promise<void>((resolve) => (markReady = resolve));
    this.#loop = this.#run(markReady);
  }

  stop(): Promise<void> {
    this.#stopping ??= (async () => {
      this.#stopped = true;
      this.#abort.abort();
      await this.#interruptRead();
      await this.#loop;
      this.#closing = true;
      await closeClient(this.#reader, 1000);
    })();
    return this.#stopping;
  }

  /** Ends a blocked XREADGROUP at once: CLIENT UNBLOCK returns it empty, so nothing is delivered and lost. */
  async #interruptRead(): Promise<void> {
    try {
      // Repeated: the UNBLOCK may reach Redis before the XREADGROUP sent on the other connection does.
      for (let attempt = 0; this.#reading && attempt < 40; attempt += 1) {
        if (this.#readerId === undefined) throw new Error('reader id unknown');
        await this.#bus.writer.client('UNBLOCK', this.#readerId);
        await sleep(25);
      }
      if (this.#reading) throw new Error('read not interrupted');
    } catch {
      // Writer down too: drop the reader's socket. An XREADGROUP reply lost with it leaves events pending on
      // this consumer, which other members take over after the visibility timeout.
      this.#reader.disconnect();
    }
  }

  async #run(markReady: () => void): Promise<void> {
    let failures = 0;
    let groupReady = false;
    while (!this.#stopped) {
      try {
        if (!groupReady) {
          await this.#ensureGroup();
          groupReady = true;
          markReady();
        }
        await this.#claimStalled();
        if (this.#stopped) break;
        await this.#readNew();
        if (failures > 0) this.#bus.logger.info({ group: this.#group }, 'event consumer reading again');
        failures = 0;
      } catch (error) {
        if (this.#stopped) break;
        if (isRedisError(error, 'NOGROUP')) {
          // The stream or group vanished (Redis restarted without persistence, or someone deleted the key).
          groupReady = false;
          this.#bus.logger.warn({ group: this.#group }, 'event consumer group is gone; recreating it');
          continue;
        }
        failures += 1;
        if (failures === 1 || failures % 20 === 0) {
          this.#bus.logger.warn({ err: error, group: this.#group, failures }, `event consumer failed to read (${errorMessage(error)}); retrying`);
        }
        await sleep(Math.min(250 * 2 ** Math.min(failures, 5), 5000), this.#abort.signal);
      }
    }
    markReady(); // stopped before the group existed: nothing to wait for
  }

  async #ensureGroup(): Promise<void> {
    try {
      // At `0`, not `$`: a group created after events were appended (the consuming process started later than
      // the emitting one, or a new subgraph joined) still gets the whole retained history.
      await this.#reader.xgroup('CREATE', this.#bus.stream, this.#group, '0', 'MKSTREAM');
    } catch (error) {
      if (!isRedisError(error, 'BUSYGROUP')) throw error;
    }
    this.#readerId = Number(await this.#reader.client('ID'));
    await this.#forgetDeadConsumers();
  }

  /** Removes members of crashed processes (nothing pending, idle for a day) so XINFO stays readable. */
  async #forgetDeadConsumers(): Promise<void> {
    const consumers = (await this.#reader.xinfo('CONSUMERS', this.#bus.stream, this.#group)) as unknown[][];
    for (const fields of consumers) {
      const info = fieldsToObject(fields.map(String));
      if (info.name !== undefined && Number(info.pending) === 0 && Number(info.idle) > FORGET_CONSUMER_AFTER_MS) {
        await this.#reader.call('XGROUP', 'DELCONSUMER', this.#bus.stream, this.#group, info.name);
      }
    }
  }

  /** XAUTOCLAIM: takes over events another member has held longer than the visibility timeout. */
  async #claimStalled(): Promise<void> {
    const now = Date.now();
    if (now < this.#nextClaimAt) return;
    this.#nextClaimAt = now + Math.max(this.#bus.visibilityTimeoutMs / 2, 50);
    let cursor = '0-0';
    do {
      const [next, entries] = (await this.#bus.writer.call(
        'XAUTOCLAIM',
        this.#bus.stream,
        this.#group,
        this.#name,
        this.#bus.visibilityTimeoutMs,
        cursor,
        'COUNT',
        READ_COUNT,
      )) as [string, (StreamEntry | null)[], string[]?];
      cursor = next;
      // Trimmed entries come back as null (Redis 6.2; 7 drops them from the list).
      const claimed = entries.filter((entry): entry is StreamEntry => entry !== null);
      await this.#handleInTurn(claimed, { stopEarly: true }, async (entry) => {
        const deliveries = await this.#deliveryCount(entry[0]);
        this.#bus.logger.info({ group: this.#group, entryId: entry[0], deliveries }, 'took over an event a stalled consumer held');
        await this.#process(entry, deliveries);
      });
    } while (cursor !== '0-0' && !this.#stopped);
  }

  /**
   * Handles entries this member holds one at a time, in order, keeping hold of them meanwhile: every half visibility
   * timeout the entry being handled and those waiting their turn are claimed afresh (XCLAIM JUSTID: idle time reset,
   * no delivery counted). Without that, a slow handler or a long queue lets them go idle past the timeout and
   * another member takes them over although this one is alive — each take-over counting a delivery, until a busy
   * group dead-letters events nobody failed ("consumers died while handling it"). So a take-over means the holder
   * is gone (its process or its Redis connection), not that it is slow. Entries another member took anyway are
   * skipped.
   */
  async #handleInTurn(entries: StreamEntry[], options: { stopEarly: boolean }, handle: (entry: StreamEntry) => Promise<void>): Promise<void> {
    if (entries.length === 0) return;
    let unfinished = entries.map(([id]) => id);
    let held: Set<string> | null = null;
    let refreshing = false;
    const heartbeat = setInterval(() => {
      if (refreshing || unfinished.length === 0) return;
      refreshing = true;
      this.#keepHolding(unfinished)
        .then((stillHeld) => void (held = stillHeld))
        .catch(() => undefined) // Redis away: the loop's own calls fail and report it
        .finally(() => void (refreshing = false));
    }, this.#bus.visibilityTimeoutMs / 2);
    heartbeat.unref();
    try {
      for (let i = 0; i < entries.length; i += 1) {
        if (options.stopEarly && this.#stopped) return;
        const entry = entries[i]!;
        const takenByAnother = held !== null && !(held as Set<string>).has(entry[0]);
        if (!takenByAnother) await handle(entry);
        unfinished = unfinished.slice(1);
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Of `entryIds` (in stream order), those still pending on this member, with their idle time reset. */
  async #keepHolding(entryIds: string[]): Promise<Set<string>> {
    const pending = (await this.#bus.writer.xpending(
      this.#bus.stream,
      this.#group,
      entryIds[0]!,
      entryIds[entryIds.length - 1]!,
      entryIds.length,
      this.#name,
    )) as [string, string, number, number][];
    const wanted = new Set(entryIds);
    const mine = pending.map(([id]) => id).filter((id) => wanted.has(id));
    if (mine.length > 0) await this.#bus.writer.call('XCLAIM', this.#bus.stream, this.#group, this.#name, 0, ...mine, 'JUSTID');
    return new Set(mine);
  }

  async #deliveryCount(entryId: string): Promise<number> {
    const pending = (await this.#bus.writer.xpending(this.#bus.stream, this.#group, entryId, entryId, 1)) as [string, string, number, number][];
    return pending[0]?.[3] ?? 1;
  }

  async #readNew(): Promise<void> {
    // Nothing read can be acknowledged while the writer is away: read on, and every event would sit pending on this
    // member until the visibility timeout hands it to another (up to READ_COUNT per member, per read). The loop's
    // backoff retries until the writer is back.
    if (this.#bus.writer.status !== 'ready') throw new Error(`the event writer is ${this.#bus.writer.status}: not reading what could not be acknowledged`);
    const block = Math.max(1, Math.min(this.#bus.blockMs, this.#nextClaimAt - Date.now()));
    this.#reading = true;
    if (this.#stopped) return void (this.#reading = false);
    let reply: [string, StreamEntry[]][] | null;
    try {
      reply = (await this.#reader.call(
        'XREADGROUP',
        'GROUP',
        this.#group,
        this.#name,
        'COUNT',
        READ_COUNT,
        'BLOCK',
        block,
        'STREAMS',
        this.#bus.stream,
        '>',
      )) as [string, StreamEntry[]][] | null;
    } finally {
      this.#reading = false;
    }
    // Entries already delivered to this consumer are handled even when stop() came meanwhile: they would
    // otherwise wait a visibility timeout for another member. A failing one is left pending (see #process).
    await this.#handleInTurn(reply?.[0]?.[1] ?? [], { stopEarly: false }, (entry) => this.#process(entry, 1));
  }

  async #process([entryId, fields]: StreamEntry, deliveries: number): Promise<void> {
    const record = fieldsToObject(fields);
    const raw = record.event ?? '';
    let event: AnyEventEnvelope;
    try {
      event = JSON.parse(raw) as AnyEventEnvelope;
    } catch (error) {
      return this.#deadLetter(entryId, raw, undefined, deliveries, `undecodable event: ${errorMessage(error)}`);
    }
    if (!this.#types.has(event.type)) {
      await this.#bus.writer.xack(this.#bus.stream, this.#group, entryId);
      return recordEventConsumed(this.#group, 'skipped');
    }
    if (deliveries > this.#maxDeliveries) {
      // Taken over from consumers that died in it, possibly because of it: do not run it once more.
      return this.#deadLetter(entryId, raw, event, deliveries - 1, 'consumers died while handling it');
    }
    for (;;) {
      try {
        await this.#options.handle(event);
        await this.#bus.writer.xack(this.#bus.stream, this.#group, entryId);
        return recordEventConsumed(this.#group, 'ok');
      } catch (error) {
        if (deliveries >= this.#maxDeliveries) return this.#deadLetter(entryId, raw, event, deliveries, errorMessage(error));
        recordEventConsumed(this.#group, 'retried');
        const delay = retryDelay(this.#bus.retryDelayMs, deliveries);
        this.#bus.logger.warn(
          { err: error, group: this.#group, eventId: event.id, type: event.type, deliveries, retryInMs: delay },
          'event handler failed; retrying',
        );
        await sleep(delay, this.#abort.signal);
        // Stopping: leave it pending; another member takes it over after the visibility timeout.
        if (this.#stopped) return;
        // Claim it again: counts the delivery in Redis, resets its idle time. Empty → it is gone (trimmed,
        // or acknowledged by a member that took it over while we stalled).
        // (Not JUSTID: that form does not count the delivery.)
        const claimed = (await this.#bus.writer.call('XCLAIM', this.#bus.stream, this.#group, this.#name, 0, entryId)) as unknown[];
        if (claimed.length === 0) return;
        deliveries += 1;
      }
    }
  }

  async #deadLetter(entryId: string, raw: string, event: AnyEventEnvelope | undefined, deliveries: number, error: string): Promise<void> {
    this.#bus.logger.error(
      { group: this.#group, entryId, eventId: event?.id, type: event?.type, deliveries, error },
      'event dead-lettered after repeated handler failures',
    );
    // One transaction: never acknowledged without its dead letter, never dead-lettered twice.
    const results = await this.#bus.writer
      .multi()
      .xadd(
        this.#bus.deadStream,
        'MAXLEN',
        '~',
        DEAD_MAX_LEN,
        '*',
        'group',
        this.#group,
        'entryId',
        entryId,
        'deliveries',
        String(deliveries),
        'error',
        error,
        'deadAt',
        new Date().toISOString(),
        'event',
        raw,
      )
      .xack(this.#bus.stream, this.#group, entryId)
      .exec();
    const failed = results?.find(([failure]) => failure);
    if (!results || failed) throw failed?.[0] ?? new EventsUnavailableError('Redis aborted the dead letter');
    recordEventConsumed(this.#group, 'dead_lettered');
  }
}

/**
 * Creates Redis Streams event bus. Opens one writer connection, plus one reader per `consume()` (blocking
 * reads). Dispose it on shutdown: consumers stop (waiting for their handlers), connections close.
 */
export function createRedisEventBus(options: RedisEventBusOptions): InspectableEventBus {
  return new RedisEventBus(options);
}
