// The earning consumer's batches (services/earning-consumer.ts, fare-batch.ts) on PostgreSQL: a batch awards what
// the events one at a time would (running balances, levels, badges, streaks from days in the same batch, boards), an
// event twice or already processed awards once, a failing event fails alone while the rest of its batch is awarded,
// batches racing over the same users leave exact balances, and a batch's statements do not grow with its size.
import { randomUUID } from 'node:crypto';
import type { AnyEventEnvelope } from '../../../platform/events/index.js';
import { readGamificationConfig } from '../src/config.js';
import { envelope, startLoyaltyFixture, type LoyaltyFixture } from './support/loyalty-fixture.js';

let fx: LoyaltyFixture;
beforeAll(async () => {
  fx = await startLoyaltyFixture();
});
afterAll(async () => {
  await fx?.stop();
});

const paid = (o: { rider: string; driver?: string | null; amountMinor: number; at?: string; paymentId?: string }) =>
  envelope('payment.succeeded', {
    paymentId: o.paymentId ?? randomUUID(),
    purpose: 'TRIP_FARE',
    payerUserId: o.rider,
    tripId: randomUUID(),
    driverUserId: o.driver ?? null,
    amount: { amountMinor: o.amountMinor, currency: 'USD' },
    method: 'CARD',
    receiptNumber: 'R-1',
    occurredAt: o.at ?? new Date().toISOString(),
  });

async function balance(userId: string): Promise<number> {
  const rows = await fx.prisma.pointsEntry.aggregate({ where: { userId }, _sum: { delta: true } });
  return rows._sum.delta ?? 0;
}
async function score(scope: string, userId: string, period = 'ALL'): Promise<number | undefined> {
  const row = await fx.prisma.leaderboardScore.findUnique({ where: { scope_period_userId: { scope, period, userId } } });
  return row?.points;
}
const entriesOf = async (userId: string) =>
  (await fx.prisma.pointsEntry.findMany({ where: { userId }, orderBy: [{ createdAt: 'asc' }, { reason: 'asc' }] })).map((e) => [
    e.reason,
    e.delta,
    e.createdAt.toISOString(),
  ]);
/** What gamification emitted about the user, after publishing everything committed. */
async function emittedFor(userId: string) {
  await fx.built.relay.flush();
  await new Promise((resolve) => setTimeout(resolve, 50));
  return fx.emitted.filter((e) => (e.payload as { userId?: string }).userId === userId).map((e) => ({ type: e.type, ...(e.payload as object) }));
}

