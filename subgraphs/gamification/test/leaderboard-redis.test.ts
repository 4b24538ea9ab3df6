// Distributed mode end to end: the gamification subgraph with REDIS_URL (a real Redis, fresh key prefix) ranks from
// Redis sorted sets. Awards for several riders delivered at once — two for one rider racing — leave myRank and the
// page equal to PostgreSQL's ranks, and the sorted set holds them.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { testRedisUrl } from '../../../platform/testing/index.js';
import { weekKey } from '../src/services/periods.js';
import { headersAs, envelope, startLoyaltyFixture, waitFor, type LoyaltyFixture } from './support/loyalty-fixture.js';

const prefix = `ridegraph:test-lb-sub-${randomUUID().slice(0, 8)}:`;
let fx: LoyaltyFixture;
let raw: Redis;
beforeAll(async () => {
  fx = await startLoyaltyFixture({ url: testRedisUrl(), prefix });
  raw = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  await fx?.stop();
  const keys = await raw.keys(`${prefix}*`);
  if (keys.length > 0) await raw.del(...keys);
  await raw.quit();
});

const paid = (rider: string, amountMinor: number) =>
  envelope('payment.succeeded', {
    paymentId: randomUUID(),
    purpose: 'TRIP_FARE',
    payerUserId: rider,
    tripId: randomUUID(),
    driverUserId: null,
    amount: { amountMinor, currency: 'USD' },
    method: 'WALLET',
    receiptNumber: 'R-1',
    occurredAt: new Date().toISOString(),
  });

const MY = `{ myRank(scope: RIDERS) { rank user { id } points } }`;
const BOARD = `{ leaderboard(scope: RIDERS, first: 10) { edges { node { rank user { id } points } } } }`;
const myRank = async (userId: string) =>
  (await fx.subgraph.execute<{ myRank: { rank: number; user: { id: string }; points: number } | null }>(MY, {}, await headersAs(fx, userId, ['RIDER']))).data!
    .myRank;

test('myRank from the Redis sorted set after concurrent awards, equal to the PostgreSQL ranks', async () => {
  const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()].sort() as [string, string, string];
  expect(await myRank(a)).toBeNull(); // first read: answered by PostgreSQL, the board is built in Redis meanwhile
  const set = `${prefix}RIDERS|${weekKey(new Date())}`;
  await waitFor(async () => (await raw.exists(`${set}:ready`)) === 1, 'the board built in Redis');

  // 10 points per USD of fare, 100 for a first ride: a (two rides racing) 50 + 30 + 100 = 180, b 250, c 150.
  const events = [paid(a, 500), paid(a, 300), paid(b, 1500), paid(c, 500)];
  await fx.bus.append(events);
  await waitFor(async () => (await fx.prisma.processedEvent.count({ where: { eventId: { in: events.map((e) => e.id) } } })) === 4, 'the awards');

  const sqlRanks = await fx.built.services.prisma.$queryRawUnsafe<{ user_id: string; points: number }[]>(
    `select user_id::text as user_id, points from gamification.leaderboard_scores where scope = 'RIDERS' and period = $1 order by points desc, user_id`,
    weekKey(new Date()),
  );
  const expected = sqlRanks.map((row, i) => ({ rank: i + 1, user: { id: row.user_id }, points: row.points }));
  expect(expected).toEqual([
    { rank: 1, user: { id: b }, points: 250 },
    { rank: 2, user: { id: a }, points: 180 },
    { rank: 3, user: { id: c }, points: 150 },
  ]);
  // The index is written right after each commit: wait until Redis holds the last score, then every answer matches.
  await waitFor(async () => (await raw.zscore(set, a)) === '-180', 'a’s newest score in Redis');
  await waitFor(async () => (await raw.zcard(set)) === 3, 'three riders in Redis');
  for (const entry of expected) expect(await myRank(entry.user.id)).toEqual(entry);
  const page = await fx.subgraph.execute<{ leaderboard: { edges: { node: unknown }[] } }>(BOARD, {}, await headersAs(fx, a, ['RIDER']));
  expect(page.data!.leaderboard.edges.map((e) => e.node)).toEqual(expected);
  expect(await raw.zrange(set, 0, -1)).toEqual(expected.map((e) => e.user.id));
});
