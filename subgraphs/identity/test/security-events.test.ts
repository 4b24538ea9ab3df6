// The events notifications needs, written by triggers on identity's tables in the transaction of the change:
// user.contact.changed (on creation and on a change of phone or email), session.started (firstSession for the
// account's first), session.ended (with the reason) and user.password.changed (only when a password existed); and
// user.name.changed (on creation and on a change of name), which fleet keeps drivers' names from.
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
    .filter((row) => row.type !== 'user.registered' && row.type !== 'user.changed' && row.type !== 'user.name.changed')
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

test('user.name.changed: on creation and on each change of name only, timed by the change itself', async () => {
  const user = await prisma.user.create({ data: { name: 'Noor', roles: ['RIDER'] } });
  await prisma.user.update({ where: { id: user.id }, data: { roles: ['RIDER', 'DRIVER'], email: 'noor@example.com' } });
  await prisma.user.update({ where: { id: user.id }, data: { name: 'Noor' } });
  // A transaction that began before another rename but renames after it committed: its event is the newer one (the
  // row change's clock_timestamp, not the transaction's start), so consumers keeping the newest keep its name.
  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('select 1');
    await prisma.user.update({ where: { id: user.id }, data: { name: 'Noor A.' } });
    await tx.user.update({ where: { id: user.id }, data: { name: 'Noor Ali' } });
  });
  const rows = await prisma.outboxEvent.findMany({ where: { type: 'user.name.changed', payload: { path: ['userId'], equals: user.id } } });
  const byName = new Map(rows.map((row) => [(row.payload as { name: string }).name, row]));
  expect([...byName.keys()].sort()).toEqual(['Noor', 'Noor A.', 'Noor Ali']);
  expect(rows).toHaveLength(3);
  for (const row of rows) {
    expect(row.payload).toEqual({ userId: user.id, name: expect.any(String), occurredAt: row.occurredAt.toISOString() });
  }
  expect(byName.get('Noor Ali')!.occurredAt.getTime()).toBeGreaterThanOrEqual(byName.get('Noor A.')!.occurredAt.getTime());
  expect(byName.get('Noor A.')!.occurredAt.getTime()).toBeGreaterThanOrEqual(byName.get('Noor')!.occurredAt.getTime());
});
