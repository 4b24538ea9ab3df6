// notifications in-process: Notification and User references through _entities (what the gateway sends), inbox
// paging and its argument errors, batching of pages and unread counts, seed.
import { randomUUID } from 'node:crypto';
import { buildDemoDataset } from '../../../platform/demo/index.js';
import { encodeCursor } from '../../../platform/graphql/index.js';
import type { Role } from '../../../platform/auth/index.js';
import {
  createTestAuth,
  createTestDatabase,
  startInProcess,
  ENTITIES_QUERY,
  type InProcessSubgraph,
  type TestAuth,
  type TestDatabase,
  testSubgraphDeps,
} from '../../../platform/testing/index.js';
import { seedNotifications } from '../src/seed.js';
import { buildNotificationsSubgraph } from '../src/server.js';
import { openNotificationsDatabase, type NotificationsPrisma } from '../src/store/database.js';
import type { Notification } from '../src/store/prisma/client.js';

let db: TestDatabase;
let prisma: NotificationsPrisma;
let subgraph: InProcessSubgraph;
let testAuth: TestAuth;
const statements: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = openNotificationsDatabase(db.target);
  testAuth = await createTestAuth();
  // Operations staff may read any user's data; the ownership tests below send other viewers.
  subgraph = await startInProcess(await buildNotificationsSubgraph(await testSubgraphDeps(db.target, (sql) => statements.push(sql), testAuth)), {
    headers: await testAuth.headersFor({ userId: randomUUID(), roles: ['OPERATIONS'] }),
  });
});

afterAll(async () => {
  await subgraph?.stop();
  await prisma?.$disconnect();
  await db?.drop();
});

interface Page {
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}
interface InboxResult {
  notifications: Page;
  unreadNotificationCount: number;
}

const BASE = Date.UTC(2026, 9, 1, 12);
const users = (ids: string[]) => ids.map((id) => ({ __typename: 'User', id }));
const ids = (page: Page | undefined) => page?.edges.map((e) => e.node.id);

/** Notifications of one user, `minutesAgo[i]` before BASE each, unread where `unread[i]`. Returned newest first. */
async function inbox(userId: string, entries: { minutesAgo: number; unread: boolean }[]): Promise<Notification[]> {
  const created = await Promise.all(
    entries.map(({ minutesAgo, unread }, i) =>
      prisma.notification.create({
        data: {
          userId,
          kind: 'TRIP',
          title: `Note ${i}`,
          body: 'Body',
          createdAt: new Date(BASE - minutesAgo * 60_000),
          readAt: unread ? null : new Date(BASE),
        },
      }),
    ),
  );
  return created.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
}

async function pageOf(userId: string, args: string) {
  return subgraph.execute<{ _entities: InboxResult[] }>(
    ENTITIES_QUERY(
      `... on User { notifications(${args}) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } unreadNotificationCount }`,
    ),
    { representations: users([userId]) },
  );
}

test('_entities resolves Notification references in order, null for unknown and malformed ids', async () => {
  const [note] = await inbox(randomUUID(), [{ minutesAgo: 1, unread: true }]);
  const result = await subgraph.execute<{
    _entities: ({ id: string; kind: string; title: string; body: string; createdAt: string; readAt: string | null } | null)[];
  }>(ENTITIES_QUERY('... on Notification { id kind title body createdAt readAt }'), {
    representations: [
      { __typename: 'Notification', id: randomUUID() },
      { __typename: 'Notification', id: note!.id },
      { __typename: 'Notification', id: 'nope' },
    ],
  });
  expect(result.errors).toBeUndefined();
  expect(result.data?._entities).toEqual([
    null,
    { id: note!.id, kind: 'TRIP', title: 'Note 0', body: 'Body', createdAt: note!.createdAt.toISOString(), readAt: null },
    null,
  ]);
});

