// One contract for every live pub/sub backend, run against memory and a real Redis, plus what only Redis has
// (connections that die and come back, an unreachable server, clients passed in).
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import {
  channelName,
  createLivePubSub,
  createRedisPubSub,
  liveRedisClientOptions,
  PubSubDisposedError,
  PubSubUnavailableError,
  type LivePubSub,
  type LiveSubscription,
  type LiveTopics,
  type PubSubLogger,
} from '../index.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const runPrefix = `ridegraph:test-${randomUUID().slice(0, 8)}:`;
let prefixes = 0;
/** A prefix no other test (nor any other run sharing this Redis) uses. */
const freshPrefix = () => `${runPrefix}${++prefixes}:`;

// Compile-time proof that the platform's pino logger can be passed as is.
const pinoFits: PubSubLogger = pino({ level: 'silent' });

interface LogRecord {
  level: 'info' | 'warn' | 'error';
  message: string;
}
function recordingLogger(records: LogRecord[] = []): PubSubLogger & { records: LogRecord[] } {
  return {
    records,
    info: (_fields, message) => void records.push({ level: 'info', message }),
    warn: (_fields, message) => void records.push({ level: 'warn', message }),
    error: (_fields, message) => void records.push({ level: 'error', message }),
  };
}

// Everything a test creates is disposed after it, even when it fails half-way. (Jest itself fails a test
// during which a promise rejection goes unhandled, so those need no check of their own.)
const created: LivePubSub[] = [];
afterEach(async () => {
  await Promise.all(created.splice(0).map((pubsub) => pubsub.dispose()));
});

let raw: Redis | undefined;
/** A plain connection for looking at Redis from outside: NUMSUB, CLIENT LIST/KILL. */
function rawRedis(): Redis {
  raw ??= new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  return raw;
}
afterAll(async () => {
  await raw?.quit();
});

async function redisSubscriberCount(channel: string): Promise<number> {
  const [, count] = (await rawRedis().pubsub('NUMSUB', channel)) as [string, number];
  return Number(count);
}

const WAIT_MS = 5000;

