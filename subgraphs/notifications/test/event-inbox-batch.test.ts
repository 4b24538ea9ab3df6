// The inbox consumer's batch path (services.handleEvents, and handleEventBatched as the consumer's members call it):
// the same outcome as one event at a time — once per event id, preferences and quiet hours honoured — in a fixed
// number of statements per batch, with one exact unread count per user.
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../platform/testing/index.js';
import type { AnyEventEnvelope } from '../../../platform/events/index.js';
import { createLogger, type Logger } from '../../../platform/logging/index.js';
import { createMemoryPubSub, type LiveSubscription } from '../../../platform/pubsub/index.js';
import { createNotificationsServices, type NotificationsServices } from '../src/services/index.js';
import { INBOX_CONSUMER } from '../src/services/event-inbox.js';
import { releaseTime } from '../src/services/quiet-hours.js';
import { openNotificationsDatabase, type NotificationsPrisma } from '../src/store/database.js';
import { envelope, EUR } from './support.js';

let db: TestDatabase;
let prisma: NotificationsPrisma;
let counted: NotificationsPrisma;
const statements: string[] = [];
const pubsub = createMemoryPubSub({ prefix: `batch-test:${randomUUID()}:` });
const warnings: string[] = [];
let services: NotificationsServices;
let countedServices: NotificationsServices;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = openNotificationsDatabase(db.target);
  counted = openNotificationsDatabase(db.target, (sql) => statements.push(sql));
  const silent = createLogger({ level: 'silent' });
  const logger = Object.assign(Object.create(silent) as Logger, { warn: (_fields: unknown, message: string) => void warnings.push(message) });
  services = createNotificationsServices({ prisma, pubsub, logger });
  countedServices = createNotificationsServices({ prisma: counted, pubsub, logger });
});

afterAll(async () => {
  await pubsub.dispose();
  await prisma?.$disconnect();
  await counted?.$disconnect();
  await db?.drop();
});

const arrived = (riderUserId: string) =>
  envelope('trip.arrived', { tripId: randomUUID(), riderUserId, driverId: randomUUID(), occurredAt: new Date().toISOString() });

const receipt = (payerUserId: string) =>
  envelope('payment.succeeded', {
    paymentId: randomUUID(),
    purpose: 'TRIP_FARE',
    payerUserId,
    tripId: randomUUID(),
    driverUserId: randomUUID(),
    amount: EUR(990),
    method: 'CARD',
    receiptNumber: 'R-000007',
    occurredAt: new Date().toISOString(),
  });

const typesOf = (userId: string) =>
  prisma.notification.findMany({ where: { userId }, orderBy: { type: 'asc' }, select: { type: true } }).then((rows) => rows.map((r) => r.type));

/** What a subscription received within `ms` (the live events of a batch go out before handleEvents resolves). */
async function received<T>(subscription: LiveSubscription<T>, ms = 150): Promise<T[]> {
  const values: T[] = [];
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms));
  for (;;) {
    const next = await Promise.race([subscription.next(), timeout]);
    if (next === 'timeout' || next.done) break;
    values.push(next.value);
  }
  await subscription.return?.();
  return values;
}

test('the same event twice in a batch and an event processed before: each notifies once', async () => {
  const rider = randomUUID();
  const twice = arrived(rider);
  const before = receipt(rider);
  expect((await services.handleEvent(before)).notifications).toHaveLength(1);

  const results = await services.handleEvents([twice, before, twice]);

  expect(results.map((notifications) => notifications.length)).toEqual([1, 0, 0]);
  expect(await typesOf(rider)).toEqual(['DRIVER_ARRIVED', 'PAYMENT_RECEIPT']);
  expect(await prisma.processedEvent.count({ where: { consumer: INBOX_CONSUMER, eventId: { in: [twice.id, before.id] } } })).toBe(2);
  // And again, all of it redelivered: nothing new.
  expect((await services.handleEvents([twice, before])).flat()).toEqual([]);
  expect(await typesOf(rider)).toEqual(['DRIVER_ARRIVED', 'PAYMENT_RECEIPT']);
});

test('two welcomes of one user in a batch (two user.registered events) welcome once', async () => {
  const userId = randomUUID();
  const registered = () => envelope('user.registered', { userId, roles: ['RIDER'], active: true, occurredAt: new Date().toISOString() });
  const results = await services.handleEvents([registered(), registered()]);
  expect(results.map((notifications) => notifications.length)).toEqual([1, 0]);
  expect(await typesOf(userId)).toEqual(['WELCOME']);
  expect(await prisma.knownUser.findUnique({ where: { userId }, select: { roles: true, active: true } })).toEqual({ roles: ['RIDER'], active: true });
});

test('a failing event fails alone: the batch falls back to one event at a time and the others are delivered', async () => {
  const [a, b] = [randomUUID(), randomUUID()];
  // Not a user id: the batch's insert fails, and so does this event alone; its neighbours do not.
  const bad = arrived('not-a-uuid');
  const good = [arrived(a), receipt(b)];
  warnings.length = 0;

  const outcomes = await Promise.allSettled([services.handleEventBatched(good[0]!), services.handleEventBatched(bad), services.handleEventBatched(good[1]!)]);

  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect(warnings).toEqual(['notifications inbox batch failed; handling its events one at a time']);
  expect([await typesOf(a), await typesOf(b)]).toEqual([['DRIVER_ARRIVED'], ['PAYMENT_RECEIPT']]);
  const processed = await prisma.processedEvent.findMany({ where: { eventId: { in: [...good, bad].map((e) => e.id) } }, select: { eventId: true } });
  expect(processed.map((p) => p.eventId).sort()).toEqual(good.map((e) => e.id).sort());
});

