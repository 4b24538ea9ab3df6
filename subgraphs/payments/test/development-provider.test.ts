// The development provider: Stripe-test-mode tokens and outcomes, idempotent replays, asynchronous confirmation by
// signed webhooks, and webhook verification as Stripe does it (the official package accepts its signatures).
import { jest } from '@jest/globals';
import Stripe from 'stripe';
import { DevelopmentPaymentProvider, type DevelopmentProviderOptions } from '../src/providers/development-provider.js';
import { ProviderRejectedError, ProviderUnavailableError, WebhookVerificationError, type PaymentProvider } from '../src/providers/provider.js';
import { signStripeStyle } from '../src/providers/stripe-signature.js';

const SECRET = 'whsec_dev_test';
type Delivery = { body: Buffer; headers: Record<string, string> };

function setup(options: Partial<DevelopmentProviderOptions> = {}) {
  const deliveries: Delivery[] = [];
  const provider = new DevelopmentPaymentProvider({
    webhookSecret: SECRET,
    webhookDelayMs: 0,
    webhookRetryDelayMs: 1,
    deliver: async (body, headers) => {
      deliveries.push({ body, headers });
    },
    ...options,
  });
  return { provider, deliveries };
}

let open: DevelopmentPaymentProvider[] = [];
afterEach(() => {
  for (const provider of open) provider.close();
  open = [];
});

function started(options: Partial<DevelopmentProviderOptions> = {}) {
  const s = setup(options);
  open.push(s.provider);
  return s;
}

async function cardFor(provider: PaymentProvider, token: string) {
  const { customerId } = await provider.createCustomer({ userId: 'u1', idempotencyKey: `cus:${token}` });
  const card = await provider.attachCard({ customerId, token });
  return { customerId, card };
}

let keys = 0;
const chargeInput = (customerId: string, providerMethodId: string, overrides: Partial<Parameters<PaymentProvider['charge']>[0]> = {}) => ({
  idempotencyKey: `key-${++keys}`,
  customerId,
  providerMethodId,
  amountMinor: 1250,
  currency: 'USD',
  description: 'Trip fare',
  metadata: { paymentId: 'pay_1' },
  ...overrides,
});

describe('customers and cards', () => {
  test('createCustomer is idempotent per key and refuses the key for another user', async () => {
    const { provider } = started();
    const first = await provider.createCustomer({ userId: 'u1', idempotencyKey: 'k' });
    expect(first.customerId).toMatch(/^cus_dev_[0-9a-f]{24}$/);
    expect(await provider.createCustomer({ userId: 'u1', idempotencyKey: 'k' })).toEqual(first);
    expect((await provider.createCustomer({ userId: 'u1', idempotencyKey: 'k2' })).customerId).not.toBe(first.customerId);
    await expect(provider.createCustomer({ userId: 'u2', idempotencyKey: 'k' })).rejects.toMatchObject({
      name: 'ProviderRejectedError',
      code: 'idempotency_error',
    });
  });

  test.each([
    ['tok_visa', 'visa', '4242'],
    ['tok_mastercard', 'mastercard', '4444'],
    ['tok_chargeDeclined', 'visa', '0002'],
    ['tok_chargeDeclinedInsufficientFunds', 'visa', '9995'],
    ['tok_pending', 'visa', '3220'],
    ['tok_pendingThenDeclined', 'visa', '3238'],
    ['tok_providerDown', 'visa', '0119'],
    ['pm_card_visa', 'visa', '4242'],
  ])('attachCard(%s) → %s %s, expiry 12/2034', async (token, brand, last4) => {
    const { provider } = started();
    const { card } = await cardFor(provider, token);
    expect(card).toEqual({ providerMethodId: expect.stringMatching(/^pm_dev_[A-Za-z]+_[0-9a-f]{24}$/), brand, last4, expMonth: 12, expYear: 2034 });
  });

  test.each(['tok_unknown', 'tok_', '4242424242424242', '', 'tok_constructor', 'tok_visa '])(
    'attachCard(%j) → ProviderRejectedError invalid_token',
    async (token) => {
      const { provider } = started();
      const error = await provider.attachCard({ customerId: 'cus_dev_x', token }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderRejectedError);
      expect(error).toMatchObject({ code: 'invalid_token' });
    },
  );

  test('detachCard succeeds, also for an unknown card', async () => {
    const { provider } = started();
    await expect(provider.detachCard({ providerMethodId: 'pm_nothing' })).resolves.toBeUndefined();
  });
});

