// Announcements: recorded by operations, written to the audience (known from identity's and fleet's events) in
// batches in the background, each recipient exactly once, on the chosen channels.
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
import { createLogger } from '../../../platform/logging/index.js';
import { createMemoryPubSub } from '../../../platform/pubsub/index.js';
import { buildNotificationsSubgraph, type NotificationsSubgraph } from '../src/server.js';
import { createAnnouncement, createAnnouncer } from '../src/services/announcer.js';
import { createLiveAnnouncer } from '../src/services/live-announcer.js';
import { releaseTime } from '../src/services/quiet-hours.js';
import { openNotificationsDatabase, type NotificationsPrisma } from '../src/store/database.js';
import { envelope } from './support.js';

let db: TestDatabase;
let prisma: NotificationsPrisma;
let testAuth: TestAuth;
let built: NotificationsSubgraph;
let subgraph: InProcessSubgraph;
let staff: Record<string, string>;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = openNotificationsDatabase(db.target);
  testAuth = await createTestAuth();
  built = await buildNotificationsSubgraph(await testSubgraphDeps(db.target, undefined, testAuth), { background: false, announcementBatchSize: 2 });
  subgraph = await startInProcess(built);
  staff = await testAuth.headersFor({ userId: randomUUID(), roles: ['OPERATIONS'] });
});

afterAll(async () => {
  await subgraph?.stop();
  await prisma?.$disconnect();
  await db?.drop();
});

const SEND = `mutation ($input: SendAnnouncementInput!) { sendAnnouncement(input: $input) { id audience fleetId title channels recipientCount completedAt } }`;
const now = () => new Date().toISOString();

async function account(roles: ('RIDER' | 'DRIVER')[], active = true): Promise<string> {
  const userId = randomUUID();
  await built.services.handleEvent(envelope('user.registered', { userId, roles, active, occurredAt: now() }));
  return userId;
}
async function driverIn(fleetId: string, version = 1): Promise<string> {
  const userId = await account(['DRIVER']);
  await built.services.handleEvent(
    envelope('driver.status.changed', {
      driverId: randomUUID(),
      userId,
      fleetId,
      status: 'AVAILABLE',
      vehicleId: null,
      category: null,
      position: null,
      version,
      occurredAt: now(),
    }),
  );
  return userId;
}
const announcementsOf = async (userId: string) =>
  (await prisma.notification.findMany({ where: { userId, type: 'ANNOUNCEMENT' } })).map((n) => [n.title, n.body, n.link]);

test('all riders get it exactly once, in batches, on the chosen channels; drivers and inactive accounts do not', async () => {
  const riders = [await account(['RIDER']), await account(['RIDER']), await account(['RIDER', 'DRIVER'])];
  const inactive = await account(['RIDER'], false);
  const driver = await account(['DRIVER']);
  // The second rider turned announcements by email off.
  await prisma.notificationPreference.create({ data: { userId: riders[1]!, type: 'ANNOUNCEMENT', channel: 'EMAIL', enabled: false } });
  const input = {
    audience: 'ALL_RIDERS',
    title: 'New: airport rides',
    body: 'Flat fares to the airport.',
    link: 'https://ridegraph.dev/airport',
    channels: ['PUSH', 'EMAIL'],
    idempotencyKey: `airport-${randomUUID()}`,
  };
  const sent = await subgraph.execute<{ sendAnnouncement: { id: string; recipientCount: number; completedAt: string | null } }>(
    SEND,
    { input },
    { headers: staff },
  );
  expect(sent.errors).toBeUndefined();
  expect(sent.data?.sendAnnouncement).toMatchObject({ recipientCount: 0, completedAt: null, channels: ['PUSH', 'EMAIL'] });

  await Promise.all([built.announcer.flush(), built.announcer.flush()]);
  for (const rider of riders)
    expect(await announcementsOf(rider)).toEqual([['New: airport rides', 'Flat fares to the airport.', 'https://ridegraph.dev/airport']]);
  expect(await announcementsOf(inactive)).toEqual([]);
  expect(await announcementsOf(driver)).toEqual([]);
  // A delivery on each chosen channel only (none on SMS, which the announcement did not choose); an opt-out holds.
  const plan = async (userId: string) =>
    (await prisma.delivery.findMany({ where: { userId, notification: { type: 'ANNOUNCEMENT' } }, orderBy: { channel: 'asc' } })).map((d) => [
      d.channel,
      d.status,
      d.reason,
    ]);
  expect(await plan(riders[0]!)).toEqual([
    ['PUSH', 'QUEUED', null],
    ['EMAIL', 'QUEUED', null],
  ]);
  expect(await plan(riders[1]!)).toEqual([
    ['PUSH', 'QUEUED', null],
    ['EMAIL', 'SKIPPED', 'PREFERENCE'],
  ]);

  // The same key returns the announcement with its progress; nothing is sent again.
  const again = await subgraph.execute<{ sendAnnouncement: { id: string; recipientCount: number; completedAt: string | null } }>(
    SEND,
    { input },
    { headers: staff },
  );
  expect(again.data?.sendAnnouncement.id).toBe(sent.data?.sendAnnouncement.id);
  expect(again.data?.sendAnnouncement.completedAt).not.toBeNull();
  await built.announcer.flush();
  expect(await prisma.notification.count({ where: { userId: { in: riders }, type: 'ANNOUNCEMENT' } })).toBe(3);
});