/** The next event, failing clearly (instead of at the jest timeout) when none comes or the iterator ended. */
async function nextEvent<T>(subscription: LiveSubscription<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no event within ${WAIT_MS} ms`)), WAIT_MS);
  });
  try {
    const result = await Promise.race([subscription.next(), timeout]);
    if (result.done) throw new Error('the subscription ended instead of delivering an event');
    return result.value;
  } finally {
    clearTimeout(timer);
  }
}

async function take<T>(subscription: LiveSubscription<T>, count: number): Promise<T[]> {
  const events: T[] = [];
  while (events.length < count) events.push(await nextEvent(subscription));
  return events;
}

/** Retries `check` until it passes: for effects Redis applies after our call returns (UNSUBSCRIBE, reconnects). */
async function eventually(check: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

const trip = (tripId: string, status = 'REQUESTED'): LiveTopics['TRIP_UPDATED'] => ({
  tripId,
  status,
  occurredAt: '2025-01-01T00:00:00.000Z',
  riderUserId: 'rider-1',
  driverUserId: null,
  fleetId: null,
});

interface Backend {
  /** A pub/sub on `prefix`; instances sharing a prefix stand for replicas of one deployment. */
  create(prefix: string, maxBufferedEvents?: number): LivePubSub;
  /** Whether instances sharing a prefix hear each other (Redis) or each is its own world (memory). */
  shared: boolean;
  /** What Redis itself counts on a channel; memory has no such outside view. */
  serverSubscribers?: (channel: string) => Promise<number>;
}

const backends: Array<[string, Backend]> = [
  ['memory', { create: (prefix, maxBufferedEvents) => createLivePubSub({ prefix, logger: recordingLogger(), maxBufferedEvents }), shared: false }],
  [
    'redis',
    {
      create: (prefix, maxBufferedEvents) => createLivePubSub({ redisUrl, prefix, logger: recordingLogger(), maxBufferedEvents }),
      shared: true,
      serverSubscribers: redisSubscriberCount,
    },
  ],
];

describe.each(backends)('live pub/sub contract: %s', (_name, backend) => {
  const open = (prefix = freshPrefix(), maxBufferedEvents?: number): LivePubSub => {
    const pubsub = backend.create(prefix, maxBufferedEvents);
    created.push(pubsub);
    return pubsub;
  };

  it('delivers every event to every current subscriber', async () => {
    const pubsub = open();
    const subscriptions = [1, 2, 3].map(() => pubsub.subscribe('TRIP_UPDATED', 't1'));
    await Promise.all(subscriptions.map((s) => s.ready));
    expect(pubsub.listenerCount('TRIP_UPDATED', 't1')).toBe(3);

    await pubsub.publish('TRIP_UPDATED', trip('t1', 'ACCEPTED'), 't1');
    await pubsub.publish('TRIP_UPDATED', trip('t1', 'ARRIVED'), 't1');

    for (const subscription of subscriptions) {
      expect((await take(subscription, 2)).map((e) => e.status)).toEqual(['ACCEPTED', 'ARRIVED']);
    }
  });

  it('keeps keyed channels apart from each other and from the unscoped topic', async () => {
    const pubsub = open();
    const onA = pubsub.subscribe('TRIP_UPDATED', 'a');
    const onB = pubsub.subscribe('TRIP_UPDATED', 'b');
    const onAll = pubsub.subscribe('TRIP_UPDATED');
    await Promise.all([onA.ready, onB.ready, onAll.ready]);

    // Each subscriber's first event is the one meant for it: had anything else arrived, it would be first.
    await pubsub.publish('TRIP_UPDATED', trip('b'), 'b');
    await pubsub.publish('TRIP_UPDATED', trip('a'), 'a');
    await pubsub.publish('TRIP_UPDATED', trip('all'));
    expect((await nextEvent(onA)).tripId).toBe('a');
    expect((await nextEvent(onB)).tripId).toBe('b');
    expect((await nextEvent(onAll)).tripId).toBe('all');
    expect(pubsub.listenerCount('TRIP_UPDATED', 'a')).toBe(1);
    expect(pubsub.listenerCount('TRIP_UPDATED')).toBe(1);
  });

  it('delivers many events in publish order, whether publishes are awaited or fired together', async () => {
    const pubsub = open();
    const subscription = pubsub.subscribe('DRIVER_LOCATION_UPDATED', 'd1');
    await subscription.ready;
    const location = (n: number): LiveTopics['DRIVER_LOCATION_UPDATED'] => ({
      driverId: 'd1',
      fleetId: null,
      driverUserId: 'u1',
      currentRiderUserId: null,
      status: 'AVAILABLE',
      latitude: n,
      longitude: -n,
      heading: null,
      speedKph: n % 80,
      recordedAt: new Date(n * 1000).toISOString(),
    });

    await Promise.all(Array.from({ length: 200 }, (_, n) => pubsub.publish('DRIVER_LOCATION_UPDATED', location(n), 'd1')));
    for (let n = 200; n < 250; n++) await pubsub.publish('DRIVER_LOCATION_UPDATED', location(n), 'd1');

    const received = await take(subscription, 250);
    expect(received.map((e) => e.latitude)).toEqual(Array.from({ length: 250 }, (_, n) => n));
  });

  it('return() releases the listener at once: pending next() ends, nothing more arrives, the channel is unsubscribed', async () => {
    const prefix = freshPrefix();
    const pubsub = open(prefix);
    const channel = channelName(prefix, 'TRIP_OFFERED', 'driver-1');
    const leaving = pubsub.subscribe('TRIP_OFFERED', 'driver-1');
    const staying = pubsub.subscribe('TRIP_OFFERED', 'driver-1');
    await Promise.all([leaving.ready, staying.ready]);
    if (backend.serverSubscribers) expect(await backend.serverSubscribers(channel)).toBe(1); // one connection, refcounted

    const pending = leaving.next();
    await expect(leaving.return()).resolves.toEqual({ done: true, value: undefined });
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    expect(pubsub.listenerCount('TRIP_OFFERED', 'driver-1')).toBe(1);

    const offer = { offerId: 'o1', tripId: 't1', driverId: 'driver-1', driverUserId: 'user-1', expiresAt: '2025-01-01T00:00:15.000Z' };
    await pubsub.publish('TRIP_OFFERED', offer, 'driver-1');
    expect(await nextEvent(staying)).toEqual(offer);
    await expect(leaving.next()).resolves.toEqual({ done: true, value: undefined });
    if (backend.serverSubscribers) expect(await backend.serverSubscribers(channel)).toBe(1);

    // graphql-js ends a subscription by breaking out of its loop, which calls return().
    await pubsub.publish('TRIP_OFFERED', offer, 'driver-1');
    for await (const event of staying) {
      expect(event).toEqual(offer);
      break;
    }
    expect(pubsub.listenerCount('TRIP_OFFERED', 'driver-1')).toBe(0);
    const counted = backend.serverSubscribers;
    if (counted) await eventually(async () => expect(await counted(channel)).toBe(0));
  });

  it('return() before the subscription is established still leaves nothing subscribed', async () => {
    const prefix = freshPrefix();
    const pubsub = open(prefix);
    const early = pubsub.subscribe('NOTIFICATION_ADDED', 'u1');
    await early.return();
    await expect(early.ready).resolves.toBeUndefined();
    expect(pubsub.listenerCount('NOTIFICATION_ADDED', 'u1')).toBe(0);

    // A later SUBSCRIBE on the same connection is acknowledged after the early one, so from here on Redis has
    // seen the early SUBSCRIBE and the count can only fall back to 0 through our UNSUBSCRIBE.
    const later = pubsub.subscribe('NOTIFICATION_ADDED', 'u2');
    await later.ready;
    const counted = backend.serverSubscribers;
    if (counted) await eventually(async () => expect(await counted(channelName(prefix, 'NOTIFICATION_ADDED', 'u1'))).toBe(0));
    await pubsub.publish('NOTIFICATION_ADDED', { notificationId: 'n1', userId: 'u1' }, 'u1');
    await expect(early.next()).resolves.toEqual({ done: true, value: undefined });
  });

  it('gives each subscriber its own JSON copy of the payload', async () => {
    const pubsub = open();
    const first = pubsub.subscribe('TRIP_UPDATED', 't1');
    const second = pubsub.subscribe('TRIP_UPDATED', 't1');
    await Promise.all([first.ready, second.ready]);
    const sent = trip('t1', 'STARTED');
    // What JSON cannot carry is changed the same way by both backends: Dates become strings, undefined vanishes.
    const withExtras = { ...sent, at: new Date(0), gone: undefined } as unknown as LiveTopics['TRIP_UPDATED'];

    await pubsub.publish('TRIP_UPDATED', withExtras, 't1');
    sent.status = 'CHANGED_BY_PUBLISHER';
    const mine = await nextEvent(first);
    mine.status = 'CHANGED_BY_SUBSCRIBER';
    const theirs = await nextEvent(second);

    expect(theirs).toEqual({ ...trip('t1', 'STARTED'), at: '1970-01-01T00:00:00.000Z' });
    expect(theirs).not.toHaveProperty('gone');
    expect(theirs).not.toBe(withExtras);
  });

  it('dispose() ends open subscriptions, then refuses publish and subscribe', async () => {
    const pubsub = open();
    const waiting = pubsub.subscribe('TRIP_UPDATED', 't1');
    const idle = pubsub.subscribe('NOTIFICATION_ADDED');
    await Promise.all([waiting.ready, idle.ready]);
    const pending = waiting.next();

    const disposing = pubsub.dispose();
    expect(pubsub.dispose()).toBe(disposing);
    await disposing;

    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    await expect(idle.next()).resolves.toEqual({ done: true, value: undefined });
    expect(pubsub.listenerCount('TRIP_UPDATED', 't1')).toBe(0);
    await expect(pubsub.publish('TRIP_UPDATED', trip('t1'), 't1')).rejects.toThrow(PubSubDisposedError);
    await expect(pubsub.publish('TRIP_UPDATED', trip('t1'), 't1')).rejects.toThrow('Live pub/sub is disposed: cannot publish');
    expect(() => pubsub.subscribe('TRIP_UPDATED')).toThrow(PubSubDisposedError);
  });

  it(`instances sharing a prefix (replicas) ${backend.shared ? 'all hear' : 'do not hear'} each other's events`, async () => {
    const prefix = freshPrefix();
    const replicaA = open(prefix);
    const replicaB = open(prefix);
    const onA = replicaA.subscribe('TRIP_UPDATED', 't1');
    const onB = replicaB.subscribe('TRIP_UPDATED', 't1');
    await Promise.all([onA.ready, onB.ready]);

    // Awaiting each publish orders them for Redis, so every listener sees the same sequence.
    await replicaA.publish('TRIP_UPDATED', trip('t1', 'from-A-1'), 't1');
    await replicaB.publish('TRIP_UPDATED', trip('t1', 'from-B-2'), 't1');
    await replicaA.publish('TRIP_UPDATED', trip('t1', 'from-A-3'), 't1');
    await replicaB.publish('TRIP_UPDATED', trip('t1', 'from-B-4'), 't1');

    const all = ['from-A-1', 'from-B-2', 'from-A-3', 'from-B-4'];
    const expectedA = backend.shared ? all : ['from-A-1', 'from-A-3'];
    const expectedB = backend.shared ? all : ['from-B-2', 'from-B-4'];
    expect((await take(onA, expectedA.length)).map((e) => e.status)).toEqual(expectedA);
    expect((await take(onB, expectedB.length)).map((e) => e.status)).toEqual(expectedB);
  });

  it('instances with different prefixes never hear each other', async () => {
    const ours = open();
    const theirs = open();
    const subscription = ours.subscribe('TRIP_UPDATED', 't1');
    const theirSubscription = theirs.subscribe('TRIP_UPDATED', 't1');
    await Promise.all([subscription.ready, theirSubscription.ready]);

    await theirs.publish('TRIP_UPDATED', trip('t1', 'THEIRS'), 't1');
    await ours.publish('TRIP_UPDATED', trip('t1', 'OURS'), 't1');
    expect((await nextEvent(subscription)).status).toBe('OURS');
    expect((await nextEvent(theirSubscription)).status).toBe('THEIRS');
  });

  it('ends a subscriber that falls more than maxBufferedEvents behind, and only that one', async () => {
    const pubsub = open(freshPrefix(), 3);
    const slow = pubsub.subscribe('TRIP_UPDATED', 't1');
    const keeping = pubsub.subscribe('TRIP_UPDATED', 't1');
    await Promise.all([slow.ready, keeping.ready]);
    const kept: string[] = [];
    const reading = (async () => {
      for await (const event of keeping) {
        kept.push(event.status);
        if (kept.length === 5) break;
      }
    })();
    for (const status of ['A', 'B', 'C', 'D', 'E']) await pubsub.publish('TRIP_UPDATED', trip('t1', status), 't1');
    await reading;
    expect(kept).toEqual(['A', 'B', 'C', 'D', 'E']);
    // The unread buffer was dropped: the fourth event ended the subscription rather than growing it.
    await expect(slow.next()).rejects.toMatchObject({ name: 'PubSubOverflowError', code: 'PUBSUB_OVERFLOW', maxBuffered: 3 });
    await expect(slow.next()).resolves.toEqual({ done: true, value: undefined });
    expect(pubsub.listenerCount('TRIP_UPDATED', 't1')).toBe(0);
  });

  it('rejects an empty key instead of widening it to the whole topic', async () => {
    const pubsub = open();
    expect(() => pubsub.subscribe('TRIP_UPDATED', '')).toThrow(TypeError);
    await expect(pubsub.publish('TRIP_UPDATED', trip('t1'), '')).rejects.toThrow(TypeError);
    expect(pubsub.listenerCount('TRIP_UPDATED')).toBe(0);
  });
});

