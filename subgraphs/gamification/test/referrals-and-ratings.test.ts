// Awards that need two events, which may arrive in either order, on PostgreSQL: referrals (identity's sign-up and the
// referred rider's first paid ride), points for ratings drivers give (the rating and fleet's event naming the driver's
// user), and drivers' five-star weeks judged by the job after the week. Exact points, once each under redelivery,
// replays under other event ids and reruns.
import { randomUUID } from 'node:crypto';
import { deliver, envelope, startLoyaltyFixture, waitFor, type LoyaltyFixture } from './support/loyalty-fixture.js';

let fx: LoyaltyFixture;
beforeAll(async () => {
  fx = await startLoyaltyFixture();
});
afterAll(async () => {
  await fx?.stop();
});

const paid = (rider: string, at = new Date().toISOString()) =>
  envelope('payment.succeeded', {
    paymentId: randomUUID(),
    purpose: 'TRIP_FARE',
    payerUserId: rider,
    tripId: randomUUID(),
    driverUserId: null,
    amount: { amountMinor: 1000, currency: 'USD' },
    method: 'CARD',
    receiptNumber: 'R-1',
    occurredAt: at,
  });
const registered = (userId: string, referrerUserId: string | null | undefined) =>
  envelope('user.registered', {
    userId,
    roles: ['RIDER'],
    active: true,
    referralCode: referrerUserId === null ? null : 'ABCD2345',
    ...(referrerUserId === undefined ? {} : { referrerUserId }),
    occurredAt: new Date().toISOString(),
  });
const status = (driverId: string, userId: string, fleetId: string, version = 1) =>
  envelope('driver.status.changed', {
    driverId,
    userId,
    fleetId,
    status: 'AVAILABLE',
    vehicleId: null,
    category: null,
    position: null,
    version,
    occurredAt: new Date().toISOString(),
  });
const rated = (driverId: string, by: 'RIDER' | 'DRIVER', rating: number, at = new Date().toISOString()) =>
  envelope('trip.rated', { tripId: randomUUID(), riderUserId: randomUUID(), driverId, by, rating, occurredAt: at });

