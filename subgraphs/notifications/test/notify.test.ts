// Creating a notification: the row is written, then NOTIFICATION_ADDED goes out on the recipient's channel; a live
// event that cannot be sent is logged and never undoes or fails the write.
import { randomUUID } from 'node:crypto';
import { createLogger } from '../../../platform/logging/index.js';
import { createMemoryPubSub, PubSubUnavailableError, type LivePubSub } from '../../../platform/pubsub/index.js';
import { createTestDatabase, type TestDatabase } from '../../../platform/testing/index.js';
import { createNotifier } from '../src/services/notify.js';
import { openNotificationsDatabase, type NotificationsPrisma } from '../src/store/database.js';
import { createNotificationStore } from '../src/store/notification-store.js';

let db: TestDatabase;
let prisma: NotificationsPrisma;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = openNotificationsDatabase(db.target);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

test('notify stores the notification and publishes it on the recipient channel only', async () => {
  const pubsub = createMemoryPubSub({ prefix: `test:${randomUUID()}:` });
  const userId = randomUUID();
  const mine = pubsub.subscribe('NOTIFICATION_ADDED', userId);
  const someoneElse = pubsub.subscribe('NOTIFICATION_ADDED', randomUUID());
  const notifier = createNotifier({ store: createNotificationStore(prisma), pubsub, logger: createLogger({ level: 'silent' }) });

  const created = await notifier.notify({ userId, kind: 'PAYMENT', title: 'Refund issued', body: 'EUR 4.50 is on its way' });

  expect(await prisma.notification.findUnique({ where: { id: created.id } })).toMatchObject({ userId, kind: 'PAYMENT', title: 'Refund issued', readAt: null });
  expect((await mine.next()).value).toEqual({ notificationId: created.id, userId });
  const nothing = new Promise((resolve) => setTimeout(() => resolve('nothing'), 50));
  expect(await Promise.race([someoneElse.next().then(() => 'an event'), nothing])).toBe('nothing');
  await pubsub.dispose();
});

test('a publish that fails is logged; the notification is stored and returned', async () => {
  const warnings: string[] = [];
  const logger = createLogger({ level: 'silent' });
  logger.warn = ((_fields: unknown, message: string) => void warnings.push(message)) as typeof logger.warn;
  const failing = {
    publish: async () => {
      throw new PubSubUnavailableError('Redis is away');
    },
  } as unknown as LivePubSub;
  const notifier = createNotifier({ store: createNotificationStore(prisma), pubsub: failing, logger });

  const created = await notifier.notify({ userId: randomUUID(), kind: 'TRIP', title: 'Receipt', body: 'Thanks' });

  expect(await prisma.notification.count({ where: { id: created.id } })).toBe(1);
  expect(warnings).toEqual(['notificationAdded not published; the notification is stored']);
});
