// The Stripe adapter's payouts through the official package and real HTTP against the local fake
// (support/fake-stripe.ts): a transfer to the driver's connected account then a payout of it (Stripe-Account
// header), idempotent by the item's key; refusals as failed outcomes (the transfer reversed when the payout is
// refused); payout.paid / payout.failed webhooks mapped.
import type { PayoutDestinationDetails } from '../src/providers/provider.js';
import { ProviderUnavailableError } from '../src/providers/provider.js';
import { signStripeStyle } from '../src/providers/stripe-signature.js';
import { StripePaymentProvider } from '../src/providers/stripe-provider.js';
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

const destination = (providerAccountId: string | null): PayoutDestinationDetails => ({
  holderName: 'Ada Driver',
  accountNumber: 'GB82WEST12345698765432',
  routingCode: null,
  country: 'GB',
  providerAccountId,
});
const payout = (key: string, account: string | null, amountMinor = 4_200) =>
  provider.payout({ idempotencyKey: key, destination: destination(account), amountMinor, currency: 'GBP', metadata: { payoutItemId: key } });

test('a transfer to the connected account, then its payout on behalf of it: pending, with the po_ id', async () => {
  expect(await payout('item-1', 'acct_1Driver')).toEqual({ status: 'pending', providerPayoutId: expect.stringMatching(/^po_fake/) });
  expect(fake.requests.map((r) => [r.path, r.idempotencyKey, r.stripeAccount, r.params.amount, r.params.currency, r.params.destination])).toEqual([
    ['/v1/transfers', 'item-1:transfer', undefined, '4200', 'gbp', 'acct_1Driver'],
    ['/v1/payouts', 'item-1:payout', 'acct_1Driver', '4200', 'gbp', undefined],
  ]);
  expect(fake.requests[1]!.params.metadata).toEqual({ payoutItemId: 'item-1' });
  // The bank details payments stores are not sent: Stripe holds the connected account's own.
  expect(JSON.stringify(fake.requests)).not.toContain('12345698765432');
});

test('the same key again returns the first payout (Stripe replays it), nothing paid twice', async () => {
  const first = await payout('item-2', 'acct_1Driver');
  const again = await payout('item-2', 'acct_1Driver');
  expect(again).toEqual(first);
  expect(fake.requests.filter((r) => r.path === '/v1/payouts').map((r) => r.idempotencyKey)).toEqual(['item-2:payout', 'item-2:payout']);
});

test('no connected account: failed no_connected_account without calling Stripe', async () => {
  expect(await payout('item-3', null)).toEqual({ status: 'failed', providerPayoutId: null, failureCode: 'no_connected_account' });
  expect(fake.requests).toEqual([]);
});

test('an unknown connected account: failed resource_missing, nothing paid', async () => {
  expect(await payout('item-4', 'acct_noSuchAccount1')).toEqual({ status: 'failed', providerPayoutId: null, failureCode: 'resource_missing' });
  expect(fake.requests.map((r) => r.path)).toEqual(['/v1/transfers']);
});

test('a payout Stripe refuses at once: the transfer is reversed, then failed with Stripe’s code', async () => {
  expect(await payout('item-5', 'acct_noBankAccount1')).toEqual({ status: 'failed', providerPayoutId: null, failureCode: 'no_external_account' });
  expect(fake.requests.map((r) => [r.path.replace(/tr_fake\d+/, 'tr_…'), r.idempotencyKey])).toEqual([
    ['/v1/transfers', 'item-5:transfer'],
    ['/v1/payouts', 'item-5:payout'],
    ['/v1/transfers/tr_…/reversals', 'item-5:reversal'],
  ]);
});

test('Stripe unreachable or failing: ProviderUnavailableError (the sender retries with the same key)', async () => {
  fake.failure = 'server_error';
  await expect(payout('item-6', 'acct_1Driver')).rejects.toBeInstanceOf(ProviderUnavailableError);
  fake.failure = null;
  expect(await payout('item-6', 'acct_1Driver')).toMatchObject({ status: 'pending' });
});

describe('payout webhooks', () => {
  const event = (type: string, object: Record<string, unknown>) =>
    Buffer.from(JSON.stringify({ id: 'evt_po', object: 'event', type, created: 1_765_000_000, account: 'acct_1Driver', data: { object } }));
  const signed = (body: Buffer) => ({ 'stripe-signature': signStripeStyle(body, WEBHOOK_SECRET, Math.floor(Date.now() / 1000)) });

  test('payout.paid → payout.paid with the payout id and metadata', () => {
    const body = event('payout.paid', { id: 'po_1', object: 'payout', status: 'paid', metadata: { payoutItemId: 'item-1' } });
    expect(provider.verifyWebhook(body, signed(body))).toEqual({
      id: 'evt_po',
      providerType: 'payout.paid',
      kind: 'payout.paid',
      providerPaymentId: null,
      providerRefundId: null,
      providerPayoutId: 'po_1',
      failureCode: null,
      createdAt: new Date(1_765_000_000_000),
      metadata: { payoutItemId: 'item-1' },
    });
  });

  test('payout.failed → payout.failed with Stripe’s failure_code (payout_failed when none)', () => {
    const closed = event('payout.failed', { id: 'po_2', object: 'payout', status: 'failed', failure_code: 'account_closed', metadata: {} });
    expect(provider.verifyWebhook(closed, signed(closed))).toMatchObject({ kind: 'payout.failed', providerPayoutId: 'po_2', failureCode: 'account_closed' });
    const bare = event('payout.failed', { id: 'po_3', object: 'payout', status: 'failed' });
    expect(provider.verifyWebhook(bare, signed(bare))).toMatchObject({ kind: 'payout.failed', failureCode: 'payout_failed' });
  });

  test.each(['payout.created', 'payout.updated', 'transfer.created'])('%s → ignored', (type) => {
    const body = event(type, { id: 'po_4' });
    expect(provider.verifyWebhook(body, signed(body))).toMatchObject({ kind: 'ignored' });
  });
});
