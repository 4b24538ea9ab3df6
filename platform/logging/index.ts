// Structured JSON logs (pino). One root logger per process; services take child loggers named after themselves.
import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

export interface LoggerOptions {
  /** Default "info". "silent" turns logging off (tests). */
  level?: string;
  /** Bound to every line, e.g. `{ service: 'trips' }`. */
  bindings?: Record<string, unknown>;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino({
    level: options.level ?? 'info',
    base: { ...options.bindings },
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
  });
}
