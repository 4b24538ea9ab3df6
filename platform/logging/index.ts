// Structured logs (pino). One root logger per process; services take child loggers named after themselves.
// Every line written during a request carries its `requestId` (platform/request-context), so one request can be
// followed through the gateway and every subgraph. Production writes JSON lines; development writes them pretty
// (pino-pretty, synchronously in this thread: no worker thread, nothing lost on exit). LOG_FORMAT overrides.
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { currentRequestId } from '../request-context/index.js';

export type Logger = PinoLogger;

export type LogFormat = 'json' | 'pretty';

export interface LoggerOptions {
  /** Default "info". "silent" turns logging off (tests). */
  level?: string;
  /** Bound to every line, e.g. `{ service: 'trips' }`. */
  bindings?: Record<string, unknown>;
  /** Default "json"; the processes pass readRuntimeConfig().logFormat (pretty in development). */
  format?: LogFormat;
  /** Where lines go (tests capture them); default standard output. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const destination = options.destination ?? (options.format === 'pretty' && level !== 'silent' ? prettyStream() : undefined);
  return pino(
    {
      level,
      base: { ...options.bindings },
      // The request this line belongs to (none outside a request: startup, consumers, jobs).
      mixin() {
        const requestId = currentRequestId();
        return requestId === null ? {} : { requestId };
      },
      // Tokens and passwords never reach the logs, even when a request object is logged whole.
      redact: {
        paths: [
          'req.headers.authorization',
          'headers.authorization',
          // The gateway's proof to the subgraphs (platform/auth/gateway-hop.ts).
          'req.headers["x-ridegraph-gateway"]',
          'headers["x-ridegraph-gateway"]',
          '*.gatewaySecret',
          '*.password',
          '*.refreshToken',
          '*.accessToken',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/**
 * pino-pretty as a stream of this thread (a pino transport would run it in a worker thread). Loaded only when
 * asked for: production images need not ship it.
 */
function prettyStream(): DestinationStream {
  const pretty = createRequire(import.meta.url)('pino-pretty') as (options: Record<string, unknown>) => DestinationStream;
  return pretty({
    sync: true,
    colorize: process.stdout.isTTY,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
    // `[trips] requestTrip …`: which process wrote it, first.
    messageFormat: '{if service}[{service}] {end}{msg}',
  });
}
