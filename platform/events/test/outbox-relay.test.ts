// The outbox relay and handleOnce on both databases a subgraph runs on: a PostgreSQL server (replicas racing for
// the same rows) and PGlite (one shared connection). A scratch schema holds the two tables every emitting and
// consuming subgraph has (see outbox.ts and handle-once.ts).
import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { createPrismaAdapter, openEmbeddedPostgres, type DatabaseTarget } from '../../db/index.js';
import { createTestDatabase, type TestDatabase } from '../../testing/index.js';
// Any subgraph's generated client serves: the relay and handleOnce use only raw SQL and $transaction.
import { PrismaClient } from '../../../subgraphs/identity/src/store/prisma/client.js';
import {
  createMemoryEventBus,
  handleOnce,
  outboxEvent,
  startOutboxRelay,
  type AnyEventEnvelope,
  type EventBus,
  type EventsLogger,
  type OutboxRelay,
} from '../index.js';

const SCHEMA = 'relay_test';
const silent: EventsLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

const DDL = [
  `create schema if not exists ${SCHEMA}`,
  `create table ${SCHEMA}.outbox_events (
     id uuid primary key, type text not null, payload jsonb not null,
     occurred_at timestamptz(3) not null, published_at timestamptz(3))`,
  `create index on ${SCHEMA}.outbox_events (published_at, occurred_at)`,
  `create table ${SCHEMA}.processed_events (
     consumer text not null, event_id uuid not null, processed_at timestamptz(3) not null default now(),
     primary key (consumer, event_id))`,
  `create table ${SCHEMA}.effects (id serial primary key, note text not null)`,
];

function tripRequested(n: number, occurredAt: Date) {
  return outboxEvent(
    'trip.requested',
    {
      tripId: randomUUID(),
      riderUserId: randomUUID(),
      category: 'ECONOMY',
      pickup: { latitude: 52.5 + n / 1000, longitude: 13.4 },
      dropoff: { latitude: 52.6, longitude: 13.5 },
      occurredAt: occurredAt.toISOString(),
    },
    occurredAt,
  );
}

/**
 * Inserts rows the way a service does: raw here, since the scratch schema has no generated model. One statement for
 * all of them, so the transaction stays short on a loaded machine (230 single inserts once outran its 5 s timeout).
 */
async function insertOutbox(tx: Pick<PrismaClient, '$executeRawUnsafe'>, rows: ReturnType<typeof tripRequested>[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `insert into ${SCHEMA}.outbox_events (id, type, payload, occurred_at)
     select id, type, payload, occurred_at from jsonb_to_recordset($1::jsonb) as r(id uuid, type text, payload jsonb, occurred_at timestamptz)`,
    JSON.stringify(rows.map((row) => ({ id: row.id, type: row.type, payload: row.payload, occurred_at: row.occurredAt.toISOString() }))),
  );
}

/** A bus that records what it is given (the relay's view of the streams). */
function recordingBus(): EventBus & { appended: AnyEventEnvelope[]; failing: boolean } {
  const bus = {
    appended: [] as AnyEventEnvelope[],
    failing: false,
    async append(events: readonly AnyEventEnvelope[]) {
      if (bus.failing) throw new Error('streams unavailable');
      bus.appended.push(...structuredClone(events));
    },
    consume(): never {
      throw new Error('not used');
    },
    async dispose() {},
  };
  return bus;
}

