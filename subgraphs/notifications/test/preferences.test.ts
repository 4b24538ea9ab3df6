// Preferences per type and channel (defaults, overrides, security locked), quiet hours in the user's time zone,
// and the delivery plan they produce for new notifications.
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
import { buildNotificationsSubgraph, type NotificationsSubgraph } from '../src/server.js';
import { releaseTime } from '../src/services/quiet-hours.js';
import { writeMessages } from '../src/services/inbox-writer.js';
import { openNotificationsDatabase, type NotificationsPrisma } from '../src/store/database.js';
import { envelope } from './support.js';

let db: TestDatabase;
let prisma: NotificationsPrisma;
let testAuth: TestAuth;
let built: NotificationsSubgraph;
let subgraph: InProcessSubgraph;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = openNotificationsDatabase(db.target);
  testAuth = await createTestAuth();
  built = await buildNotificationsSubgraph(await testSubgraphDeps(db.target, undefined, testAuth), { background: false });
  subgraph = await startInProcess(built);
});

afterAll(async () => {
  await subgraph?.stop();
  await prisma?.$disconnect();
  await db?.drop();
});

const UPDATE = `mutation ($input: UpdateNotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) { channels { type channel enabled isDefault locked } quietHours { start end timeZone } }
}`;
const READ = `query ($id: ID!) { _entities(representations: [{ __typename: "User", id: $id }]) {
  ... on User { notificationPreferences { channels { type channel enabled isDefault locked } quietHours { start end timeZone } } } } }`;

interface Pref {
  type: string;
  channel: string;
  enabled: boolean;
  isDefault: boolean;
  locked: boolean;
}
interface Prefs {
  channels: Pref[];
  quietHours: { start: string; end: string; timeZone: string } | null;
}

async function rider() {
  const userId = randomUUID();
  return { userId, headers: await testAuth.headersFor({ userId, roles: ['RIDER'] }) };
}
const pick = (prefs: Prefs | undefined, type: string) =>
  prefs?.channels.filter((c) => c.type === type).map(({ channel, enabled, isDefault, locked }) => ({ channel, enabled, isDefault, locked }));

test('defaults: every type on every channel, receipts by push and email, security locked', async () => {
  const { userId, headers } = await rider();
  const result = await subgraph.execute<{ _entities: { notificationPreferences: Prefs }[] }>(READ, { id: userId }, { headers });
  const prefs = result.data?._entities[0]?.notificationPreferences;
  expect(prefs?.channels).toHaveLength(19 * 3);
  expect(prefs?.quietHours).toBeNull();
  expect(pick(prefs, 'PAYMENT_RECEIPT')).toEqual([
    { channel: 'PUSH', enabled: true, isDefault: true, locked: false },
    { channel: 'EMAIL', enabled: true, isDefault: true, locked: false },
    { channel: 'SMS', enabled: false, isDefault: true, locked: false },
  ]);
  expect(pick(prefs, 'SECURITY_NOTICE')).toEqual([
    { channel: 'PUSH', enabled: true, isDefault: true, locked: true },
    { channel: 'EMAIL', enabled: true, isDefault: true, locked: true },
    { channel: 'SMS', enabled: false, isDefault: true, locked: true },
  ]);
});

