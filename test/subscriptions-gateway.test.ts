// Federated subscriptions through the gateway over real graphql-ws sockets, embedded-style (one in-process
// pub/sub): cross-subgraph payloads, connection auth and close codes, FORBIDDEN, per-user isolation, sharing of
// identical subscriptions (counted upstream), teardown, a subgraph restart, a slow client, and token expiry.
import WebSocket from 'ws';
import { createTestAuth } from '../platform/testing/index.js';
import { connectWs, eventually, sleep, startSubscriptionsStack, wsUrlOf, type SubscriptionsStack } from './support/subscriptions-stack.js';

let stack: SubscriptionsStack;
let wsUrl: string;

beforeAll(async () => {
  stack = await startSubscriptionsStack({ pubsub: 'memory', subscriptionLimits: { maxQueuedEventsPerSubscription: 8 } });
  wsUrl = wsUrlOf(stack.gateways[0]!);
});

afterAll(async () => {
  await stack?.stop();
});

const NOTIFICATION_ADDED = 'subscription Added($userId: ID) { notificationAdded(userId: $userId) { id title kind recipient { id name } } }';
const upstream = () => stack.notifications[0]!.subscriptions!.activeSubscriptions();
const bearer = async (user: SubscriptionsStack['rider'], ttl?: number) => ({ authorization: `Bearer ${await stack.token(user, ttl)}` });

interface Added {
  notificationAdded: { id: string; title: string; kind: string; recipient: { id: string; name: string } };
}

afterEach(async () => {
  // Every test ends its subscriptions; the next must start from none upstream.
  await eventually(() => expect(upstream()).toBe(0));
});

test('an event carries fields of two subgraphs: notifications (title) and identity (recipient name)', async () => {
  const ws = connectWs(wsUrl, await bearer(stack.rider));
  const sub = ws.subscribe<Added>(NOTIFICATION_ADDED);
  await eventually(() => expect(upstream()).toBe(1));
  const created = await stack.notify(stack.rider.id, 'Your driver is here');
  const event = await sub.next();
  expect(event.errors).toBeUndefined();
  expect(event.data).toEqual({
    notificationAdded: { id: created.id, title: 'Your driver is here', kind: 'TRIP', recipient: { id: stack.rider.id, name: 'Ada Rider' } },
  });
  await ws.dispose();
});

test('a missing, malformed, foreign or expired token closes the connection with 4401', async () => {
  const foreign = `Bearer ${await (await createTestAuth()).tokenFor({ userId: stack.rider.id, roles: stack.rider.roles })}`;
  const hundredYears = 100 * 365 * 86400;
  const cases: (Record<string, unknown> | undefined)[] = [
    undefined,
    { authorization: 'Basic abc' },
    { authorization: foreign },
    await bearer(stack.rider, -60),
    await bearer(stack.rider, hundredYears),
    { authorization: 42 },
  ];
  for (const params of cases) {
    const ws = connectWs(wsUrl, params);
    const sub = ws.subscribe(NOTIFICATION_ADDED);
    const closed = await ws.closed;
    expect({ params, code: closed.code }).toEqual({ params, code: 4401 });
    expect(await sub.failed).toMatchObject({ code: 4401 });
    await ws.dispose();
  }
  expect(upstream()).toBe(0);
});

test('the Bearer scheme is accepted in any letter case; the subgraph behind accepts the forwarded value too', async () => {
  for (const scheme of ['bearer', 'BEARER']) {
    const ws = connectWs(wsUrl, { authorization: `${scheme} ${await stack.token(stack.rider)}` });
    const sub = ws.subscribe<Added>(NOTIFICATION_ADDED);
    await eventually(() => expect(upstream()).toBe(1));
    const created = await stack.notify(stack.rider.id, `Scheme ${scheme}`);
    expect((await sub.next()).data?.notificationAdded).toMatchObject({ id: created.id, title: `Scheme ${scheme}`, recipient: { name: 'Ada Rider' } });
    await ws.dispose();
    await eventually(() => expect(upstream()).toBe(0));
  }
});

test('the subgraph enforces the same connection auth when reached directly', async () => {
  const ws = connectWs(wsUrlOf(stack.notifications[0]!));
  ws.subscribe(NOTIFICATION_ADDED);
  expect((await ws.closed).code).toBe(4401);
  await ws.dispose();
});

