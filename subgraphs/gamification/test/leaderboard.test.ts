// Leaderboards on PostgreSQL, kept up to date by every award and reversal: ranks by points with ties by user id,
// periods (an award of 40 days ago counts for all time only), keyset pages whose ranks continue, myRank, refunds
// moving a user down, and bad arguments.
import { randomUUID } from 'node:crypto';
import { deliver, envelope, headersAs, startLoyaltyFixture, waitFor, type LoyaltyFixture } from './support/loyalty-fixture.js';

let fx: LoyaltyFixture;
beforeAll(async () => {
  fx = await startLoyaltyFixture();
});
afterAll(async () => {
  await fx?.stop();
});

const paid = (rider: string, driver: string | null, amountMinor: number, at = new Date()) =>
  envelope('payment.succeeded', {
    paymentId: randomUUID(),
    purpose: 'TRIP_FARE',
    payerUserId: rider,
    tripId: randomUUID(),
    driverUserId: driver,
    amount: { amountMinor, currency: 'USD' },
    method: 'WALLET',
    receiptNumber: 'R-1',
    occurredAt: at.toISOString(),
  });

interface Entry {
  rank: number;
  user: { id: string };
  points: number;
}
interface Board {
  leaderboard: { edges: { node: Entry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}
const BOARD = `query ($scope: LeaderboardScope!, $period: LeaderboardPeriod, $first: Int, $after: String) {
  leaderboard(scope: $scope, period: $period, first: $first, after: $after) { edges { node { rank user { id } points } } pageInfo { hasNextPage endCursor } } }`;
const board = async (scope: string, period: string, first = 20, after: string | null = null) => {
  const result = await fx.subgraph.execute<Board>(BOARD, { scope, period, first, after }, await headersAs(fx, randomUUID(), ['RIDER']));
  expect(result.errors).toBeUndefined();
  return result.data!.leaderboard;
};
const rows = (page: Board['leaderboard']) => page.edges.map(({ node }) => [node.rank, node.user.id, node.points]);

test('ranks by points in the period, ties by user id; pages continue the ranks; myRank; a refund moves a rider down', async () => {
  const [a, b] = [randomUUID(), randomUUID()].sort();
  const c = randomUUID();
  const d = randomUUID();
  const [x, y] = [randomUUID(), randomUUID()];
  const payC = paid(c, y, 2000); // c: 200 + first ride 100; y: 20
  for (const event of [paid(a!, x, 500), paid(b!, x, 500), payC, paid(d, null, 100, new Date(Date.now() - 40 * 86_400_000))]) await deliver(fx, event);

  expect(rows(await board('RIDERS', 'WEEK'))).toEqual([
    [1, c, 300],
    [2, a, 150],
    [3, b, 150],
  ]);
  expect(rows(await board('RIDERS', 'ALL_TIME'))).toEqual([
    [1, c, 300],
    [2, a, 150],
    [3, b, 150],
    [4, d, 110],
  ]);
  expect(rows(await board('RIDERS', 'MONTH')).map((r) => r[1])).not.toContain(d);
  expect(rows(await board('DRIVERS', 'WEEK'))).toEqual([
    [1, x, 40],
    [2, y, 20],
  ]);

  const first = await board('RIDERS', 'ALL_TIME', 2);
  expect(rows(first)).toEqual([
    [1, c, 300],
    [2, a, 150],
  ]);
  expect(first.pageInfo.hasNextPage).toBe(true);
  const second = await board('RIDERS', 'ALL_TIME', 2, first.pageInfo.endCursor);
  expect(rows(second)).toEqual([
    [3, b, 150],
    [4, d, 110],
  ]);
  expect(second.pageInfo.hasNextPage).toBe(false);

  const MY = `query ($scope: LeaderboardScope!, $period: LeaderboardPeriod) { myRank(scope: $scope, period: $period) { rank user { id } points } }`;
  const myRank = async (userId: string, scope: string, period: string) =>
    (await fx.subgraph.execute<{ myRank: Entry | null }>(MY, { scope, period }, await headersAs(fx, userId, ['RIDER']))).data!.myRank;
  expect(await myRank(b!, 'RIDERS', 'WEEK')).toEqual({ rank: 3, user: { id: b }, points: 150 });
  expect(await myRank(d, 'RIDERS', 'WEEK')).toBeNull();
  expect(await myRank(d, 'RIDERS', 'ALL_TIME')).toEqual({ rank: 4, user: { id: d }, points: 110 });
  expect(await myRank(x, 'DRIVERS', 'MONTH')).toEqual({ rank: 1, user: { id: x }, points: 40 });

  // c's fare fully refunded: 200 back from the week it was earned in; the first-ride 100 stays.
  await deliver(
    fx,
    envelope('payment.refunded', {
      paymentId: payC.payload.paymentId,
      refundId: randomUUID(),
      purpose: 'TRIP_FARE',
      payerUserId: c,
      tripId: payC.payload.tripId,
      amount: { amountMinor: 2000, currency: 'USD' },
      refundedTotal: { amountMinor: 2000, currency: 'USD' },
      paid: { amountMinor: 2000, currency: 'USD' },
      reason: 'test',
      occurredAt: new Date().toISOString(),
    }),
  );
  expect(rows(await board('RIDERS', 'WEEK'))).toEqual([
    [1, a, 150],
    [2, b, 150],
    [3, c, 100],
  ]);
  expect(rows(await board('DRIVERS', 'WEEK'))).toEqual([[1, x, 40]]);
});

test('fleet boards: a driver’s points count on the fleet that fleet’s newest driver.status.changed names; reversals too', async () => {
  const [f1, f2] = [randomUUID(), randomUUID()];
  const [x, y] = [randomUUID(), randomUUID()].sort();
  const status = (userId: string, fleetId: string, version: number) =>
    envelope('driver.status.changed', {
      driverId: randomUUID(),
      userId,
      fleetId,
      status: 'AVAILABLE',
      vehicleId: null,
      category: null,
      position: null,
      version,
      occurredAt: new Date().toISOString(),
    });
  // y moved to f2 (version 2); a late, older event for f1 changes nothing.
  for (const event of [status(x!, f1, 1), status(y!, f2, 2), status(y!, f1, 1)]) {
    await fx.bus.append([event]);
    await waitFor(async () => (await fx.prisma.processedEvent.count({ where: { eventId: event.id } })) === 1, 'driver event');
  }
  const rides = [paid(randomUUID(), x!, 800), paid(randomUUID(), x!, 800), paid(randomUUID(), y!, 800)];
  for (const event of rides) await deliver(fx, event);
  const FLEET = `query ($fleetId: ID, $scope: LeaderboardScope!) { leaderboard(scope: $scope, fleetId: $fleetId) { edges { node { rank user { id } points } } } }`;
  const fleetBoard = async (fleetId: string) =>
    rows((await fx.subgraph.execute<Board>(FLEET, { fleetId, scope: 'DRIVERS' }, await headersAs(fx, randomUUID(), ['DRIVER']))).data!.leaderboard);
  expect(await fleetBoard(f1)).toEqual([[1, x, 40]]);
  expect(await fleetBoard(f2)).toEqual([[1, y, 20]]);
  const mine = await fx.subgraph.execute<{ myRank: Entry }>(
    `query ($f: ID) { myRank(scope: DRIVERS, period: MONTH, fleetId: $f) { rank points } }`,
    { f: f1 },
    await headersAs(fx, x!, ['DRIVER']),
  );
  expect(mine.data?.myRank).toEqual({ rank: 1, points: 40 });

  const ride = rides[2]!;
  await deliver(
    fx,
    envelope('payment.refunded', {
      paymentId: ride.payload.paymentId,
      refundId: randomUUID(),
      purpose: 'TRIP_FARE',
      payerUserId: ride.payload.payerUserId,
      tripId: ride.payload.tripId,
      amount: { amountMinor: 400, currency: 'USD' },
      refundedTotal: { amountMinor: 400, currency: 'USD' },
      paid: { amountMinor: 800, currency: 'USD' },
      reason: 'test',
      occurredAt: new Date().toISOString(),
    }),
  );
  expect(await fleetBoard(f2)).toEqual([[1, y, 10]]);
  const riders = await fx.subgraph.execute(FLEET, { fleetId: f1, scope: 'RIDERS' }, await headersAs(fx, randomUUID(), ['RIDER']));
  expect(riders.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'fleetId']]);
});

test('bad arguments: first out of range or a foreign cursor are BAD_USER_INPUT', async () => {
  const headers = await headersAs(fx, randomUUID(), ['RIDER']);
  for (const variables of [
    { first: 0 },
    { first: 101 },
    { after: 'bm90LWEtY3Vyc29y' },
    { after: Buffer.from(`lb|1|5|${randomUUID()}|x`).toString('base64url') },
  ]) {
    const result = await fx.subgraph.execute(BOARD, { scope: 'RIDERS', period: 'WEEK', ...variables }, headers);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  }
});
