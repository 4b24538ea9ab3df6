// Settlement is exactly once whatever Redis Streams delivers: 1,000 trip.completed events published out of order,
// some twice, to payments instances of which the first crashes mid-batch (its pending events are taken over by two
// replicas started after it). Then the ledger is audited row by row: one payment and one entry per trip, each rider
// charged once, every entry and the whole ledger balanced, every balance the sum of its postings.
import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { Redis } from 'ioredis';
import { createRedisEventBus, type AnyEventEnvelope, type DomainEvents, type EventsLogger, type InspectableEventBus } from '../../../platform/events/index.js';
import { createTestDatabase, testRedisUrl, testSubgraphDeps, type TestDatabase } from '../../../platform/testing/index.js';
import { buildPaymentsSubgraph, type PaymentsSubgraph } from '../src/server.js';
import { createLedger, owned, platform } from '../src/services/ledger.js';
import { openPaymentsDatabase, type PaymentsPrisma } from '../src/store/database.js';

type EventPaymentChoice = NonNullable<DomainEvents['trip.completed']['payment']>;

jest.setTimeout(180_000);

const silent: EventsLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const redisUrl = testRedisUrl();
const runPrefix = `ridegraph:test-settlement-${randomUUID().slice(0, 8)}:`;

let db: TestDatabase;
let prisma: PaymentsPrisma;
let raw: Redis;
const buses: InspectableEventBus[] = [];
const subgraphs: PaymentsSubgraph[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = openPaymentsDatabase(db.target);
  raw = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
});

afterAll(async () => {
  for (const subgraph of subgraphs) await subgraph.close().catch(() => undefined);
  await Promise.all(buses.map((bus) => bus.dispose()));
  const keys = await raw.keys(`${runPrefix}*`);
  if (keys.length > 0) await raw.del(...keys);
  await raw.quit();
  await prisma?.$disconnect();
  await db?.drop();
});

/** A Redis bus as one process has it; processes of one test share the prefix (the same streams). */
function redisBus(prefix: string): InspectableEventBus {
  // A short visibility timeout: a crashed consumer's events are taken over in seconds, not the production minute.
  // Not shorter: a live member renews what it holds every half timeout, and on a loaded CI machine (2 cores shared
  // with another jest worker, PostgreSQL and Redis) a stall of half a second can let live members take events from
  // each other — each take-over a counted delivery. At 1 s with retries 20 ms apart, 7 of 1,000 events were
  // dead-lettered unsettled in one CI run (stop 23; their errors were not recorded — the timeout message now shows
  // them). Take-overs between live members fit, and so do five quick failures of a transient database error: hence
  // the production retry delay too, which retries over seconds, not a third of one.
  const bus = createRedisEventBus({ url: redisUrl, prefix, blockMs: 200, visibilityTimeoutMs: 5000, retryDelayMs: 200, logger: silent });
  buses.push(bus);
  return bus;
}

async function paymentsInstance(bus: InspectableEventBus): Promise<PaymentsSubgraph> {
  // 4 members per instance, not the default 16. With 16, live members used to take each other's queued events over
  // until some were dead-lettered unsettled (the wait then timed out); platform/events/redis.ts now keeps hold of
  // them (its contract test "a live member … keeps them"). 16 here is not yet re-verified on a quiet machine.
  const subgraph = await buildPaymentsSubgraph(await testSubgraphDeps(db.target, undefined, undefined, bus), { config: { settlementConcurrency: 4 } });
  subgraphs.push(subgraph);
  await Promise.all(subgraph.tripEvents.map((consumer) => consumer.ready));
  return subgraph;
}

/** Ends a process's Redis connections without goodbye: what a kill -9 leaves is events delivered and never acknowledged. */
function cutRedisConnections(bus: InspectableEventBus): void {
  // `writer` is public on the Redis backend (not on the interface): it acknowledges, claims and appends.
  (bus as unknown as { writer: Redis }).writer.disconnect();
}

function tripCompleted(trip: {
  tripId: string;
  riderUserId: string;
  driverUserId: string;
  fareMinor: number;
  payment: EventPaymentChoice | null;
}): AnyEventEnvelope {
  const occurredAt = new Date().toISOString();
  return {
    id: randomUUID(),
    type: 'trip.completed',
    source: 'trips',
    occurredAt,
    payload: {
      tripId: trip.tripId,
      riderUserId: trip.riderUserId,
      driverId: randomUUID(),
      driverUserId: trip.driverUserId,
      fleetId: randomUUID(),
      fare: { amountMinor: trip.fareMinor, currency: 'USD' },
      distanceMeters: 4200,
      durationSeconds: 900,
      city: null,
      category: 'ECONOMY',
      payment: trip.payment,
      occurredAt,
    },
  };
}