test("watching another user's notifications is FORBIDDEN for a rider, allowed for operations staff", async () => {
  const rider = connectWs(wsUrl, await bearer(stack.rider));
  const refused = rider.subscribe(NOTIFICATION_ADDED, { userId: stack.otherRider.id });
  expect(await refused.failed).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);

  const ops = connectWs(wsUrl, await bearer(stack.operator));
  const watching = ops.subscribe<Added>(NOTIFICATION_ADDED, { userId: stack.otherRider.id });
  await eventually(() => expect(upstream()).toBe(1));
  await stack.notify(stack.otherRider.id, 'Receipt');
  expect((await watching.next()).data?.notificationAdded).toMatchObject({ title: 'Receipt', recipient: { name: 'Bo Rider' } });
  await Promise.all([rider.dispose(), ops.dispose()]);
});

test("a second user never receives the first user's events", async () => {
  const first = connectWs(wsUrl, await bearer(stack.rider));
  const second = connectWs(wsUrl, await bearer(stack.otherRider));
  const a = first.subscribe<Added>(NOTIFICATION_ADDED);
  const b = second.subscribe<Added>(NOTIFICATION_ADDED);
  await eventually(() => expect(upstream()).toBe(2));
  await stack.notify(stack.rider.id, 'For Ada');
  await stack.notify(stack.otherRider.id, 'For Bo');
  expect((await a.next()).data?.notificationAdded.title).toBe('For Ada');
  expect((await b.next()).data?.notificationAdded.title).toBe('For Bo');
  await sleep(100);
  expect(a.results.map((r) => r.data?.notificationAdded.title)).toEqual(['For Ada']);
  expect(b.results.map((r) => r.data?.notificationAdded.title)).toEqual(['For Bo']);
  await Promise.all([first.dispose(), second.dispose()]);
});

test('N identical subscriptions (one identity, several devices) share 1 upstream subscription and 1 entity fetch per event', async () => {
  const N = 12;
  // Different tokens (devices) of the same user: one identity scope.
  const clients = await Promise.all(Array.from({ length: N }, async (_, i) => connectWs(wsUrl, await bearer(stack.rider, 600 + i))));
  const subs = clients.map((ws) => ws.subscribe<Added>(NOTIFICATION_ADDED));
  await eventually(() => expect(stack.gateways[0]!.subscriptionStats().clientSubscriptions).toBe(N));
  await eventually(() => expect(upstream()).toBe(1));
  expect(stack.gateways[0]!.subscriptionStats()).toMatchObject({ upstreamSubscriptions: 1, subscribers: N, upstreamConnections: 1, connections: N });

  const fetchesBefore = stack.identityRequests();
  const executedBefore = stack.gateways[0]!.subscriptionStats().eventsExecuted;
  for (const title of ['one', 'two', 'three']) await stack.notify(stack.rider.id, title);
  for (const sub of subs) {
    const titles = [(await sub.next()).data, (await sub.next()).data, (await sub.next()).data].map((d) => d?.notificationAdded.title);
    expect(titles).toEqual(['one', 'two', 'three']);
  }
  expect(stack.identityRequests() - fetchesBefore).toBe(3);
  expect(stack.gateways[0]!.subscriptionStats().eventsExecuted - executedBefore).toBe(3);
  await Promise.all(clients.map((ws) => ws.dispose()));
});

test("a client's complete, and a disconnect, tear the upstream subscription down at once", async () => {
  const a = connectWs(wsUrl, await bearer(stack.rider));
  const b = connectWs(wsUrl, await bearer(stack.otherRider));
  const subA = a.subscribe(NOTIFICATION_ADDED);
  b.subscribe(NOTIFICATION_ADDED);
  await eventulyUpstream(2);
  subA.stop(); // `complete`
  await eventulyUpstream(1);
  // Disconnect without `complete`: the socket just goes away.
  const raw = b.client as unknown as { dispose(): void };
  raw.dispose();
  await eventulyUpstream(0);
  expect(stack.gateways[0]!.subscriptionStats()).toMatchObject({ upstreamSubscriptions: 0, clientSubscriptions: 0, scopes: 0 });
  await eventually(() => expect(stack.gateways[0]!.subscriptionStats().upstreamConnections).toBe(0));
  await a.dispose();
});

async function eventulyUpstream(count: number) {
  await eventually(() => expect(upstream()).toBe(count));
}

