// The sender's batch on PostgreSQL and on PGlite (the embedded default): one pass reads what every claimed delivery
// needs and records every outcome set-wise — a fixed number of statements whatever the batch's size — and each
// outcome lands exactly as it would alone: SENT, SKIPPED (no device / no address / the device's session ended),
// FAILED (a permanent refusal), RETRY (a transient one: still QUEUED, due later, the error kept), an invalid token's
// device removed. Arrays travel as text[] cast in SQL, which PGlite's driver needs.
import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { migrateSubgraphs, openEmbeddedPostgres, type DatabaseTarget } from '../../../platform/db/index.js';
import { createLogger } from '../../../platform/logging/index.js';
import { createTestDatabase, type TestDatabase } from '../../../platform/testing/index.js';
import { ProviderError, type Providers } from '../src/providers/index.js';
import { createSender } from '../src/services/sender.js';
import { openNotificationsDatabase, type NotificationsPrisma } from '../src/store/database.js';

/** Providers that answer by address: what each recipient's delivery meets. */
const providers: Providers = {
  push: {
    send: async ({ token }) => {
      if (token.startsWith('invalid-')) return { status: 'invalid_token' };
      if (token.startsWith('down-')) throw new ProviderError('FCM answered 503', true, 'http_503');
      return { status: 'sent' };
    },
  },
  email: {
    send: async ({ to }) => {
      if (to.startsWith('down@')) throw new ProviderError('SMTP 421', true, 'smtp_421');
      if (to.startsWith('gone@')) throw new ProviderError('SMTP 550 no such mailbox', false, 'smtp_550');
    },
  },
  sms: { send: async () => undefined },
};

interface Backend {
  name: string;
  open: () => Promise<{ target: DatabaseTarget; close: () => Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'PostgreSQL',
    open: async () => {
      const db: TestDatabase = await createTestDatabase();
      return { target: db.target, close: () => db.drop() };
    },
  },
  {
    name: 'PGlite',
    open: async () => {
      const pglite: PGlite = await openEmbeddedPostgres();
      return { target: { kind: 'pglite', pglite }, close: () => pglite.close() };
    },
  },
];

describe.each(backends)('the sender on $name', (backend) => {
  let prisma: NotificationsPrisma;
  let close: () => Promise<void>;
  const statements: string[] = [];

  beforeAll(async () => {
    const opened = await backend.open();
    close = opened.close;
    await migrateSubgraphs(opened.target);
    prisma = openNotificationsDatabase(opened.target, (sql) => statements.push(sql));
  }, 60_000);

  afterAll(async () => {
    await prisma?.$disconnect();
    await close?.();
  });

  /** A notification for a new user with one QUEUED delivery on `channel`, due now. */
  async function queued(channel: 'PUSH' | 'EMAIL' | 'SMS', contact?: { email?: string; phone?: string }) {
    const userId = randomUUID();
    const notification = await prisma.notification.create({ data: { userId, kind: 'ACCOUNT', type: 'WELCOME', title: 'Welcome', body: 'Hello', link: null } });
    const delivery = await prisma.delivery.create({
      data: { notificationId: notification.id, userId, channel, status: 'QUEUED', nextAttemptAt: new Date(Date.now() - 1000) },
    });
    if (contact) await prisma.contact.create({ data: { userId, email: contact.email ?? null, phone: contact.phone ?? null, changedAt: new Date() } });
    return { userId, deliveryId: delivery.id };
  }

  async function device(userId: string, token: string, sessionId: string | null = null) {
    return prisma.pushDevice.create({ data: { userId, token: `${token}-${randomUUID()}`, platform: 'ANDROID', sessionId } });
  }

  test('one pass records each outcome as it would alone, in a fixed number of statements', async () => {
    const sent = await queued('PUSH');
    await device(sent.userId, 'ok');
    const endedSession = await queued('PUSH');
    const ended = randomUUID();
    await device(endedSession.userId, 'ok', ended);
    await prisma.knownSession.create({ data: { sessionId: ended, userId: endedSession.userId, endedAt: new Date() } });
    const invalidToken = await queued('PUSH');
    const invalid = await device(invalidToken.userId, 'invalid');
    const pushOutage = await queued('PUSH');
    await device(pushOutage.userId, 'down');
    const emailSent = await queued('EMAIL', { email: 'rider@example.com' });
    const emailOutage = await queued('EMAIL', { email: 'down@example.com' });
    const emailGone = await queued('EMAIL', { email: 'gone@example.com' });
    const noAddress = await queued('EMAIL');
    const smsSent = await queued('SMS', { phone: '+15550001111' });

    const sender = createSender({ prisma, providers, logger: createLogger({ level: 'silent' }), retryDelaysMs: [60_000] });
    statements.length = 0;
    const before = Date.now();
    await sender.drain();
    const ofThePass = [...statements];

    const row = (id: string) =>
      prisma.delivery.findUniqueOrThrow({
        where: { id },
        select: { status: true, reason: true, attempts: true, lastError: true, sentAt: true, nextAttemptAt: true },
      });
    const ended_ = { status: 'SENT', reason: null, attempts: 1, lastError: null, sentAt: expect.any(Date), nextAttemptAt: null };
    expect(await row(sent.deliveryId)).toEqual(ended_);
    expect(await row(emailSent.deliveryId)).toEqual(ended_);
    expect(await row(smsSent.deliveryId)).toEqual(ended_);
    const skipped = (reason: string) => ({ status: 'SKIPPED', reason, attempts: 1, lastError: null, sentAt: null, nextAttemptAt: null });
    expect(await row(endedSession.deliveryId)).toEqual(skipped('NO_DEVICE'));
    expect(await row(invalidToken.deliveryId)).toEqual(skipped('NO_DEVICE'));
    expect(await row(noAddress.deliveryId)).toEqual(skipped('NO_ADDRESS'));
    expect(await row(emailGone.deliveryId)).toEqual({
      status: 'FAILED',
      reason: 'smtp_550',
      attempts: 1,
      lastError: 'SMTP 550 no such mailbox',
      sentAt: null,
      nextAttemptAt: null,
    });
    for (const [id, error] of [
      [pushOutage.deliveryId, 'FCM answered 503'],
      [emailOutage.deliveryId, 'SMTP 421'],
    ] as const) {
      const retry = await row(id);
      expect(retry).toEqual({ status: 'QUEUED', reason: null, attempts: 1, lastError: error, sentAt: null, nextAttemptAt: expect.any(Date) });
      // Due again after the first retry delay (60 s here), not before.
      expect(retry.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(before + 60_000);
    }
    // The provider called the token invalid: its device is gone.
    expect(await prisma.pushDevice.count({ where: { id: invalid.id } })).toBe(0);

    // The pass, nine deliveries: the claim (select for update, update, the deliveries, their notifications), then
    // devices, ended sessions and contacts, the invalid device's delete, all outcomes in one update; then the next
    // claim finds nothing due. The same ten statements for a full batch of 100 (COMMIT is left out: only the pg driver
    // reports it).
    const verbs = ofThePass.map((sql) => /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase()).filter((verb) => verb !== 'COMMIT');
    expect(verbs).toEqual(['SELECT', 'UPDATE', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'DELETE', 'UPDATE', 'SELECT']);
  });
});
