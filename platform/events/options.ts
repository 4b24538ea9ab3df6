// Settings and helpers both event-bus backends share, so memory and Redis behave alike (one contract suite).
import type { AnyEventEnvelope, DomainEventType } from './catalogue.js';
import type { EventBus } from './types.js';

/** Where the bus reports trouble (failed handlers, dead letters, lost connections). A pino logger fits as is. */
export interface EventsLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export const consoleEventsLogger: EventsLogger = {
  info: (fields, message) => console.info(`[events] ${message}`, fields),
  warn: (fields, message) => console.warn(`[events] ${message}`, fields),
  error: (fields, message) => console.error(`[events] ${message}`, fields),
};

/** Options of both backends; every field has a production default. */
export interface EventBusTuning {
  /** Default: console. Problems must never go unseen. */
  logger?: EventsLogger;
  /**
   * Events the stream retains (approximately, Redis trims with `MAXLEN ~`). Default 100 000. Must exceed what
   * the slowest group can fall behind, because an event trimmed before a group read it is lost for that group.
   */
  maxLen?: number;
  /**
   * How long an event may stay delivered-but-unacknowledged before another consumer of the group takes it
   * over (a consumer that died mid-event). Default 60 000 ms. Longer than any handler may take, or a slow
   * handler's event is handled twice (harmless with `handleOnce`, wasteful).
   */
  visibilityTimeoutMs?: number;
  /** First delay before a failed handler is retried; doubles each attempt up to 10 s. Default 200 ms. */
  retryDelayMs?: number;
}

export const DEFAULT_MAX_LEN = 100_000;
export const DEFAULT_VISIBILITY_TIMEOUT_MS = 60_000;
export const DEFAULT_RETRY_DELAY_MS = 200;
export const DEFAULT_MAX_DELIVERIES = 5;
const MAX_RETRY_DELAY_MS = 10_000;

/** The delay after the `deliveries`-th failed delivery (1-based). */
export function retryDelay(baseMs: number, deliveries: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, deliveries - 1), MAX_RETRY_DELAY_MS);
}

/** An event a group gave up on after `maxDeliveries` failed deliveries. */
export interface DeadLetter {
  /** The consumer group that failed. Other groups are not affected. */
  group: string;
  /** Stream entry id (Redis) or sequence number (memory) of the event. */
  entryId: string;
  /** Undefined only when the stream entry could not be decoded at all. */
  event: AnyEventEnvelope | undefined;
  deliveries: number;
  /** The last handler error's message. */
  error: string;
  deadAt: string;
}

/** Both backends implement this: the contract plus inspection of dead letters (operations, tests). */
export interface InspectableEventBus extends EventBus {
  /** Dead letters, oldest first (at most `limit`, default 100). */
  deadLetters(limit?: number): Promise<DeadLetter[]>;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function assertValidGroup(group: string, types: readonly DomainEventType[]): void {
  if (typeof group !== 'string' || group === '' || /\s/.test(group)) {
    throw new TypeError(`Event consumer group must be a non-empty name without whitespace: ${JSON.stringify(group)}`);
  }
  if (types.length === 0) throw new TypeError(`Event consumer of group ${group} lists no event types`);
}

export function assertValidPrefix(prefix: unknown): asserts prefix is string {
  if (typeof prefix !== 'string' || prefix === '') throw new TypeError('Event bus needs a non-empty key prefix, e.g. "ridegraph:"');
  if (/\s/.test(prefix)) throw new TypeError(`Event bus prefix must not contain whitespace: ${JSON.stringify(prefix)}`);
}

/** Resolves after `ms`, or at once when `signal` aborts. Never rejects. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export class EventBusDisposedError extends Error {
  constructor() {
    super('The event bus was disposed');
    this.name = 'EventBusDisposedError';
  }
}