describe('charges', () => {
  test('tok_visa: succeeded at once; payment_intent.succeeded follows by webhook, echoing the metadata', async () => {
    const { provider, deliveries } = started();
    const { customerId, card } = await cardFor(provider, 'tok_visa');
    const outcome = await provider.charge(chargeInput(customerId, card.providerMethodId));
    expect(outcome).toEqual({ status: 'succeeded', providerPaymentId: expect.stringMatching(/^pi_dev_[0-9a-f]{24}$/) });
    await provider.webhooksSettled();
    expect(deliveries).toHaveLength(1);
    const event = provider.verifyWebhook(deliveries[0]!.body, deliveries[0]!.headers);
    expect(event).toEqual({
      id: expect.stringMatching(/^evt_dev_/),
      providerType: 'payment_intent.succeeded',
      kind: 'charge.succeeded',
      providerPaymentId: outcome.providerPaymentId,
      providerRefundId: null,
      failureCode: null,
      createdAt: expect.any(Date),
      metadata: { paymentId: 'pay_1' },
    });
    const body = JSON.parse(deliveries[0]!.body.toString()) as { data: { object: Record<string, unknown> } };
    expect(body.data.object).toMatchObject({ object: 'payment_intent', amount: 1250, currency: 'usd', customer: customerId, status: 'succeeded' });
  });

  test('webhooksForSynchronousOutcomes: false sends none for an immediate outcome', async () => {
    const { provider, deliveries } = started({ webhooksForSynchronousOutcomes: false });
    const { customerId, card } = await cardFor(provider, 'tok_visa');
    await provider.charge(chargeInput(customerId, card.providerMethodId));
    await provider.webhooksSettled();
    expect(deliveries).toHaveLength(0);
  });

  test.each([
    ['tok_chargeDeclined', 'card_declined', 'Your card was declined.'],
    ['tok_chargeDeclinedInsufficientFunds', 'insufficient_funds', 'Your card has insufficient funds.'],
  ])('%s: declined %s, every time; payment_intent.payment_failed follows', async (token, declineCode, message) => {
    const { provider, deliveries } = started();
    const { customerId, card } = await cardFor(provider, token);
    for (let i = 0; i < 2; i++) {
      expect(await provider.charge(chargeInput(customerId, card.providerMethodId))).toEqual({
        status: 'declined',
        providerPaymentId: expect.stringMatching(/^pi_dev_/),
        declineCode,
        message,
      });
    }
    await provider.webhooksSettled();
    expect(deliveries.map((d) => provider.verifyWebhook(d.body, d.headers))).toEqual([
      expect.objectContaining({ kind: 'charge.failed', failureCode: declineCode }),
      expect.objectContaining({ kind: 'charge.failed', failureCode: declineCode }),
    ]);
  });

  test('tok_pending: pending, confirmed succeeded by a webhook after webhookDelayMs (default 2 s)', async () => {
    jest.useFakeTimers();
    try {
      const deliveries: Delivery[] = [];
      const provider = new DevelopmentPaymentProvider({ webhookSecret: SECRET, deliver: async (body, headers) => void deliveries.push({ body, headers }) });
      open.push(provider);
      const { customerId, card } = await cardFor(provider, 'tok_pending');
      const outcome = await provider.charge(chargeInput(customerId, card.providerMethodId));
      expect(outcome).toEqual({ status: 'pending', providerPaymentId: expect.stringMatching(/^pi_dev_/) });
      // Not refundable while pending.
      expect(await provider.refund({ idempotencyKey: 'r-early', providerPaymentId: outcome.providerPaymentId!, amountMinor: 100, metadata: {} })).toMatchObject(
        {
          status: 'failed',
          failureCode: 'charge_not_refundable',
        },
      );
      await jest.advanceTimersByTimeAsync(1999);
      expect(deliveries).toHaveLength(0);
      await jest.advanceTimersByTimeAsync(1);
      expect(deliveries).toHaveLength(1);
      const event = provider.verifyWebhook(deliveries[0]!.body, deliveries[0]!.headers);
      expect(event).toMatchObject({ kind: 'charge.succeeded', providerType: 'payment_intent.succeeded', providerPaymentId: outcome.providerPaymentId });
      // Settled: now refundable.
      expect(await provider.refund({ idempotencyKey: 'r-late', providerPaymentId: outcome.providerPaymentId!, amountMinor: 100, metadata: {} })).toMatchObject({
        status: 'succeeded',
      });
    } finally {
      jest.useRealTimers();
    }
  });

  test('tok_pendingThenDeclined: pending, then payment_intent.payment_failed with card_declined', async () => {
    const { provider, deliveries } = started({ webhookDelayMs: 5 });
    const { customerId, card } = await cardFor(provider, 'tok_pendingThenDeclined');
    const outcome = await provider.charge(chargeInput(customerId, card.providerMethodId));
    expect(outcome.status).toBe('pending');
    await provider.webhooksSettled();
    expect(deliveries).toHaveLength(1);
    expect(provider.verifyWebhook(deliveries[0]!.body, deliveries[0]!.headers)).toMatchObject({
      kind: 'charge.failed',
      providerType: 'payment_intent.payment_failed',
      providerPaymentId: outcome.providerPaymentId,
      failureCode: 'card_declined',
    });
  });

  test('tok_providerDown: attaches, every charge throws ProviderUnavailableError (also on retry with the same key)', async () => {
    const { provider } = started();
    const { customerId, card } = await cardFor(provider, 'tok_providerDown');
    const input = chargeInput(customerId, card.providerMethodId);
    await expect(provider.charge(input)).rejects.toBeInstanceOf(ProviderUnavailableError);
    await expect(provider.charge(input)).rejects.toBeInstanceOf(ProviderUnavailableError);
  });

  test('the same idempotency key returns the first outcome and charges once; other parameters are refused', async () => {
    const { provider, deliveries } = started();
    const { customerId, card } = await cardFor(provider, 'tok_visa');
    const input = chargeInput(customerId, card.providerMethodId);
    const first = await provider.charge(input);
    expect(await provider.charge(input)).toEqual(first);
    await provider.webhooksSettled();
    expect(deliveries).toHaveLength(1);
    await expect(provider.charge({ ...input, amountMinor: 999 })).rejects.toMatchObject({ name: 'ProviderRejectedError', code: 'idempotency_error' });
  });

  test('a card saved before a restart keeps its behaviour (its id names the test card)', async () => {
    const { provider: before } = started();
    const { customerId, card } = await cardFor(before, 'tok_chargeDeclinedInsufficientFunds');
    const { provider: after } = started();
    expect(await after.charge(chargeInput(customerId, card.providerMethodId))).toMatchObject({ status: 'declined', declineCode: 'insufficient_funds' });
  });

  test('an unknown payment method: declined resource_missing without a payment', async () => {
    const { provider } = started();
    expect(await provider.charge(chargeInput('cus_dev_x', 'pm_unknown'))).toEqual({
      status: 'declined',
      providerPaymentId: null,
      declineCode: 'resource_missing',
      message: 'No such payment method: pm_unknown',
    });
  });
});

