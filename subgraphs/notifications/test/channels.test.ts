// The sender and the devices: queued deliveries go out through the providers; an outage delays and retries but the
// inbox row is never lost; permanent failures are recorded; invalid tokens removed; a device whose session ended
// gets nothing; contacts come from identity's events; staff read the delivery log.
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
import { ProviderError, type EmailMessage, type PushMessage, type PushResult, type SmsMessage } from '../src/providers/index.js';
import { buildNotificationsSubgraph, type NotificationsSubgraph } from '../src/server.js';
import { openNotificationsDatabase, type NotificationsPrisma } from '../src/store/database.js';
import { envelope } from './support.js';

let db: TestDatabase;
let prisma: NotificationsPrisma;
let testAuth: TestAuth;
let built: NotificationsSubgraph;
let subgraph: InProcessSubgraph;

const pushes: PushMessage[] = [];
const emails: EmailMessage[] = [];
const texts: SmsMessage[] = [];
/** What the next push/email calls do, consumed in order; empty: succeed. */
const pushScript: (PushResult | ProviderError)[] = [];
const emailScript: ProviderError[] = [];
const IOS_TOKEN = 'a'.repeat(64);
const FCM_TOKEN = `fcm-${'x'.repeat(40)}`;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = openNotificationsDatabase(db.target);
  testAuth = await createTestAuth();
  built = await buildNotificationsSubgraph(await testSubgraphDeps(db.target, undefined, testAuth), {
    background: false,
    retryDelaysMs: [0, 0],
    providers: {
      push: {
        send: async (m) => {
          const next = pushScript.shift();
          if (next instanceof ProviderError) throw next;
          if (next?.status === 'invalid_token') return next;
          pushes.push(m);
          return { status: 'sent' };
        },
      },
      email: {
        send: async (m) => {
          const next = emailScript.shift();
          if (next) throw next;
          emails.push(m);
        },
      },
      sms: { send: async (m) => void texts.push(m) },
    },
  });
  subgraph = await startInProcess(built);
});

afterAll(async () => {
  await subgraph?.stop();
  await prisma?.$disconnect();
  await db?.drop();
});

beforeEach(() => {
  pushes.length = 0;
  emails.length = 0;
  texts.length = 0;
  pushScript.length = 0;
  emailScript.length = 0;
});

const REGISTER =
  'mutation ($token: String!, $platform: PushPlatform!, $sessionId: ID) { registerPushDevice(token: $token, platform: $platform, sessionId: $sessionId) { id platform sessionId } }';
const UNREGISTER = 'mutation ($token: String!) { unregisterPushDevice(token: $token) { removed } }';
const now = () => new Date().toISOString();

/** A rider identity told us about: contact, a session; optionally a registered device. */
async function rider(options: { email?: string | null; phone?: string | null; device?: string } = {}) {
  const userId = randomUUID();
  const sessionId = randomUUID();
  await built.services.handleEvent(
    envelope('user.contact.changed', {
      userId,
      phone: options.phone ?? null,
      email: options.email === undefined ? `${userId.slice(0, 8)}@example.com` : options.email,
      occurredAt: now(),
    }),
  );
  await built.services.handleEvent(
    envelope('session.started', { sessionId, userId, deviceName: 'Pixel 9', devicePlatform: 'ANDROID', firstSession: true, occurredAt: now() }),
  );
  const headers = await testAuth.headersFor({ userId, roles: ['RIDER'], sessionId });
  if (options.device) {
    const result = await subgraph.execute(REGISTER, { token: options.device, platform: options.device.length === 64 ? 'IOS' : 'ANDROID' }, { headers });
    expect(result.errors).toBeUndefined();
  }
  return { userId, sessionId, headers };
}

const receipt = (payerUserId: string) =>
  envelope('payment.succeeded', {
    paymentId: randomUUID(),
    purpose: 'TOP_UP',
    payerUserId,
    tripId: null,
    driverUserId: null,
    amount: { amountMinor: 1500, currency: 'EUR' },
    method: 'WALLET',
    receiptNumber: 'R-7',
    occurredAt: now(),
  });
const log = async (userId: string) =>
  (await prisma.delivery.findMany({ where: { userId }, orderBy: { channel: 'asc' } })).map((d) => ({
    channel: d.channel,
    status: d.status,
    reason: d.reason,
    attempts: d.attempts,
  }));

test('a receipt goes out by push and email to the devices and address identity told us about', async () => {
  const { userId } = await rider({ email: 'ada@example.com', device: IOS_TOKEN });
  await built.services.handleEvent(receipt(userId));
  await built.sender.flush();

  expect(pushes.map(({ token, platform, title, body }) => ({ token, platform, title, body }))).toEqual([
    { token: IOS_TOKEN, platform: 'IOS', title: 'Your receipt', body: 'Paid €15.00 with your wallet. Receipt R-7.' },
  ]);
  expect(emails.map(({ to, subject, text }) => ({ to, subject, text }))).toEqual([
    { to: 'ada@example.com', subject: 'Your receipt', text: expect.stringContaining('Paid €15.00 with your wallet.') },
  ]);
  expect(await log(userId)).toEqual([
    { channel: 'PUSH', status: 'SENT', reason: null, attempts: 1 },
    { channel: 'EMAIL', status: 'SENT', reason: null, attempts: 1 },
    { channel: 'SMS', status: 'SKIPPED', reason: 'PREFERENCE', attempts: 0 },
  ]);
});

