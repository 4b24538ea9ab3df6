// A background worker's loop: `drain` runs on start, on every wake-up (coalesced: one pass at a time, one more if
// woken meanwhile) and every `pollIntervalMs` as a fallback; stop waits for the pass in flight.
import type { Logger } from '../../../../platform/logging/index.js';

export interface BackgroundLoop {
  start(): void;
  wake(): void;
  /** Waits for the pass in flight, then drains once more (tests). */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

export function createBackgroundLoop(options: { name: string; drain: () => Promise<void>; pollIntervalMs: number; logger: Logger }): BackgroundLoop {
  const { name, drain, pollIntervalMs, logger } = options;
  let started = false;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  function run(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((error: unknown) => logger.error({ err: error }, `${name}: a pass failed; retrying at the next poll`))
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          run();
        }
      });
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      run();
      schedule();
    }, pollIntervalMs);
    timer.unref?.();
  }

  return {
    start() {
      if (started) return;
      started = true;
      run();
      schedule();
    },
    wake() {
      if (started) run();
    },
    async flush() {
      while (running) await running;
      await drain();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      while (running) await running;
    },
  };
}