test('a subgraph restart makes the gateway resubscribe; the client keeps its subscription and gets later events', async () => {
  const ws = connectWs(wsUrl, await bearer(stack.rider));
  const sub = ws.subscribe<Added>(NOTIFICATION_ADDED);
  await eventulyUpstream(1);
  await stack.notify(stack.rider.id, 'before');
  expect((await sub.next()).data?.notificationAdded.title).toBe('before');

  await stack.restartNotifications();
  await eventually(() => expect(upstream()).toBe(1), 10_000);
  await stack.notify(stack.rider.id, 'after');
  const event = await sub.next();
  expect(event.data?.notificationAdded).toMatchObject({ title: 'after', recipient: { name: 'Ada Rider' } });
  expect(sub.results.every((result) => result.errors === undefined)).toBe(true);
  await ws.dispose();
});

test('a client that stops reading is bounded, then closed with 4413 (slow consumer); others are unaffected', async () => {
  const token = await stack.token(stack.rider);
  // A raw socket whose reads we pause, so the gateway's writes back up into its per-subscription queue.
  const slow = new WebSocket(wsUrl, 'graphql-transport-ws');
  const closed = new Promise<number>((resolve) => slow.on('close', (code) => resolve(code)));
  await new Promise((resolve) => slow.on('open', resolve));
  slow.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await new Promise((resolve) => slow.once('message', resolve));
  slow.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { notificationAdded { id body } }' } }));
  const healthy = connectWs(wsUrl, await bearer(stack.otherRider));
  const ok = healthy.subscribe<Added>(NOTIFICATION_ADDED);
  await eventulyUpstream(2);
  (slow as unknown as { _socket: { pause(): void } })._socket.pause();

  const body = 'x'.repeat(256 * 1024);
  let sent = 0;
  // Sized events fill the socket buffers (kernel and ws), then the subscription's queue (8) overflows: the gateway
  // ends that subscription at once (bounded memory) and closes the connection.
  while (stack.gateways[0]!.subscriptionStats().clientSubscriptions === 2 && sent < 300) {
    await stack.notify(stack.rider.id, `big ${sent++}`, 0, body);
  }
  expect(sent).toBeLessThan(300);
  // Reading again, the client finds the close frame behind the events it had not read.
  (slow as unknown as { _socket: { resume(): void } })._socket.resume();
  expect(await closed).toBe(4413);
  await stack.notify(stack.otherRider.id, 'still here');
  expect((await ok.next()).data?.notificationAdded.title).toBe('still here');
  await healthy.dispose();
});

test('a connection closes with 4401 when its token expires; the subscription ends with it', async () => {
  const ws = connectWs(wsUrl, await bearer(stack.rider, 2));
  const sub = ws.subscribe(NOTIFICATION_ADDED);
  await eventulyUpstream(1);
  const started = Date.now();
  const closed = await ws.closed;
  expect(closed.code).toBe(4401);
  expect(closed.reason).toMatch(/expired/);
  expect(Date.now() - started).toBeLessThan(3000);
  expect(await sub.failed).toMatchObject({ code: 4401 });
  await eventulyUpstream(0);
  await ws.dispose();
});

test('queries over the socket, invalid documents and unknown operations get an error with a code', async () => {
  const ws = connectWs(wsUrl, await bearer(stack.rider));
  const query = ws.subscribe('{ __typename }');
  expect(await query.failed).toEqual([expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })]);
  const invalid = ws.subscribe('subscription { notificationAdded { nope } }');
  expect(await invalid.failed).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
  const broken = ws.subscribe('subscription {');
  expect(await broken.failed).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } })]);
  await ws.dispose();
});

test("an event that fails in its subgraph arrives with the error code (not the subgraph's name); later events still arrive", async () => {
  const ws = connectWs(wsUrl, await bearer(stack.rider));
  const sub = ws.subscribe<Added>(NOTIFICATION_ADDED);
  await eventulyUpstream(1);
  // Announced, but no such row: the subgraph's resolve answers NOT_FOUND for the non-null field.
  await stack.pubsubs[0]!.publish('NOTIFICATION_ADDED', { notificationId: '00000000-0000-4000-8000-000000000000', userId: stack.rider.id }, stack.rider.id);
  const failed = await sub.next();
  expect(failed.data ?? null).toBeNull();
  expect(failed.errors).toEqual([expect.objectContaining({ extensions: { code: 'NOT_FOUND' } })]);
  await stack.notify(stack.rider.id, 'next one');
  expect((await sub.next()).data?.notificationAdded.title).toBe('next one');
  await ws.dispose();
});
