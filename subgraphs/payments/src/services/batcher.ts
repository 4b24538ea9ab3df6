// Gathers the events that the consumer group's members in this process are handling right now into one batch (one
// transaction): the members each wait for their event, so a batch holds at most as many events as there are members.
// A failed batch is retried one event at a time, so one bad event fails alone (and is retried, then dead-lettered,
// by the event bus as usual) instead of failing its neighbours.
import type { AnyEventEnvelope } from '../../../../platform/events/index.js';
import type { Logger } from '../../../../platform/logging/index.js';

interface Waiting {
  event: AnyEventEnvelope;
  resolve: (settled: boolean) => void;
  reject: (error: unknown) => void;
}

export function createBatcher(options: {
  batch: (events: readonly AnyEventEnvelope[]) => Promise<boolean[]>;
  one: (event: AnyEventEnvelope) => Promise<boolean>;
  logger: Logger;
  maxBatch?: number;
}) {
  const { batch, one, logger, maxBatch = 100 } = options;
  let waiting: Waiting[] = [];
  let running: Promise<void> | null = null;

  async function runBatch(items: Waiting[]): Promise<void> {
    try {
      const results = await batch(items.map((w) => w.event));
      items.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      logger.warn({ err: error, events: items.length }, 'settlement batch failed; settling its events one at a time');
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

  return (event: AnyEventEnvelope): Promise<boolean> =>
    new Promise<boolean>((resolve, reject) => {
      waiting.push({ event, resolve, reject });
      drain();
    });
}
