// Everything the backends share: channel names, JSON encoding, open subscriptions, disposal. A backend only
// moves strings (a Transport), so memory and Redis cannot drift apart in what subscribers observe.
import { PubSubDisposedError } from './errors.js';
import { DEFAULT_MAX_BUFFERED_EVENTS, LiveIterator, type Listening } from './iterator.js';
import { assertValidPrefix, channelName, type TopicName } from './topics.js';
import type { LivePubSub, LiveSubscription, PubSubLogger } from './types.js';

/** Moves encoded messages between publishers and listeners of a channel. */
export interface Transport {
  /** Hands `message` to every listener of `channel` this transport reaches. Rejects when it cannot. */
  send(channel: string, message: string): Promise<void>;
  /** Starts delivering the messages of `channel` to `deliver`, in the order they were sent. */
  listen(channel: string, deliver: (message: string) => void): Listening;
  /** Releases connections; called once, after every listener stopped. Must not hang. */
  close(): Promise<void>;
}

export interface HubOptions {
  /** Channel prefix; required, non-empty, no whitespace. */
  prefix: string;
  logger: PubSubLogger;
  /** Unread events one subscription may hold before it ends with PubSubOverflowError. Default 1000. */
  maxBufferedEvents?: number;
}

export class TransportPubSub<Topics extends object> implements LivePubSub<Topics> {
  readonly #transport: Transport;
  readonly #prefix: string;
  readonly #logger: PubSubLogger;
  readonly #maxBuffered: number;
  readonly #open = new Map<string, Set<LiveIterator<unknown>>>();
  #disposing: Promise<void> | undefined;

  /** @throws TypeError for a missing, empty or whitespace-containing prefix. */
  constructor(transport: Transport, options: HubOptions) {
    assertValidPrefix(options.prefix);
    this.#transport = transport;
    this.#prefix = options.prefix;
    this.#logger = options.logger;
    this.#maxBuffered = options.maxBufferedEvents ?? DEFAULT_MAX_BUFFERED_EVENTS;
  }

  async publish<K extends TopicName<Topics>>(topic: K, payload: Topics[K], key?: string): Promise<void> {
    if (this.#disposing) throw new PubSubDisposedError('publish');
    const channel = channelName(this.#prefix, topic, key);
    const message: string | undefined = JSON.stringify(payload);
    if (message === undefined) throw new TypeError(`Live topic ${topic}: the payload cannot be represented as JSON`);
    await this.#transport.send(channel, message);
  }

  subscribe<K extends TopicName<Topics>>(topic: K, key?: string): LiveSubscription<Topics[K]> {
    if (this.#disposing) throw new PubSubDisposedError('subscribe');
    const channel = channelName(this.#prefix, topic, key);
    const iterator: LiveIterator<Topics[K]> = new LiveIterator<Topics[K]>(
      (push) => this.#transport.listen(channel, (message) => this.#deliver(channel, message, push)),
      () => this.#forget(channel, iterator),
      {
        maxBuffered: this.#maxBuffered,
        onOverflow: (error) => this.#logger.warn({ channel, maxBuffered: error.maxBuffered }, 'ended a live subscription whose reader fell behind'),
      },
    );
    let listeners = this.#open.get(channel);
    if (!listeners) this.#open.set(channel, (listeners = new Set()));
    listeners.add(iterator);
    return iterator;
  }

  listenerCount<K extends TopicName<Topics>>(topic: K, key?: string): number {
    return this.#open.get(channelName(this.#prefix, topic, key))?.size ?? 0;
  }

  dispose(): Promise<void> {
    this.#disposing ??= this.#dispose();
    return this.#disposing;
  }

  async #dispose(): Promise<void> {
    for (const listeners of [...this.#open.values()]) for (const iterator of [...listeners]) iterator.close();
    await this.#transport.close();
  }

  #forget(channel: string, iterator: LiveIterator<unknown>): void {
    const listeners = this.#open.get(channel);
    listeners?.delete(iterator);
    if (listeners?.size === 0) this.#open.delete(channel);
  }

  // Decoding once per listener gives each its own copy, as separate processes would have.
  #deliver<T>(channel: string, message: string, push: (value: T) => void): void {
    let value: T;
    try {
      value = JSON.parse(message) as T;
    } catch (error) {
      this.#logger.warn({ channel, err: error }, 'dropped a live event that is not JSON');
      return;
    }
    push(value);
  }
}
