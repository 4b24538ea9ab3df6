// The real channel adapters against local servers that speak the providers' APIs: email through nodemailer to a
// real SMTP server (smtp-server), FCM HTTP v1 with its OAuth 2 token exchange, APNs over HTTP/2, Twilio's Messages
// API. Each: a message accepted; an invalid token or address recognised; an outage transient (retry later).
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { readNotificationsConfig } from '../src/config.js';
import { createApnsSender } from '../src/providers/apns.js';
import { createFcmSender } from '../src/providers/fcm.js';
import { ProviderError } from '../src/providers/index.js';
import { createSmtpEmailProvider } from '../src/providers/smtp.js';
import { createTwilioSmsProvider } from '../src/providers/twilio.js';
import { startFakeApns, startFakeFcm, startFakeTwilio } from './fake-providers.js';

const rsa = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const ec = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const message = { title: 'Your receipt', body: 'Paid €12.50 with your card.', link: 'ridegraph://trips/t1', notificationId: randomUUID() };

async function failure(promise: Promise<unknown>): Promise<{ transient: boolean; code: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProviderError) return { transient: error.transient, code: error.code };
    throw error;
  }
  throw new Error('expected a ProviderError');
}

describe('email through SMTP (nodemailer → smtp-server)', () => {
  const received: { from: string; to: string[]; data: string }[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('nobody@')) {
          const error = Object.assign(new Error('No such mailbox'), { responseCode: 550 });
          return callback(error);
        }
        callback();
      },
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('a message is delivered with subject, body and the notification header; a refused mailbox is permanent', async () => {
    const email = createSmtpEmailProvider({ url: `smtp://127.0.0.1:${port}`, from: 'Ridegraph <no-reply@ridegraph.dev>', allowInsecure: true });
    await email.send({ to: 'ada@example.com', subject: 'Your receipt', text: 'Paid €12.50 with your card.', notificationId: message.notificationId });
    expect(received).toHaveLength(1);
    expect(received[0]!.from).toBe('no-reply@ridegraph.dev');
    expect(received[0]!.to).toEqual(['ada@example.com']);
    expect(received[0]!.data).toContain('Subject: Your receipt');
    expect(received[0]!.data).toContain(`X-Ridegraph-Notification: ${message.notificationId}`);
    expect(received[0]!.data).toMatch(/Paid =E2=82=AC12\.50 with your card\.|Paid €12\.50 with your card\./);

    expect(await failure(email.send({ to: 'nobody@example.com', subject: 's', text: 't', notificationId: 'n' }))).toEqual({
      transient: false,
      code: 'smtp_550',
    });
    await email.close?.();
  });

  test('a server that is down is a transient failure; without TLS it refuses unless allowed', async () => {
    const down = createSmtpEmailProvider({ url: 'smtp://127.0.0.1:1', from: 'x@ridegraph.dev', allowInsecure: true });
    expect(await failure(down.send({ to: 'ada@example.com', subject: 's', text: 't', notificationId: 'n' }))).toMatchObject({ transient: true });
    await down.close?.();
    const strict = createSmtpEmailProvider({ url: `smtp://127.0.0.1:${port}`, from: 'x@ridegraph.dev' });
    await expect(strict.send({ to: 'ada@example.com', subject: 's', text: 't', notificationId: 'n' })).rejects.toBeInstanceOf(ProviderError);
    await strict.close?.();
  });
});

describe('push through FCM HTTP v1', () => {
  const account = { projectId: 'ridegraph-test', clientEmail: 'push@ridegraph-test.iam.gserviceaccount.com' };
  let fcm: Awaited<ReturnType<typeof startFakeFcm>>;
  beforeAll(async () => (fcm = await startFakeFcm({ ...account, publicKeyPem: rsa.publicKey })));
  afterAll(() => fcm.close());

  test('sends with an access token from the JWT grant, reused until revoked; UNREGISTERED is an invalid token; 503 transient', async () => {
    const send = createFcmSender({ ...account, privateKey: rsa.privateKey, tokenUri: `${fcm.url}/token`, apiBase: fcm.url });
    expect(await send({ ...message, token: 'valid-token-1', platform: 'ANDROID' })).toEqual({ status: 'sent' });
    expect(await send({ ...message, token: 'valid-token-2', platform: 'WEB' })).toEqual({ status: 'sent' });
    expect(fcm.tokenRequests()).toBe(1);
    expect(fcm.accepted[0]).toEqual({
      token: 'valid-token-1',
      notification: { title: 'Your receipt', body: message.body },
      data: { notificationId: message.notificationId, link: 'ridegraph://trips/t1' },
    });

    fcm.revokeAccessTokens();
    expect(await send({ ...message, token: 'valid-token-3', platform: 'ANDROID' })).toEqual({ status: 'sent' });
    expect(fcm.tokenRequests()).toBe(2);

    expect(await send({ ...message, token: 'unregistered-1', platform: 'ANDROID' })).toEqual({ status: 'invalid_token' });
    expect(await failure(send({ ...message, token: 'down-1', platform: 'ANDROID' }))).toEqual({ transient: true, code: 'http_503' });
  });

  test('a key the token endpoint does not accept is a permanent failure', async () => {
    const other = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const send = createFcmSender({ ...account, privateKey: other.privateKey, tokenUri: `${fcm.url}/token`, apiBase: fcm.url });
    expect(await failure(send({ ...message, token: 'valid-token-9', platform: 'ANDROID' }))).toEqual({ transient: false, code: 'http_400' });
  });
});