test('preferences and quiet hours are honoured on the batch path', async () => {
  const [quiet, optedOut, plain] = [randomUUID(), randomUUID(), randomUUID()];
  // A quiet window in UTC that started an hour ago and ends in two hours.
  const now = new Date();
  const minute = now.getUTCHours() * 60 + now.getUTCMinutes();
  const window = { startMinute: (minute + 1440 - 60) % 1440, endMinute: (minute + 120) % 1440, timeZone: 'UTC' };
  await prisma.quietHours.create({ data: { userId: quiet, ...window } });
  await prisma.notificationPreference.createMany({
    data: [
      { userId: optedOut, type: 'PAYMENT_RECEIPT', channel: 'EMAIL', enabled: false },
      { userId: optedOut, type: 'PAYMENT_RECEIPT', channel: 'SMS', enabled: true },
      { userId: optedOut, type: 'DRIVER_ARRIVED', channel: 'PUSH', enabled: false },
    ],
  });
  const release = releaseTime(window, now).toISOString();
  expect(release).not.toBe(now.toISOString());

  await services.handleEvents([receipt(quiet), arrived(quiet), receipt(optedOut), arrived(optedOut), receipt(plain)]);

  const deliveries = await prisma.delivery.findMany({
    where: { userId: { in: [quiet, optedOut, plain] } },
    include: { notification: { select: { type: true, createdAt: true } } },
  });
  const who = { [quiet]: 'quiet', [optedOut]: 'optedOut', [plain]: 'plain' };
  const table = deliveries
    .map((d) => {
      // Released at once: the moment the row was written (its createdAt); held: the end of the quiet hours.
      const at = d.nextAttemptAt === null ? null : d.nextAttemptAt.getTime() === d.notification.createdAt.getTime() ? 'now' : d.nextAttemptAt.toISOString();
      return [who[d.userId], d.notification.type, d.channel, d.status, d.reason, at].join(' ');
    })
    .sort();
  expect(table).toEqual(
    [
      'optedOut DRIVER_ARRIVED EMAIL SKIPPED PREFERENCE ',
      'optedOut DRIVER_ARRIVED PUSH SKIPPED PREFERENCE ',
      'optedOut DRIVER_ARRIVED SMS SKIPPED PREFERENCE ',
      'optedOut PAYMENT_RECEIPT EMAIL SKIPPED PREFERENCE ',
      'optedOut PAYMENT_RECEIPT PUSH QUEUED  now',
      'optedOut PAYMENT_RECEIPT SMS QUEUED  now',
      'plain PAYMENT_RECEIPT EMAIL QUEUED  now',
      'plain PAYMENT_RECEIPT PUSH QUEUED  now',
      'plain PAYMENT_RECEIPT SMS SKIPPED PREFERENCE ',
      'quiet DRIVER_ARRIVED EMAIL SKIPPED PREFERENCE ',
      'quiet DRIVER_ARRIVED PUSH QUEUED  now',
      'quiet DRIVER_ARRIVED SMS SKIPPED PREFERENCE ',
      `quiet PAYMENT_RECEIPT EMAIL QUEUED  ${release}`,
      `quiet PAYMENT_RECEIPT PUSH QUEUED  ${release}`,
      'quiet PAYMENT_RECEIPT SMS SKIPPED PREFERENCE ',
    ].sort(),
  );
});

test('the unread count goes out once per user of a batch, with the exact count', async () => {
  const [x, y] = [randomUUID(), randomUUID()];
  await services.handleEvent(arrived(x));
  await prisma.notification.updateMany({ where: { userId: x }, data: { readAt: new Date() } });
  await services.handleEvent(receipt(x));
  const counts = [x, y].map((userId) => pubsub.subscribe('UNREAD_NOTIFICATION_COUNT_CHANGED', userId));
  const added = pubsub.subscribe('NOTIFICATION_ADDED', x);
  await Promise.all([...counts, added].map((s) => s.ready));

  await services.handleEvents([arrived(x), receipt(y), arrived(x), receipt(x)]);

  // x: 1 unread before, 3 new (one read notification stays read); y: 1 new.
  expect(await received(counts[0]!)).toEqual([{ userId: x, unread: 4 }]);
  expect(await received(counts[1]!)).toEqual([{ userId: y, unread: 1 }]);
  expect(await received(added)).toHaveLength(3);
});

test('a batch is a fixed number of statements, whatever its size', async () => {
  const statementsOf = async (events: AnyEventEnvelope[]) => {
    statements.length = 0;
    await countedServices.handleEvents(events);
    return [...statements];
  };
  const small = await statementsOf([arrived(randomUUID()), receipt(randomUUID())]);
  const large = await statementsOf(Array.from({ length: 12 }, (_, i) => (i % 2 ? arrived(randomUUID()) : receipt(randomUUID()))));

  // The statements with their lists of values folded: the same ones for 2 events and for 12.
  const shape = (sql: string) =>
    sql
      .trim()
      .replace(/\s+/g, ' ')
      .replace(/\$\d+/g, '$')
      .replace(/\(\$(,\$)*\)/g, '(…)');
  expect(large.map(shape)).toEqual(small.map(shape));
  // (BEGIN, not reported,) processed events, preferences and quiet hours, notifications, deliveries, COMMIT; then
  // the unread counts of the batch's users.
  expect(small.map((sql) => shape(sql).slice(0, 45))).toEqual([
    'insert into notifications.processed_events (c',
    'select user_id::text as user_id, type::text a',
    'insert into notifications.notifications (id, ',
    'insert into notifications.deliveries (id, not',
    'COMMIT',
    'SELECT COUNT(*) AS "_count$_all", "notificati',
  ]);
});