test('pages walk the inbox newest first with first/after, ties on createdAt broken by id, and unreadOnly filters', async () => {
  const userId = randomUUID();
  // Two notifications share a timestamp: the keyset must neither skip nor repeat one of them across pages.
  const all = await inbox(userId, [
    { minutesAgo: 5, unread: false },
    { minutesAgo: 4, unread: true },
    { minutesAgo: 3, unread: false },
    { minutesAgo: 3, unread: true },
    { minutesAgo: 1, unread: true },
  ]);
  const first = await pageOf(userId, 'first: 2');
  expect(first.errors).toBeUndefined();
  const page1 = first.data?._entities[0];
  expect(ids(page1?.notifications)).toEqual(all.slice(0, 2).map((n) => n.id));
  expect(page1?.notifications.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  expect(page1?.unreadNotificationCount).toBe(3);

  const second = (await pageOf(userId, `first: 2, after: "${page1?.notifications.pageInfo.endCursor}"`)).data?._entities[0]?.notifications;
  expect(ids(second)).toEqual(all.slice(2, 4).map((n) => n.id));
  expect(second?.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

  const last = (await pageOf(userId, `first: 2, after: "${second?.pageInfo.endCursor}"`)).data?._entities[0]?.notifications;
  expect(ids(last)).toEqual(all.slice(4).map((n) => n.id));
  expect(last?.pageInfo.hasNextPage).toBe(false);

  const unread = all.filter((n) => n.readAt === null).map((n) => n.id);
  const unreadPage = (await pageOf(userId, 'first: 2, unreadOnly: true')).data?._entities[0]?.notifications;
  expect(ids(unreadPage)).toEqual(unread.slice(0, 2));
  expect(unreadPage?.pageInfo.hasNextPage).toBe(true);
  const unreadRest = (await pageOf(userId, `first: 2, unreadOnly: true, after: "${unreadPage?.pageInfo.endCursor}"`)).data?._entities[0]?.notifications;
  expect(ids(unreadRest)).toEqual(unread.slice(2));
  expect(unreadRest?.pageInfo.hasNextPage).toBe(false);
});

test('the same user asked for all and for unread only in one request gets two different lists', async () => {
  const userId = randomUUID();
  const all = await inbox(userId, [
    { minutesAgo: 2, unread: false },
    { minutesAgo: 1, unread: true },
  ]);
  const result = await subgraph.execute<{ _entities: { all: Page; unread: Page }[] }>(
    ENTITIES_QUERY(
      '... on User { all: notifications(first: 5) { edges { node { id } } } unread: notifications(first: 5, unreadOnly: true) { edges { node { id } } } }',
    ),
    { representations: users([userId]) },
  );
  expect(result.errors).toBeUndefined();
  expect(ids(result.data?._entities[0]?.all)).toEqual(all.map((n) => n.id));
  expect(ids(result.data?._entities[0]?.unread)).toEqual(all.filter((n) => n.readAt === null).map((n) => n.id));
  expect(ids(result.data?._entities[0]?.unread)).toHaveLength(1);
});

test('a user without notifications, or a malformed id, has an empty inbox and no unread', async () => {
  const result = await subgraph.execute<{ _entities: InboxResult[] }>(
    ENTITIES_QUERY('... on User { notifications { edges { node { id } } pageInfo { hasNextPage endCursor } } unreadNotificationCount }'),
    { representations: users([randomUUID(), 'not-a-uuid']) },
  );
  expect(result.errors).toBeUndefined();
  const empty = { notifications: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } }, unreadNotificationCount: 0 };
  expect(result.data?._entities).toEqual([empty, empty]);
});

test.each([
  ['first: 0', 'first'],
  ['first: 101', 'first'],
  ['after: "garbage"', 'after'],
  // Well-formed base64 of the right shape, but not an id this API issues: must not reach PostgreSQL as a uuid.
  [`after: "${encodeCursor({ at: new Date(BASE), id: 'not-a-uuid' })}"`, 'after'],
  [`after: "${Buffer.from('-271821-04-20T00:00:00.000Z|00000000-0000-4000-8000-000000000000').toString('base64url')}"`, 'after'],
])('notifications(%s) is BAD_USER_INPUT on %s', async (args, field) => {
  const result = await pageOf(randomUUID(), args);
  expect(result.errors).toHaveLength(1);
  expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
});

test('inbox pages and unread counts of 50 users cost the same SELECTs as of 5', async () => {
  // User i has i % 5 notifications, so pages of 3 are full, partial and empty, and hasNextPage varies.
  const userIds = Array.from({ length: 50 }, () => randomUUID());
  await prisma.notification.createMany({
    data: userIds.flatMap((userId, i) =>
      Array.from({ length: i % 5 }, (_, j) => ({
        userId,
        kind: 'ACCOUNT' as const,
        title: 't',
        body: 'b',
        createdAt: new Date(BASE - j * 60_000),
        readAt: j % 2 ? new Date(BASE) : null,
      })),
    ),
  });
  const selectsFor = async (count: number) => {
    statements.length = 0;
    const result = await subgraph.execute<{ _entities: InboxResult[] }>(
      ENTITIES_QUERY('... on User { notifications(first: 3) { edges { node { id } } pageInfo { hasNextPage } } unreadNotificationCount }'),
      { representations: users(userIds.slice(0, count)) },
    );
    expect(result.errors).toBeUndefined();
    // Each user's own page: proves the window partitions and the grouped counts are matched back to the right keys.
    expect(result.data?._entities.map((e) => [e.notifications.edges.length, e.notifications.pageInfo.hasNextPage, e.unreadNotificationCount])).toEqual(
      userIds.slice(0, count).map((_, i) => [Math.min(i % 5, 3), i % 5 > 3, Math.ceil((i % 5) / 2)]),
    );
    return statements.filter((sql) => /select/i.test(sql)).length;
  };
  const five = await selectsFor(5);
  const fifty = await selectsFor(50);
  expect(five).toBe(2); // one window-function page query + one grouped count
  expect(fifty).toBe(five);
});