async function creditWallet(riderUserId: string, amountMinor: bigint): Promise<void> {
  const ledger = createLedger();
  await prisma.$transaction((tx) =>
    ledger.post(tx, 'USD', {
      cause: 'PROMOTION',
      description: 'Test credit',
      legs: [owned('RIDER_WALLET', riderUserId, amountMinor), platform('PROMOTIONS', -amountMinor)],
    }),
  );
}

/** Deterministic shuffle (a small LCG), so a failure replays in the same order. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Waits for `condition`; on timeout the error says what `state` reads then, so a stuck run names where it stuck. */
async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, what: string, state?: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${state ? `: ${JSON.stringify(await state())}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const count = async (sql: string, ...values: unknown[]) => Number((await prisma.$queryRawUnsafe<{ n: number }[]>(sql, ...values))[0]!.n);

/** What the ledger must satisfy whatever happened: checked on the rows, not through the code that wrote them. */
async function expectLedgerConsistent(): Promise<void> {
  // The whole ledger sums to zero per currency.
  expect(await prisma.$queryRawUnsafe(`select currency, sum(amount_minor)::text as total from payments.postings group by currency`)).toEqual([
    { currency: 'USD', total: '0' },
  ]);
  // Each entry balances.
  expect(
    await count(`select count(*)::int as n from (select entry_id from payments.postings group by entry_id, currency having sum(amount_minor) <> 0) unbalanced`),
  ).toBe(0);
  // Each balance is the sum of its postings, and its version the number of them.
  expect(
    await count(`select count(*)::int as n from payments.ledger_accounts a
      left join (select account_id, sum(amount_minor) as total, count(*) as postings from payments.postings group by account_id) p on p.account_id = a.id
      where a.balance_minor <> coalesce(p.total, 0) or a.version <> coalesce(p.postings, 0)`),
  ).toBe(0);
  // No wallet went negative.
  expect(await count(`select count(*)::int as n from payments.ledger_accounts where kind = 'RIDER_WALLET' and balance_minor < 0`)).toBe(0);
}

test('1,000 trips delivered with duplicates, out of order, to a consumer that crashes mid-batch: each settled exactly once, the ledger balanced', async () => {
  const prefix = `${runPrefix}crash:`;
  const drivers = Array.from({ length: 20 }, () => randomUUID());
  const fare = (i: number) => 500 + ((i * 7919) % 4501); // 5.00–50.00, varied
  type Trip = Parameters<typeof tripCompleted>[0] & { kind: 'wallet' | 'cash' | 'owed' };
  const trips: Trip[] = [];
  const walletRiders = new Map<string, bigint>(); // rider → credit
  const owedRiders = new Set<string>();
  // 100 riders × 5 wallet trips: each credited the sum of their fares (+ 0–99 spare), so every order of their
  // trips fits the wallet and each must be paid by it.
  for (let r = 0; r < 100; r++) {
    const riderUserId = randomUUID();
    let total = 0n;
    for (let t = 0; t < 5; t++) {
      const i = trips.length;
      trips.push({
        kind: 'wallet',
        tripId: randomUUID(),
        riderUserId,
        driverUserId: drivers[i % 20]!,
        fareMinor: fare(i),
        payment: { method: 'WALLET', cardId: null },
      });
      total += BigInt(fare(i));
    }
    walletRiders.set(riderUserId, total + BigInt(r));
  }
  // 300 cash trips (150 riders × 2); a third of them choose nothing and fall to the default, CASH.
  for (let r = 0; r < 150; r++) {
    const riderUserId = randomUUID();
    for (let t = 0; t < 2; t++) {
      const i = trips.length;
      const payment: EventPaymentChoice | null = i % 3 === 0 ? null : { method: 'CASH', cardId: null };
      trips.push({ kind: 'cash', tripId: randomUUID(), riderUserId, driverUserId: drivers[i % 20]!, fareMinor: fare(i), payment });
    }
  }
  // 200 wallet trips of 50 riders × 4 whose wallet holds 1.00, less than any fare, and no card: owed.
  for (let r = 0; r < 50; r++) {
    const riderUserId = randomUUID();
    owedRiders.add(riderUserId);
    for (let t = 0; t < 4; t++) {
      const i = trips.length;
      trips.push({
        kind: 'owed',
        tripId: randomUUID(),
        riderUserId,
        driverUserId: drivers[i % 20]!,
        fareMinor: fare(i),
        payment: { method: 'WALLET', cardId: null },
      });
    }
  }
  expect(trips).toHaveLength(1000);
  for (const [rider, credit] of walletRiders) await creditWallet(rider, credit);
  for (const rider of owedRiders) await creditWallet(rider, 100n);

  const envelopes = trips.map((trip) => tripCompleted(trip));
  // 200 duplicates (the same envelope, so the same event id, appended again), spread through the stream.
  const duplicates = shuffled(envelopes, 7).slice(0, 200);
  const stream = shuffled([...envelopes, ...duplicates], 42);

  const firstBus = redisBus(prefix);
  const first = await paymentsInstance(firstBus);
  for (let i = 0; i < stream.length; i += 50) await firstBus.append(stream.slice(i, i + 50));

  // Crash the first instance while it is settling: some events committed but not acknowledged, the rest of
  // its read batch delivered and not handled. Both stay pending on its (dead) consumer.
  await waitFor(async () => (await count(`select count(*)::int as n from payments.payments`)) >= 150, 60_000, 'the first instance to settle 150 trips');
  cutRedisConnections(firstBus);
  const settledByFirst = await count(`select count(*)::int as n from payments.payments`);
  expect(settledByFirst).toBeLessThan(1000);

  // Two replicas take over: the dead consumer's pending events after the visibility timeout, the rest as new.
  await paymentsInstance(redisBus(prefix));
  await paymentsInstance(redisBus(prefix));
  await first.close(); // releases its pool; its consumer is already cut off from Redis

  const streamKey = `${prefix}events`;
  await waitFor(
    async () => {
      const [pending] = (await raw.xpending(streamKey, 'payments')) as [number, ...unknown[]];
      return (await count(`select count(*)::int as n from payments.payments`)) === 1000 && Number(pending) === 0;
    },
    120_000,
    'all 1,000 trips settled and nothing pending',
    async () => ({
      payments: await count(`select count(*)::int as n from payments.payments`),
      pending: await raw.xpending(streamKey, 'payments'),
      consumers: await raw.xinfo('CONSUMERS', streamKey, 'payments'),
      deadLetters: (await buses[1]!.deadLetters()).map(({ deliveries, error }) => ({ deliveries, error })),
    }),
  );
  expect(await buses[1]!.deadLetters()).toEqual([]);

  // Exactly one payment per trip, one processed record per distinct event id.
  expect(await count(`select count(*)::int as n from payments.payments`)).toBe(1000);
  expect(await count(`select count(distinct trip_id)::int as n from payments.payments`)).toBe(1000);
  expect(await count(`select count(*)::int as n from payments.processed_events where consumer = 'payments.settle-trips'`)).toBe(1000);

  // Each trip as its rider paid it.
  const payments = await prisma.payment.findMany({ select: { tripId: true, status: true, method: true, amountMinor: true, commissionBps: true } });
  const byTrip = new Map(payments.map((p) => [p.tripId!, p]));
  const expected = { wallet: { status: 'SUCCEEDED', method: 'WALLET' }, cash: { status: 'SUCCEEDED', method: 'CASH' }, owed: { status: 'OWED', method: null } };
  for (const trip of trips) {
    const payment = byTrip.get(trip.tripId);
    expect({ trip: trip.tripId, status: payment?.status, method: payment?.method, amount: payment?.amountMinor }).toEqual({
      trip: trip.tripId,
      ...expected[trip.kind],
      amount: BigInt(trip.fareMinor),
    });
  }

  // One TRIP_FARE entry per trip, and in it exactly one posting on the payer's side (the rider charged once).
  const perTrip = await prisma.$queryRawUnsafe<{ trip_id: string; entries: number; payer_postings: number; payer_kind: string; payer_amount: string }[]>(`
    select e.trip_id::text, count(distinct e.id)::int as entries,
           count(*) filter (where a.kind in ('RIDER_WALLET', 'DRIVER_CASH_HELD', 'RIDER_BALANCE_DUE'))::int as payer_postings,
           max(a.kind::text) filter (where a.kind in ('RIDER_WALLET', 'DRIVER_CASH_HELD', 'RIDER_BALANCE_DUE')) as payer_kind,
           sum(p.amount_minor) filter (where a.kind in ('RIDER_WALLET', 'DRIVER_CASH_HELD', 'RIDER_BALANCE_DUE'))::text as payer_amount
    from payments.journal_entries e join payments.postings p on p.entry_id = e.id join payments.ledger_accounts a on a.id = p.account_id
    where e.cause = 'TRIP_FARE' group by e.trip_id`);
  expect(perTrip).toHaveLength(1000);
  const payerKind = { wallet: 'RIDER_WALLET', cash: 'DRIVER_CASH_HELD', owed: 'RIDER_BALANCE_DUE' };
  const ledgerByTrip = new Map(perTrip.map((row) => [row.trip_id, row]));
  for (const trip of trips) {
    expect(ledgerByTrip.get(trip.tripId)).toEqual({
      trip_id: trip.tripId,
      entries: 1,
      payer_postings: 1,
      payer_kind: payerKind[trip.kind],
      payer_amount: String(-trip.fareMinor),
    });
  }

  // Wallets: what was credited minus the fares paid from them; the owed riders' wallets untouched, their dues the sum of their fares.
  const accounts = await prisma.ledgerAccount.findMany({ where: { kind: { in: ['RIDER_WALLET', 'RIDER_BALANCE_DUE'] } } });
  const balance = (kind: string, owner: string) => accounts.find((a) => a.kind === kind && a.ownerId === owner)?.balanceMinor ?? 0n;
  const faresOf = (rider: string) => trips.filter((t) => t.riderUserId === rider).reduce((sum, t) => sum + BigInt(t.fareMinor), 0n);
  for (const [rider, credit] of walletRiders) expect({ rider, balance: balance('RIDER_WALLET', rider) }).toEqual({ rider, balance: credit - faresOf(rider) });
  for (const rider of owedRiders) {
    expect({ rider, wallet: balance('RIDER_WALLET', rider), due: balance('RIDER_BALANCE_DUE', rider) }).toEqual({ rider, wallet: 100n, due: -faresOf(rider) });
  }

  // Drivers earn every fare less the commission, whoever paid it.
  const driverShare = payments.reduce((sum, p) => sum + p.amountMinor - (p.amountMinor * BigInt(p.commissionBps)) / 10_000n, 0n);
  const [earnings] = await prisma.$queryRawUnsafe<{ total: string }[]>(
    `select sum(balance_minor)::text as total from payments.ledger_accounts where kind = 'DRIVER_EARNINGS'`,
  );
  expect(earnings!.total).toBe(String(driverShare));

  await expectLedgerConsistent();
});

test('the same trip delivered under two event ids (a replay by hand) is charged once', async () => {
  const prefix = `${runPrefix}replay:`;
  const rider = randomUUID();
  await creditWallet(rider, 10_000n);
  const trip = { tripId: randomUUID(), riderUserId: rider, driverUserId: randomUUID(), fareMinor: 2_500, payment: { method: 'WALLET', cardId: null } as const };
  const original = tripCompleted(trip);
  const replayed = { ...tripCompleted(trip), payload: original.payload } as AnyEventEnvelope; // new id, same trip

  const bus = redisBus(prefix);
  await paymentsInstance(bus);
  await paymentsInstance(redisBus(prefix)); // a second replica: the two deliveries may race
  await bus.append([original, replayed]);

  await waitFor(
    async () =>
      (await count(`select count(*)::int as n from payments.processed_events where event_id in ($1::uuid, $2::uuid)`, original.id, replayed.id)) === 2,
    30_000,
    'both deliveries processed',
  );
  expect(original.id).not.toBe(replayed.id);
  expect(await prisma.payment.count({ where: { tripId: trip.tripId } })).toBe(1);
  expect(await count(`select count(*)::int as n from payments.journal_entries where trip_id = $1::uuid`, trip.tripId)).toBe(1);
  const wallet = await prisma.ledgerAccount.findFirstOrThrow({ where: { kind: 'RIDER_WALLET', ownerId: rider } });
  expect(wallet.balanceMinor).toBe(7_500n);
  expect(await bus.deadLetters()).toEqual([]);
  await expectLedgerConsistent();
});
