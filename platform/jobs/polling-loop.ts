// A background job that runs passes until one finds nothing to do, then sleeps `pollIntervalMs` — woken early when
// new work is known (after a commit that scheduled some). One pass at a time per loop; replicas share the work
// through the database (FOR UPDATE SKIP LOCKED in `pass`), not through this loop. Used by payments' charger, payout
// sender and rent job, and notifications' sender and announcer; tests and benchmarks `drain()` by hand without
// starting it.
import type { Logger } from '../logging/index.js';

export interface PollingLoopOptions {
  /** Named in the log line of a failed pass, e.g. "charger". */
  name: string;
  /** Does one batch of work. @returns how many items it handled: 0 means "nothing due, sleep". */
  pass: () => Promise<number>;
  pollIntervalMs: number;
  logger: Pick<Logger, 'error'>;
}

export interface PollingLoop {
  /** Starts the loop: a pass now, then one every `pollIntervalMs` (sooner when woken). */
  start: () => void;
  /** Runs a pass soon, after the current one; a no-op before `start` (tests drain by hand). */
  wake: () => void;
  /** Runs passes until one finds nothing due (tests, benchmarks, the loop's own body). */
  drain: () => Promise<void>;
  /** Waits for the pass in flight (a wake's), then drains: afterwards nothing due is left unhandled (tests). */
  flush: () => Promise<void>;
  /** Stops scheduling and waits for the pass under way. */
  stop: () => Promise<void>;
}

export function createPollingLoop({ name, pass, pollIntervalMs, logger }: PollingLoopOptions): PollingLoop {
  let started = false;
  let stopped = false;
  let running: Promise<void> | null = null;
  /** A wake during a pass: look again as soon as it ends (the work it announced may have been committed too late). */
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  async function drain(): Promise<void> {
    while ((await pass()) > 0);
  }

  function run(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    running = (async () => {
      do {
        again = false;
        try {
          while (!stopped && (await pass()) > 0);
        } catch (error) {
          logger.error({ err: error }, `${name} pass failed`);
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
      if (!stopped) timer = setTimeout(run, pollIntervalMs).unref();
    });
  }

  return {
    start: () => {
      started = true;
      run();
    },
    wake: () => {
      if (started) run();
    },
    drain,
    flush: async () => {
      while (running) await running;
      await drain();
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
