// One contract for both event-bus backends, run against memory and a real Redis (fresh prefix per test, keys
// removed afterwards), plus what only Redis has (a consumer process that dies holding events, an unreachable
// server).
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { testRedisUrl } from '../../testing/env.js';
import {
  createEventBus,
  createMemoryEventBus,
  createRedisEventBus,
  EventBusDisposedError,
  type AnyEventEnvelope,
  type DomainEventType,
  type EventBusTuning,
  type EventConsumer,
  type EventsLogger,
  type InspectableEventBus,
} from '../index.js';

const redisUrl = testRedisUrl();
const runPrefix = `ridegraph:test-events-${randomUUID().slice(0, 8)}:`;
let prefixes = 0;
const freshPrefix = () => `${runPrefix}${++prefixes}:`;

// Compile-time proof that the platform's pino logger can be passed as is.
const pinoFits: EventsLogger = pino({ level: 'silent' });
void pinoFits;

const silent: EventsLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
/** Short timings so redelivery tests take milliseconds, not the production minute. */
const FAST: EventBusTuning = { logger: silent, visibilityTimeoutMs: 300, retryDelayMs: 20 };

let raw: Redis | undefined;
const rawRedis = () => (raw ??= new Redis(redisUrl, { maxRetriesPerRequest: 1 }));
const usedPrefixes: string[] = [];

const created: InspectableEventBus[] = [];
afterEach(async () => {
  await Promise.all(created.splice(0).map((bus) => bus.dispose()));
});
afterAll(async () => {
  if (raw) {
    for (const prefix of usedPrefixes) {
      const keys = await raw.keys(`${prefix}*`);
      if (keys.length > 0) await raw.del(...keys);
    }
    await raw.quit();
  }
});

type Backend = 'memory' | 'redis';

/** Buses of one test share streams: memory → the same instance; Redis → the same prefix (separate processes). */
function backendFactory(backend: Backend) {
  const prefix = freshPrefix();
  let shared: InspectableEventBus | undefined;
  return (tuning: EventBusTuning = {}): InspectableEventBus => {
    let bus: InspectableEventBus;
    if (backend === 'memory') {
      shared ??= createMemoryEventBus({ ...FAST, ...tuning });
      bus = shared;
    } else {
      usedPrefixes.push(prefix);
      bus = createRedisEventBus({ url: redisUrl, prefix, blockMs: 200, ...FAST, ...tuning });
    }
    if (!created.includes(bus)) created.push(bus);
    return bus;
  };
}

function tripRequested(): AnyEventEnvelope {
  const occurredAt = new Date().toISOString();
  return {
    id: randomUUID(),
    type: 'trip.requested',
    source: 'trips',
    occurredAt,
    payload: {
      tripId: randomUUID(),
      riderUserId: randomUUID(),
      category: 'ECONOMY',
      pickup: { latitude: 52.52, longitude: 13.4 },
      dropoff: { latitude: 52.5, longitude: 13.45 },
      occurredAt,
    },
  };
}

function tripRated(): AnyEventEnvelope {
  const occurredAt = new Date().toISOString();
  return {
    id: randomUUID(),
    type: 'trip.rated',
    source: 'trips',
    occurredAt,
    payload: { tripId: randomUUID(), riderUserId: randomUUID(), driverId: randomUUID(), by: 'RIDER', rating: 5, occurredAt },
  };
}

const events = (n: number) => Array.from({ length: n }, tripRequested);
const TYPES: DomainEventType[] = ['trip.requested'];

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A consumer that records the ids it handled. */
function recorder(bus: InspectableEventBus, group: string, extra: { types?: DomainEventType[]; delayMs?: number } = {}) {
  const handled: string[] = [];
  const consumer = bus.consume({
    group,
    types: extra.types ?? TYPES,
    handle: async (event) => {
      if (extra.delayMs) await pause(extra.delayMs);
      handled.push(event.id);
    },
  });
  return { handled, consumer };
}

