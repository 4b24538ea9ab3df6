// graphql-ws limits at the gateway over real sockets: a burst of `subscribe` messages gets exactly the
// per-connection subscription limit through, a socket sending too fast is closed with 4420 and nothing past its
// budget is handled, and new connections over the per-IP limit are refused on the upgrade with HTTP 429.
import WebSocket from 'ws';
import type { IncomingMessage } from 'node:http';
import { uniqueRateLimitPrefix } from '../platform/rate-limit/index.js';
import { eventually, startSubscriptionsStack, wsUrlOf, type SubscriptionsStack } from './support/subscriptions-stack.js';

let stack: SubscriptionsStack;
const BURST_GATEWAY = 0;
const FLOOD_GATEWAY = 1;
const CONNECTIONS_GATEWAY = 2;
const CONNECTIONS_PER_MINUTE = 3;

beforeAll(async () => {
  stack = await startSubscriptionsStack({
    pubsub: 'memory',
    gateways: 3,
    gatewayOptions: (i) => {
      // The burst test sends 5,000 messages on one socket: no message budget there, only the subscription limit.
      if (i === BURST_GATEWAY) return { subscriptionLimits: { maxSubscriptionsPerConnection: 100, messageBudget: undefined } };
      // A bucket of 20 that practically never refills within the test, so the count is exact.
      if (i === FLOOD_GATEWAY) return { subscriptionLimits: { messageBudget: { perSecond: 0.001, burst: 20 } } };
      return {
        rateLimits: {
          anonymousPerMinute: 100,
          userBucketPoints: 1000,
          userLeakPerSecond: 50,
          wsConnectionsPerIpPerMinute: CONNECTIONS_PER_MINUTE,
          prefix: uniqueRateLimitPrefix('ws-conn'),
        },
      };
    },
  });
});

afterAll(async () => {
  await stack?.stop();
});

interface Frame {
  type: string;
  id?: string;
  payload?: unknown;
}

