// Live pub/sub over Redis (distributed mode): an event published by any replica of any subgraph reaches the
// subscribers of every process using the same Redis and prefix.
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { Redis } from 'ioredis';
import { PubSubUnavailableError } from './errors.js';
import { TransportPubSub, type Transport } from './hub.js';
import type { Listening } from './iterator.js';
import { consoleLogger } from './logger.js';
import { closeClient, guardSubscriber, liveRedisClientOptions, watchConnection } from './redis-clients.js';
import { assertValidPrefix, type LiveTopics } from './topics.js';
import type { LivePubSub, PubSubLogger } from './types.js';

interface CommonOptions {
  /**
   * Prepended to every channel (e.g. `ridegraph:prod:`), so deployments and test runs can share one Redis.
   * Required. @throws TypeError when empty or containing whitespace.
   */
  prefix: string;
  /** Default: console. Receives connection losses and recoveries, once per outage. */
  logger?: PubSubLogger;
  /**
   * Default 2000. How long `publish` may take — waiting for a connection, then for Redis to acknowledge —
   * before it rejects with PubSubUnavailableError.
   */
  publishTimeoutMs?: number;
  /** Default 2000. How long `dispose()` lets each connection QUIT politely before dropping it. */
  closeTimeoutMs?: number;
  /** Unread events one subscription may hold before it ends with PubSubOverflowError. Default 1000. */
  maxBufferedEvents?: number;
}

/**
 * Either a URL (two connections are opened with `liveRedisClientOptions`), or two distinct clients you created
 * — ownership passes to the pub/sub: `dispose()` closes them.
 */
export type RedisLivePubSubOptions = CommonOptions &
  ({ url: string; publisher?: never; subscriber?: never } | { url?: never; publisher: Redis; subscriber: Redis });

class RedisTransport implements Transport {
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #engine: RedisPubSub;
  readonly #publishTimeoutMs: number;
  readonly #closeTimeoutMs: number;
  readonly #logger: PubSubLogger;
  #closing = false;
  /** Shared by every publish waiting for the connection, so an outage adds one listener, not thousands. */
  #nextReady: Promise<void> | undefined;

  constructor(publisher: Redis, subscriber: Redis, options: Required<Omit<CommonOptions, 'prefix' | 'maxBufferedEvents'>>) {
    this.#publisher = publisher;
    this.#subscriber = subscriber;
    this.#publishTimeoutMs = options.publishTimeoutMs;
    this.#closeTimeoutMs = options.closeTimeoutMs;
    this.#logger = options.logger;
    const isClosing = () => this.#closing;
    watchConnection(publisher, 'publisher', options.logger, isClosing);
    watchConnection(subscriber, 'subscriber', options.logger, isClosing);
    this.#engine = new RedisPubSub({
      publisher,
      subscriber: guardSubscriber(subscriber, isClosing, options.logger),
      // The hub encodes and decodes (once per listener, so each gets its own copy); the library passes
      // strings through untouched.
      serializer: (message: string) => message,
      deserializer: (source) => source.toString(),
    });
  }

  async send(channel: string, message: string): Promise<void> {
    let expired = false;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        expired = true;
        reject(new PubSubUnavailableError(`Redis did not take the live event on ${channel} within ${this.#publishTimeoutMs} ms`));
      }, this.#publishTimeoutMs);
    });
    const publishing = (async () => {
      await this.#connected(channel);
      if (expired) return; // a live event is wanted now or never: not sent once its caller was told it failed
      await this.#engine.publish(channel, message);
    })();
    try {
      await Promise.race([publishing, timedOut]);
    } catch (error) {
      if (error instanceof PubSubUnavailableError) throw error;
      throw new PubSubUnavailableError(`Redis did not take the live event on ${channel}: ${(error as Error).message}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  listen(channel: string, deliver: (message: string) => void): Listening {
    let id: number | undefined;
    let stopped = false;
    const unsubscribe = (subscriptionId: number) => {
      try {
        this.#engine.unsubscribe(subscriptionId);
      } catch (error) {
        this.#logger.error({ channel, err: error }, 'live pub/sub lost track of a Redis subscription');
      }
    };
    // The library refcounts: SUBSCRIBE for the first listener of a channel, UNSUBSCRIBE after the last.
    const ready = this.#engine.subscribe<string>(channel, deliver).then((subscriptionId) => {
      if (stopped) unsubscribe(subscriptionId);
      else id = subscriptionId;
    });
    return {
      ready,
      stop: () => {
        stopped = true;
        if (id !== undefined) unsubscribe(id);
      },
    };
  }

  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all([closeClient(this.#publisher, this.#closeTimeoutMs), closeClient(this.#subscriber, this.#closeTimeoutMs)]);
  }

  async #connected(channel: string): Promise<void> {
    const client = this.#publisher;
    if (client.status === 'ready') return;
    if (client.status === 'end') throw new PubSubUnavailableError(`Redis publisher connection is closed; live event on ${channel} not sent`);
    if (client.status === 'wait') client.connect().catch(() => undefined); // a lazyConnect client passed in
    this.#nextReady ??= new Promise<void>((resolve) =>
      client.once('ready', () => {
        this.#nextReady = undefined;
        resolve();
      }),
    );
    await this.#nextReady;
  }
}

/**
 * Creates a Redis-backed live pub/sub with separate publisher and subscriber connections.
 *
 * While Redis is away: `publish` waits for the connection until `publishTimeoutMs` has passed and then rejects
 * with PubSubUnavailableError; such an event is never sent later (a live screen wants it now or never). A
 * publish that times out after its command reached the socket may still have been delivered.
 * Concurrent publishes from one instance reach Redis in call order.
 * Subscriptions stay open; ioredis reconnects forever (backing off to every 2 s) and resubscribes every channel,
 * but events published during the outage are lost. A subscription opened during the outage becomes `ready`
 * when Redis is back.
 *
 * @throws TypeError for an invalid prefix, or when publisher and subscriber are the same client (a
 *   connection that SUBSCRIBEs can no longer PUBLISH).
 */
export function createRedisPubSub<Topics extends object = LiveTopics>(options: RedisLivePubSubOptions): LivePubSub<Topics> {
  assertValidPrefix(options.prefix);
  const publishTimeoutMs = options.publishTimeoutMs ?? 2000;
  const closeTimeoutMs = options.closeTimeoutMs ?? 2000;
  const logger = options.logger ?? consoleLogger;
  let publisher: Redis;
  let subscriber: Redis;
  if (options.url !== undefined) {
    publisher = new Redis(options.url, liveRedisClientOptions('publisher', options.prefix));
    subscriber = new Redis(options.url, liveRedisClientOptions('subscriber', options.prefix));
  } else {
    if (options.publisher === options.subscriber) throw new TypeError('Live pub/sub needs two distinct Redis clients: publisher and subscriber');
    ({ publisher, subscriber } = options);
  }
  const transport = new RedisTransport(publisher, subscriber, { publishTimeoutMs, closeTimeoutMs, logger });
  return new TransportPubSub<Topics>(transport, { prefix: options.prefix, logger, maxBufferedEvents: options.maxBufferedEvents });
}
