// Graceful shutdown on SIGTERM/SIGINT: stop accepting, drain in-flight requests, close resources, then exit.
//
// This is the only signal handler of a Ridegraph process. Apollo Server installs its own SIGTERM/SIGINT handler
// unless told not to (`stopOnTerminationSignals: false`, set by every ApolloServer we build): that handler's stop()
// runs first, and Apollo Server 5 never resolves the wait of a second, concurrent stop() — ours — so with an open
// Redis connection keeping the event loop alive a process hung until the shutdown timeout and exited 1.
import type { Logger } from '../logging/index.js';

/**
 * How long a stopping process may take before it gives up and exits 1: below the 10 s a container orchestrator
 * (Docker, Kubernetes) waits after SIGTERM before SIGKILL, so the process still logs why it did not finish.
 */
export const SHUTDOWN_TIMEOUT_MS = 8_000;

/**
 * How long draining waits for in-flight HTTP requests before closing their connections (Apollo's drain plugin
 * defaults to 10 s, longer than the whole shutdown may take). Idle keep-alive connections close at once.
 */
export const DRAIN_GRACE_MS = 5_000;

/**
 * Runs `stop` once on the first SIGTERM or SIGINT, then exits 0 (1 if stopping failed). If stopping takes longer
 * than `timeoutMs` (default {@link SHUTDOWN_TIMEOUT_MS}) the process exits 1, so an orchestrator is never kept
 * waiting and never has to SIGKILL.
 * Further signals while stopping are ignored: Ctrl-C under `npm start` delivers SIGINT twice (the terminal's
 * process group and npm forwarding it), which must not cut the drain short.
 */
export function stopOnSignals(stop: () => Promise<void>, logger: Logger, timeoutMs = SHUTDOWN_TIMEOUT_MS): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown timed out; exiting');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
