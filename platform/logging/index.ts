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
      paths: ['req.headers.authorization', 'headers.authorization', '*.password', '*.refreshToken', '*.accessToken'],
      censor: '[redacted]',
    },
  });
}
