// Federated subscriptions in the distributed shape: two gateways and two notifications replicas sharing one real
// Redis. Cross-subgraph payloads, exactly-once delivery across replicas, and delivery resuming after Redis drops
// the subscriber connections.
import { Redis } from 'ioredis';
import { testRedisUrl } from '../platform/testing/index.js';
import { connectWs, eventually, sleep, startSubscriptionsStack, wsUrlOf, type SubscriptionsStack } from './support/subscriptions-stack.js';

let stack: SubscriptionsStack;
let redis: Redis;

beforeAll(async () => {
  stack = await startSubscriptionsStack({ pubsub: 'redis', gateways: 2, notificationReplicas: 2 });
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
});

afterAll(async () => {
  await stack?.stop();
  await redis?.quit();
});

const NOTIFICATION_ADDED = 'subscription { notificationAdded { id title recipient { id name } } }';
interface Added {
  notificationAdded: { id: string; title: string; recipient: { id: string; name: string } };
}
const bearer = async (user: SubscriptionsStack['rider']) => ({ authorization: `Bearer ${await stack.token(user)}` });
const upstream = (replica: number) => stack.notifications[replica]!.subscriptions!.activeSubscriptions();

test('an event published through Redis arrives with fields of both subgraphs', async () => {
  const ws = connectWs(wsUrlOf(stack.gateways[0]!), await bearer(stack.rider));
  const sub = ws.subscribe<Added>(NOTIFICATION_ADDED);
  await eventually(() => expect(upstream(0)).toBe(1));
  // Published by the other replica: Redis carries it to the replica the gateway subscribed on.
  const created = await stack.notify(stack.rider.id, 'Trip receipt', 1);
  expect((await sub.next()).data).toEqual({
    notificationAdded: { id: created.id, title: 'Trip receipt', recipient: { id: stack.rider.id, name: 'Ada Rider' } },
  });
  await ws.dispose();
  await eventually(() => expect(upstream(0)).toBe(0));
});

test('two gateways and two notifications replicas on one Redis: every event reaches every subscriber exactly once', async () => {
  // Each gateway subscribes on its own replica; the same user is connected to both gateways (two devices).
  const onA = connectWs(wsUrlOf(stack.gateways[0]!), await bearer(stack.rider));
  const onB = connectWs(wsUrlOf(stack.gateways[1]!), await bearer(stack.rider));
  const a = onA.subscribe<Added>(NOTIFICATION_ADDED);
  const b = onB.subscribe<Added>(NOTIFICATION_ADDED);
  await eventually(() => expect([upstream(0), upstream(1)]).toEqual([1, 1]));

  const titles = ['from replica 0', 'from replica 1', 'again from 0', 'again from 1'];
  for (const [i, title] of titles.entries()) await stack.notify(stack.rider.id, title, i % 2);
  for (const sub of [a, b]) {
    for (let i = 0; i < titles.length; i++) await sub.next();
  }
  await sleep(300); // any duplicate would have arrived by now
  expect(a.results.map((r) => r.data?.notificationAdded.title)).toEqual(titles);
  expect(b.results.map((r) => r.data?.notificationAdded.title)).toEqual(titles);
  await Promise.all([onA.dispose(), onB.dispose()]);
  await eventually(() => expect([upstream(0), upstream(1)]).toEqual([0, 0]));
});

test('after Redis drops the subscriber connections (CLIENT KILL), delivery resumes', async () => {
  const ws = connectWs(wsUrlOf(stack.gateways[0]!), await bearer(stack.rider));
  const sub = ws.subscribe<Added>(NOTIFICATION_ADDED);
  await eventually(() => expect(upstream(0)).toBe(1));
  await stack.notify(stack.rider.id, 'before', 0);
  expect((await sub.next()).data?.notificationAdded.title).toBe('before');

  const killed = await killClients(`${stack.prefix}subscriber`);
  expect(killed).toBeGreaterThanOrEqual(1);
  // ioredis reconnects and resubscribes; events published before that are lost (live events are best effort), so
  // publish until one arrives.
  let received: string | undefined;
  for (let attempt = 0; attempt < 50 && !received; attempt++) {
    await stack.notify(stack.rider.id, `after ${attempt}`, 1).catch(() => undefined);
    received = await sub.next(200).then(
      (r) => r.data?.notificationAdded.title,
      () => undefined,
    );
  }
  expect(received).toMatch(/^after /);
  expect(sub.results.every((r) => r.errors === undefined)).toBe(true);
  await ws.dispose();
});

/** Kills every Redis connection named `name`; @returns how many. */
async function killClients(name: string): Promise<number> {
  const list = (await redis.client('LIST')) as string;
  const ids = list
    .split('\n')
    .filter((line) => line.includes(` name=${name} `))
    .map((line) => /id=(\d+)/.exec(line)?.[1])
    .filter((id): id is string => id !== undefined);
  for (const id of ids) await redis.client('KILL', 'ID', id);
  return ids.length;
}
