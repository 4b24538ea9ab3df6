// The generated SDK against the running gateway (issue 6): a typed NotificationAdded event through
// `client.subscribe`, and a subscription that outlives its access token — the gateway closes the socket with 4401
// at expiry, the client refreshes the session once and resubscribes.
import WebSocket from 'ws';
import {
  createRidegraphClient,
  NotificationAddedDocument,
  type NotificationAddedSubscription,
  type RidegraphError,
  type RidegraphSession,
} from '../sdk/index.js';
import type { FetchLike } from '../sdk/src/http.js';
import { eventually, startSubscriptionsStack, wsUrlOf, type SubscriptionsStack } from './support/subscriptions-stack.js';

let stack: SubscriptionsStack;

beforeAll(async () => {
  stack = await startSubscriptionsStack({ pubsub: 'memory' });
});

afterAll(async () => {
  await stack?.stop();
});

const upstream = () => stack.notifications[0]!.subscriptions!.activeSubscriptions();

/** Collects a subscription's events; `next()` waits for the next one. */
function collect<T>() {
  const events: T[] = [];
  const errors: RidegraphError[] = [];
  const waiters: (() => void)[] = [];
  return {
    events,
    errors,
    sink: {
      next: (data: T) => {
        events.push(data);
        waiters.splice(0).forEach((wake) => wake());
      },
      error: (error: RidegraphError) => {
        errors.push(error);
        waiters.splice(0).forEach((wake) => wake());
      },
    },
    async waitFor(count: number, timeoutMs = 8000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count && errors.length === 0 && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      if (errors.length) throw errors[0]!;
      if (events.length < count) throw new Error(`only ${events.length} of ${count} events`);
    },
  };
}

test('client.subscribe(NotificationAddedDocument) receives a typed event through the gateway', async () => {
  const client = createRidegraphClient({
    url: stack.gateways[0]!.url,
    wsUrl: wsUrlOf(stack.gateways[0]!),
    webSocketImpl: WebSocket,
    session: { accessToken: await stack.token(stack.rider), refreshToken: null },
  });
  const received = collect<NotificationAddedSubscription>();
  const stop = client.subscribe(NotificationAddedDocument, {}, received.sink);
  await eventually(() => expect(upstream()).toBe(1));
  const created = await stack.notify(stack.rider.id, 'Payment received');
  await received.waitFor(1);
  const event: NotificationAddedSubscription = received.events[0]!;
  // Typed: recipient is null only when identity cannot be reached; its name is a string, kind a NotificationKind member.
  const recipientName: string | undefined = event.notificationAdded.recipient?.name;
  expect(recipientName).toBe('Ada Rider');
  expect(event.notificationAdded).toMatchObject({ id: created.id, kind: 'TRIP', title: 'Payment received', readAt: null });
  stop();
  await eventually(() => expect(upstream()).toBe(0));
  await client.dispose();
});

test('when the gateway closes the socket at token expiry (4401), the client refreshes once and resubscribes', async () => {
  const refreshCalls: string[] = [];
  const renewedToken = await stack.token(stack.rider, 600);
  // identity is not in this stack's path for refreshSession: answer it here, as identity would.
  const fetch: FetchLike = async (_url, init) => {
    const body = JSON.parse(init.body) as { operationName?: string; variables?: { refreshToken?: string } };
    refreshCalls.push(`${body.operationName}:${body.variables?.refreshToken}`);
    const refreshSession = {
      __typename: 'AuthPayload',
      accessToken: renewedToken,
      accessTokenExpiresAt: new Date(Date.now() + 600_000).toISOString(),
      refreshToken: 'refresh-2',
      refreshTokenExpiresAt: null,
      sessionId: 'test-session',
      userId: stack.rider.id,
      roles: ['RIDER'],
      newUser: false,
      userErrors: [],
    };
    return new Response(JSON.stringify({ data: { refreshSession } }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const sessions: (RidegraphSession | null)[] = [];
  const client = createRidegraphClient({
    url: stack.gateways[0]!.url,
    wsUrl: wsUrlOf(stack.gateways[0]!),
    webSocketImpl: WebSocket,
    fetch,
    session: { accessToken: await stack.token(stack.rider, 2), refreshToken: 'refresh-1' },
    onSessionChange: (session) => void sessions.push(session),
  });
  const received = collect<NotificationAddedSubscription>();
  const stop = client.subscribe(NotificationAddedDocument, {}, received.sink);
  await eventually(() => expect(upstream()).toBe(1));
  await stack.notify(stack.rider.id, 'before expiry');
  await received.waitFor(1);

  // The 2-second token expires; the gateway closes with 4401, the client refreshes and resubscribes.
  await eventually(() => expect(refreshCalls).toEqual(['RefreshSession:refresh-1']), 6000);
  await eventually(() => expect(client.getSession()?.accessToken).toBe(renewedToken));
  await eventually(() => expect(stack.gateways[0]!.subscriptionStats().clientSubscriptions).toBe(1));
  await eventually(() => expect(upstream()).toBe(1));
  await stack.notify(stack.rider.id, 'after expiry');
  await received.waitFor(2);
  expect(received.events.map((e) => e.notificationAdded.title)).toEqual(['before expiry', 'after expiry']);
  expect(received.errors).toEqual([]);
  expect(sessions).toEqual([{ accessToken: renewedToken, refreshToken: 'refresh-2' }]);
  stop();
  await client.dispose();
});

test('a refused refresh ends the subscription with UNAUTHENTICATED', async () => {
  const fetch: FetchLike = async () =>
    new Response(JSON.stringify({ errors: [{ message: 'Refresh token is spent', extensions: { code: 'UNAUTHENTICATED' } }] }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  const client = createRidegraphClient({
    url: stack.gateways[0]!.url,
    wsUrl: wsUrlOf(stack.gateways[0]!),
    webSocketImpl: WebSocket,
    fetch,
    session: { accessToken: await stack.token(stack.rider, 1), refreshToken: 'spent' },
  });
  const received = collect<NotificationAddedSubscription>();
  client.subscribe(NotificationAddedDocument, {}, received.sink);
  await eventually(() => expect(received.errors).toHaveLength(1), 6000);
  expect(received.errors[0]).toMatchObject({ code: 'UNAUTHENTICATED' });
  expect(client.getSession()).toBeNull();
  await client.dispose();
});
