// What a demo rider is told through the whole supergraph on PostgreSQL + Redis (live pub/sub and the durable event
// bus through Redis, as the distributed mode runs them): each step of a cash ride reaches `notificationAdded` over
// graphql-ws at the gateway and the inbox; pushes go through FCM HTTP v1 to a local fake, the receipt by email through
// SMTP (nodemailer) to a local smtp-server. The rider then turns the receipt's email off: the next receipt reaches the
// inbox and the phone, but its email delivery is SKIPPED (PREFERENCE) and nothing more is mailed.
// Demo driver and rider 3: no other test in this file's database uses them.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DEMO_PHONES } from '../platform/demo/index.js';
import { EVENT_WAIT_MS, readUntil } from '../platform/testing/index.js';
import { createPushRouter } from '../subgraphs/notifications/src/providers/index.js';
import { createSmtpEmailProvider } from '../subgraphs/notifications/src/providers/smtp.js';
import { buildNotificationsSubgraph } from '../subgraphs/notifications/src/server.js';
import { startFakeFcm } from '../subgraphs/notifications/test/fake-providers.js';
import { checkIn, gatewayData, north, upstreamSubscriptions, type Headers } from './support/gateway-apps.js';
import { messageCapture, signInByPhoneCode } from './support/message-capture.js';
import { connectWs, eventually, type TestWsClient } from './support/subscriptions-stack.js';
import { startTestSupergraph, type TestSupergraph } from './support/test-supergraph.js';

const rsa = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const account = { projectId: 'ridegraph-gateway-test', clientEmail: 'push@ridegraph-gateway-test.iam.gserviceaccount.com' };

let env: TestSupergraph;
let fcm: Awaited<ReturnType<typeof startFakeFcm>>;
let smtp: SMTPServer;
const mailed: { to: string[]; data: string }[] = [];
// The rider signs in by phone code (the development SMS provider's log is the phone): changing an email needs a
// recent sign-in, and the push device is tied to that session.
const messages = messageCapture();
let client: TestWsClient | undefined;

beforeAll(async () => {
  fcm = await startFakeFcm({ ...account, publicKeyPem: rsa.publicKey });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        mailed.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  env = await startTestSupergraph({
    transport: 'Redis',
    logger: messages.logger,
    subgraphFactories: {
      // The real adapters, pointed at the local servers (the configuration would read FCM_* and SMTP_* instead).
      notifications: (deps) =>
        buildNotificationsSubgraph(deps, {
          providers: {
            push: createPushRouter({
              fcm: { ...account, privateKey: rsa.privateKey, tokenUri: `${fcm.url}/token`, apiBase: fcm.url },
              apns: null,
            }),
            email: createSmtpEmailProvider({ url: `smtp://127.0.0.1:${smtpPort}`, from: 'Ridegraph <no-reply@ridegraph.dev>', allowInsecure: true }),
          },
        }),
    },
  });
}, 120_000);