test('turning an email kind off stops its email; the inbox still gets it; choosing the default again forgets the choice', async () => {
  const { userId, headers } = await rider();
  const off = await subgraph.execute<{ updateNotificationPreferences: Prefs }>(
    UPDATE,
    {
      input: {
        preferences: [
          { type: 'PAYMENT_RECEIPT', channel: 'EMAIL', enabled: false },
          { type: 'TRIP_STARTED', channel: 'SMS', enabled: true },
        ],
      },
    },
    { headers },
  );
  expect(off.errors).toBeUndefined();
  expect(pick(off.data?.updateNotificationPreferences, 'PAYMENT_RECEIPT')?.[1]).toEqual({ channel: 'EMAIL', enabled: false, isDefault: false, locked: false });

  const receipt = envelope('payment.succeeded', {
    paymentId: randomUUID(),
    purpose: 'TOP_UP',
    payerUserId: userId,
    tripId: null,
    driverUserId: null,
    amount: { amountMinor: 2000, currency: 'EUR' },
    method: 'CARD',
    receiptNumber: 'R-1',
    occurredAt: new Date().toISOString(),
  });
  await built.services.handleEvent(receipt);
  await built.services.handleEvent(
    envelope('trip.started', { tripId: randomUUID(), riderUserId: userId, driverId: randomUUID(), occurredAt: new Date().toISOString() }),
  );
  const plan = await prisma.delivery.findMany({ where: { userId }, include: { notification: { select: { type: true } } }, orderBy: { channel: 'asc' } });
  const planOf = (type: string) => plan.filter((d) => d.notification.type === type).map((d) => [d.channel, d.status, d.reason]);
  expect(planOf('PAYMENT_RECEIPT')).toEqual([
    ['PUSH', 'QUEUED', null],
    ['EMAIL', 'SKIPPED', 'PREFERENCE'],
    ['SMS', 'SKIPPED', 'PREFERENCE'],
  ]);
  expect(planOf('TRIP_STARTED')).toEqual([
    ['PUSH', 'QUEUED', null],
    ['EMAIL', 'SKIPPED', 'PREFERENCE'],
    ['SMS', 'QUEUED', null],
  ]);
  expect(await prisma.notification.count({ where: { userId, type: 'PAYMENT_RECEIPT' } })).toBe(1);

  await subgraph.execute(UPDATE, { input: { preferences: [{ type: 'PAYMENT_RECEIPT', channel: 'EMAIL', enabled: true }] } }, { headers });
  expect(await prisma.notificationPreference.findMany({ where: { userId }, select: { type: true, channel: true, enabled: true } })).toEqual([
    { type: 'TRIP_STARTED', channel: 'SMS', enabled: true },
  ]);
});

test.each([
  ['a security notice turned off', 'preferences', { preferences: [{ type: 'SECURITY_NOTICE', channel: 'EMAIL', enabled: false }] }],
  ['a time that is not HH:MM', 'quietHours.start', { quietHours: { start: '7pm', end: '07:00', timeZone: 'Europe/Berlin' } }],
  ['24:00', 'quietHours.end', { quietHours: { start: '22:00', end: '24:00', timeZone: 'Europe/Berlin' } }],
  ['an empty window', 'quietHours.end', { quietHours: { start: '22:00', end: '22:00', timeZone: 'Europe/Berlin' } }],
  ['an unknown time zone', 'quietHours.timeZone', { quietHours: { start: '22:00', end: '07:00', timeZone: 'Mars/Olympus' } }],
])('%s → BAD_USER_INPUT at %s, nothing saved', async (_label, field, input: { preferences?: object[]; quietHours?: object }) => {
  const { userId, headers } = await rider();
  const result = await subgraph.execute(
    UPDATE,
    { input: { ...input, preferences: [...(input.preferences ?? []), { type: 'WELCOME', channel: 'SMS', enabled: true }] } },
    { headers },
  );
  expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', field]]);
  expect(await prisma.notificationPreference.count({ where: { userId } })).toBe(0);
  expect(await prisma.quietHours.count({ where: { userId } })).toBe(0);
});

