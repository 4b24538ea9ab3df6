// Durable events → inbox messages for the people concerned, exactly once, announced live; read state with an exact
// live unread count.
import { randomUUID } from 'node:crypto';
import {
  createTestAuth,
  createTestDatabase,
  startInProcess,
  testSubgraphDeps,
  type InProcessSubgraph,
  type TestAuth,
  type TestDatabase,
} from '../../../platform/testing/index.js';
import { createMemoryEventBus } from '../../../platform/events/index.js';
import { createLogger } from '../../../platform/logging/index.js';
import type { SubgraphDeps } from '../../../platform/graphql/index.js';
import { buildNotificationsSubgraph, type NotificationsSubgraph } from '../src/server.js';
import { openNotificationsDatabase, type NotificationsPrisma } from '../src/store/database.js';
import { envelope, EUR } from './support.js';

let db: TestDatabase;
let prisma: NotificationsPrisma;
let testAuth: TestAuth;
let deps: SubgraphDeps;
let built: NotificationsSubgraph;
let subgraph: InProcessSubgraph;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = openNotificationsDatabase(db.target);
  testAuth = await createTestAuth();
  deps = await testSubgraphDeps(db.target, undefined, testAuth, createMemoryEventBus({ logger: createLogger({ level: 'silent' }), retryDelayMs: 20 }));
  built = await buildNotificationsSubgraph(deps);
  subgraph = await startInProcess(built);
});

afterAll(async () => {
  await subgraph?.stop();
  await deps?.events.dispose();
  await prisma?.$disconnect();
  await db?.drop();
});

const inboxOf = (userId: string) =>
  prisma.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'asc' }, { title: 'asc' }],
    select: { type: true, kind: true, title: true, body: true, link: true },
  });

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('a ride notifies the rider at each step and the driver when it concerns them, with the receipt', async () => {
  const rider = randomUUID();
  const driver = randomUUID();
  const tripId = randomUUID();
  const paymentId = randomUUID();
  const base = { tripId, riderUserId: rider, driverId: randomUUID(), occurredAt: new Date().toISOString() };
  const events = [
    envelope('trip.assigned', { ...base, driverUserId: driver, fleetId: randomUUID(), vehicleId: null }),
    envelope('trip.arrived', base),
    envelope('trip.started', base),
    envelope('trip.completed', { ...base, driverUserId: driver, fleetId: randomUUID(), fare: EUR(1250), distanceMeters: 5000, durationSeconds: 900 }),
    envelope('payment.succeeded', {
      paymentId,
      purpose: 'TRIP_FARE',
      payerUserId: rider,
      tripId,
      driverUserId: driver,
      amount: EUR(1250),
      method: 'CARD',
      receiptNumber: 'R-000042',
      occurredAt: base.occurredAt,
    }),
  ];
  for (const event of events) await built.services.handleEvent(event);

  const link = `ridegraph://trips/${tripId}`;
  expect(await inboxOf(rider)).toEqual([
    { type: 'TRIP_ASSIGNED', kind: 'TRIP', title: 'Driver on the way', body: 'A driver accepted your trip and is heading to the pickup.', link },
    { type: 'DRIVER_ARRIVED', kind: 'TRIP', title: 'Your driver is here', body: 'Your driver has arrived at the pickup.', link },
    { type: 'TRIP_STARTED', kind: 'TRIP', title: 'Trip started', body: 'Enjoy the ride.', link },
    { type: 'TRIP_COMPLETED', kind: 'TRIP', title: 'Trip completed', body: 'You have arrived. Fare: €12.50.', link },
    { type: 'PAYMENT_RECEIPT', kind: 'PAYMENT', title: 'Your receipt', body: 'Paid €12.50 with your card. Receipt R-000042.', link },
  ]);
  expect(await inboxOf(driver)).toEqual([
    { type: 'TRIP_ASSIGNED', kind: 'TRIP', title: 'New trip', body: 'You have a new trip: head to the pickup.', link },
    { type: 'TRIP_COMPLETED', kind: 'TRIP', title: 'Trip completed', body: 'Trip completed. Fare: €12.50.', link },
  ]);
});

test('a redelivered event notifies nobody twice', async () => {
  const userId = randomUUID();
  const event = envelope('user.registered', { userId, roles: ['RIDER'], active: true, occurredAt: new Date().toISOString() });
  const first = await built.services.handleEvent(event);
  const again = await built.services.handleEvent(event);
  const concurrent = await Promise.all([built.services.handleEvent(event), built.services.handleEvent(event)]);

  expect(first.notifications).toHaveLength(1);
  expect([again, ...concurrent].map((w) => w.notifications.length)).toEqual([0, 0, 0]);
  expect(await inboxOf(userId)).toEqual([
    { type: 'WELCOME', kind: 'ACCOUNT', title: 'Welcome to Ridegraph', body: 'Your account is ready. Where to first?', link: null },
  ]);
});