const entriesOf = (userId: string) =>
  fx.prisma.pointsEntry.findMany({ where: { userId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { reason: true, delta: true, sourceId: true } });
const balance = async (userId: string) => (await fx.prisma.pointsEntry.aggregate({ where: { userId }, _sum: { delta: true } }))._sum.delta ?? 0;
const score = async (scope: string, period: string, userId: string) =>
  (await fx.prisma.leaderboardScore.findUnique({ where: { scope_period_userId: { scope, period, userId } } }))?.points ?? null;

test('a referred rider’s first paid ride earns the referrer 200 once, whichever of the sign-up and the ride is handled first', async () => {
  // Sign-up first, then two rides.
  const [referrer, friend] = [randomUUID(), randomUUID()];
  const signUp = registered(friend, referrer);
  await deliver(fx, signUp);
  expect(await balance(referrer)).toBe(0);
  await deliver(fx, paid(friend));
  await deliver(fx, paid(friend));
  await deliver(fx, signUp);
  await deliver(fx, { ...signUp, id: randomUUID() }); // replayed under another event id
  expect(await entriesOf(referrer)).toEqual([{ reason: 'REFERRAL', delta: 200, sourceId: friend }]);
  expect(await balance(friend)).toBe(2 * 100 + 100); // the friend's own fare and first-ride points, nothing for the referral
  // Referral points move no leaderboard.
  expect(await fx.prisma.leaderboardScore.count({ where: { userId: referrer } })).toBe(0);

  // The ride first (another replica, or identity's events behind), then the sign-up.
  const [referrer2, friend2] = [randomUUID(), randomUUID()];
  await deliver(fx, paid(friend2));
  expect(await balance(referrer2)).toBe(0);
  const late = registered(friend2, referrer2);
  await deliver(fx, late);
  await deliver(fx, { ...late, id: randomUUID() });
  await deliver(fx, paid(friend2));
  expect(await entriesOf(referrer2)).toEqual([{ reason: 'REFERRAL', delta: 200, sourceId: friend2 }]);

  // No referrer (or only a code, from before events named the referrer): nothing recorded.
  const [plain, old] = [randomUUID(), randomUUID()];
  await deliver(fx, registered(plain, null));
  await deliver(fx, registered(old, undefined));
  expect(await fx.prisma.referral.count({ where: { userId: { in: [plain, old] } } })).toBe(0);

  await fx.built.relay.flush();
  await waitFor(async () => fx.emitted.some((e) => e.type === 'points.awarded' && e.payload.userId === referrer2), 'referral event');
  expect(fx.emitted.find((e) => e.type === 'points.awarded' && e.payload.userId === referrer)!.payload).toMatchObject({
    points: 200,
    reason: 'REFERRAL',
    ruleKey: 'referral',
    reference: friend,
    balance: 200,
  });
});

test('a driver rating a rider earns 5 on the drivers’ boards: at once when the profile is known, when it is learnt otherwise; once each', async () => {
  const fleet = randomUUID();
  const [known, knownUser] = [randomUUID(), randomUUID()];
  await deliver(fx, status(known, knownUser, fleet));
  const rating = rated(known, 'DRIVER', 4);
  await deliver(fx, rating);
  await deliver(fx, rating);
  await deliver(fx, { ...rating, id: randomUUID() });
  expect(await entriesOf(knownUser)).toEqual([{ reason: 'RIDER_RATED', delta: 5, sourceId: rating.payload.tripId }]);
  expect(await score('DRIVERS', 'ALL', knownUser)).toBe(5);
  expect(await score(`DRIVERS:${fleet}`, 'ALL', knownUser)).toBe(5);
  // A rider's rating of this driver earns the rider, not the driver.
  await deliver(fx, rated(known, 'RIDER', 5));
  expect(await balance(knownUser)).toBe(5);

  // Ratings by a driver gamification does not know yet wait for fleet's event naming the driver's user.
  const [unknown, unknownUser] = [randomUUID(), randomUUID()];
  const first = rated(unknown, 'DRIVER', 5);
  const second = rated(unknown, 'DRIVER', 3);
  await deliver(fx, first);
  await deliver(fx, second);
  expect(await fx.prisma.pointsEntry.count({ where: { sourceId: { in: [first.payload.tripId, second.payload.tripId] } } })).toBe(0);
  await deliver(fx, status(unknown, unknownUser, fleet));
  await deliver(fx, status(unknown, unknownUser, fleet, 2)); // a later status of the same driver awards nothing more
  expect((await entriesOf(unknownUser)).map((e) => [e.reason, e.delta, e.sourceId]).sort()).toEqual(
    [
      ['RIDER_RATED', 5, first.payload.tripId],
      ['RIDER_RATED', 5, second.payload.tripId],
    ].sort(),
  );
  expect(await score(`DRIVERS:${fleet}`, 'ALL', unknownUser)).toBe(10);
});

test('five-star weeks: at least 5 ratings, all 5 stars, in an ISO week give 100 points and the badge for that week, once per week', async () => {
  const fleet = randomUUID();
  const drivers = { all5: randomUUID(), oneFour: randomUUID(), tooFew: randomUUID(), unknown: randomUUID() };
  const users = { all5: randomUUID(), oneFour: randomUUID(), tooFew: randomUUID(), unknown: randomUUID() };
  for (const name of ['all5', 'oneFour', 'tooFew'] as const) await deliver(fx, status(drivers[name], users[name], fleet));
  // Week of Monday 2026-11-16: Monday to Friday, and Sunday 23:59 still counts.
  const week2 = ['2026-11-16T08:00:00.000Z', '2026-11-17T08:00:00.000Z', '2026-11-18T08:00:00.000Z', '2026-11-19T08:00:00.000Z', '2026-11-22T23:59:00.000Z'];
  for (const at of week2) {
    await deliver(fx, rated(drivers.all5, 'RIDER', 5, at));
    await deliver(fx, rated(drivers.oneFour, 'RIDER', 5, at));
    await deliver(fx, rated(drivers.unknown, 'RIDER', 5, at));
  }
  await deliver(fx, rated(drivers.oneFour, 'RIDER', 4, '2026-11-20T08:00:00.000Z'));
  for (const at of week2.slice(1)) await deliver(fx, rated(drivers.tooFew, 'RIDER', 5, at));
  // The week before: all5 again, from its first instant (Monday 00:00); tooFew's rating of the week after counts there.
  for (const day of ['09', '10', '11', '12', '13']) await deliver(fx, rated(drivers.all5, 'RIDER', 5, `2026-11-${day}T00:00:00.000Z`));
  await deliver(fx, rated(drivers.tooFew, 'RIDER', 5, '2026-11-23T00:00:00.000Z'));

  // Judged on Wednesday 2026-11-25: the weeks of 2026-11-09 and 2026-11-16.
  const run = await fx.built.services.fiveStarWeeks.run(new Date('2026-11-25T12:00:00.000Z'));
  expect(run.awarded).toEqual([
    { userId: users.all5, week: 'W2026-11-09' },
    { userId: users.all5, week: 'W2026-11-16' },
  ]);
  expect(await entriesOf(users.all5)).toEqual([
    { reason: 'FIVE_STAR_WEEK', delta: 100, sourceId: null },
    { reason: 'FIVE_STAR_WEEK', delta: 100, sourceId: null },
  ]);
  expect(
    (await fx.prisma.pointsEntry.findMany({ where: { userId: users.all5 }, orderBy: { createdAt: 'asc' } })).map((e) => [e.cause, e.createdAt.toISOString()]),
  ).toEqual([
    [`five-star-week:five-star-week:${users.all5}:W2026-11-09`, '2026-11-15T23:59:59.999Z'],
    [`five-star-week:five-star-week:${users.all5}:W2026-11-16`, '2026-11-22T23:59:59.999Z'],
  ]);
  expect((await fx.prisma.userBadge.findMany({ where: { userId: users.all5 }, orderBy: { occasion: 'asc' } })).map((b) => [b.badge, b.occasion])).toEqual([
    ['FIVE_STAR_WEEK', 'W2026-11-09'],
    ['FIVE_STAR_WEEK', 'W2026-11-16'],
  ]);
  expect(await score('DRIVERS', 'W2026-11-16', users.all5)).toBe(100);
  expect(await score(`DRIVERS:${fleet}`, 'M2026-11', users.all5)).toBe(200);
  for (const name of ['oneFour', 'tooFew', 'unknown'] as const) expect(await balance(users[name])).toBe(0);

  // A rerun (another replica) writes nothing; the driver learnt since is judged by the next run.
  expect((await fx.built.services.fiveStarWeeks.run(new Date('2026-11-25T13:00:00.000Z'))).awarded).toEqual([]);
  await deliver(fx, status(drivers.unknown, users.unknown, fleet));
  expect((await fx.built.services.fiveStarWeeks.run(new Date('2026-11-29T23:00:00.000Z'))).awarded).toEqual([{ userId: users.unknown, week: 'W2026-11-16' }]);
  expect((await fx.built.services.fiveStarWeeks.run(new Date('2026-12-02T00:00:00.000Z'))).awarded).toEqual([]);
  expect(await fx.prisma.userBadge.count({ where: { badge: 'FIVE_STAR_WEEK' } })).toBe(3);

  await fx.built.relay.flush();
  await waitFor(
    async () => fx.emitted.filter((e) => e.type === 'badge.earned' && e.payload.userId === users.all5).length === 2,
    'two badge.earned events for the two weeks',
  );
});