test('a fleet’s drivers, as fleet last reported them', async () => {
  const fleet = randomUUID();
  const inFleet = [await driverIn(fleet), await driverIn(fleet)];
  const moved = await driverIn(fleet);
  await built.services.handleEvent(
    envelope('driver.status.changed', {
      driverId: randomUUID(),
      userId: moved,
      fleetId: randomUUID(),
      status: 'OFFLINE',
      vehicleId: null,
      category: null,
      position: null,
      version: 2,
      occurredAt: now(),
    }),
  );
  const elsewhere = await driverIn(randomUUID());
  const sent = await subgraph.execute(
    SEND,
    {
      input: {
        audience: 'FLEET_DRIVERS',
        fleetId: fleet,
        title: 'Hub closed Sunday',
        body: 'Use the north hub.',
        channels: [],
        idempotencyKey: `hub-${randomUUID()}`,
      },
    },
    { headers: staff },
  );
  expect(sent.errors).toBeUndefined();
  await built.announcer.flush();
  for (const driver of inFleet) expect(await announcementsOf(driver)).toEqual([['Hub closed Sunday', 'Use the north hub.', null]]);
  expect(await announcementsOf(moved)).toEqual([]);
  expect(await announcementsOf(elsewhere)).toEqual([]);
});

test.each([
  ['an empty title', 'title', { title: '  ' }],
  ['a javascript: link', 'link', { link: 'javascript:alert(1)' }],
  ['a short key', 'idempotencyKey', { idempotencyKey: 'k' }],
  ['FLEET_DRIVERS without a fleet', 'fleetId', { audience: 'FLEET_DRIVERS' }],
  ['a fleet for ALL_RIDERS', 'fleetId', { fleetId: randomUUID() }],
])('%s → BAD_USER_INPUT at %s', async (_label, field, change) => {
  const input = { audience: 'ALL_RIDERS', title: 'T', body: 'B', channels: ['PUSH'], idempotencyKey: `bad-${randomUUID()}`, ...change };
  const result = await subgraph.execute(SEND, { input }, { headers: staff });
  expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', field]]);
  expect(await prisma.announcement.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(0);
});

test('only operations staff send announcements', async () => {
  const input = { audience: 'ALL_DRIVERS', title: 'T', body: 'B', channels: [], idempotencyKey: `auth-${randomUUID()}` };
  const cases: [string, Record<string, string>, string][] = [
    ['super admin', await testAuth.headersFor({ userId: randomUUID(), roles: ['SUPER_ADMIN'] }), 'allowed'],
    ['a rider', await testAuth.headersFor({ userId: randomUUID(), roles: ['RIDER'] }), 'FORBIDDEN'],
    ['a fleet manager', await testAuth.headersFor({ userId: randomUUID(), roles: ['FLEET_MANAGER'] }), 'FORBIDDEN'],
  ];
  for (const [who, headers, expected] of cases) {
    const result = await subgraph.execute<{ sendAnnouncement: { id: string } }>(
      SEND,
      { input: { ...input, idempotencyKey: `${input.idempotencyKey}-${who.replace(/ /g, '')}` } },
      { headers },
    );
    expect([who, result.data?.sendAnnouncement ? 'allowed' : result.errors?.[0]?.extensions?.code]).toEqual([who, expected]);
  }
});

test('sending an announcement is audited once, in its transaction; the same key again records nothing', async () => {
  const actorId = randomUUID();
  const headers = { ...(await testAuth.headersFor({ userId: actorId, roles: ['SUPER_ADMIN'] })), 'x-request-id': 'req-announce-0001' };
  const input = { audience: 'ALL_DRIVERS', title: 'Road works', body: 'Main St is closed.', channels: ['PUSH'], idempotencyKey: `audit-${randomUUID()}` };
  const sent = await subgraph.execute<{ sendAnnouncement: { id: string } }>(SEND, { input }, { headers });
  const again = await subgraph.execute<{ sendAnnouncement: { id: string } }>(SEND, { input }, { headers });
  const id = sent.data!.sendAnnouncement.id;
  expect(again.data!.sendAnnouncement.id).toBe(id);
  const rows = await prisma.outboxEvent.findMany({ where: { type: 'audit.recorded', payload: { path: ['targetId'], equals: id } } });
  expect(rows.map((row) => row.payload)).toEqual([
    {
      source: 'notifications',
      actorId,
      actorRoles: ['SUPER_ADMIN'],
      action: 'announcement.send',
      targetType: 'Announcement',
      targetId: id,
      before: null,
      after: { audience: 'ALL_DRIVERS', fleetId: null, title: 'Road works', body: 'Main St is closed.', link: null, channels: ['PUSH'] },
      reason: null,
      requestId: 'req-announce-0001',
      occurredAt: expect.any(String),
    },
  ]);
});

test('a batch is the same statements whatever its size; opt-outs and quiet hours hold as for any message', async () => {
  const statements: string[] = [];
  const counted = openNotificationsDatabase(db.target, (sql) => statements.push(sql));
  const pubsub = createMemoryPubSub({ prefix: `announcer-test:${randomUUID()}:` });
  const logger = createLogger({ level: 'silent' });
  const announcer = createAnnouncer({ prisma: counted, live: createLiveAnnouncer({ prisma: counted, pubsub, logger }), logger, batchSize: 3 });
  // The other tests' announcements first, through the subgraph's own announcer.
  await built.announcer.drain();
  try {
    const fleet = randomUUID();
    const drivers = [];
    for (let i = 0; i < 5; i++) drivers.push(await driverIn(fleet));
    const [optedOut, quiet] = drivers;
    await prisma.notificationPreference.create({ data: { userId: optedOut!, type: 'ANNOUNCEMENT', channel: 'PUSH', enabled: false } });
    // Quiet from an hour ago to two hours from now (UTC).
    const minute = new Date().getUTCHours() * 60 + new Date().getUTCMinutes();
    const window = { startMinute: (minute + 1380) % 1440, endMinute: (minute + 120) % 1440, timeZone: 'UTC' };
    await prisma.quietHours.create({ data: { userId: quiet!, ...window } });
    const viewer = { userId: randomUUID(), roles: ['OPERATIONS' as const], sessionId: randomUUID(), fleetIds: [], expiresAt: new Date(Date.now() + 60_000) };
    await createAnnouncement(prisma, viewer, {
      audience: 'FLEET_DRIVERS',
      fleetId: fleet,
      title: 'Depot',
      body: 'Open late.',
      channels: ['PUSH', 'SMS'],
      idempotencyKey: `depot-${randomUUID()}`,
    });

    await announcer.drain();

    // Folded values: batches of 3 and of 2 are the same statements; then a pass that finds nothing.
    const shape = (sql: string) => sql.trim().replace(/\s+/g, ' ').replace(/\$\d+/g, '$').slice(0, 40);
    const batch = [
      'select id::text as id, audience::text as',
      'with recipients as (select d.user_id fro',
      'select user_id::text as user_id, type::t',
      'insert into notifications.deliveries (id',
      'UPDATE "notifications"."announcements" S',
      'COMMIT',
      'SELECT COUNT(*) AS "_count$_all", "notif',
    ];
    expect(statements.map(shape)).toEqual([...batch, ...batch, 'select id::text as id, audience::text as', 'COMMIT']);
    const deliveries = await prisma.delivery.findMany({ where: { userId: { in: drivers }, notification: { type: 'ANNOUNCEMENT' } } });
    const release = releaseTime(window, deliveries[0]!.createdAt).toISOString();
    const row = (userId: string, channel: string) => {
      const d = deliveries.find((x) => x.userId === userId && x.channel === channel)!;
      return [d.status, d.reason, d.nextAttemptAt?.getTime() === d.createdAt.getTime() ? 'now' : (d.nextAttemptAt?.toISOString() ?? null)];
    };
    expect(deliveries).toHaveLength(10);
    expect([row(optedOut!, 'PUSH'), row(optedOut!, 'SMS'), row(quiet!, 'PUSH'), row(quiet!, 'SMS'), row(drivers[2]!, 'PUSH')]).toEqual([
      ['SKIPPED', 'PREFERENCE', null],
      ['QUEUED', null, 'now'],
      ['QUEUED', null, release],
      ['QUEUED', null, release],
      ['QUEUED', null, 'now'],
    ]);
  } finally {
    await announcer.stop();
    await pubsub.dispose();
    await counted.$disconnect();
  }
});
