// The events notifications needs, written by triggers on identity's tables in the transaction of the change:
// user.contact.changed (on creation and on a change of phone or email), session.started (firstSession for the
// account's first), session.ended (with the reason) and user.password.changed (only when a password existed).
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../platform/testing/index.js';
import { openIdentityDatabase, type IdentityPrisma } from '../src/store/database.js';

let db: TestDatabase;
let prisma: IdentityPrisma;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = openIdentityDatabase(db.target);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

/** Events written since `since` for this user, oldest first, without their timestamps. */
async function eventsOf(userId: string) {
  const rows = await prisma.outboxEvent.findMany({ orderBy: { occurredAt: 'asc' } });
  return rows
    .filter((row) => (row.payload as { userId?: string }).userId === userId)
    .filter((row) => row.type !== 'user.registered' && row.type !== 'user.changed')
    .map((row) => {
      const { occurredAt, ...payload } = row.payload as Record<string, unknown>;
      expect(occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      return [row.type, payload];
    });
}

test('contacts, sessions and password changes each emit their event; other changes emit none', async () => {
  const userId = randomUUID();
  const [first, second] = [randomUUID(), randomUUID()];
  const now = new Date();
  const session = (id: string) => ({
    id,
    userId,
    deviceName: 'Pixel 9',
    devicePlatform: 'ANDROID' as const,
    createdAt: now,
    lastUsedAt: now,
    expiresAt: new Date(now.getTime() + 3600_000),
  });

  await prisma.user.create({ data: { id: userId, name: 'Ada', phone: '+4915100000001', roles: ['RIDER'] } });
  await prisma.session.create({ data: session(first) });
  await prisma.session.create({ data: session(second) });
  await prisma.user.update({ where: { id: userId }, data: { email: 'ada@example.com' } });
  await prisma.user.update({ where: { id: userId }, data: { name: 'Ada L.' } });
  await prisma.user.update({ where: { id: userId }, data: { passwordHash: 'hash-1' } });
  await prisma.user.update({ where: { id: userId }, data: { passwordHash: 'hash-2' } });
  await prisma.session.update({ where: { id: second }, data: { revokedAt: new Date(), revocationReason: 'SIGNED_OUT' } });
  await prisma.session.update({ where: { id: second }, data: { lastUsedAt: new Date() } });

  expect(await eventsOf(userId)).toEqual([
    ['user.contact.changed', { userId, phone: '+4915100000001', email: null }],
    ['session.started', { sessionId: first, userId, deviceName: 'Pixel 9', devicePlatform: 'ANDROID', firstSession: true }],
    ['session.started', { sessionId: second, userId, deviceName: 'Pixel 9', devicePlatform: 'ANDROID', firstSession: false }],
    ['user.contact.changed', { userId, phone: '+4915100000001', email: 'ada@example.com' }],
    ['user.password.changed', { userId }],
    ['session.ended', { sessionId: second, userId, reason: 'SIGNED_OUT' }],
  ]);
});
