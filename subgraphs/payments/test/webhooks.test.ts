// Provider webhooks over real HTTP on POST /webhooks/payments: a pending card charge confirmed (or declined) by the
/* eslint-disable @typescript-eslint/no-explicit-any -- responses are read loosely and pinned with toEqual, field by field */
// development provider's signed webhook; a replayed, reordered or forged webhook changes nothing.
import { serveSubgraph, type RunningSubgraph } from '../../../platform/graphql/index.js';
import { createLogger } from '../../../platform/logging/index.js';
import { DevelopmentPaymentProvider } from '../src/providers/development-provider.js';
import { completed, creditWallet, newParty, startPaymentsFixture, type PaymentsFixture } from './support/payments-fixture.js';

let f: PaymentsFixture;
let http: RunningSubgraph;
let provider: DevelopmentPaymentProvider;
const delivered: { body: Buffer; headers: Record<string, string> }[] = [];

const post = (body: Buffer | string, headers: Record<string, string>) =>
  fetch(`http://127.0.0.1:${http.port}/webhooks/payments`, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers });

beforeAll(async () => {
  provider = new DevelopmentPaymentProvider({
    webhookSecret: 'whsec_test_only',
    // Long enough that the assertions on PENDING run before the confirmation, even on a loaded machine.
    webhookDelayMs: 1000,
    webhookRetryDelayMs: 50,
    // Webhooks travel over HTTP to the route, as the provider's would.
    deliver: async (body, headers) => {
      delivered.push({ body, headers });
      const response = await post(body, headers);
      if (!response.ok) throw new Error(`webhook answered ${response.status}`);
    },
  });
  f = await startPaymentsFixture({ provider });
  http = await serveSubgraph({ ...f.built, close: async () => {} }, { port: 0, logger: createLogger({ level: 'silent' }) });
});
afterAll(async () => {
  provider.close();
  await http?.stop();
  await f?.stop();
});

async function cardTrip(token: string, fare: number, walletCredit = 0n) {
  const party = newParty();
  const { headers } = await f.as(party.riderUserId, ['RIDER']);
  const added = await f.api.execute<any>(
    `mutation ($t: String!) { addCard(input: { providerToken: $t }) { paymentMethods { id type } } }`,
    { t: token },
    { headers },
  );
  const cardId = added.data.addCard.paymentMethods.find((m: { type: string }) => m.type === 'CARD').id;
  if (walletCredit > 0n) await creditWallet(f.prisma, f.built, party.riderUserId, walletCredit);
  await f.built.services.settleTripEvent(completed(party, fare, { method: 'CARD', cardId }));
  await f.built.services.charger.drain();
  return party;
}

const paymentOf = (tripId: string) => f.prisma.payment.findFirstOrThrow({ where: { tripId } });

test('a pending charge stays PENDING until the signed webhook confirms it; the replay of that webhook changes nothing', async () => {
  const party = await cardTrip('tok_pending', 1_100);
  const pending = await paymentOf(party.tripId);
  expect(pending).toMatchObject({ status: 'PENDING', attempts: 1, nextAttemptAt: null });
  expect(pending.providerPaymentId).toMatch(/^pi_dev_/);

  await provider.webhooksSettled();
  const paid = await paymentOf(party.tripId);
  expect(paid).toMatchObject({ status: 'SUCCEEDED', method: 'CARD' });
  const ours = delivered.filter((d) => JSON.parse(d.body.toString()).data.object.id === pending.providerPaymentId);
  expect(ours).toHaveLength(1);

  const succeededEvents = async () => f.prisma.outboxEvent.count({ where: { type: 'payment.succeeded' } });
  const before = { events: await succeededEvents(), entries: await f.prisma.journalEntry.count({ where: { paymentId: paid.id } }) };
  const replay = await post(ours[0]!.body, ours[0]!.headers);
  expect(replay.status).toBe(200);
  expect({ events: await succeededEvents(), entries: await f.prisma.journalEntry.count({ where: { paymentId: paid.id } }) }).toEqual(before);
  expect(await f.prisma.providerEvent.count({ where: { eventId: JSON.parse(ours[0]!.body.toString()).id } })).toBe(1);
});

test('a late "failed" webhook about a payment already paid (reordered) changes nothing', async () => {
  const party = await cardTrip('tok_visa', 600);
  const paid = await paymentOf(party.tripId);
  expect(paid.status).toBe('SUCCEEDED');
  const late = Buffer.from(
    JSON.stringify({
      id: 'evt_late_failure',
      type: 'payment_intent.payment_failed',
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          id: paid.providerPaymentId,
          object: 'payment_intent',
          status: 'requires_payment_method',
          metadata: {},
          last_payment_error: { code: 'card_declined' },
        },
      },
    }),
  );
  const response = await post(late, provider.signWebhook(late));
  expect(response.status).toBe(200);
  expect(await paymentOf(party.tripId)).toMatchObject({ status: 'SUCCEEDED', method: 'CARD', failureCode: null });
});

test('pending then declined: the webhook moves the fare to the wallet when it holds it', async () => {
  const party = await cardTrip('tok_pendingThenDeclined', 800, 1_000n);
  expect((await paymentOf(party.tripId)).status).toBe('PENDING');
  await provider.webhooksSettled();
  expect(await paymentOf(party.tripId)).toMatchObject({ status: 'SUCCEEDED', method: 'WALLET', failureCode: expect.any(String) });
});

test('forged webhooks are refused with 400 and change nothing: wrong secret, tampered body, stale timestamp, no signature', async () => {
  const party = await cardTrip('tok_pending', 500);
  const pending = await paymentOf(party.tripId);
  const body = Buffer.from(
    JSON.stringify({
      id: 'evt_forged',
      type: 'payment_intent.succeeded',
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: pending.providerPaymentId, object: 'payment_intent', status: 'succeeded', metadata: {} } },
    }),
  );
  const impostor = new DevelopmentPaymentProvider({ webhookSecret: 'whsec_not_ours' });
  const tampered = Buffer.from(body.toString().replace('evt_forged', 'evt_forged2'));
  const stale = provider.signWebhook(body, Math.floor(Date.now() / 1000) - 3600);
  for (const [payload, headers] of [
    [body, impostor.signWebhook(body)],
    [tampered, provider.signWebhook(body)],
    [body, stale],
    [body, { 'content-type': 'application/json' }],
  ] as const) {
    const response = await post(payload, headers);
    expect(response.status).toBe(400);
  }
  expect(await f.prisma.providerEvent.count({ where: { eventId: { in: ['evt_forged', 'evt_forged2'] } } })).toBe(0);
  provider.close(); // the real confirmation never comes in this test
  expect((await paymentOf(party.tripId)).status).toBe('PENDING');
});