describe('refunds', () => {
  test('a succeeded payment is refunded, in parts up to its amount; the same key replays', async () => {
    const { provider } = started();
    const { customerId, card } = await cardFor(provider, 'tok_visa');
    const { providerPaymentId } = await provider.charge(chargeInput(customerId, card.providerMethodId));
    const refund = (idempotencyKey: string, amountMinor: number) =>
      provider.refund({ idempotencyKey, providerPaymentId: providerPaymentId!, amountMinor, metadata: {} });
    const first = await refund('r1', 1000);
    expect(first).toEqual({ status: 'succeeded', providerRefundId: expect.stringMatching(/^re_dev_[0-9a-f]{24}$/) });
    expect(await refund('r1', 1000)).toEqual(first);
    expect(await refund('r2', 251)).toEqual({
      status: 'failed',
      providerRefundId: null,
      failureCode: 'amount_too_large',
      message: `Refund of 251 exceeds the 250 left on ${providerPaymentId}`,
    });
    expect(await refund('r3', 250)).toMatchObject({ status: 'succeeded' });
    await expect(refund('r1', 5)).rejects.toMatchObject({ code: 'idempotency_error' });
  });

  test('a declined payment or an unknown id: failed; a pi_dev_ id from before a restart: succeeded', async () => {
    const { provider } = started();
    const { customerId, card } = await cardFor(provider, 'tok_chargeDeclined');
    const declined = await provider.charge(chargeInput(customerId, card.providerMethodId));
    expect(await provider.refund({ idempotencyKey: 'a', providerPaymentId: declined.providerPaymentId!, amountMinor: 1, metadata: {} })).toMatchObject({
      status: 'failed',
      failureCode: 'charge_not_refundable',
    });
    expect(await provider.refund({ idempotencyKey: 'b', providerPaymentId: 'ch_123', amountMinor: 1, metadata: {} })).toEqual({
      status: 'failed',
      providerRefundId: null,
      failureCode: 'resource_missing',
      message: 'No such payment: ch_123',
    });
    expect(await provider.refund({ idempotencyKey: 'c', providerPaymentId: 'pi_dev_forgotten', amountMinor: 1, metadata: {} })).toMatchObject({
      status: 'succeeded',
    });
  });
});