test('the delivery logs of 2 users load in one SELECT, each user their own newest page', async () => {
  // The first user: 3 deliveries (a page of 2 and more); the second: 1.
  const [first, second] = [randomUUID(), randomUUID()];
  const deliveriesOf = async (userId: string, channels: ('PUSH' | 'EMAIL' | 'SMS')[]) => {
    const notification = await prisma.notification.create({ data: { userId, kind: 'ACCOUNT', title: 't', body: 'b', createdAt: new Date(BASE) } });
    const ids: string[] = [];
    for (const [i, channel] of channels.entries()) {
      const row = await prisma.delivery.create({
        data: { notificationId: notification.id, userId, channel, status: 'SENT', attempts: 1, createdAt: new Date(BASE + i * 1000) },
      });
      ids.push(row.id);
    }
    return ids.reverse(); // newest first
  };
  const firstIds = await deliveriesOf(first, ['PUSH', 'EMAIL', 'SMS']);
  const secondIds = await deliveriesOf(second, ['EMAIL']);

  statements.length = 0;
  const result = await subgraph.execute<{ _entities: { notificationDeliveries: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean } } }[] }>(
    ENTITIES_QUERY('... on User { notificationDeliveries(first: 2) { edges { node { id } } pageInfo { hasNextPage } } }'),
    { representations: users([first, second]) },
  );
  expect(result.errors).toBeUndefined();
  expect(
    result.data?._entities.map((e) => [e.notificationDeliveries.edges.map((edge) => edge.node.id), e.notificationDeliveries.pageInfo.hasNextPage]),
  ).toEqual([
    [firstIds.slice(0, 2), true],
    [secondIds, false],
  ]);
  expect(statements.filter((sql) => /select/i.test(sql))).toHaveLength(1);
});

test('seeding writes a welcome per user and a receipt per completed trip once, some unread', async () => {
  const demo = buildDemoDataset();
  const completed = demo.trips.filter((t) => t.status === 'COMPLETED');
  expect(await seedNotifications(prisma, demo)).toBe(demo.users.length + completed.length);
  expect(await seedNotifications(prisma, demo)).toBe(0);

  const rider = demo.users.find((u) => u.roles.includes('RIDER'))!;
  const receipts = completed.filter((t) => t.riderUserId === rider.id).length;
  const result = await pageOf(rider.id, 'first: 100');
  const inboxOfRider = result.data?._entities[0];
  expect(inboxOfRider?.notifications.edges).toHaveLength(receipts + 1);
  expect(inboxOfRider?.unreadNotificationCount).toBe(Math.min(receipts, 2));
});

describe('ownership: the inbox and its unread count of a user are for that user and operations staff', () => {
  const as = async (userId: string, roles: Role[], fleetIds: string[] = []) => ({ headers: await testAuth.headersFor({ userId, roles, fleetIds }) });
  const errorCodes = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) => errors?.map((e) => e.extensions?.code);

  test('the user themself and SUPER_ADMIN read them; another rider, a driver and a fleet manager are FORBIDDEN; anonymous is UNAUTHENTICATED', async () => {
    const owner = randomUUID();
    const [note] = await inbox(owner, [{ minutesAgo: 1, unread: true }]);
    const query = ENTITIES_QUERY('... on User { notifications { edges { node { id } } } unreadNotificationCount }');
    const variables = { representations: [{ __typename: 'User', id: owner }] };
    for (const viewer of [await as(owner, ['RIDER']), await as(randomUUID(), ['SUPER_ADMIN'])]) {
      const allowed = await subgraph.execute(query, variables, viewer);
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data?._entities).toEqual([{ notifications: { edges: [{ node: { id: note!.id } }] }, unreadNotificationCount: 1 }]);
    }
    for (const [userId, roles, fleetIds] of [
      [randomUUID(), ['RIDER'], []],
      [randomUUID(), ['DRIVER'], []],
      [randomUUID(), ['FLEET_MANAGER'], [randomUUID()]],
    ] as [string, Role[], string[]][]) {
      const refused = await subgraph.execute(query, variables, await as(userId, roles, fleetIds));
      expect(new Set(errorCodes(refused.errors))).toEqual(new Set(['FORBIDDEN']));
      // Both fields are nullable: each is null with its error, the user entity stays.
      expect(refused.data?._entities).toEqual([{ notifications: null, unreadNotificationCount: null }]);
    }
    const anonymous = await subgraph.execute(query, variables, { headers: {} });
    expect(new Set(errorCodes(anonymous.errors))).toEqual(new Set(['UNAUTHENTICATED']));
  });

  test('a Notification reference resolves only for its user and operations staff: null for anyone else, even on this port', async () => {
    const owner = randomUUID();
    const [note] = await inbox(owner, [{ minutesAgo: 1, unread: true }]);
    const query = ENTITIES_QUERY('... on Notification { id title }');
    const variables = { representations: [{ __typename: 'Notification', id: note!.id }] };
    expect((await subgraph.execute(query, variables, await as(owner, ['RIDER']))).data?._entities).toEqual([{ id: note!.id, title: 'Note 0' }]);
    expect((await subgraph.execute(query, variables)).data?._entities).toEqual([{ id: note!.id, title: 'Note 0' }]);
    const stranger = await subgraph.execute(query, variables, await as(randomUUID(), ['RIDER']));
    expect(stranger.errors).toBeUndefined();
    expect(stranger.data?._entities).toEqual([null]);
  });
});