describe('createLivePubSub', () => {
  it('requires a non-empty prefix without whitespace', () => {
    expect(() => createLivePubSub({ prefix: '' })).toThrow(/non-empty channel prefix/);
    expect(() => createLivePubSub({ prefix: 'ridegraph test:' })).toThrow(/whitespace/);
    expect(() => createLivePubSub({ redisUrl, prefix: '' })).toThrow(/non-empty channel prefix/);
  });

  it('refuses an empty redisUrl rather than silently falling back to memory', () => {
    expect(() => createLivePubSub({ redisUrl: '', prefix: freshPrefix() })).toThrow(/redisUrl is empty/);
  });

  it('accepts a pino logger', () => {
    const pubsub = createLivePubSub({ prefix: freshPrefix(), logger: pinoFits });
    created.push(pubsub);
    expect(pubsub.listenerCount('TRIP_UPDATED')).toBe(0);
  });
});

describe('live pub/sub over Redis', () => {
  async function clientId(name: string): Promise<string> {
    const list = (await rawRedis().client('LIST')) as string;
    const line = list.split('\n').find((entry) => entry.includes(` name=${name} `));
    const id = line?.match(/^id=(\d+)/)?.[1];
    if (!id) throw new Error(`no Redis connection named ${name}`);
    return id;
  }

  it('resubscribes and publishes again after Redis drops both connections', async () => {
    const prefix = freshPrefix();
    const logger = recordingLogger();
    const pubsub = createRedisPubSub({ url: redisUrl, prefix, logger });
    created.push(pubsub);
    const subscription = pubsub.subscribe('TRIP_UPDATED', 't1');
    await subscription.ready;
    const channel = channelName(prefix, 'TRIP_UPDATED', 't1');
    const subscriberBefore = await clientId(`${prefix}subscriber`);

    // What a Redis restart looks like to the clients: their sockets close under them.
    await rawRedis().client('KILL', 'ID', subscriberBefore);
    await rawRedis().client('KILL', 'ID', await clientId(`${prefix}publisher`));
    await eventually(async () => {
      expect(await clientId(`${prefix}subscriber`)).not.toBe(subscriberBefore);
      expect(await redisSubscriberCount(channel)).toBe(1);
    });

    await pubsub.publish('TRIP_UPDATED', trip('t1', 'AFTER_RESTART'), 't1');
    expect((await nextEvent(subscription)).status).toBe('AFTER_RESTART');
    expect(logger.records.filter((r) => r.level === 'warn').map((r) => r.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Redis subscriber connection is down/)]),
    );
    expect(logger.records).toContainEqual({ level: 'info', message: 'live pub/sub reconnected its Redis subscriber connection' });
  });

  it('rejects a publish instead of hanging while Redis is unreachable, and still disposes', async () => {
    const logger = recordingLogger();
    // Port 1 refuses connections: the client keeps retrying for as long as the pub/sub lives.
    const pubsub = createRedisPubSub({ url: 'redis://127.0.0.1:1', prefix: freshPrefix(), logger, publishTimeoutMs: 200 });
    created.push(pubsub);
    const subscription = pubsub.subscribe('TRIP_UPDATED', 't1');

    await expect(pubsub.publish('TRIP_UPDATED', trip('t1'), 't1')).rejects.toThrow(PubSubUnavailableError);
    await expect(pubsub.publish('TRIP_UPDATED', trip('t1'), 't1')).rejects.toThrow(/did not take the live event on .*TRIP_UPDATED:t1 within 200 ms/);
    await expect(subscription.return()).resolves.toEqual({ done: true, value: undefined });
    await expect(subscription.ready).resolves.toBeUndefined();
    await pubsub.dispose();
    expect(logger.records.some((r) => r.level === 'warn' && /Redis publisher connection is down/.test(r.message))).toBe(true);
  });

  it('works over clients it is given, and closes them on dispose', async () => {
    const prefix = freshPrefix();
    const publisher = new Redis(redisUrl, liveRedisClientOptions('publisher', prefix));
    const subscriber = new Redis(redisUrl, liveRedisClientOptions('subscriber', prefix));
    expect(() => createRedisPubSub({ prefix, publisher, subscriber: publisher })).toThrow(/two distinct Redis clients/);
    const pubsub = createRedisPubSub({ prefix, publisher, subscriber, logger: recordingLogger() });
    created.push(pubsub);

    const subscription = pubsub.subscribe('NOTIFICATION_ADDED', 'u1');
    await subscription.ready;
    await pubsub.publish('NOTIFICATION_ADDED', { notificationId: 'n1', userId: 'u1' }, 'u1');
    expect(await nextEvent(subscription)).toEqual({ notificationId: 'n1', userId: 'u1' });

    await pubsub.dispose();
    expect(publisher.status).toBe('end');
    expect(subscriber.status).toBe('end');
  });
});
