// In-process live pub/sub for the embedded mode (every subgraph and the gateway in one Node process).
// It reaches only listeners of the same instance: share one instance per process.
import { TransportPubSub, type Transport } from './hub.js';
import type { Listening } from './iterator.js';
import { consoleLogger } from './logger.js';
import type { LiveTopics } from './topics.js';
import type { LivePubSub, PubSubLogger } from './types.js';

export interface MemoryLivePubSubOptions {
  /**
   * Channel prefix. Memory needs none for isolation, but it is required anyway so that switching
   * `REDIS_URL` on never meets an unvalidated setting. @throws TypeError when empty or containing whitespace.
   */
  prefix: string;
  /** Default: console. The memory backend only logs undecodable messages, which cannot happen here. */
  logger?: PubSubLogger;
  /** Unread events one subscription may hold before it ends with PubSubOverflowError. Default 1000. */
  maxBufferedEvents?: number;
}

class MemoryTransport implements Transport {
  readonly #listeners = new Map<string, Set<(message: string) => void>>();

  async send(channel: string, message: string): Promise<void> {
    // A copy of the set: a listener that stops while we deliver must not disturb this round.
    for (const deliver of [...(this.#listeners.get(channel) ?? [])]) deliver(message);
  }

  listen(channel: string, deliver: (message: string) => void): Listening {
    let listeners = this.#listeners.get(channel);
    if (!listeners) this.#listeners.set(channel, (listeners = new Set()));
    const entry = (message: string) => deliver(message); // unique even if `deliver` is reused
    listeners.add(entry);
    return {
      ready: Promise.resolve(),
      stop: () => {
        listeners.delete(entry);
        if (listeners.size === 0 && this.#listeners.get(channel) === listeners) this.#listeners.delete(channel);
      },
    };
  }

  async close(): Promise<void> {
    this.#listeners.clear();
  }
}

/**
 * Creates an in-process live pub/sub. Publishing delivers synchronously to every current listener of this
 * instance, in publish order, each listener receiving its own JSON copy (exactly what Redis would give).
 *
 * @throws TypeError for an empty or whitespace-containing prefix.
 */
export function createMemoryPubSub<Topics extends object = LiveTopics>(options: MemoryLivePubSubOptions): LivePubSub<Topics> {
  return new TransportPubSub<Topics>(new MemoryTransport(), {
    prefix: options.prefix,
    logger: options.logger ?? consoleLogger,
    maxBufferedEvents: options.maxBufferedEvents,
  });
}
