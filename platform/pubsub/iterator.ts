// A push-to-pull queue between a backend (pushes events) and graphql-js (pulls them). Hand-written rather
// than an async generator so that return() takes effect at once, even while a next() is pending — that is
// what releases the listener when a GraphQL client disconnects.
import { PubSubOverflowError } from './errors.js';
import type { LiveSubscription } from './types.js';

/** What a backend hands back when asked to listen on a channel. */
export interface Listening {
  /** Resolves when the backend listens; rejects when it refuses. */
  ready: Promise<void>;
  /** Stops listening; called exactly once. Must neither throw nor wait. */
  stop(): void;
}

interface Waiter<T> {
  resolve(result: IteratorResult<T, undefined>): void;
  reject(error: unknown): void;
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/** Events a subscription may hold unread before it is ended as a slow consumer (see `LiveIteratorOptions`). */
export const DEFAULT_MAX_BUFFERED_EVENTS = 1000;

export interface LiveIteratorOptions {
  /**
   * Most events held unread. One more ends the iterator: the buffer is discarded, `onOverflow` runs, and the next
   * `next()` rejects with PubSubOverflowError. Default {@link DEFAULT_MAX_BUFFERED_EVENTS}. A reader that keeps up
   * never comes near it; one that stalls (a client that stopped reading its socket) must not grow memory forever.
   */
  maxBuffered?: number;
  /** Called once when the buffer overflowed, before the iterator ends (e.g. to close the slow client's socket). */
  onOverflow?: (error: PubSubOverflowError) => void;
}

export class LiveIterator<T> implements LiveSubscription<T> {
  readonly ready: Promise<void>;
  readonly #buffer: T[] = [];
  readonly #waiting: Waiter<T>[] = [];
  readonly #listening: Listening;
  readonly #onEnd: () => void;
  readonly #maxBuffered: number;
  readonly #onOverflow: ((error: PubSubOverflowError) => void) | undefined;
  #ended = false;
  #markEnded: () => void = () => undefined;
  /** A refusal from the backend that no next() has reported yet. */
  #failure: { error: unknown } | undefined;

  /**
   * @param listen starts listening and pushes every event it hears.
   * @param onEnd called once when the iterator ends, however it ends.
   * @throws RangeError when `options.maxBuffered` is not a positive integer.
   */
  constructor(listen: (push: (value: T) => void) => Listening, onEnd: () => void, options: LiveIteratorOptions = {}) {
    const maxBuffered = options.maxBuffered ?? DEFAULT_MAX_BUFFERED_EVENTS;
    if (!Number.isInteger(maxBuffered) || maxBuffered < 1) throw new RangeError(`maxBuffered must be a positive integer, got ${maxBuffered}`);
    this.#maxBuffered = maxBuffered;
    this.#onOverflow = options.onOverflow;
    this.#onEnd = onEnd;
    const ended = new Promise<void>((resolve) => (this.#markEnded = resolve));
    this.#listening = listen((value) => this.#push(value));
    this.ready = Promise.race([this.#listening.ready, ended]);
    this.#listening.ready.catch((error: unknown) => this.#end({ error }));
    // The refusal reaches the consumer through next(); awaiting `ready` is optional, so it must not count
    // as an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.#buffer.length > 0) return Promise.resolve({ done: false, value: this.#buffer.shift() as T });
    if (this.#failure) {
      const { error } = this.#failure;
      this.#failure = undefined;
      return Promise.reject(error);
    }
    if (this.#ended) return Promise.resolve(DONE);
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  return(): Promise<IteratorReturnResult<undefined>> {
    this.close();
    return Promise.resolve(DONE);
  }

  throw(error?: unknown): Promise<IteratorReturnResult<undefined>> {
    this.close();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Ends the iterator as `return()` does; used by `dispose()`. */
  close(): void {
    this.#end();
  }

  #push(value: T): void {
    if (this.#ended) return;
    const waiter = this.#waiting.shift();
    if (waiter) return waiter.resolve({ done: false, value });
    if (this.#buffer.length >= this.#maxBuffered) {
      const error = new PubSubOverflowError(this.#maxBuffered);
      this.#end({ error });
      this.#onOverflow?.(error);
      return;
    }
    this.#buffer.push(value);
  }

  #end(failure?: { error: unknown }): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#buffer.length = 0;
    this.#markEnded();
    try {
      this.#listening.stop();
    } finally {
      this.#onEnd();
    }
    const waiting = this.#waiting.splice(0);
    if (failure && waiting.length === 0) this.#failure = failure;
    for (const waiter of waiting) {
      if (failure) waiter.reject(failure.error);
      else waiter.resolve(DONE);
    }
  }
}
