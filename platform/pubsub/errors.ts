// Failures of the live pub/sub. They are server-side (a resolver that meets one lets the error masking turn it
// into INTERNAL_SERVER_ERROR), so they carry a stable `code` for logs and tests rather than a client code.

/** The pub/sub was disposed: the process is shutting down, or a test used it after cleanup. */
export class PubSubDisposedError extends Error {
  readonly code = 'PUBSUB_DISPOSED';

  constructor(operation: 'publish' | 'subscribe') {
    super(`Live pub/sub is disposed: cannot ${operation}`);
    this.name = 'PubSubDisposedError';
  }
}

/** The backend (Redis) did not take an event in time; the event was not sent and will not be sent later. */
export class PubSubUnavailableError extends Error {
  readonly code = 'PUBSUB_UNAVAILABLE';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PubSubUnavailableError';
  }
}

/**
 * A subscriber did not read its events fast enough: more than `maxBuffered` were waiting, so the subscription was
 * ended (and its unread events dropped) instead of letting memory grow without bound.
 */
export class PubSubOverflowError extends Error {
  readonly code = 'PUBSUB_OVERFLOW';

  constructor(readonly maxBuffered: number) {
    super(`Live subscription ended: its reader fell more than ${maxBuffered} events behind`);
    this.name = 'PubSubOverflowError';
  }
}