describe('push through APNs (HTTP/2)', () => {
  const team = { teamId: 'TEAM123456', keyId: 'KEY1234567', bundleId: 'dev.ridegraph.rider' };
  let apns: Awaited<ReturnType<typeof startFakeApns>>;
  beforeAll(async () => (apns = await startFakeApns({ ...team, publicKeyPem: ec.publicKey })));
  afterAll(() => apns.close());

  test('sends an alert with a provider token; Unregistered and BadDeviceToken are invalid tokens; 503 transient', async () => {
    const sender = createApnsSender({ ...team, privateKey: ec.privateKey, origin: apns.url });
    const token = 'a'.repeat(64);
    expect(await sender.send({ ...message, token, platform: 'IOS' })).toEqual({ status: 'sent' });
    expect(apns.accepted).toEqual([
      {
        token,
        payload: {
          aps: { alert: { title: 'Your receipt', body: message.body }, sound: 'default' },
          notificationId: message.notificationId,
          link: 'ridegraph://trips/t1',
        },
      },
    ]);
    expect(await sender.send({ ...message, token: `dead${'0'.repeat(60)}`, platform: 'IOS' })).toEqual({ status: 'invalid_token' });
    expect(await sender.send({ ...message, token: 'f'.repeat(64), platform: 'IOS' })).toEqual({ status: 'invalid_token' });
    expect(await failure(sender.send({ ...message, token: '5'.repeat(64), platform: 'IOS' }))).toEqual({ transient: true, code: 'http_503' });
    await sender.close();
  });

  test('a server that is down is transient', async () => {
    const sender = createApnsSender({ ...team, privateKey: ec.privateKey, origin: 'http://127.0.0.1:1' });
    expect(await failure(sender.send({ ...message, token: 'a'.repeat(64), platform: 'IOS' }))).toMatchObject({ transient: true });
    await sender.close();
  });
});

describe('SMS through the Twilio Messages API', () => {
  const credentials = { accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: 'secret-token' };
  let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;
  beforeAll(async () => (twilio = await startFakeTwilio(credentials)));
  afterAll(() => twilio.close());

  test('sends To/From/Body with basic auth; an invalid number is permanent; 503 transient', async () => {
    const sms = createTwilioSmsProvider({ ...credentials, from: '+15005550006', apiBase: twilio.url });
    await sms.send({ to: '+4915100000001', body: 'Your driver is here', notificationId: 'n' });
    expect(twilio.accepted).toEqual([{ To: '+4915100000001', Body: 'Your driver is here', From: '+15005550006' }]);
    expect(await failure(sms.send({ to: '+15005550001', body: 'x', notificationId: 'n' }))).toEqual({ transient: false, code: 'twilio_21211' });
    expect(await failure(sms.send({ to: '+15009990001', body: 'x', notificationId: 'n' }))).toEqual({ transient: true, code: 'http_503' });
    const wrong = createTwilioSmsProvider({ ...credentials, authToken: 'wrong', from: '+15005550006', apiBase: twilio.url });
    expect(await failure(wrong.send({ to: '+4915100000001', body: 'x', notificationId: 'n' }))).toEqual({ transient: false, code: 'http_401' });
  });
});

describe('configuration', () => {
  test('development providers by default; refused in production unless allowed', () => {
    expect(readNotificationsConfig({})).toEqual({ push: null, email: null, sms: null, consumerConcurrency: 16 });
    expect(() => readNotificationsConfig({ NODE_ENV: 'production' })).toThrow(/NOTIFICATIONS_PUSH_PROVIDER=development in production/);
    expect(readNotificationsConfig({ NODE_ENV: 'production', NOTIFICATIONS_ALLOW_DEVELOPMENT_PROVIDERS: 'true' })).toEqual({
      push: null,
      email: null,
      sms: null,
      consumerConcurrency: 16,
    });
  });

  test('real providers need their settings, named in the error', () => {
    expect(() => readNotificationsConfig({ NOTIFICATIONS_EMAIL_PROVIDER: 'smtp' })).toThrow(/SMTP_URL/);
    expect(() => readNotificationsConfig({ NOTIFICATIONS_SMS_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: 'AC1' })).toThrow(/TWILIO_AUTH_TOKEN/);
    expect(() => readNotificationsConfig({ NOTIFICATIONS_PUSH_PROVIDER: 'live' })).toThrow(/FCM_SERVICE_ACCOUNT/);
    expect(() => readNotificationsConfig({ NOTIFICATIONS_PUSH_PROVIDER: 'live', APNS_TEAM_ID: 'T' })).toThrow(/APNS_KEY_ID/);
    expect(() => readNotificationsConfig({ NOTIFICATIONS_PUSH_PROVIDER: 'live', FCM_SERVICE_ACCOUNT: '{' })).toThrow(/service account key JSON/);
    const config = readNotificationsConfig({
      NODE_ENV: 'production',
      NOTIFICATIONS_PUSH_PROVIDER: 'live',
      FCM_SERVICE_ACCOUNT: JSON.stringify({ project_id: 'p', client_email: 'e@p.iam.gserviceaccount.com', private_key: 'k' }),
      NOTIFICATIONS_EMAIL_PROVIDER: 'smtp',
      SMTP_URL: 'smtps://u:p@smtp.example.com:465',
      SMTP_FROM: 'Ridegraph <no-reply@ridegraph.dev>',
      NOTIFICATIONS_SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: 'AC1',
      TWILIO_AUTH_TOKEN: 't',
      TWILIO_FROM: '+15005550006',
    });
    expect(config.push?.fcm?.projectId).toBe('p');
    expect(config.push?.apns).toBeNull();
    expect(config.email).toEqual({ url: 'smtps://u:p@smtp.example.com:465', from: 'Ridegraph <no-reply@ridegraph.dev>' });
    expect(config.sms?.from).toBe('+15005550006');
  });
});
