// Graceful shutdown on SIGTERM/SIGINT: stop accepting, drain in-flight requests, close resources, then exit.
import type { Logger } from '../logging/index.js';

/**
 * Runs `stop` once on the first SIGTERM or SIGINT, then exits 0 (1 if stopping failed). If stopping takes longer
 * than `timeoutMs` (default 15 s) the process exits 1, so an orchestrator is never kept waiting forever.
 * Further signals while stopping are ignored: Ctrl-C under `npm start` delivers SIGINT twice (the terminal's
 * process group and npm forwarding it), which must not cut the drain short.
 */
export function stopOnSignals(stop: () => Promise<void>, logger: Logger, timeoutMs = 15_000): void {
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