test('a provider outage delays and retries; the inbox has the message throughout; retries run out into FAILED', async () => {
  const { userId } = await rider({ email: 'grace@example.com', device: FCM_TOKEN });
  pushScript.push(new ProviderError('FCM answered 503', true, 'http_503'));
  emailScript.push(
    new ProviderError('SMTP server unreachable', true, 'ECONNREFUSED'),
    new ProviderError('down', true, 'ECONNREFUSED'),
    new ProviderError('down', true, 'ECONNREFUSED'),
  );
  await built.services.handleEvent(receipt(userId));
  expect(await prisma.notification.count({ where: { userId } })).toBe(1);

  await built.sender.flush();
  expect(pushes).toHaveLength(1);
  expect(emails).toHaveLength(0);
  const emailRow = await prisma.delivery.findFirstOrThrow({ where: { userId, channel: 'EMAIL' } });
  expect({ status: emailRow.status, reason: emailRow.reason, attempts: emailRow.attempts, lastError: emailRow.lastError }).toEqual({
    status: 'FAILED',
    reason: 'RETRIES_EXHAUSTED',
    attempts: 3,
    lastError: 'down',
  });
  expect((await log(userId))[0]).toEqual({ channel: 'PUSH', status: 'SENT', reason: null, attempts: 2 });
  expect(await prisma.notification.count({ where: { userId } })).toBe(1);
});

test('a permanent refusal is recorded FAILED with the provider’s code, not retried', async () => {
  const { userId } = await rider({ email: 'nobody@example.com' });
  emailScript.push(new ProviderError('SMTP 550: no such mailbox', false, 'smtp_550'));
  await built.services.handleEvent(receipt(userId));
  await built.sender.flush();
  expect((await log(userId))[1]).toEqual({ channel: 'EMAIL', status: 'FAILED', reason: 'smtp_550', attempts: 1 });
});

test('no device, no address: SKIPPED with the reason', async () => {
  const { userId } = await rider({ email: null });
  await built.services.handleEvent(receipt(userId));
  await built.sender.flush();
  expect(await log(userId)).toEqual([
    { channel: 'PUSH', status: 'SKIPPED', reason: 'NO_DEVICE', attempts: 1 },
    { channel: 'EMAIL', status: 'SKIPPED', reason: 'NO_ADDRESS', attempts: 1 },
    { channel: 'SMS', status: 'SKIPPED', reason: 'PREFERENCE', attempts: 0 },
  ]);
});

test('a token the provider reports invalid is removed; the other device still gets it', async () => {
  const { userId, headers } = await rider({ device: IOS_TOKEN });
  const other = `fcm-${randomUUID().replace(/-/g, '')}`;
  await subgraph.execute(REGISTER, { token: other, platform: 'ANDROID' }, { headers });
  pushScript.push({ status: 'invalid_token' });
  await built.services.handleEvent(receipt(userId));
  await built.sender.flush();
  expect(pushes.map((p) => p.token)).toEqual([other]);
  expect((await prisma.pushDevice.findMany({ where: { userId } })).map((d) => d.token)).toEqual([other]);
});

test('a revoked session’s device gets nothing, and cannot be registered again under that session', async () => {
  const { userId, sessionId, headers } = await rider({ device: FCM_TOKEN });
  await built.services.handleEvent(envelope('session.ended', { sessionId, userId, reason: 'REVOKED_BY_USER', occurredAt: now() }));
  await built.services.handleEvent(receipt(userId));
  await built.sender.flush();
  expect(pushes).toEqual([]);
  expect((await log(userId))[0]).toEqual({ channel: 'PUSH', status: 'SKIPPED', reason: 'NO_DEVICE', attempts: 1 });
  const again = await subgraph.execute(REGISTER, { token: FCM_TOKEN, platform: 'ANDROID' }, { headers });
  expect(again.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([['FORBIDDEN', 'SESSION_ENDED']]);
});

test('security notices: a new sign-in (not the first), a password change, a taken-over session; signing out is not one', async () => {
  const { userId } = await rider({ email: 'sec@example.com' });
  await prisma.notificationPreference.create({ data: { userId, type: 'SECURITY_NOTICE', channel: 'EMAIL', enabled: false } }).catch(() => undefined);
  await built.services.handleEvent(
    envelope('session.started', { sessionId: randomUUID(), userId, deviceName: 'iPhone 16', devicePlatform: 'IOS', firstSession: false, occurredAt: now() }),
  );
  await built.services.handleEvent(envelope('user.password.changed', { userId, occurredAt: now() }));
  await built.services.handleEvent(envelope('session.ended', { sessionId: randomUUID(), userId, reason: 'REFRESH_TOKEN_REUSED', occurredAt: now() }));
  await built.services.handleEvent(envelope('session.ended', { sessionId: randomUUID(), userId, reason: 'SIGNED_OUT', occurredAt: now() }));
  const titles = (await prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } })).map((n) => [n.type, n.title]);
  expect(titles).toEqual([
    ['SECURITY_NOTICE', 'New sign-in'],
    ['SECURITY_NOTICE', 'Password changed'],
    ['SECURITY_NOTICE', 'Session ended'],
  ]);
  await built.sender.flush();
  // Mandatory: email goes out even with a stored "off" (which the API refuses to write anyway).
  expect(emails.map((e) => e.subject)).toEqual(['New sign-in', 'Password changed', 'Session ended']);
});