test('events through the bus reach the inbox, and notificationAdded and the unread count go out live', async () => {
  const userId = randomUUID();
  const added = deps.pubsub.subscribe('NOTIFICATION_ADDED', userId);
  const counts = deps.pubsub.subscribe('UNREAD_NOTIFICATION_COUNT_CHANGED', userId);
  await Promise.all([added.ready, counts.ready]);
  const event = envelope('user.registered', { userId, roles: ['RIDER'], active: true, occurredAt: new Date().toISOString() });
  await deps.events.append([event, event]);

  const { value } = await added.next();
  const [stored] = await prisma.notification.findMany({ where: { userId } });
  expect(value).toEqual({ notificationId: stored!.id, userId });
  expect((await counts.next()).value).toEqual({ userId, unread: 1 });
  expect(
    await eventually(
      () => prisma.notification.count({ where: { userId } }),
      (n) => n > 1,
      300,
    ),
  ).toBe(1);
  await added.return?.();
  await counts.return?.();
});

test('cancellations: whoever cancelled is not told, a fee is', async () => {
  const rider = randomUUID();
  const driver = randomUUID();
  const cancel = (cancelledBy: 'RIDER' | 'DRIVER', fee: number | null) =>
    envelope('trip.cancelled', {
      tripId: randomUUID(),
      riderUserId: rider,
      driverId: randomUUID(),
      driverUserId: driver,
      cancelledBy,
      reason: 'changed plans',
      cancellationFee: fee === null ? null : EUR(fee),
      occurredAt: new Date().toISOString(),
    });
  await built.services.handleEvent(cancel('RIDER', null));
  await built.services.handleEvent(cancel('DRIVER', null));
  await built.services.handleEvent(cancel('RIDER', 300));

  const bodies = async (userId: string) => (await inboxOf(userId)).map((n) => n.body).sort();
  expect(await bodies(rider)).toEqual(['The trip was cancelled by the driver.', 'The trip was cancelled by the rider. A cancellation fee of €3.00 applies.']);
  expect(await bodies(driver)).toEqual(['The trip was cancelled by the rider.', 'The trip was cancelled by the rider.']);
});

test('payment failed and refunded reach the payer', async () => {
  const payer = randomUUID();
  const paymentId = randomUUID();
  const common = { paymentId, purpose: 'TRIP_FARE' as const, payerUserId: payer, tripId: null, occurredAt: new Date().toISOString() };
  await built.services.handleEvent(envelope('payment.failed', { ...common, amount: EUR(900), failureCode: 'card_declined', outcome: 'OWED' }));
  await built.services.handleEvent(
    envelope('payment.refunded', { ...common, refundId: randomUUID(), amount: EUR(400), refundedTotal: EUR(400), paid: EUR(900), reason: 'detour' }),
  );
  expect(await inboxOf(payer)).toEqual([
    {
      type: 'PAYMENT_FAILED',
      kind: 'PAYMENT',
      title: 'Payment failed',
      body: 'We could not charge €9.00. Please pay it before your next trip.',
      link: `ridegraph://payments/${paymentId}`,
    },
    {
      type: 'PAYMENT_REFUNDED',
      kind: 'PAYMENT',
      title: 'Partial refund issued',
      body: '€4.00 is on its way back to you.',
      link: `ridegraph://payments/${paymentId}`,
    },
  ]);
});

