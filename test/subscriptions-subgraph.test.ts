// The subgraph side of subscriptions, reached directly on the notifications port (as the gateway does): the
// connection is authenticated by the subgraph itself, every event runs with a fresh context (no DataLoader cache
// outlives an event), events refused by the per-event check are skipped, and only subscriptions are served.
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
});

test('queries over the subgraph socket are refused with BAD_REQUEST; a FORBIDDEN start is an error message', async () => {
  const ws = connectWs(direct(), { authorization: `Bearer ${await stack.token(stack.rider)}` });
  expect(await ws.subscribe('{ __typename }').failed).toEqual([expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })]);
  const refused = ws.subscribe(`subscription { notificationAdded(userId: "${stack.otherRider.id}") { id } }`);
  expect(await refused.failed).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  expect(upstream()).toBe(0);
  await ws.dispose();
});
