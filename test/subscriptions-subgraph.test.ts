// The subgraph side of subscriptions, reached directly on the notifications port (as the gateway does): the
// connection is authenticated by the subgraph itself, every event runs with a fresh context (no DataLoader cache
// outlives an event), events refused by the per-event check are skipped, and only subscriptions are served.
import WebSocket from 'ws';
import { connectWs, eventually, sleep, startSubscriptionsStack, wsUrlOf, type SubscriptionsStack } from './support/subscriptions-stack.js';

let stack: SubscriptionsStack;

beforeAll(async () => {
  stack = await startSubscriptionsStack({ pubsub: 'memory' });
});

afterAll(async () => {
  await stack?.stop();
});

const QUERY = 'subscription { notificationAdded { id title readAt recipient { id } } }';
interface Added {
  notificationAdded: { id: string; title: string; readAt: string | null; recipient: { id: string } };
}
const direct = () => wsUrlOf(stack.notifications[0]!);
const upstream = () => stack.notifications[0]!.subscriptions!.activeSubscriptions();

test('each event is resolved with a fresh context: a row changed between two events shows its new state', async () => {
  const ws = connectWs(direct(), { authorization: `Bearer ${await stack.token(stack.rider)}` });
  const sub = ws.subscribe<Added>(QUERY);
  await eventually(() => expect(upstream()).toBe(1));
  const created = await stack.notify(stack.rider.id, 'first title');
  expect((await sub.next()).data?.notificationAdded).toEqual({ id: created.id, title: 'first title', readAt: null, recipient: { id: stack.rider.id } });

  // The same notification announced again after it changed: a loader cached across events would show the old row.
  const readAt = new Date();
  await stack.notificationsDb.notification.update({ where: { id: created.id }, data: { title: 'second title', readAt } });
  await stack.pubsubs[0]!.publish('NOTIFICATION_ADDED', { notificationId: created.id, userId: stack.rider.id }, stack.rider.id);
  expect((await sub.next()).data?.notificationAdded).toMatchObject({ title: 'second title', readAt: readAt.toISOString() });
  await ws.dispose();
});

test("an event whose payload names another user is skipped, even on the subscriber's channel", async () => {
  const ws = connectWs(direct(), { authorization: `Bearer ${await stack.token(stack.rider)}` });
  const sub = ws.subscribe<Added>(QUERY);
  await eventually(() => expect(upstream()).toBe(1));
  const other = await stack.notify(stack.otherRider.id, 'not for Ada');
  // Mis-keyed on purpose: published on Ada's channel, about Bo's notification.
  await stack.pubsubs[0]!.publish('NOTIFICATION_ADDED', { notificationId: other.id, userId: stack.otherRider.id }, stack.rider.id);
  await sleep(150);
  expect(sub.results).toEqual([]);
  await stack.notify(stack.rider.id, 'for Ada');
  expect((await sub.next()).data?.notificationAdded.title).toBe('for Ada');
  await ws.dispose();
  await eventually(() => expect(upstream()).toBe(0));
}, 120_000);

test('queries over the subgraph socket are refused with BAD_REQUEST; a FORBIDDEN start is an error message', async () => {
  const ws = connectWs(direct(), { authorization: `Bearer ${await stack.token(stack.rider)}` });
  expect(await ws.subscribe('{ __typename }').failed).toEqual([expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })]);
  const refused = ws.subscribe(`subscription { notificationAdded(userId: "${stack.otherRider.id}") { id } }`);
  expect(await refused.failed).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  expect(upstream()).toBe(0);
  await ws.dispose();
});

describe("the subgraph's own message budget (its port is reachable too)", () => {
  /** A raw graphql-ws socket on the notifications port, signed in as the rider. */
  async function rawSubgraphConnection() {
    const socket = new WebSocket(direct(), 'graphql-transport-ws');
    const frames: { type: string }[] = [];
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('message', (data) => frames.push(JSON.parse(String(data)) as { type: string }));
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${await stack.token(stack.rider)}` } }));
    await eventually(() => expect(frames.map((frame) => frame.type)).toContain('connection_ack'));
    return { socket, closed, count: (type: string) => frames.filter((frame) => frame.type === type).length };
  }

  test('a client flooding a subgraph socket directly is closed with 4420 once past the burst of 200', async () => {
    const connection = await rawSubgraphConnection();
    // connection_init took 1 of the 200 tokens: 199 pings are answered.
    for (let i = 0; i < 199; i++) connection.socket.send(JSON.stringify({ type: 'ping' }));
    await eventually(() => expect(connection.count('pong')).toBe(199));
    // The budget refills 10 a second: a few more may pass, then the socket closes and the rest are dropped unread.
    for (let i = 0; i < 200; i++) connection.socket.send(JSON.stringify({ type: 'ping' }));
    expect(await connection.closed).toBe(4420);
    expect(connection.count('pong')).toBeLessThan(199 + 20);
  });

  test("the gateway's upstream socket, proven by its secret, is exempt: one identity's 250 subscriptions all start", async () => {
    const token = await stack.token(stack.rider);
    // Three client connections (100 subscriptions each at most), one identity: one shared upstream socket.
    const clients = [0, 1, 2].map(() => connectWs(wsUrlOf(stack.gateways[0]!), { authorization: `Bearer ${token}` }));
    for (let i = 0; i < 250; i++) clients[i % 3]!.subscribe(`subscription S${i} { n${i}: notificationAdded { id } }`);
    await eventually(() => expect(upstream()).toBe(250), 20_000);
    await Promise.all(clients.map((client) => client.dispose()));
    await eventually(() => expect(upstream()).toBe(0));
  });
});