test('a batch awards what the events one at a time would: running balances, levels, first ride, a streak from days in the batch, boards', async () => {
  const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T12:00:00.000Z`;
  const run = async (handle: (events: AnyEventEnvelope[]) => Promise<unknown>) => {
    const rider = randomUUID();
    const driver = randomUUID();
    const fleetId = randomUUID();
    await fx.prisma.driverFleet.create({ data: { userId: driver, fleetId, version: 1 } });
    // 4000 points per fare: SILVER on the first fare, GOLD on the second; the third day completes a 3-day streak.
    await handle([10, 11, 12].map((d) => paid({ rider, driver, amountMinor: 40_000, at: day(d) })));
    const events = await emittedFor(rider);
    return {
      balances: [await balance(rider), await balance(driver)],
      boards: [
        await score('RIDERS', rider),
        await score('RIDERS', rider, 'M2026-11'),
        await score('DRIVERS', driver),
        await score(`DRIVERS:${fleetId}`, driver),
      ],
      entries: await entriesOf(rider),
      // Events of one commit may share an instant, and the relay orders by instant only: compared sorted.
      awarded: events
        .filter((e) => e.type === 'points.awarded')
        .map((e) => (e as unknown as { balance: number }).balance)
        .sort((a, b) => a - b),
      other: events
        .filter((e) => e.type !== 'points.awarded')
        .map((e) => `${e.type}:${(e as { level?: string; badge?: string }).level ?? (e as { badge?: string }).badge}`)
        .sort(),
    };
  };

  const batched = await run(async (events) => expect(await fx.built.services.earning.batch(events)).toEqual([true, true, true]));
  expect(batched).toEqual({
    balances: [3 * 4000 + 100 + 50, 3 * 20],
    boards: [12_150, 12_150, 60, 60],
    entries: [
      ['TRIP_PAID', 4000, day(10)],
      ['FIRST_RIDE', 100, day(10)],
      ['TRIP_PAID', 4000, day(11)],
      ['TRIP_PAID', 4000, day(12)],
      ['RIDE_STREAK', 50, day(12)],
    ],
    awarded: [4000, 4100, 8100, 12_100, 12_150],
    other: ['badge.earned:FIRST_RIDE', 'badge.earned:STREAK_3', 'level.reached:GOLD', 'level.reached:SILVER'],
  });
  // The same events one at a time, for another rider and driver: the same outcome.
  const oneByOne = await run(async (events) => {
    for (const event of events) expect(await fx.built.services.earning.one(event)).toBe(true);
  });
  expect(oneByOne).toEqual(batched);
});

test('in a batch, an event twice, the same payment under another event id and an event processed before award once', async () => {
  const before = paid({ rider: randomUUID(), amountMinor: 1000 });
  expect(await fx.built.services.earning.one(before)).toBe(true);
  const rider = randomUUID();
  const event = paid({ rider, amountMinor: 2500 });
  const replay = { ...event, id: randomUUID() };
  expect(await fx.built.services.earning.batch([before, event, event, replay])).toEqual([false, true, false, true]);
  expect(await balance(before.payload.payerUserId)).toBe(100 + 100);
  expect(await balance(rider)).toBe(250 + 100);
  expect(await score('RIDERS', rider)).toBe(350);
  expect(await fx.built.services.earning.batch([event, replay])).toEqual([false, false]);
  expect(await balance(rider)).toBe(350);
});

test('a batch mixing a payment with its refund and a rating: the refund (one at a time, after the payments) takes the fare back', async () => {
  const rider = randomUUID();
  const payment = paid({ rider, amountMinor: 2000 });
  const refund = envelope('payment.refunded', {
    paymentId: payment.payload.paymentId,
    refundId: randomUUID(),
    purpose: 'TRIP_FARE',
    payerUserId: rider,
    tripId: payment.payload.tripId,
    amount: { amountMinor: 2000, currency: 'USD' },
    refundedTotal: { amountMinor: 2000, currency: 'USD' },
    paid: { amountMinor: 2000, currency: 'USD' },
    reason: 'test',
    occurredAt: new Date().toISOString(),
  });
  const rating = envelope('trip.rated', {
    tripId: payment.payload.tripId!,
    riderUserId: rider,
    driverId: randomUUID(),
    by: 'RIDER',
    rating: 5,
    occurredAt: new Date().toISOString(),
  });
  expect(await fx.built.services.earning.batch([refund, payment, rating])).toEqual([true, true, true]);
  expect((await entriesOf(rider)).map(([reason, delta]) => `${String(reason)}:${String(delta)}`).sort()).toEqual([
    'FIRST_RIDE:100',
    'REFUND:-200',
    'TRIP_PAID:200',
    'TRIP_RATED:5',
  ]);
  expect(await balance(rider)).toBe(105);
  expect(await score('RIDERS', rider)).toBe(105);
});

test('a batch with an event that fails: the others are awarded (one at a time), the bad one fails alone and is not recorded', async () => {
  const [first, second] = [randomUUID(), randomUUID()];
  const bad = paid({ rider: 'not-a-uuid', amountMinor: 1000 });
  const events = [paid({ rider: first, amountMinor: 1000 }), bad, paid({ rider: second, amountMinor: 3000 })];
  // Handed over together, as the group's members would: one batch, which fails on the bad payer id.
  const settled = await Promise.allSettled(events.map((event) => fx.built.services.earning.handle(event)));
  expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : null))).toEqual([true, null, true]);
  expect(await balance(first)).toBe(100 + 100);
  expect(await balance(second)).toBe(300 + 100);
  expect(await fx.prisma.processedEvent.count({ where: { eventId: { in: events.map((e) => e.id) } } })).toBe(2);
  expect(await fx.prisma.processedEvent.count({ where: { eventId: bad.id } })).toBe(0);
});

test('batches racing over the same riders and drivers (locked in opposite order of arrival) leave exact balances and boards', async () => {
  const riders = Array.from({ length: 4 }, () => randomUUID());
  const drivers = Array.from({ length: 2 }, () => randomUUID());
  for (let round = 0; round < 3; round += 1) {
    const batch = (flip: boolean) =>
      Array.from({ length: 12 }, (_, i) =>
        paid({ rider: riders[flip ? 3 - (i % 4) : i % 4]!, driver: drivers[flip ? 1 - (i % 2) : i % 2]!, amountMinor: 1000 }),
      );
    const results = await Promise.all([fx.built.services.earning.batch(batch(false)), fx.built.services.earning.batch(batch(true))]);
    expect(results.flat().filter(Boolean)).toHaveLength(24);
  }
  // Per rider: 3 rounds × 6 fares × 100, and one first ride. Per driver: 3 rounds × 12 trips × 20.
  for (const rider of riders) {
    expect(await balance(rider)).toBe(1900);
    expect(await score('RIDERS', rider)).toBe(1900);
  }
  for (const driver of drivers) {
    expect(await balance(driver)).toBe(720);
    expect(await score('DRIVERS', driver)).toBe(720);
  }
  // Every points.awarded carries the balance right after its entry: a rider's 19 events count up to 1900 without repeats.
  const balances = (await emittedFor(riders[0]!)).filter((e) => e.type === 'points.awarded').map((e) => (e as unknown as { balance: number }).balance);
  expect(balances.sort((a, b) => a - b)).toEqual([100, ...Array.from({ length: 18 }, (_, i) => 200 + i * 100)]);
});

test('a batch of fares costs the same statements for 2 fares as for 20', async () => {
  const count = async (n: number) => {
    const events = Array.from({ length: n }, () => paid({ rider: randomUUID(), driver: randomUUID(), amountMinor: 1200 }));
    fx.statements.length = 0;
    expect(await fx.built.services.earning.batch(events)).toEqual(events.map(() => true));
    return fx.statements.length;
  };
  // The processed events, the payments' locks with the referrals, the users' locks, the drivers' fleets, the rules, the
  // ride days with their facts, the entries, the boards, the totals, the badges, the outbox, COMMIT (BEGIN is not seen).
  const two = await count(2);
  expect(two).toBe(12);
  expect(await count(20)).toBe(two);
});

test('the members per process (and largest batch) are configurable from 1 to 32, default 16', () => {
  expect(readGamificationConfig({}).earningConcurrency).toBe(32);
  expect(readGamificationConfig({ LOYALTY_EARNING_CONCURRENCY: '4' }).earningConcurrency).toBe(4);
  expect(() => readGamificationConfig({ LOYALTY_EARNING_CONCURRENCY: '0' })).toThrow(/LOYALTY_EARNING_CONCURRENCY/);
  expect(() => readGamificationConfig({ LOYALTY_EARNING_CONCURRENCY: '33' })).toThrow(/LOYALTY_EARNING_CONCURRENCY/);
});