describe('read state', () => {
  const READ = 'mutation ($id: ID!) { markNotificationRead(id: $id) { id readAt } }';
  const ALL = 'mutation { markAllNotificationsRead { markedCount } }';
  const COUNT = 'query ($id: ID!) { _entities(representations: [{ __typename: "User", id: $id }]) { ... on User { unreadNotificationCount } } }';

  async function userWithInbox(n: number) {
    const userId = randomUUID();
    for (let i = 0; i < n; i++) {
      await built.services.handleEvent(
        envelope('trip.arrived', { tripId: randomUUID(), riderUserId: userId, driverId: randomUUID(), occurredAt: new Date().toISOString() }),
      );
    }
    const ids = (await prisma.notification.findMany({ where: { userId }, select: { id: true } })).map((r) => r.id);
    return { userId, ids, headers: await testAuth.headersFor({ userId, roles: ['RIDER'] }) };
  }
  const unread = async (userId: string, headers: Record<string, string>) =>
    (await subgraph.execute<{ _entities: { unreadNotificationCount: number }[] }>(COUNT, { id: userId }, { headers })).data?._entities[0]
      ?.unreadNotificationCount;

  test('marking one read lowers the count by one, live; marking it again changes nothing', async () => {
    const { userId, ids, headers } = await userWithInbox(3);
    const counts = deps.pubsub.subscribe('UNREAD_NOTIFICATION_COUNT_CHANGED', userId);
    await counts.ready;

    const first = await subgraph.execute<{ markNotificationRead: { id: string; readAt: string } }>(READ, { id: ids[0] }, { headers });
    expect(first.errors).toBeUndefined();
    expect(first.data?.markNotificationRead.id).toBe(ids[0]);
    expect((await counts.next()).value).toEqual({ userId, unread: 2 });
    const again = await subgraph.execute<{ markNotificationRead: { readAt: string } }>(READ, { id: ids[0] }, { headers });
    expect(again.data?.markNotificationRead.readAt).toBe(first.data?.markNotificationRead.readAt);
    expect(await unread(userId, headers)).toBe(2);

    const all = await subgraph.execute<{ markAllNotificationsRead: { markedCount: number } }>(ALL, {}, { headers });
    expect(all.data).toEqual({ markAllNotificationsRead: { markedCount: 2 } });
    expect((await counts.next()).value).toEqual({ userId, unread: 0 });
    expect(await unread(userId, headers)).toBe(0);
    await counts.return?.();
  });

  test.each([
    ['someone else’s notification', 'NOT_FOUND', 'foreign'],
    ['an unknown id', 'NOT_FOUND', 'unknown'],
    ['a malformed id', 'BAD_USER_INPUT', 'malformed'],
  ])('%s → %s, nothing changes', async (_label, code, which) => {
    const owner = await userWithInbox(1);
    const other = await userWithInbox(0);
    const id = which === 'foreign' ? owner.ids[0] : which === 'unknown' ? randomUUID() : 'not-an-id';
    const result = await subgraph.execute(READ, { id }, { headers: other.headers });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    expect(result.errors?.[0]?.message).not.toContain(owner.userId);
    expect(await unread(owner.userId, owner.headers)).toBe(1);
  });

  test('staff cannot mark a user’s notification read (NOT_FOUND); anonymous is UNAUTHENTICATED', async () => {
    const owner = await userWithInbox(1);
    const staff = await testAuth.headersFor({ userId: randomUUID(), roles: ['OPERATIONS'] });
    expect((await subgraph.execute(READ, { id: owner.ids[0] }, { headers: staff })).errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect((await subgraph.execute(ALL, {}, { headers: {} })).errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(await unread(owner.userId, owner.headers)).toBe(1);
  });
});

test('a user is welcomed once: a user.registered for someone already welcomed (the demo seed) adds nothing', async () => {
  const userId = randomUUID();
  await prisma.notification.create({ data: { userId, kind: 'ACCOUNT', type: 'WELCOME', title: 'Welcome to Ridegraph', body: 'Seeded' } });
  const written = await built.services.handleEvent(
    envelope('user.registered', { userId, roles: ['RIDER'], active: true, occurredAt: new Date().toISOString() }),
  );
  expect(written.notifications).toEqual([]);
  expect(await prisma.notification.count({ where: { userId } })).toBe(1);
});

test('payouts and rewards: the driver hears of a payout; points, levels, badges and a coupon with its code', async () => {
  const driver = randomUUID();
  const user = randomUUID();
  const at = new Date().toISOString();
  const itemId = randomUUID();
  const base = { batchId: randomUUID(), driverId: randomUUID(), driverUserId: driver, amount: EUR(12000), occurredAt: at };
  await built.services.handleEvent(envelope('payout.paid', { ...base, payoutItemId: itemId }));
  await built.services.handleEvent(envelope('payout.failed', { ...base, payoutItemId: itemId, failureCode: 'account_closed' }));
  await built.services.handleEvent(
    envelope('points.awarded', {
      userId: user,
      entryId: randomUUID(),
      points: 120,
      reason: 'TRIP_PAID',
      ruleKey: null,
      reference: null,
      balance: 480,
      occurredAt: at,
    }),
  );
  await built.services.handleEvent(envelope('level.reached', { userId: user, level: 'SILVER', lifetimeEarned: 1000, occurredAt: at }));
  await built.services.handleEvent(envelope('badge.earned', { userId: user, badge: 'Night Owl', reason: 'rides after midnight', occurredAt: at }));
  const redemptionId = randomUUID();
  await built.services.handleEvent(
    envelope('coupon.redeemed', {
      userId: user,
      redemptionId,
      couponId: randomUUID(),
      title: '10% off coffee',
      code: 'CAFE-7Q2X',
      pointsSpent: 200,
      occurredAt: at,
    }),
  );

  const payoutLink = `ridegraph://earnings/payouts/${itemId}`;
  expect((await inboxOf(driver)).sort((a, b) => a.title.localeCompare(b.title))).toEqual([
    {
      type: 'PAYOUT_FAILED',
      kind: 'PAYMENT',
      title: 'Payout failed',
      body: 'Your payout of €120.00 could not be paid (account_closed); the money is back in your earnings. Please check your bank details.',
      link: payoutLink,
    },
    { type: 'PAYOUT_PAID', kind: 'PAYMENT', title: 'Payout sent', body: '€120.00 is on its way to your bank.', link: payoutLink },
  ]);
  expect((await inboxOf(user)).map((n) => [n.type, n.title, n.body, n.link]).sort()).toEqual([
    ['BADGE_EARNED', 'Badge earned', 'You earned the Night Owl badge.', 'ridegraph://rewards/badges'],
    ['COUPON_REDEEMED', 'Your coupon', '10% off coffee: your code is CAFE-7Q2X.', `ridegraph://rewards/coupons/${redemptionId}`],
    ['LEVEL_REACHED', 'New level', 'You reached Silver.', 'ridegraph://rewards'],
    ['POINTS_AWARDED', '+120 points', 'You now have 480 points.', 'ridegraph://rewards'],
  ]);
  // Points: inbox only by default.
  const pointsDeliveries = await prisma.delivery.findMany({ where: { userId: user, notification: { type: 'POINTS_AWARDED' } } });
  expect(pointsDeliveries.map((d) => d.status)).toEqual(['SKIPPED', 'SKIPPED', 'SKIPPED']);
});

test('a driver hears of an offer that lapsed and of their shift review (with the reason), once each when redelivered', async () => {
  const driver = randomUUID();
  const at = new Date().toISOString();
  const expired = envelope('offer.expired', {
    offerId: randomUUID(),
    tripId: randomUUID(),
    driverId: randomUUID(),
    driverUserId: driver,
    fleetId: randomUUID(),
    offeredAt: at,
    expiresAt: at,
    occurredAt: at,
  });
  const attendanceId = randomUUID();
  const review = { attendanceId, driverId: randomUUID(), driverUserId: driver, fleetId: randomUUID(), checkedInAt: at, occurredAt: at };
  const rejected = envelope('attendance.reviewed', { ...review, approval: 'REJECTED', note: 'Selfie does not show your face' });
  const approvedId = randomUUID();
  const approved = envelope('attendance.reviewed', { ...review, attendanceId: approvedId, approval: 'APPROVED', note: null });

  for (const event of [expired, rejected, approved]) expect((await built.services.handleEvent(event)).notifications).toHaveLength(1);
  // Redelivered, also racing: nothing more.
  const again = await Promise.all([expired, rejected, approved, expired].map((event) => built.services.handleEvent(event)));
  expect(again.map((w) => w.notifications.length)).toEqual([0, 0, 0, 0]);

  expect((await inboxOf(driver)).sort((a, b) => a.title.localeCompare(b.title))).toEqual([
    { type: 'ATTENDANCE_REVIEWED', kind: 'ACCOUNT', title: 'Shift approved', body: 'Your shift was approved.', link: `ridegraph://shifts/${approvedId}` },
    {
      type: 'ATTENDANCE_REVIEWED',
      kind: 'ACCOUNT',
      title: 'Shift rejected',
      body: 'Your shift was rejected. Reason: Selfie does not show your face',
      link: `ridegraph://shifts/${attendanceId}`,
    },
    {
      type: 'OFFER_EXPIRED',
      kind: 'TRIP',
      title: 'Trip offer expired',
      body: 'You did not answer a trip offer in time, so it went to another driver.',
      link: null,
    },
  ]);
  // Default channels: the lapsed offer by push only; a review by push and email.
  const planned = await prisma.delivery.findMany({
    where: { userId: driver },
    select: { channel: true, status: true, reason: true, notification: { select: { type: true } } },
  });
  const wanted = planned.filter((d) => !(d.status === 'SKIPPED' && d.reason === 'PREFERENCE')).map((d) => `${d.notification.type}:${d.channel}`);
  expect(wanted.sort()).toEqual([
    'ATTENDANCE_REVIEWED:EMAIL',
    'ATTENDANCE_REVIEWED:EMAIL',
    'ATTENDANCE_REVIEWED:PUSH',
    'ATTENDANCE_REVIEWED:PUSH',
    'OFFER_EXPIRED:PUSH',
  ]);
});
