// The Stripe adapter through the official package and real HTTP, against a local fake of the Stripe API
// (support/fake-stripe.ts): what it sends, how each answer and error becomes an outcome, idempotent replays, and
// webhook verification with Stripe's signature scheme.
import { DevelopmentPaymentProvider } from '../src/providers/development-provider.js';
import { ProviderRejectedError, ProviderUnavailableError, WebhookVerificationError } from '../src/providers/provider.js';
import { signStripeStyle } from '../src/providers/stripe-signature.js';
import { StripePaymentProvider } from '../src/providers/stripe-provider.js';
import { startFakeStripe, type FakeStripe } from './support/fake-stripe.js';

const API_KEY = 'sk_test_fake';
const WEBHOOK_SECRET = 'whsec_test_secret';
let fake: FakeStripe;
let provider: StripePaymentProvider;

beforeAll(async () => {
  fake = await startFakeStripe();
  provider = new StripePaymentProvider({
    apiKey: API_KEY,
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
  fake.refundStatus = 'succeeded';
});

let keys = 0;
const key = (what: string) => `${what}-${++keys}`;

async function savedCard(token: string) {
  const { customerId } = await provider.createCustomer({ userId: 'user-1', idempotencyKey: key('customer') });
  const card = await provider.attachCard({ customerId, token });
  return { customerId, card };
}

const chargeInput = (customerId: string, providerMethodId: string) => ({
  idempotencyKey: key('charge'),
  customerId,
  providerMethodId,
  amountMinor: 1250,
  currency: 'USD',
  description: 'Trip fare',
  metadata: { paymentId: 'pay_1' },
});

describe('customers and cards', () => {
  test('createCustomer: POST /v1/customers with the key and the user id; the same key replays the customer', async () => {
    const idempotencyKey = key('customer');
    const first = await provider.createCustomer({ userId: 'user-1', idempotencyKey });
    expect(first.customerId).toMatch(/^cus_fake\d{6}$/);
    expect(await provider.createCustomer({ userId: 'user-1', idempotencyKey })).toEqual(first);
    expect(fake.requests).toEqual([
      { method: 'POST', path: '/v1/customers', params: { metadata: { userId: 'user-1' } }, idempotencyKey, authorization: `Bearer ${API_KEY}` },
      { method: 'POST', path: '/v1/customers', params: { metadata: { userId: 'user-1' } }, idempotencyKey, authorization: `Bearer ${API_KEY}` },
    ]);
  });

  test('attachCard: the PaymentMethod attached to the customer, as brand, last4 and expiry', async () => {
    const { customerId, card } = await savedCard('pm_card_visa');
    expect(card).toEqual({ providerMethodId: expect.stringMatching(/^pm_fake\d{6}$/), brand: 'visa', last4: '4242', expMonth: 12, expYear: 2034 });
    expect(fake.requests.at(-1)).toMatchObject({ path: '/v1/payment_methods/pm_card_visa/attach', params: { customer: customerId } });
  });

  test('attachCard with a token Stripe does not know: ProviderRejectedError invalid_token', async () => {
    const error = await provider.attachCard({ customerId: 'cus_x', token: 'pm_nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderRejectedError);
    expect(error).toMatchObject({ code: 'invalid_token', message: "No such PaymentMethod: 'pm_nope'" });
  });

  test('detachCard: POST …/detach; a card Stripe no longer has is fine', async () => {
    const { card } = await savedCard('pm_card_visa');
    await provider.detachCard({ providerMethodId: card.providerMethodId });
    expect(fake.requests.at(-1)).toMatchObject({ path: `/v1/payment_methods/${card.providerMethodId}/detach` });
    await expect(provider.detachCard({ providerMethodId: 'pm_gone' })).resolves.toBeUndefined();
  });

  test('Stripe down while attaching: ProviderUnavailableError', async () => {
    fake.failure = 'server_error';
    await expect(provider.attachCard({ customerId: 'cus_x', token: 'pm_card_visa' })).rejects.toBeInstanceOf(ProviderUnavailableError);
  });
});

describe('charges', () => {
  test('succeeded: one PaymentIntent, confirmed off-session, currency lowercased, metadata and key sent', async () => {
    const { customerId, card } = await savedCard('pm_card_visa');
    const input = chargeInput(customerId, card.providerMethodId);
    const outcome = await provider.charge(input);
    expect(outcome).toEqual({ status: 'succeeded', providerPaymentId: expect.stringMatching(/^pi_fake\d{6}$/) });
    expect(fake.requests.at(-1)).toEqual({
      method: 'POST',
      path: '/v1/payment_intents',
      params: {
        amount: '1250',
        currency: 'usd',
        customer: customerId,
        payment_method: card.providerMethodId,
        off_session: 'true',
        confirm: 'true',
        description: 'Trip fare',
        metadata: { paymentId: 'pay_1' },
      },
      idempotencyKey: input.idempotencyKey,
      authorization: `Bearer ${API_KEY}`,
    });
  });

  test('the same idempotency key: the first outcome, one PaymentIntent', async () => {
    const { customerId, card } = await savedCard('pm_card_visa');
    const input = chargeInput(customerId, card.providerMethodId);
    const first = await provider.charge(input);
    expect(await provider.charge(input)).toEqual(first);
    const declined = await savedCard('pm_card_chargeDeclined');
    const declinedInput = chargeInput(declined.customerId, declined.card.providerMethodId);
    const firstDecline = await provider.charge(declinedInput);
    expect(await provider.charge(declinedInput)).toEqual(firstDecline);
    expect(fake.requests.filter((r) => r.path === '/v1/payment_intents')).toHaveLength(4);
  });

  test('the same key with another amount: ProviderRejectedError idempotency_error', async () => {
    const { customerId, card } = await savedCard('pm_card_visa');
    const input = chargeInput(customerId, card.providerMethodId);
    await provider.charge(input);
    await expect(provider.charge({ ...input, amountMinor: 999 })).rejects.toMatchObject({ name: 'ProviderRejectedError', code: 'idempotency_error' });
  });

  test.each([
    ['pm_card_chargeDeclined', 'generic_decline', 'Your card was declined.'],
    ['pm_card_chargeDeclinedInsufficientFunds', 'insufficient_funds', 'Your card has insufficient funds.'],
  ])('%s: declined %s with the PaymentIntent id', async (token, declineCode, message) => {
    const { customerId, card } = await savedCard(token);
    expect(await provider.charge(chargeInput(customerId, card.providerMethodId))).toEqual({
      status: 'declined',
      providerPaymentId: expect.stringMatching(/^pi_fake\d{6}$/),
      declineCode,
      message,
    });
  });

  test.each(['pm_card_processing', 'pm_card_requiresAction'])('%s: pending (Stripe answers by webhook)', async (token) => {
    const { customerId, card } = await savedCard(token);
    expect(await provider.charge(chargeInput(customerId, card.providerMethodId))).toEqual({
      status: 'pending',
      providerPaymentId: expect.stringMatching(/^pi_fake\d{6}$/),
    });
  });

  test('a payment method Stripe does not know: declined resource_missing, no payment', async () => {
    expect(await provider.charge(chargeInput('cus_x', 'pm_detached'))).toEqual({
      status: 'declined',
      providerPaymentId: null,
      declineCode: 'resource_missing',
      message: "No such PaymentMethod: 'pm_detached'",
    });
  });

  test.each([
    ['a 500', 'server_error' as const, 1],
    ['a 429', 'rate_limit' as const, 1],
    // The package retries a closed connection once even with retries off; the key makes that safe.
    ['dropped connections', 'drop' as const, 2],
  ])('%s: ProviderUnavailableError; the retry with the same key charges once', async (_, failure, attempts) => {
    const { customerId, card } = await savedCard('pm_card_visa');
    const input = chargeInput(customerId, card.providerMethodId);
    fake.failure = failure;
    const error = await provider.charge(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect(fake.requests.filter((r) => r.idempotencyKey === input.idempotencyKey)).toHaveLength(attempts);
    fake.failure = null;
    const outcome = await provider.charge(input);
    expect(outcome.status).toBe('succeeded');
    expect(await provider.charge(input)).toEqual(outcome);
  });

  test('Stripe unreachable (nothing listening): ProviderUnavailableError', async () => {
    const nowhere = new StripePaymentProvider({
      apiKey: API_KEY,
      webhookSecret: WEBHOOK_SECRET,
      host: '127.0.0.1',
      port: 1,
      protocol: 'http',
      timeoutMs: 1000,
    });
    await expect(nowhere.charge(chargeInput('cus_x', 'pm_x'))).rejects.toBeInstanceOf(ProviderUnavailableError);
  });

  test('maxNetworkRetries 1: one 500 is retried by the package with the same key', async () => {
    const retrying = new StripePaymentProvider({
      apiKey: API_KEY,
      webhookSecret: WEBHOOK_SECRET,
      host: fake.host,
      port: fake.port,
      protocol: 'http',
      maxNetworkRetries: 1,
    });
    const { customerId, card } = await savedCard('pm_card_visa');
    const input = chargeInput(customerId, card.providerMethodId);
    fake.failure = 'server_error';
    fake.failuresLeft = 1;
    expect((await retrying.charge(input)).status).toBe('succeeded');
    expect(fake.requests.filter((r) => r.idempotencyKey === input.idempotencyKey)).toHaveLength(2);
  });
});

describe('refunds', () => {
  async function paid() {
    const { customerId, card } = await savedCard('pm_card_visa');
    const { providerPaymentId } = await provider.charge(chargeInput(customerId, card.providerMethodId));
    return providerPaymentId!;
  }

  test('succeeded: POST /v1/refunds with the PaymentIntent, amount, metadata and key; the same key replays', async () => {
    const paymentId = await paid();
    const input = { idempotencyKey: key('refund'), providerPaymentId: paymentId, amountMinor: 500, metadata: { refundId: 'ref_1' } };
    const first = await provider.refund(input);
    expect(first).toEqual({ status: 'succeeded', providerRefundId: expect.stringMatching(/^re_fake\d{6}$/) });
    expect(await provider.refund(input)).toEqual(first);
    expect(fake.requests.at(-1)).toMatchObject({
      path: '/v1/refunds',
      params: { payment_intent: paymentId, amount: '500', metadata: { refundId: 'ref_1' } },
      idempotencyKey: input.idempotencyKey,
    });
  });

  test('pending and failed refunds', async () => {
    const paymentId = await paid();
    fake.refundStatus = 'pending';
    expect(await provider.refund({ idempotencyKey: key('refund'), providerPaymentId: paymentId, amountMinor: 100, metadata: {} })).toEqual({
      status: 'pending',
      providerRefundId: expect.stringMatching(/^re_fake/),
    });
    fake.refundStatus = 'failed';
    expect(await provider.refund({ idempotencyKey: key('refund'), providerPaymentId: paymentId, amountMinor: 100, metadata: {} })).toEqual({
      status: 'failed',
      providerRefundId: expect.stringMatching(/^re_fake/),
      failureCode: 'declined',
      message: 'Refund failed',
    });
  });

  test('more than is left, or an unknown payment: failed with Stripe’s code', async () => {
    const paymentId = await paid();
    expect(await provider.refund({ idempotencyKey: key('refund'), providerPaymentId: paymentId, amountMinor: 1251, metadata: {} })).toEqual({
      status: 'failed',
      providerRefundId: null,
      failureCode: 'amount_too_large',
      message: 'Refund amount (1251) is greater than unrefunded amount on charge (1250)',
    });
    expect(await provider.refund({ idempotencyKey: key('refund'), providerPaymentId: 'pi_unknown', amountMinor: 1, metadata: {} })).toMatchObject({
      status: 'failed',
      failureCode: 'resource_missing',
    });
  });

  test('Stripe down: ProviderUnavailableError', async () => {
    fake.failure = 'server_error';
    await expect(provider.refund({ idempotencyKey: key('refund'), providerPaymentId: 'pi_x', amountMinor: 1, metadata: {} })).rejects.toBeInstanceOf(
      ProviderUnavailableError,
    );
  });
});

describe('webhooks', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const event = (type: string, object: Record<string, unknown>) =>
    Buffer.from(JSON.stringify({ id: 'evt_1', object: 'event', type, created: 1_765_000_000, livemode: false, data: { object } }));
  const signed = (body: Buffer, secret = WEBHOOK_SECRET, timestamp = now()) => ({ 'stripe-signature': signStripeStyle(body, secret, timestamp) });

  test('payment_intent.succeeded → charge.succeeded with the metadata', () => {
    const body = event('payment_intent.succeeded', { id: 'pi_1', object: 'payment_intent', status: 'succeeded', metadata: { paymentId: 'pay_1' } });
    expect(provider.verifyWebhook(body, signed(body))).toEqual({
      id: 'evt_1',
      providerType: 'payment_intent.succeeded',
      kind: 'charge.succeeded',
      providerPaymentId: 'pi_1',
      providerRefundId: null,
      failureCode: null,
      createdAt: new Date(1_765_000_000_000),
      metadata: { paymentId: 'pay_1' },
    });
  });

  test('payment_intent.payment_failed → charge.failed with the decline code, else the error code', () => {
    const withDecline = event('payment_intent.payment_failed', {
      id: 'pi_2',
      last_payment_error: { code: 'card_declined', decline_code: 'insufficient_funds' },
      metadata: {},
    });
    expect(provider.verifyWebhook(withDecline, signed(withDecline))).toMatchObject({
      kind: 'charge.failed',
      providerPaymentId: 'pi_2',
      failureCode: 'insufficient_funds',
    });
    const codeOnly = event('payment_intent.payment_failed', { id: 'pi_3', last_payment_error: { code: 'expired_card' } });
    expect(provider.verifyWebhook(codeOnly, signed(codeOnly))).toMatchObject({ kind: 'charge.failed', failureCode: 'expired_card', metadata: {} });
  });

  test.each([
    ['refund.updated', 'succeeded', 'refund.succeeded', null],
    ['charge.refund.updated', 'succeeded', 'refund.succeeded', null],
    ['refund.updated', 'failed', 'refund.failed', 'expired_or_canceled_card'],
    ['refund.updated', 'pending', 'ignored', null],
  ])('%s with status %s → %s', (type, status, kind, failureCode) => {
    const body = event(type, { id: 're_1', object: 'refund', status, payment_intent: 'pi_1', failure_reason: failureCode ?? undefined });
    expect(provider.verifyWebhook(body, signed(body))).toMatchObject({ kind, providerRefundId: 're_1', providerPaymentId: 'pi_1', failureCode });
  });

  test.each(['charge.succeeded', 'customer.created', 'payment_intent.created'])('%s → ignored', (type) => {
    const body = event(type, { id: 'x_1' });
    expect(provider.verifyWebhook(body, signed(body))).toMatchObject({ id: 'evt_1', providerType: type, kind: 'ignored' });
  });

  test('refused: wrong secret, tampered body, timestamp outside 300 s, missing header, signed non-event', () => {
    const body = event('payment_intent.succeeded', { id: 'pi_1' });
    const refusal = (raw: Buffer, headers: Record<string, string>) => {
      try {
        provider.verifyWebhook(raw, headers);
        return 'verified';
      } catch (error) {
        expect(error).toBeInstanceOf(WebhookVerificationError);
        return (error as Error).message;
      }
    };
    expect(refusal(body, signed(body))).toBe('verified');
    expect(refusal(body, signed(body, 'whsec_wrong'))).toMatch(/No signatures found matching the expected signature for payload/);
    expect(refusal(Buffer.from(body.toString().replace('pi_1', 'pi_9')), signed(body))).toMatch(/No signatures found matching/);
    expect(refusal(body, signed(body, WEBHOOK_SECRET, now() - 301))).toBe('Timestamp outside the tolerance zone');
    expect(refusal(body, {})).toBe('missing Stripe-Signature header');
    expect(refusal(body, { 'stripe-signature': 'nonsense' })).toMatch(/Unable to extract timestamp and signatures from header/);
    const notEvent = Buffer.from('{"hello":"world"}');
    expect(refusal(notEvent, signed(notEvent))).toBe('webhook body is not an event (id, type, created, data.object)');
    const notJson = Buffer.from('hello');
    expect(refusal(notJson, signed(notJson))).toBe('webhook body is not JSON');
  });

  test("the development provider's webhooks verify here (same scheme, same body shape)", async () => {
    const deliveries: { body: Buffer; headers: Record<string, string> }[] = [];
    const dev = new DevelopmentPaymentProvider({
      webhookSecret: WEBHOOK_SECRET,
      webhookDelayMs: 0,
      deliver: async (body, headers) => void deliveries.push({ body, headers }),
    });
    const { customerId } = await dev.createCustomer({ userId: 'u', idempotencyKey: 'k' });
    const card = await dev.attachCard({ customerId, token: 'tok_pendingThenDeclined' });
    const outcome = await dev.charge({ ...chargeInput(customerId, card.providerMethodId) });
    await dev.webhooksSettled();
    expect(provider.verifyWebhook(deliveries[0]!.body, deliveries[0]!.headers)).toEqual(dev.verifyWebhook(deliveries[0]!.body, deliveries[0]!.headers));
    expect(provider.verifyWebhook(deliveries[0]!.body, deliveries[0]!.headers)).toMatchObject({
      kind: 'charge.failed',
      providerPaymentId: outcome.providerPaymentId,
      failureCode: 'card_declined',
    });
    dev.close();
  });
});
