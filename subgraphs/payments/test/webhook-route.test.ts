// The payments webhook route over real HTTP, with the development provider's signatures and a stub handle: a
// forged or unsigned webhook is refused before anything is applied; a valid one is handled once and acknowledged;
// a failure to apply it is answered 500 so the provider sends it again.
import type http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { createGraphQLHttpServer, listen } from '../../../platform/http/index.js';
import { createLogger } from '../../../platform/logging/index.js';
import { DevelopmentPaymentProvider } from '../src/providers/development-provider.js';
import type { ProviderWebhookEvent } from '../src/providers/provider.js';
import { signStripeStyle } from '../src/providers/stripe-signature.js';
import { createWebhookRoute, PAYMENTS_WEBHOOK_PATH } from '../src/webhooks/webhook-route.js';

const SECRET = 'whsec_route_test';
const provider = new DevelopmentPaymentProvider({ webhookSecret: SECRET });
const handled: ProviderWebhookEvent[] = [];
let failHandle = false;
let server: http.Server;
let url: string;

beforeAll(async () => {
  const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', stopOnTerminationSignals: false });
  await apollo.start();
  const route = createWebhookRoute({
    provider,
    logger: createLogger({ level: 'silent' }),
    handle: async (event) => {
      if (failHandle) throw new Error('database unavailable');
      handled.push(event);
    },
  });
  server = createGraphQLHttpServer({
    apollo,
    context: async () => ({}),
    logger: createLogger({ level: 'silent' }),
    postRoutes: { [PAYMENTS_WEBHOOK_PATH]: route },
  });
  const { url: graphql } = await listen(server, 0);
  url = graphql.replace(/\/graphql$/, PAYMENTS_WEBHOOK_PATH);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  handled.length = 0;
  failHandle = false;
});

const body = JSON.stringify({
  id: 'evt_42',
  object: 'event',
  type: 'payment_intent.succeeded',
  created: 1_765_000_000,
  data: { object: { id: 'pi_42', object: 'payment_intent', metadata: { paymentId: 'pay_42' } } },
});
const now = () => Math.floor(Date.now() / 1000);
const post = (raw: string, signature?: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) }, body: raw });

test('a valid webhook: 200 {received: true}, handle called once with the parsed event', async () => {
  const response = await post(body, signStripeStyle(body, SECRET, now()));
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ received: true });
  expect(handled).toEqual([
    {
      id: 'evt_42',
      providerType: 'payment_intent.succeeded',
      kind: 'charge.succeeded',
      providerPaymentId: 'pi_42',
      providerRefundId: null,
      failureCode: null,
      createdAt: new Date(1_765_000_000_000),
      metadata: { paymentId: 'pay_42' },
    },
  ]);
});

test('the signature covers the exact bytes: the same JSON re-serialised with other spacing is refused', async () => {
  const respaced = JSON.stringify(JSON.parse(body), null, 2);
  const response = await post(respaced, signStripeStyle(body, SECRET, now()));
  expect(response.status).toBe(400);
  expect(handled).toHaveLength(0);
});

test.each([
  ['forged (another secret)', () => signStripeStyle(body, 'whsec_attacker', now()), 'webhook does not verify: no signature matches the body'],
  ['stale (outside 300 s)', () => signStripeStyle(body, SECRET, now() - 600), 'webhook does not verify: timestamp outside the tolerance zone'],
  ['unsigned', () => undefined, 'webhook does not verify: missing Stripe-Signature header'],
])('%s: 400 {error}, handle not called', async (_, signature, error) => {
  const response = await post(body, signature());
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({ error });
  expect(handled).toHaveLength(0);
});

test('handle throws: 500 so the provider retries; the retry is handled', async () => {
  const signature = signStripeStyle(body, SECRET, now());
  failHandle = true;
  const failed = await post(body, signature);
  expect(failed.status).toBe(500);
  expect(await failed.json()).toEqual({ error: 'webhook not applied; retry later' });
  failHandle = false;
  expect((await post(body, signature)).status).toBe(200);
  expect(handled.map((e) => e.id)).toEqual(['evt_42']);
});

test("the development provider's deliveries, POSTed to the route, are accepted", async () => {
  const statuses: number[] = [];
  const dev = new DevelopmentPaymentProvider({
    webhookSecret: SECRET,
    webhookDelayMs: 0,
    deliver: async (raw, headers) => {
      const response = await fetch(url, { method: 'POST', headers, body: raw });
      statuses.push(response.status);
      if (!response.ok) throw new Error(`webhook answered ${response.status}`);
    },
  });
  const { customerId } = await dev.createCustomer({ userId: 'u', idempotencyKey: 'k' });
  const card = await dev.attachCard({ customerId, token: 'tok_pending' });
  const outcome = await dev.charge({
    idempotencyKey: 'c',
    customerId,
    providerMethodId: card.providerMethodId,
    amountMinor: 700,
    currency: 'USD',
    description: 'Top-up',
    metadata: {},
  });
  await dev.webhooksSettled();
  dev.close();
  expect(statuses).toEqual([200]);
  expect(handled).toEqual([expect.objectContaining({ kind: 'charge.succeeded', providerPaymentId: outcome.providerPaymentId })]);
});