afterAll(async () => {
  await client?.dispose();
  await env?.stop();
  await fcm?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

const gql = (query: string, variables: Record<string, unknown> | undefined, headers: Headers) => gatewayData(env.gatewayUrl, query, variables, headers);
const userByPhone = (phone: string) => env.demo.users.find((u) => u.phone === phone)!;

interface Added {
  id: string;
  type: string;
  title: string;
  link: string | null;
}

const DRIVER_SELF = '{ me { driverProfile { status position { latitude longitude } vehicle { category } pendingOffer { id trip { id } } } } }';
interface DriverSelf {
  status: string;
  position: { latitude: number; longitude: number };
  vehicle: { category: string };
  pendingOffer: { id: string; trip: { id: string } } | null;
}
const INBOX = '{ me { notifications(first: 50) { edges { node { id type title body link } } } } }';
interface InboxEntry {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
}
const inboxOf = async (headers: Headers): Promise<InboxEntry[]> =>
  (await gql(INBOX, undefined, headers)).me.notifications.edges.map((e: { node: InboxEntry }) => e.node);

test('a demo rider is told of each step of a cash ride live, in the inbox and by push, gets the receipt by email, and no more emails once it is off', async () => {
  const driverUser = userByPhone(DEMO_PHONES.driver(3));
  const riderUser = userByPhone(DEMO_PHONES.rider(3));
  const asDriver = await env.testAuth.headersFor({ userId: driverUser.id, roles: ['DRIVER'] });
  const asRider = (await signInByPhoneCode(env.gatewayUrl, messages, riderUser.phone)).headers;
  const asOperations = env.personas.OPERATIONS.headers;

  // Where email goes: identity tells notifications (user.contact.changed) when the rider sets an address.
  const address = `rider3-${randomUUID().slice(0, 8)}@example.com`;
  const updated = await gql('mutation ($input: UpdateMeInput!) { updateMe(input: $input) { userErrors { code } } }', { input: { email: address } }, asRider);
  expect(updated.updateMe.userErrors).toEqual([]);
  const pushToken = `fcm-${randomUUID()}`;
  await gql('mutation ($token: String!) { registerPushDevice(token: $token, platform: ANDROID) { platform } }', { token: pushToken }, asRider);

  client = connectWs(env.gatewayUrl.replace(/^http/, 'ws'), { authorization: asRider.authorization });
  const added = client.subscribe<{ notificationAdded: Added }>('subscription { notificationAdded { id type title link } }');
  await eventually(() => expect(upstreamSubscriptions(env.supergraph, 'notifications')).toBe(1));
  const seen: Added[] = [];
  /** Reads live notifications until one of `type` about `link` arrives (others, e.g. points, are kept in `seen`). */
  const liveMessage = async (type: string, link: string): Promise<Added> => {
    const earlier = seen.find((n) => n.type === type && n.link === link);
    if (earlier) return earlier;
    for (;;) {
      const result = await added.next(EVENT_WAIT_MS);
      expect(result.errors).toBeUndefined();
      const notification = result.data!.notificationAdded;
      seen.push(notification);
      if (notification.type === type && notification.link === link) return notification;
    }
  };

  const driverSelf = async (): Promise<DriverSelf> => (await gql(DRIVER_SELF, undefined, asDriver)).me.driverProfile;
  const start = await driverSelf();
  expect((await checkIn(env.gatewayUrl, asDriver, start.position, 20_000, 'https://example.com/selfie/3.jpg')).userErrors).toEqual([]);
  await gql(
    'mutation ($lat: Float!, $lng: Float!) { updateDriverLocation(latitude: $lat, longitude: $lng) { recordedAt } }',
    {
      lat: start.position.latitude,
      lng: start.position.longitude,
    },
    asDriver,
  );

  /** One cash ride, step by step, each step's message to the rider awaited live; returns the trip's deep link. */
  async function cashRide(): Promise<{ link: string; live: Added[] }> {
    await readUntil(driverSelf, (d) => d.status === 'AVAILABLE', 'the driver to be available');
    const pickup = north(start.position, 300);
    const requested = await gql(
      'mutation ($input: RequestTripInput!) { requestTrip(input: $input) { trip { id } userErrors { code } } }',
      { input: { pickup, dropoff: north(pickup, 3000), category: start.vehicle.category, payment: { method: 'CASH' } } },
      asRider,
    );
    expect(requested.requestTrip.userErrors).toEqual([]);
    const tripId: string = requested.requestTrip.trip.id;
    const link = `ridegraph://trips/${tripId}`;
    const offered = await readUntil(driverSelf, (d) => d.pendingOffer?.trip.id === tripId, 'the offer');
    await gql('mutation ($id: ID!) { acceptTrip(offerId: $id) { userErrors { code } } }', { id: offered.pendingOffer!.id }, asDriver);
    const live = [await liveMessage('TRIP_ASSIGNED', link)];
    await gql('mutation ($id: ID!) { arriveAtPickup(tripId: $id) { userErrors { code } } }', { id: tripId }, asDriver);
    live.push(await liveMessage('DRIVER_ARRIVED', link));
    await gql('mutation ($id: ID!) { startTrip(tripId: $id) { userErrors { code } } }', { id: tripId }, asDriver);
    live.push(await liveMessage('TRIP_STARTED', link));
    await gql('mutation ($id: ID!) { completeTrip(tripId: $id, distanceMeters: 3000) { userErrors { code } } }', { id: tripId }, asDriver);
    // trips tells of the completion, payments of the cash it recorded: two events, in either order.
    live.push(await liveMessage('TRIP_COMPLETED', link), await liveMessage('PAYMENT_RECEIPT', link));
    return { link, live };
  }

  const first = await cashRide();
  expect(first.live.map((n) => [n.type, n.title])).toEqual([
    ['TRIP_ASSIGNED', 'Driver on the way'],
    ['DRIVER_ARRIVED', 'Your driver is here'],
    ['TRIP_STARTED', 'Trip started'],
    ['TRIP_COMPLETED', 'Trip completed'],
    ['PAYMENT_RECEIPT', 'Your receipt'],
  ]);
  const firstIds = first.live.map((n) => n.id);
  const receipt = first.live[4]!;

  // The inbox holds the same five; the driver's holds theirs.
  const riderInbox = (await inboxOf(asRider)).filter((n) => n.link === first.link);
  expect(riderInbox.map((n) => n.id).sort()).toEqual([...firstIds].sort());
  expect(riderInbox.find((n) => n.id === receipt.id)!.body).toMatch(/^Paid \S+ with cash\. Receipt \S+\.$/);
  const driverInbox = await readUntil(
    async () => (await inboxOf(asDriver)).filter((n) => n.link === first.link),
    (entries) => entries.length >= 2,
    "the driver's messages",
  );
  expect(driverInbox.map((n) => [n.type, n.title]).sort()).toEqual([
    ['TRIP_ASSIGNED', 'New trip'],
    ['TRIP_COMPLETED', 'Trip completed'],
  ]);

  // Every one of the five went to the phone through FCM; the receipt (alone: the others are push-only) by email.
  const pushed = await readUntil(
    async () => fcm.accepted.filter((m) => m.token === pushToken && m.data.link === first.link),
    (messages) => messages.length >= 5,
    'the pushes',
  );
  expect(pushed.map((m) => m.data.notificationId).sort()).toEqual([...firstIds].sort());
  expect(pushed.find((m) => m.data.notificationId === receipt.id)!.notification.title).toBe('Your receipt');
  const emails = await readUntil(
    async () => mailed.filter((m) => m.to.includes(address)),
    (messages) => messages.length >= 1,
    'the receipt email',
  );
  expect(emails).toHaveLength(1);
  expect(emails[0]!.data).toContain('Subject: Your receipt');
  expect(emails[0]!.data).toContain(`X-Ridegraph-Notification: ${receipt.id}`);

  // The rider turns receipts by email off.
  const preferences = await gql(
    'mutation ($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { channels { type channel enabled isDefault } } }',
    { input: { preferences: [{ type: 'PAYMENT_RECEIPT', channel: 'EMAIL', enabled: false }] } },
    asRider,
  );
  expect(
    preferences.updateNotificationPreferences.channels.filter((c: { type: string; channel: string }) => c.type === 'PAYMENT_RECEIPT' && c.channel === 'EMAIL'),
  ).toEqual([{ type: 'PAYMENT_RECEIPT', channel: 'EMAIL', enabled: false, isDefault: false }]);

  const second = await cashRide();
  const secondReceipt = second.live[4]!;
  expect((await inboxOf(asRider)).filter((n) => n.link === second.link && n.type === 'PAYMENT_RECEIPT').map((n) => n.id)).toEqual([secondReceipt.id]);
  // Its delivery log, as operations read it: pushed, not emailed (the rider's choice), SMS off by default.
  type Delivery = { notificationId: string; channel: string; status: string; reason: string | null };
  const deliveries = await readUntil(
    async (): Promise<Delivery[]> =>
      (
        await gql(
          'query ($id: ID!) { user(id: $id) { notificationDeliveries(first: 100) { edges { node { notificationId channel status reason } } } } }',
          { id: riderUser.id },
          asOperations,
        )
      ).user.notificationDeliveries.edges
        .map((e: { node: Delivery }) => e.node)
        .filter((d: Delivery) => d.notificationId === secondReceipt.id),
    (rows) => rows.some((d) => d.channel === 'PUSH' && d.status === 'SENT'),
    'the second receipt pushed',
  );
  expect(deliveries.map(({ channel, status, reason }) => ({ channel, status, reason })).sort((a, b) => a.channel.localeCompare(b.channel))).toEqual([
    { channel: 'EMAIL', status: 'SKIPPED', reason: 'PREFERENCE' },
    { channel: 'PUSH', status: 'SENT', reason: null },
    { channel: 'SMS', status: 'SKIPPED', reason: 'PREFERENCE' },
  ]);
  expect(mailed.filter((m) => m.to.includes(address))).toHaveLength(1);
}, 240_000);