test('an unknown type or channel is refused by validation, naming the value', async () => {
  const { headers } = await rider();
  const result = await subgraph.execute(UPDATE, { input: { preferences: [{ type: 'HOROSCOPE', channel: 'PUSH', enabled: true }] } }, { headers });
  expect(result.errors?.[0]?.message).toContain('"HOROSCOPE"');
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('who may read and change preferences (table of intent)', async () => {
  const owner = await rider();
  const cases: [string, Record<string, string>, string][] = [
    ['the user', owner.headers, 'allowed'],
    ['operations', await testAuth.headersFor({ userId: randomUUID(), roles: ['OPERATIONS'] }), 'allowed'],
    ['another rider', (await rider()).headers, 'FORBIDDEN'],
    ['a fleet manager', await testAuth.headersFor({ userId: randomUUID(), roles: ['FLEET_MANAGER'] }), 'FORBIDDEN'],
  ];
  const outcomes = await Promise.all(
    cases.map(async ([who, headers]) => {
      const result = await subgraph.execute<{ _entities: { notificationPreferences: Prefs | null }[] }>(READ, { id: owner.userId }, { headers });
      return [who, result.data?._entities[0]?.notificationPreferences ? 'allowed' : result.errors?.[0]?.extensions?.code];
    }),
  );
  expect(outcomes).toEqual(cases.map(([who, , expected]) => [who, expected]));
  // Changes are always the viewer's own: there is no way to name another user.
  const anonymous = await subgraph.execute(UPDATE, { input: { preferences: [] } }, { headers: {} });
  expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
});

describe('quiet hours', () => {
  const berlin = { startMinute: 22 * 60, endMinute: 7 * 60, timeZone: 'Europe/Berlin' };

  test.each([
    ['inside, before midnight', '2026-12-07T22:30:15.250Z', '2026-12-08T06:00:00.000Z'],
    ['inside, after midnight', '2026-12-08T02:10:00.000Z', '2026-12-08T06:00:00.000Z'],
    ['outside', '2026-12-07T12:00:00.000Z', '2026-12-07T12:00:00.000Z'],
    ['at the end', '2026-12-08T06:00:00.000Z', '2026-12-08T06:00:00.000Z'],
  ])('Berlin 22:00–07:00 in winter (UTC+1), %s', (_label, now, release) => {
    expect(releaseTime(berlin, new Date(now)).toISOString()).toBe(release);
  });

  test('a window within one day, and a summer offset', () => {
    const lunch = { startMinute: 12 * 60, endMinute: 13 * 60 + 30, timeZone: 'America/New_York' };
    expect(releaseTime(lunch, new Date('2026-07-01T16:45:00.000Z')).toISOString()).toBe('2026-07-01T17:30:00.000Z');
    expect(releaseTime(lunch, new Date('2026-07-01T15:45:00.000Z')).toISOString()).toBe('2026-07-01T15:45:00.000Z');
  });

  test('non-urgent deliveries wait for the end of the quiet hours; urgent ones go at once', async () => {
    const { userId, headers } = await rider();
    const set = await subgraph.execute<{ updateNotificationPreferences: Prefs }>(
      UPDATE,
      { input: { quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' } } },
      { headers },
    );
    expect(set.data?.updateNotificationPreferences.quietHours).toEqual({ start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' });
    const now = new Date('2026-12-07T23:00:00.000Z'); // 00:00 in Berlin
    const written = await prisma.$transaction((tx) =>
      writeMessages(
        tx,
        [
          { userId, data: { type: 'WELCOME' } },
          { userId, data: { type: 'DRIVER_ARRIVED', tripId: randomUUID() } },
        ],
        now,
      ),
    );
    const due = await prisma.delivery.findMany({ where: { userId, status: 'QUEUED' }, include: { notification: { select: { type: true } } } });
    expect(due.map((d) => [d.notification.type, d.channel, d.nextAttemptAt?.toISOString()]).sort()).toEqual([
      ['DRIVER_ARRIVED', 'PUSH', '2026-12-07T23:00:00.000Z'],
      ['WELCOME', 'EMAIL', '2026-12-08T06:00:00.000Z'],
    ]);
    expect(written.notifications.map((n) => n.createdAt.toISOString())).toEqual([now.toISOString(), now.toISOString()]);

    const cleared = await subgraph.execute<{ updateNotificationPreferences: Prefs }>(UPDATE, { input: { quietHours: null } }, { headers });
    expect(cleared.data?.updateNotificationPreferences.quietHours).toBeNull();
  });
});
