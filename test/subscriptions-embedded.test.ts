// The embedded mode as `npm start` runs it — every subgraph and the gateway in one process over the committed,
// composed supergraph and one in-process pub/sub — serves notificationAdded over graphql-ws with a cross-subgraph
// payload.
import { randomUUID } from 'node:crypto';
import { createLogger } from '../platform/logging/index.js';
import { createMemoryPubSub } from '../platform/pubsub/index.js';
import { createTestAuth, createTestDatabase, EVENT_WAIT_MS, type TestAuth, type TestDatabase } from '../platform/testing/index.js';
import { startSupergraph, type RunningSupergraph } from '../embedded/src/supergraph.js';
import { openIdentityDatabase, type IdentityPrisma } from '../subgraphs/identity/src/store/database.js';
import { createNotifier, type Notifier } from '../subgraphs/notifications/src/services/notify.js';
import { openNotificationsDatabase, type NotificationsPrisma } from '../subgraphs/notifications/src/store/database.js';
import { createNotificationStore } from '../subgraphs/notifications/src/store/notification-store.js';
import { SUPERGRAPH_PATH } from './support/composed-schema.js';
import { connectWs, eventually } from './support/subscriptions-stack.js';

const logger = createLogger({ level: 'silent' });
const pubsub = createMemoryPubSub({ prefix: `test:${randomUUID()}:` });
let db: TestDatabase;
let testAuth: TestAuth;
let supergraph: RunningSupergraph;
let identity: IdentityPrisma;
let notifications: NotificationsPrisma;
let notifier: Notifier;

beforeAll(async () => {
  db = await createTestDatabase();
  testAuth = await createTestAuth();
  supergraph = await startSupergraph({
    database: db.target,
    pubsub,
    auth: testAuth.auth,
    logger,
    supergraphPath: SUPERGRAPH_PATH,
    gatewayPort: 0,
    subgraphPorts: 'any',
  });
  identity = openIdentityDatabase(db.target);
  notifications = openNotificationsDatabase(db.target);
  notifier = createNotifier({ store: createNotificationStore(notifications), pubsub, logger });
});

afterAll(async () => {
  await supergraph?.stop();
  await pubsub.dispose();
  await identity?.$disconnect();
  await notifications?.$disconnect();
  await db?.drop();
});

test('notificationAdded through the embedded supergraph carries identity fields, for its recipient only', async () => {
  const ada = await identity.user.create({ data: { name: 'Ada Embedded', roles: ['RIDER'] } });
  const bo = await identity.user.create({ data: { name: 'Bo Embedded', roles: ['RIDER'] } });
  // A new account's user.registered brings it a welcome notification, published live when written: wait for both
  // before subscribing, so the only live message while subscribed is this test's (under CI load a welcome once
  // arrived after the subscription opened).
  await eventually(
    async () => expect(await notifications.notification.count({ where: { userId: { in: [ada.id, bo.id] }, type: 'WELCOME' } })).toBe(2),
    EVENT_WAIT_MS,
  );
  const wsUrl = supergraph.gateway.url.replace(/^http/, 'ws');
  const query = 'subscription { notificationAdded { title recipient { name } } }';
  const forAda = connectWs(wsUrl, { authorization: `Bearer ${await testAuth.tokenFor({ userId: ada.id, roles: ['RIDER'] })}` });
  const forBo = connectWs(wsUrl, { authorization: `Bearer ${await testAuth.tokenFor({ userId: bo.id, roles: ['RIDER'] })}` });
  const a = forAda.subscribe<{ notificationAdded: { title: string; recipient: { name: string } } }>(query);
  const b = forBo.subscribe(query);
  const notificationsSubgraph = supergraph.subgraphs.find((s) => s.name === 'notifications')!;
  // Generous: the first subscription through the embedded gateway plans and connects under whatever load CI has.
  await eventually(() => expect(notificationsSubgraph.subscriptions?.activeSubscriptions()).toBe(2), 20_000);

  await notifier.notify({ userId: ada.id, kind: 'ACCOUNT', title: 'Welcome', body: 'Hello' });
  expect((await a.next()).data).toEqual({ notificationAdded: { title: 'Welcome', recipient: { name: 'Ada Embedded' } } });
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(b.results).toEqual([]);
  await Promise.all([forAda.dispose(), forBo.dispose()]);
  await eventually(() => expect(notificationsSubgraph.subscriptions?.activeSubscriptions()).toBe(0), 20_000);
}, 120_000);