test('an older contact event never overwrites a newer one', async () => {
  const userId = randomUUID();
  await built.services.handleEvent(
    envelope('user.contact.changed', { userId, phone: '+4915100000002', email: 'new@example.com', occurredAt: '2026-12-07T10:00:01.000Z' }),
  );
  await built.services.handleEvent(
    envelope('user.contact.changed', { userId, phone: '+4915100000001', email: 'old@example.com', occurredAt: '2026-12-07T10:00:00.000Z' }),
  );
  expect(await prisma.contact.findUnique({ where: { userId }, select: { phone: true, email: true } })).toEqual({
    phone: '+4915100000002',
    email: 'new@example.com',
  });
});

describe('devices', () => {
  test.each([
    ['an iOS token that is not 64 hex digits', 'BAD_USER_INPUT', 'token', { token: 'abc', platform: 'IOS' }],
    ['an FCM token with spaces', 'BAD_USER_INPUT', 'token', { token: 'not a token at all, clearly not one', platform: 'ANDROID' }],
    ['a malformed session id', 'BAD_USER_INPUT', 'sessionId', { token: FCM_TOKEN, platform: 'WEB', sessionId: 'nope' }],
    ['someone else’s session', 'NOT_FOUND', undefined, { token: FCM_TOKEN, platform: 'WEB', sessionId: randomUUID() }],
  ])('%s → %s', async (_label, code, field, variables) => {
    const { headers, userId } = await rider();
    const result = await subgraph.execute(REGISTER, variables, { headers });
    expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([[code, field]]);
    expect(await prisma.pushDevice.count({ where: { userId } })).toBe(0);
  });

  test('a token moves to whoever registers it last; unregister removes only one’s own', async () => {
    const first = await rider({ device: 'b'.repeat(64) });
    const second = await rider();
    const moved = await subgraph.execute<{ registerPushDevice: { sessionId: string } }>(
      REGISTER,
      { token: 'b'.repeat(64), platform: 'IOS' },
      { headers: second.headers },
    );
    expect(moved.data?.registerPushDevice.sessionId).toBe(second.sessionId);
    expect((await subgraph.execute(UNREGISTER, { token: 'b'.repeat(64) }, { headers: first.headers })).data).toEqual({
      unregisterPushDevice: { removed: false },
    });
    expect((await subgraph.execute(UNREGISTER, { token: 'b'.repeat(64) }, { headers: second.headers })).data).toEqual({
      unregisterPushDevice: { removed: true },
    });
    expect(await prisma.pushDevice.count({ where: { token: 'b'.repeat(64) } })).toBe(0);
  });
});

test('who may read a user’s delivery log (table of intent)', async () => {
  const owner = await rider();
  await built.services.handleEvent(receipt(owner.userId));
  const QUERY =
    'query ($id: ID!) { _entities(representations: [{ __typename: "User", id: $id }]) { ... on User { notificationDeliveries(first: 2) { edges { node { channel status } } pageInfo { hasNextPage } } } } }';
  const cases: [string, Record<string, string>, string][] = [
    ['operations', await testAuth.headersFor({ userId: randomUUID(), roles: ['OPERATIONS'] }), 'allowed'],
    ['super admin', await testAuth.headersFor({ userId: randomUUID(), roles: ['SUPER_ADMIN'] }), 'allowed'],
    ['the user', owner.headers, 'FORBIDDEN'],
    ['a fleet manager', await testAuth.headersFor({ userId: randomUUID(), roles: ['FLEET_MANAGER'] }), 'FORBIDDEN'],
  ];
  const outcomes = await Promise.all(
    cases.map(async ([who, headers]) => {
      const result = await subgraph.execute<{ _entities: { notificationDeliveries: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } | null }[] }>(
        QUERY,
        { id: owner.userId },
        { headers },
      );
      const page = result.data?._entities[0]?.notificationDeliveries;
      return [who, page ? `allowed` : result.errors?.[0]?.extensions?.code, page ? [page.edges.length, page.pageInfo.hasNextPage] : undefined];
    }),
  );
  expect(outcomes).toEqual(cases.map(([who, , expected]) => [who, expected, expected === 'allowed' ? [2, true] : undefined]));
});