describe.each(['memory', 'redis'] as const)('event bus contract (%s)', (backend) => {
  let bus: ReturnType<typeof backendFactory>;
  beforeEach(() => {
    bus = backendFactory(backend);
  });

  it('delivers each event once to every group, in stream order', async () => {
    const fleet = recorder(bus(), 'fleet');
    const payments = recorder(bus(), 'payments');
    await Promise.all([fleet.consumer.ready, payments.consumer.ready]);
    const sent = events(5);
    await bus().append(sent.slice(0, 2));
    await bus().append(sent.slice(2));
    await waitFor(() => fleet.handled.length === 5 && payments.handled.length === 5);
    await pause(100); // nothing more arrives
    expect(fleet.handled).toEqual(sent.map((e) => e.id));
    expect(payments.handled).toEqual(sent.map((e) => e.id));
  });

  it('hands the handler the envelope as appended (its own copy)', async () => {
    const received: AnyEventEnvelope[] = [];
    const consumer = bus().consume({ group: 'fleet', types: TYPES, handle: async (e) => void received.push(e) });
    await consumer.ready;
    const event = tripRequested();
    await bus().append([event]);
    await waitFor(() => received.length === 1);
    expect(received[0]).toEqual(event);
    expect(received[0]).not.toBe(event);
  });

  it('splits a group’s events between its consumers, each event handled once', async () => {
    const one = recorder(bus(), 'trips', { delayMs: 5 });
    const two = recorder(bus(), 'trips', { delayMs: 5 });
    await Promise.all([one.consumer.ready, two.consumer.ready]);
    const sent = events(40);
    await bus().append(sent);
    await waitFor(() => one.handled.length + two.handled.length >= 40);
    await pause(100);
    const all = [...one.handled, ...two.handled];
    expect(all).toHaveLength(40);
    expect(new Set(all)).toEqual(new Set(sent.map((e) => e.id)));
    expect(one.handled.length).toBeGreaterThan(0);
    expect(two.handled.length).toBeGreaterThan(0);
    // Each consumer handles its share in stream order.
    const position = new Map(sent.map((e, i) => [e.id, i]));
    for (const handled of [one.handled, two.handled]) {
      const positions = handled.map((id) => position.get(id) ?? -1);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it('delivers events appended before the group existed (groups start at the retained history)', async () => {
    const sent = events(3);
    await bus().append(sent);
    const late = recorder(bus(), 'notifications');
    await waitFor(() => late.handled.length === 3);
    expect(late.handled).toEqual(sent.map((e) => e.id));
  });

  it('keeps the order within one consumer across many appends', async () => {
    const only = recorder(bus(), 'gamification');
    await only.consumer.ready;
    const sent = events(30);
    for (const event of sent) await bus().append([event]);
    await waitFor(() => only.handled.length === 30);
    expect(only.handled).toEqual(sent.map((e) => e.id));
  });

  it('acknowledges unseen the types a consumer does not handle', async () => {
    const ratings = recorder(bus(), 'gamification', { types: ['trip.rated'] });
    await ratings.consumer.ready;
    const rated = tripRated();
    await bus().append([tripRequested(), rated, tripRequested()]);
    await waitFor(() => ratings.handled.length === 1);
    await pause(100);
    expect(ratings.handled).toEqual([rated.id]);
  });

  it('retries a throwing handler until it succeeds, then goes on', async () => {
    const attempts = new Map<string, number>();
    const done: string[] = [];
    const consumer = bus().consume({
      group: 'payments',
      types: TYPES,
      handle: async (event) => {
        const n = (attempts.get(event.id) ?? 0) + 1;
        attempts.set(event.id, n);
        if (n < 3) throw new Error(`transient failure ${n}`);
        done.push(event.id);
      },
    });
    await consumer.ready;
    const [flaky, next] = events(2);
    await bus().append([flaky!, next!]);
    await waitFor(() => done.length === 2);
    expect(done).toEqual([flaky!.id, next!.id]); // the retried event is not overtaken within its consumer
    expect(attempts.get(flaky!.id)).toBe(3);
    expect(await bus().deadLetters()).toEqual([]);
  });

  it('dead-letters an event after maxDeliveries failures and goes on with the next', async () => {
    const [poison, fine] = events(2);
    let poisonAttempts = 0;
    const done: string[] = [];
    const consumer = bus().consume({
      group: 'payments',
      types: TYPES,
      maxDeliveries: 3,
      handle: async (event) => {
        if (event.id === poison!.id) {
          poisonAttempts += 1;
          throw new Error('card declined forever');
        }
        done.push(event.id);
      },
    });
    await consumer.ready;
    await bus().append([poison!, fine!]);
    await waitFor(() => done.length === 1);
    expect(done).toEqual([fine!.id]);
    expect(poisonAttempts).toBe(3);
    const letters = await bus().deadLetters();
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ group: 'payments', deliveries: 3, error: 'card declined forever', event: poison });
    // Another group is not affected by payments giving up.
    const other = recorder(bus(), 'notifications');
    await waitFor(() => other.handled.length === 2);
  });

  it('redelivers to another consumer the event a stopped consumer did not finish', async () => {
    let release!: (error: Error) => void;
    let started!: () => void;
    const inHandler = new Promise<void>((resolve) => (started = resolve));
    const quitter = bus().consume({
      group: 'fleet',
      types: TYPES,
      handle: () => {
        started();
        return new Promise<void>((_, reject) => (release = reject));
      },
    });
    await quitter.ready;
    const [event] = events(1);
    await bus().append([event!]);
    await inHandler;
    // A second member joins while the first holds the event; the first stops and its handler fails.
    const survivor = recorder(bus(), 'fleet');
    await survivor.consumer.ready;
    const stopping = quitter.stop();
    release(new Error('shutting down'));
    await stopping;
    await waitFor(() => survivor.handled.length === 1);
    expect(survivor.handled).toEqual([event!.id]);
  });

  it('stop() waits for the handler in flight and then delivers nothing more', async () => {
    let started = false;
    let finished = false;
    const handled: string[] = [];
    const consumer: EventConsumer = bus().consume({
      group: 'trips',
      types: TYPES,
      handle: async (event) => {
        started = true;
        await pause(100);
        handled.push(event.id);
        finished = true;
      },
    });
    await consumer.ready;
    await bus().append(events(1));
    await waitFor(() => started);
    await consumer.stop();
    expect(finished).toBe(true);
    await bus().append(events(1));
    await pause(100);
    expect(handled).toHaveLength(1);
    await consumer.stop(); // idempotent
  });

  it('rejects appends and consumers after dispose', async () => {
    const disposed = bus();
    await disposed.dispose();
    await disposed.dispose(); // idempotent
    await expect(disposed.append(events(1))).rejects.toBeInstanceOf(EventBusDisposedError);
    expect(() => disposed.consume({ group: 'fleet', types: TYPES, handle: async () => undefined })).toThrow(EventBusDisposedError);
  });

  it('refuses an invalid group or an empty type list', () => {
    expect(() => bus().consume({ group: 'has space', types: TYPES, handle: async () => undefined })).toThrow(TypeError);
    expect(() => bus().consume({ group: 'fleet', types: [], handle: async () => undefined })).toThrow(TypeError);
  });
});

describe('Redis streams only', () => {
  it('takes over the events of a consumer that died holding them (idle claim)', async () => {
    const prefix = freshPrefix();
    usedPrefixes.push(prefix);
    const bus = createRedisEventBus({ url: redisUrl, prefix, blockMs: 200, ...FAST });
    created.push(bus);
    const sent = events(3);
    await bus.append(sent);
    // A "process" reads the events into its pending list and dies without acknowledging them.
    const stream = `${prefix}events`;
    await rawRedis().xgroup('CREATE', stream, 'fleet', '0', 'MKSTREAM');
    await rawRedis().call('XREADGROUP', 'GROUP', 'fleet', 'dead-process', 'COUNT', 10, 'STREAMS', stream, '>');
    const live = recorder(bus, 'fleet');
    await waitFor(() => live.handled.length === 3);
    expect(live.handled).toEqual(sent.map((e) => e.id));
    const pending = (await rawRedis().xpending(stream, 'fleet')) as [number, ...unknown[]];
    expect(pending[0]).toBe(0);
  });

  it('a live member working through the events it read keeps them: another member does not take them over', async () => {
    const prefix = freshPrefix();
    usedPrefixes.push(prefix);
    // Two processes of one group; each event takes a quarter of the visibility timeout, so whoever reads the 8
    // events holds some of them for longer than the timeout before their turn comes.
    const tuning = { url: redisUrl, prefix, blockMs: 100, ...FAST, visibilityTimeoutMs: 1000 };
    const busA = createRedisEventBus(tuning);
    const busB = createRedisEventBus(tuning);
    created.push(busA, busB);
    const a = recorder(busA, 'fleet', { delayMs: 250 });
    const b = recorder(busB, 'fleet', { delayMs: 250 });
    await Promise.all([a.consumer.ready, b.consumer.ready]);
    const sent = events(8);
    await busA.append(sent);
    await waitFor(() => a.handled.length + b.handled.length >= 8, 10_000);
    await pause(1500); // time for a wrongful take-over to run an event a second time
    // Each handled once, by one member: a take-over would have run some twice (and counted deliveries towards
    // dead-lettering events nobody failed).
    expect([...a.handled, ...b.handled].sort()).toEqual(sent.map((e) => e.id).sort());
    expect(await busA.deadLetters()).toEqual([]);
    const pending = (await rawRedis().xpending(`${prefix}events`, 'fleet')) as [number, ...unknown[]];
    expect(pending[0]).toBe(0);
  });

  it('dead-letters a taken-over event whose deliveries already reached maxDeliveries without running it', async () => {
    const prefix = freshPrefix();
    usedPrefixes.push(prefix);
    const bus = createRedisEventBus({ url: redisUrl, prefix, blockMs: 200, ...FAST });
    created.push(bus);
    const [event] = events(1);
    await bus.append([event!]);
    const stream = `${prefix}events`;
    await rawRedis().xgroup('CREATE', stream, 'fleet', '0', 'MKSTREAM');
    // Two consumers that crashed in it: delivered twice.
    await rawRedis().call('XREADGROUP', 'GROUP', 'fleet', 'crash-1', 'STREAMS', stream, '>');
    const [[entryId]] = (await rawRedis().xrange(stream, '-', '+')) as [[string, string[]]];
    await rawRedis().call('XCLAIM', stream, 'fleet', 'crash-2', 0, entryId);
    const ran: string[] = [];
    bus.consume({ group: 'fleet', types: TYPES, maxDeliveries: 2, handle: async (e) => void ran.push(e.id) });
    await waitFor(async () => (await bus.deadLetters()).length === 1);
    expect(ran).toEqual([]);
    expect((await bus.deadLetters())[0]).toMatchObject({ group: 'fleet', entryId, deliveries: 2, event });
  });

  it('recreates its group when the stream vanished (Redis restarted without persistence)', async () => {
    const prefix = freshPrefix();
    usedPrefixes.push(prefix);
    const bus = createRedisEventBus({ url: redisUrl, prefix, blockMs: 100, ...FAST });
    created.push(bus);
    const fleet = recorder(bus, 'fleet');
    await fleet.consumer.ready;
    await rawRedis().del(`${prefix}events`);
    await pause(300);
    const sent = events(2);
    await bus.append(sent);
    await waitFor(() => fleet.handled.length === 2);
    expect(fleet.handled).toEqual(sent.map((e) => e.id));
  });

  it('reconnects after its connections drop, without losing pending or new events', async () => {
    const prefix = freshPrefix();
    usedPrefixes.push(prefix);
    const bus = createRedisEventBus({ url: redisUrl, prefix, blockMs: 200, ...FAST });
    created.push(bus);
    let failNext = true;
    const handled: string[] = [];
    const consumer = bus.consume({
      group: 'fleet',
      types: TYPES,
      handle: async (event) => {
        if (failNext) {
          failNext = false;
          throw new Error('fails once');
        }
        handled.push(event.id);
      },
    });
    await consumer.ready;
    const [first, second] = events(2);
    await bus.append([first!]);
    // What a Redis restart does to the clients: every connection of this bus is cut.
    const clients = String(await rawRedis().client('LIST')).split('\n');
    const ours = clients.filter((line) => line.includes(`name=${prefix}events`)).map((line) => /id=(\d+)/.exec(line)?.[1]);
    expect(ours.length).toBeGreaterThanOrEqual(2);
    for (const id of ours) if (id) await rawRedis().client('KILL', 'ID', id);
    await waitFor(async () => {
      try {
        await bus.append([second!]);
        return true;
      } catch {
        return false;
      }
    });
    await waitFor(() => handled.includes(first!.id) && handled.includes(second!.id));
  });

  it('rejects an append within its timeout when Redis is unreachable', async () => {
    const bus = createRedisEventBus({ url: 'redis://127.0.0.1:1', prefix: freshPrefix(), appendTimeoutMs: 300, logger: silent });
    created.push(bus);
    const started = Date.now();
    await expect(bus.append(events(1))).rejects.toThrow(/within 300 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('createEventBus picks memory without a URL and refuses an empty one', async () => {
    const memory = createEventBus({ prefix: 'ridegraph:', logger: silent });
    created.push(memory);
    const handled: string[] = [];
    memory.consume({ group: 'fleet', types: TYPES, handle: async (e) => void handled.push(e.id) });
    await memory.append(events(1));
    await waitFor(() => handled.length === 1);
    expect(() => createEventBus({ prefix: 'ridegraph:', redisUrl: '' })).toThrow(TypeError);
    expect(() => createEventBus({ prefix: 'with space' })).toThrow(TypeError);
  });
});
