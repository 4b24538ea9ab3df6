// Gathers the events that a consumer group's members in this process are handling right now into one batch (one
// transaction in the caller's `batch`): each member waits for its own event's result, so a batch holds at most as
// many events as there are members (and never more than `maxBatch`). A failed batch is retried one event at a time,
// so one bad event fails alone (and is retried, then dead-lettered, by the event bus as usual) instead of failing its
// neighbours. Used by payments' settlement, gamification's earning and notifications' inbox consumers.
import type { AnyEventEnvelope } from './catalogue.js';
import type { EventsLogger } from './options.js';

interface Waiting<R> {
  event: AnyEventEnvelope;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export interface EventBatcherOptions<R> {
  /** Handles every event of the batch in one go; returns one result per event, in order. */
  batch: (events: readonly AnyEventEnvelope[]) => Promise<R[]>;
  /** Handles one event alone: the fallback after a failed batch. */
  one: (event: AnyEventEnvelope) => Promise<R>;
  logger: EventsLogger;
  /** Named in the warning a failed batch logs. */
  name?: string;
  maxBatch?: number;
}

/** @returns the handler to give the consumer: resolves with the event's result once its batch is done. */
export function createEventBatcher<R>(options: EventBatcherOptions<R>): (event: AnyEventEnvelope) => Promise<R> {
  const { batch, one, logger, name = 'event', maxBatch = 100 } = options;
  let waiting: Waiting<R>[] = [];
  let running: Promise<void> | null = null;

  async function runBatch(items: Waiting<R>[]): Promise<void> {
    try {
      const results = await batch(items.map((w) => w.event));
      items.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      logger.warn({ err: error, events: items.length }, `${name} batch failed; handling its events one at a time`);
      for (const w of items) await one(w.event).then(w.resolve, w.reject);
    }
  }

  function drain(): void {
    if (running) return;
    running = (async () => {
      // Let the other members hand over what they are holding before the batch closes.
      await new Promise((resolve) => setImmediate(resolve));
      while (waiting.length > 0) {
        const items = waiting.slice(0, maxBatch);
        waiting = waiting.slice(maxBatch);
        await runBatch(items);
      }
    })().finally(() => {
      running = null;
      if (waiting.length > 0) drain();
    });
  }

  return (event: AnyEventEnvelope): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ event, resolve, reject });
      drain();
    });
}
