// Payment links through the Stripe adapter: Checkout Sessions created through the official package against the
// local fake (support/fake-stripe.ts) — what is sent, idempotent replays, Stripe's refusals — and the
// checkout.session.* webhooks reduced to link.paid / link.expired.
import { ProviderRejectedError, ProviderUnavailableError } from '../src/providers/provider.js';
import { signStripeStyle } from '../src/providers/stripe-signature.js';
import { DEFAULT_LINK_RETURN_URL, StripePaymentProvider } from '../src/providers/stripe-provider.js';
import { startFakeStripe, type FakeStripe } from './support/fake-stripe.js';

const WEBHOOK_SECRET = 'whsec_test_secret';
let fake: FakeStripe;
let provider: StripePaymentProvider;

beforeAll(async () => {
  fake = await startFakeStripe();
  provider = new StripePaymentProvider({
    apiKey: 'sk_test_fake',
    webhookSecret: WEBHOOK_SECRET,
    host: fake.host,
    port: fake.port,
    protocol: fake.protocol,
    timeoutMs: 2000,
  });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.failure = null;
  fake.failuresLeft = undefined;
});

const inHour = () => new Date(Date.now() + 60 * 60_000);
const request = (key: string, expiresAt = inHour()) => ({
  idempotencyKey: key,
  amountMinor: 5_000,
  currency: 'USD',
  description: 'Driver deposit',
  metadata: { paymentLinkId: 'link-1' },
  expiresAt,
});

test('a Checkout Session in payment mode: one line of the amount, expiry, metadata on the session and its PaymentIntent; its url', async () => {
  const expiresAt = inHour();
  const link = await provider.createPaymentLink(request('link:1', expiresAt));
  expect(link.providerLinkId).toMatch(/^cs_test_fake\d+$/);
  expect(link.url).toBe(`https://checkout.stripe.com/c/pay/${link.providerLinkId}`);
  expect(fake.requests).toHaveLength(1);
  expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/v1/checkout/sessions', idempotencyKey: 'link:1' });
  expect(fake.requests[0]!.params).toEqual({
    mode: 'payment',
    line_items: { 0: { quantity: '1', price_data: { currency: 'usd', unit_amount: '5000', product_data: { name: 'Driver deposit' } } } },
    expires_at: String(Math.floor(expiresAt.getTime() / 1000)),
    metadata: { paymentLinkId: 'link-1' },
    payment_intent_data: { metadata: { paymentLinkId: 'link-1' }, description: 'Driver deposit' },
    success_url: DEFAULT_LINK_RETURN_URL,
  });
  // The same idempotency key: Stripe replays the first session.
  expect(await provider.createPaymentLink(request('link:1', expiresAt))).toEqual(link);
});

test("Stripe's refusals and outages: ProviderRejectedError, ProviderUnavailableError", async () => {
  const tooSoon = new Date(Date.now() + 5 * 60_000);
  await expect(provider.createPaymentLink(request('link:2', tooSoon))).rejects.toThrow(ProviderRejectedError);
  fake.failure = 'server_error';
  await expect(provider.createPaymentLink(request('link:3'))).rejects.toThrow(ProviderUnavailableError);
});

describe('webhooks', () => {
  const event = (type: string, object: Record<string, unknown>) =>
    Buffer.from(JSON.stringify({ id: 'evt_9', object: 'event', type, created: 1_765_000_000, livemode: false, data: { object } }));
  const signed = (body: Buffer) => ({ 'stripe-signature': signStripeStyle(body, WEBHOOK_SECRET, Math.floor(Date.now() / 1000)) });

  test('checkout.session.completed, paid → link.paid with the session id and metadata', () => {
    const body = event('checkout.session.completed', { id: 'cs_1', object: 'checkout.session', payment_status: 'paid', metadata: { paymentLinkId: 'l1' } });
    expect(provider.verifyWebhook(body, signed(body))).toEqual({
      id: 'evt_9',
      providerType: 'checkout.session.completed',
      kind: 'link.paid',
      providerLinkId: 'cs_1',
      providerPaymentId: null,
      providerRefundId: null,
      failureCode: null,
      createdAt: new Date(1_765_000_000_000),
      metadata: { paymentLinkId: 'l1' },
    });
  });

  test('checkout.session.completed still unpaid (an asynchronous method) is not money yet: ignored; async_payment_succeeded is', () => {
    const unpaid = event('checkout.session.completed', { id: 'cs_2', payment_status: 'unpaid', metadata: {} });
    expect(provider.verifyWebhook(unpaid, signed(unpaid)).kind).toBe('ignored');
    const later = event('checkout.session.async_payment_succeeded', { id: 'cs_2', payment_status: 'paid', metadata: {} });
    expect(provider.verifyWebhook(later, signed(later))).toMatchObject({ kind: 'link.paid', providerLinkId: 'cs_2' });
  });

  test('checkout.session.expired → link.expired', () => {
    const body = event('checkout.session.expired', { id: 'cs_3', status: 'expired', metadata: { paymentLinkId: 'l3' } });
    expect(provider.verifyWebhook(body, signed(body))).toMatchObject({ kind: 'link.expired', providerLinkId: 'cs_3', metadata: { paymentLinkId: 'l3' } });
  });
});