describe.each([
  ['PostgreSQL', 'postgres'],
  ['PGlite', 'pglite'],
] as const)('outbox relay on %s', (_label, kind) => {
  let testDb: TestDatabase | undefined;
  let pglite: PGlite | undefined;
  let target: DatabaseTarget;
  const clients: PrismaClient[] = [];
  const relays: OutboxRelay[] = [];
  /** A subgraph replica's Prisma client (on PGlite: another client on the same single connection). */
  const client = () => {
    const prisma = new PrismaClient({ adapter: createPrismaAdapter(target, SCHEMA) });
    clients.push(prisma);
    return prisma;
  };
  const relay = (db: PrismaClient, bus: EventBus, extra: { retentionMs?: number; pollIntervalMs?: number } = {}) => {
    // Long poll: the tests drive passes with flush() unless they test the background loop.
    const started = startOutboxRelay({ db, schema: SCHEMA, source: 'trips', bus, logger: silent, pollIntervalMs: 60_000, ...extra });
    relays.push(started);
    return started;
  };
  let db: PrismaClient;

  beforeAll(async () => {
    if (kind === 'postgres') {
      testDb = await createTestDatabase();
      target = testDb.target;
    } else {
      pglite = await openEmbeddedPostgres();
      target = { kind: 'pglite', pglite };
    }
    db = client();
    for (const statement of DDL) await db.$executeRawUnsafe(statement);
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await db.$executeRawUnsafe(`delete from ${SCHEMA}.outbox_events`);
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
    await testDb?.drop();
    await pglite?.close();
  });

  const count = async (sql: string) => Number((await db.$queryRawUnsafe<{ n: bigint | number }[]>(sql))[0]?.n);
  const unpublished = () => count(`select count(*) as n from ${SCHEMA}.outbox_events where published_at is null`);

  it('relays committed rows exactly once, in occurrence order, even with two relays racing', async () => {
    const base = Date.now();
    const rows = Array.from({ length: 230 }, (_, n) => tripRequested(n, new Date(base + n)));
    // Inserted in reverse: the relay orders by occurrence, not by insertion.
    await db.$transaction(async (tx) => insertOutbox(tx, [...rows].reverse()));
    const bus = recordingBus();
    const [a, b] = [relay(client(), bus), relay(client(), bus)];
    // Each relay also started a pass of its own when it started; flush waits for that and runs until none is left.
    await Promise.all([a.flush(), b.flush()]);

    const ids = bus.appended.map((e) => e.id);
    expect(new Set(ids).size).toBe(rows.length);
    expect(await unpublished()).toBe(0);
    const [row0] = rows;
    expect(bus.appended.find((e) => e.id === row0?.id)).toEqual({
      id: row0?.id,
      type: 'trip.requested',
      source: 'trips',
      occurredAt: row0?.occurredAt.toISOString(),
      payload: row0?.payload,
    });
    // Racing replicas' batches may interleave, but within a batch rows are in occurrence order: the stream
    // order steps back at most once per batch.
    const position = new Map(rows.map((r, i) => [r.id, i]));
    const stepsBack = ids.filter((id, i) => i > 0 && (position.get(id) ?? 0) < (position.get(ids[i - 1] ?? '') ?? 0)).length;
    expect(stepsBack).toBeLessThanOrEqual(Math.ceil(rows.length / 100) * 2);
    if (kind === 'pglite') expect(ids).toEqual(rows.map((r) => r.id)); // one connection: passes never overlap
    // Nothing left: a third pass publishes nothing.
    expect(await a.flush()).toBe(0);
    expect(bus.appended).toHaveLength(rows.length);
  });

  it('never relays the row of a rolled-back transaction', async () => {
    const row = tripRequested(1, new Date());
    await expect(
      db.$transaction(async (tx) => {
        await insertOutbox(tx, [row]);
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    const bus = recordingBus();
    await relay(db, bus).flush();
    expect(bus.appended).toEqual([]);
  });

  it('keeps rows unpublished while the bus refuses them, and relays them once it takes them', async () => {
    const rows = [tripRequested(1, new Date()), tripRequested(2, new Date(Date.now() + 1))];
    await insertOutbox(db, rows);
    const bus = recordingBus();
    bus.failing = true;
    const r = relay(db, bus);
    await expect(r.flush()).rejects.toThrow('streams unavailable');
    expect(await unpublished()).toBe(2);
    bus.failing = false;
    await r.flush();
    expect(bus.appended.map((e) => e.id)).toEqual(rows.map((row) => row.id));
    expect(await unpublished()).toBe(0);
  });

  it('relays in the background after wake(), and onward to consumers of a memory bus', async () => {
    const bus = createMemoryEventBus({ logger: silent });
    const received: string[] = [];
    const consumer = bus.consume({ group: 'fleet', types: ['trip.requested'], handle: async (e) => void received.push(e.id) });
    const r = relay(db, bus, { pollIntervalMs: 60_000 });
    const row = tripRequested(1, new Date());
    await insertOutbox(db, [row]);
    r.wake();
    await waitFor(() => received.length === 1);
    expect(received).toEqual([row.id]);
    await consumer.stop();
    await bus.dispose();
  });

  it('polls for rows written without a wake (another replica, a lost wake)', async () => {
    const bus = recordingBus();
    relay(db, bus, { pollIntervalMs: 50 });
    const row = tripRequested(1, new Date());
    await insertOutbox(db, [row]);
    await waitFor(() => bus.appended.length === 1);
    expect(bus.appended[0]?.id).toBe(row.id);
  });

  it('deletes published rows at once with retentionMs 0', async () => {
    await insertOutbox(db, [tripRequested(1, new Date())]);
    const bus = recordingBus();
    await relay(db, bus, { retentionMs: 0 }).flush();
    expect(bus.appended).toHaveLength(1);
    expect(await count(`select count(*) as n from ${SCHEMA}.outbox_events`)).toBe(0);
  });

  describe('handleOnce', () => {
    const event = (): AnyEventEnvelope => {
      const row = tripRequested(1, new Date());
      return { id: row.id, type: row.type, source: 'trips', occurredAt: row.occurredAt.toISOString(), payload: row.payload };
    };
    const effects = () => count(`select count(*) as n from ${SCHEMA}.effects`);
    const work = (note: string) => async (tx: Pick<PrismaClient, '$executeRawUnsafe'>) => {
      await tx.$executeRawUnsafe(`insert into ${SCHEMA}.effects (note) values ($1)`, note);
    };

    it('runs the work once for a redelivered event, per consumer', async () => {
      const e = event();
      const before = await effects();
      expect(await handleOnce(db, { schema: SCHEMA, consumer: 'fleet.test', event: e }, work('first'))).toBe(true);
      expect(await handleOnce(db, { schema: SCHEMA, consumer: 'fleet.test', event: e }, work('again'))).toBe(false);
      // Another handler of the same event is independent.
      expect(await handleOnce(db, { schema: SCHEMA, consumer: 'fleet.other', event: e }, work('other'))).toBe(true);
      expect(await effects()).toBe(before + 2);
    });

    it('records nothing when the work throws, so the redelivery runs it', async () => {
      const e = event();
      const before = await effects();
      await expect(
        handleOnce(db, { schema: SCHEMA, consumer: 'fleet.test', event: e }, async (tx) => {
          await work('half')(tx);
          throw new Error('handler failed');
        }),
      ).rejects.toThrow('handler failed');
      expect(await effects()).toBe(before);
      expect(await handleOnce(db, { schema: SCHEMA, consumer: 'fleet.test', event: e }, work('retry'))).toBe(true);
      expect(await effects()).toBe(before + 1);
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