describe('webhook delivery and verification', () => {
  const body = Buffer.from(JSON.stringify({ id: 'evt_1', type: 'payment_intent.succeeded', created: 1_700_000_000, data: { object: { id: 'pi_1' } } }));
  const now = () => Math.floor(Date.now() / 1000);
  const verify = (provider: DevelopmentPaymentProvider, raw: Buffer, headers: Record<string, string | undefined>) => {
    try {
      provider.verifyWebhook(raw, headers);
      return 'verified';
    } catch (error) {
      expect(error).toBeInstanceOf(WebhookVerificationError);
      return (error as Error).message;
    }
  };

  test('valid, wrong secret, tampered body, timestamp outside 300 s, missing or malformed header', () => {
    const { provider } = started();
    expect(verify(provider, body, { 'stripe-signature': signStripeStyle(body, SECRET, now()) })).toBe('verified');
    expect(verify(provider, body, { 'Stripe-Signature': signStripeStyle(body, SECRET, now() - 299) })).toBe('verified');
    expect(verify(provider, body, { 'stripe-signature': signStripeStyle(body, 'whsec_other', now()) })).toBe('no signature matches the body');
    const tampered = Buffer.from(body.toString().replace('pi_1', 'pi_2'));
    expect(verify(provider, tampered, { 'stripe-signature': signStripeStyle(body, SECRET, now()) })).toBe('no signature matches the body');
    expect(verify(provider, body, { 'stripe-signature': signStripeStyle(body, SECRET, now() - 301) })).toBe('timestamp outside the tolerance zone');
    expect(verify(provider, body, {})).toBe('missing Stripe-Signature header');
    expect(verify(provider, body, { 'stripe-signature': 'garbage' })).toBe('Stripe-Signature header has no timestamp or no v1 signature');
    const notJson = Buffer.from('not json');
    expect(verify(provider, notJson, { 'stripe-signature': signStripeStyle(notJson, SECRET, now()) })).toBe('webhook body is not JSON');
    const notEvent = Buffer.from('{"id":"x"}');
    expect(verify(provider, notEvent, { 'stripe-signature': signStripeStyle(notEvent, SECRET, now()) })).toBe(
      'webhook body is not an event (id, type, created, data.object)',
    );
  });

  test("its signatures are Stripe's: the official package verifies a delivered event", async () => {
    const { provider, deliveries } = started();
    const { customerId, card } = await cardFor(provider, 'tok_visa');
    await provider.charge(chargeInput(customerId, card.providerMethodId));
    await provider.webhooksSettled();
    const stripe = new Stripe('sk_test_unused');
    const event = stripe.webhooks.constructEvent(deliveries[0]!.body, deliveries[0]!.headers['stripe-signature']!, SECRET, 300);
    expect(event.type).toBe('payment_intent.succeeded');
    expect(deliveries[0]!.headers['content-type']).toBe('application/json');
  });

  test('a failed delivery is retried up to webhookMaxAttempts, with the same event id, then reported', async () => {
    const bodies: string[] = [];
    const failures: string[] = [];
    const { provider } = started({
      webhookMaxAttempts: 3,
      deliver: async (raw) => {
        bodies.push(raw.toString());
        throw new Error('500 from the route');
      },
      onDeliveryFailed: (error, event) => failures.push(`${event.id}: ${(error as Error).message}`),
    });
    const { customerId, card } = await cardFor(provider, 'tok_visa');
    await provider.charge(chargeInput(customerId, card.providerMethodId));
    await provider.webhooksSettled();
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies).size).toBe(1);
    const id = (JSON.parse(bodies[0]!) as { id: string }).id;
    expect(failures).toEqual([`${id}: 500 from the route`]);
  });

  test('a delivery that succeeds on the second attempt is not sent again', async () => {
    let calls = 0;
    const { provider } = started({
      deliver: async () => {
        calls++;
        if (calls === 1) throw new Error('connection refused');
      },
    });
    const { customerId, card } = await cardFor(provider, 'tok_pending');
    await provider.charge(chargeInput(customerId, card.providerMethodId));
    await provider.webhooksSettled();
    expect(calls).toBe(2);
  });

  test('close() drops webhooks not yet sent', async () => {
    const { provider, deliveries } = started({ webhookDelayMs: 50 });
    const { customerId, card } = await cardFor(provider, 'tok_pending');
    await provider.charge(chargeInput(customerId, card.providerMethodId));
    provider.close();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(deliveries).toHaveLength(0);
  });

  test('without deliver, nothing is sent and nothing waits', async () => {
    const provider = new DevelopmentPaymentProvider({ webhookSecret: SECRET, webhookDelayMs: 0 });
    const { customerId, card } = await cardFor(provider, 'tok_pending');
    expect((await provider.charge(chargeInput(customerId, card.providerMethodId))).status).toBe('pending');
    await provider.webhooksSettled();
  });
});