/** A raw graphql-transport-ws socket that records every frame it receives and its close code. */
async function rawConnection(gateway: number, headers: Record<string, string> = {}) {
  const socket = new WebSocket(wsUrlOf(stack.gateways[gateway]!), 'graphql-transport-ws', { headers });
  const frames: Frame[] = [];
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  socket.on('message', (data) => frames.push(JSON.parse(String(data)) as Frame));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${await stack.token(stack.rider)}` } }));
  await eventually(() => expect(frames.map((frame) => frame.type)).toContain('connection_ack'));
  return { socket, frames, closed, count: (type: string) => frames.filter((frame) => frame.type === type).length };
}

test('a burst of 5,000 subscribe messages on one socket gets exactly SUBSCRIPTIONS_PER_CONNECTION (100) through', async () => {
  const connection = await rawConnection(BURST_GATEWAY);
  const query = 'subscription { notificationAdded { id title } }';
  // One synchronous loop: the frames leave in a few TCP segments and the gateway reads them back to back.
  for (let id = 1; id <= 5000; id++) connection.socket.send(JSON.stringify({ id: String(id), type: 'subscribe', payload: { query } }));
  await eventually(() => expect(connection.count('error')).toBe(4900), 20_000);
  const errors = connection.frames.filter((frame) => frame.type === 'error');
  expect(new Set(errors.map((frame) => (frame.payload as { extensions: { code: string } }[])[0]!.extensions.code))).toEqual(new Set(['BAD_REQUEST']));
  await eventually(() => expect(stack.gateways[BURST_GATEWAY]!.subscriptionStats().clientSubscriptions).toBe(100));
  await eventually(() => expect(stack.notifications[0]!.subscriptions!.activeSubscriptions()).toBe(1));

  // Exactly the 100 admitted subscriptions receive an event.
  await stack.notify(stack.rider.id, 'to the hundred');
  await eventually(() => expect(connection.count('next')).toBe(100));
  const admitted = new Set(connection.frames.filter((frame) => frame.type === 'next').map((frame) => frame.id));
  expect(admitted.size).toBe(100);
  for (const frame of errors) expect(admitted.has(frame.id)).toBe(false);

  // Completing one frees its slot: the next subscribe is admitted.
  connection.socket.send(JSON.stringify({ id: [...admitted][0], type: 'complete' }));
  await eventually(() => expect(stack.gateways[BURST_GATEWAY]!.subscriptionStats().clientSubscriptions).toBe(99));
  connection.socket.send(JSON.stringify({ id: 'late', type: 'subscribe', payload: { query } }));
  await eventually(() => expect(stack.gateways[BURST_GATEWAY]!.subscriptionStats().clientSubscriptions).toBe(100));
  expect(connection.count('error')).toBe(4900);

  connection.socket.close();
  await connection.closed;
  await eventually(() => expect(stack.gateways[BURST_GATEWAY]!.subscriptionStats().clientSubscriptions).toBe(0));
}, 60_000);

test('a socket sending messages past its budget is closed with 4420 and nothing past the budget is handled', async () => {
  const connection = await rawConnection(FLOOD_GATEWAY);
  // connection_init took 1 of the 20 tokens: 19 pings are answered.
  for (let i = 0; i < 19; i++) connection.socket.send(JSON.stringify({ type: 'ping' }));
  await eventually(() => expect(connection.count('pong')).toBe(19));
  expect(connection.socket.readyState).toBe(WebSocket.OPEN);
  // The next message closes the socket; it and the ones after it are dropped unread.
  for (let i = 0; i < 30; i++) connection.socket.send(JSON.stringify({ type: 'ping' }));
  expect(await connection.closed).toBe(4420);
  expect(connection.count('pong')).toBe(19);

  // Another socket has its own budget.
  const other = await rawConnection(FLOOD_GATEWAY);
  other.socket.send(JSON.stringify({ type: 'ping' }));
  await eventually(() => expect(other.count('pong')).toBe(1));
  other.socket.close();
  await other.closed;
});

/** Opens a WebSocket to the connection-limited gateway; resolves with the upgrade's HTTP refusal, if any. */
function attempt(headers: Record<string, string> = {}): Promise<{ socket: WebSocket } | { status: number; headers: IncomingMessage['headers'] }> {
  const socket = new WebSocket(wsUrlOf(stack.gateways[CONNECTIONS_GATEWAY]!), 'graphql-transport-ws', { headers });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_request, response) => {
      resolve({ status: response.statusCode ?? 0, headers: response.headers });
      response.resume();
      socket.terminate();
    });
    socket.once('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error);
    });
  });
}

test('new connections over the per-IP limit are refused on the upgrade with 429, Retry-After and RateLimit headers', async () => {
  const open: WebSocket[] = [];
  for (let i = 0; i < CONNECTIONS_PER_MINUTE; i++) {
    const result = await attempt();
    expect('socket' in result).toBe(true);
    if ('socket' in result) open.push(result.socket);
  }
  const refused = await attempt();
  expect('status' in refused && refused.status).toBe(429);
  if (!('status' in refused)) return;
  expect(refused.headers).toMatchObject({ 'ratelimit-limit': '3', 'ratelimit-remaining': '0', 'ratelimit-policy': '3;w=60' });
  const retryAfter = Number(refused.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(55);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(refused.headers['ratelimit-reset']).toBe(String(retryAfter));

  // The gateway is the edge (GATEWAY_TRUST_PROXY_HOPS=0): a client naming another address is the same client.
  const spoofed = await attempt({ 'X-Forwarded-For': '203.0.113.77' });
  expect('status' in spoofed && spoofed.status).toBe(429);

  // Connections already open are not affected.
  expect(open.map((socket) => socket.readyState)).toEqual([WebSocket.OPEN, WebSocket.OPEN, WebSocket.OPEN]);
  for (const socket of open) socket.close();
});
