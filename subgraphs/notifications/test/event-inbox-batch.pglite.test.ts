// The inbox consumer's batch path on PGlite, the embedded default (`npm start`): its set-based inserts send enum
// arrays, which PGlite's driver only accepts as text[] cast in SQL. Before that cast the batch and its one-at-a-time
// fallback both failed there, and an embedded ride notified no one.
import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { migrateSubgraphs, openEmbeddedPostgres } from '../../../platform/db/index.js';
import { createLogger } from '../../../platform/logging/index.js';
import { createMemoryPubSub } from '../../../platform/pubsub/index.js';
import { createNotificationsServices, type NotificationsServices } from '../src/services/index.js';
import { openNotificationsDatabase, type NotificationsPrisma } from '../src/store/database.js';
import { CHANNELS } from '../src/templates/catalogue.js';
import { envelope } from './support.js';

let pglite: PGlite;
let prisma: NotificationsPrisma;
let services: NotificationsServices;
const pubsub = createMemoryPubSub({ prefix: `batch-pglite:${randomUUID()}:` });

beforeAll(async () => {
  pglite = await openEmbeddedPostgres();
  await migrateSubgraphs({ kind: 'pglite', pglite });
  prisma = openNotificationsDatabase({ kind: 'pglite', pglite });
  services = createNotificationsServices({ prisma, pubsub, logger: createLogger({ level: 'silent' }) });
}, 60_000);

afterAll(async () => {
  await pubsub.dispose();
  await prisma?.$disconnect();
  await pglite?.close();
});

test('a batch of two sign-ups writes each welcome and one delivery row per channel', async () => {
  const users = [randomUUID(), randomUUID()];
  const events = users.map((userId) => envelope('user.registered', { userId, roles: ['RIDER'], active: true, occurredAt: new Date().toISOString() }));
  const results = await services.handleEvents(events);
  expect(results.map((notifications) => notifications.map((n) => n.type))).toEqual([['WELCOME'], ['WELCOME']]);
  for (const userId of users) {
    const [welcome] = await prisma.notification.findMany({ where: { userId }, select: { id: true, kind: true, type: true } });
    expect(welcome).toMatchObject({ kind: 'ACCOUNT', type: 'WELCOME' });
    const deliveries = await prisma.delivery.findMany({ where: { notificationId: welcome!.id }, select: { channel: true } });
    expect(deliveries.map((d) => d.channel).sort()).toEqual([...CHANNELS].sort());
  }
});
