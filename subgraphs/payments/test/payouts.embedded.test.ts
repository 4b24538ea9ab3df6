// Payouts on the embedded database (PGlite, as `npm start` runs it): the partial unique index, ON CONFLICT on it,
// unnest and FOR UPDATE SKIP LOCKED work there too. One batch from preview to PAID, a failing payout returning its
// money, and a batch submitted twice.
/* eslint-disable @typescript-eslint/no-explicit-any -- responses are read loosely */
import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { migrateSubgraphs, openEmbeddedPostgres } from '../../../platform/db/index.js';
import { createTestAuth, startInProcess, testSubgraphDeps, type InProcessSubgraph, type TestAuth } from '../../../platform/testing/index.js';
import { DevelopmentPaymentProvider } from '../src/providers/development-provider.js';
import { buildPaymentsSubgraph, type PaymentsSubgraph } from '../src/server.js';
import { owned, platform } from '../src/services/ledger.js';

let pglite: PGlite;
let built: PaymentsSubgraph;
let api: InProcessSubgraph;
let auth: TestAuth;
let provider: DevelopmentPaymentProvider;

beforeAll(async () => {
  pglite = await openEmbeddedPostgres();
  await migrateSubgraphs({ kind: 'pglite', pglite });
  auth = await createTestAuth();
  provider = new DevelopmentPaymentProvider({
    webhookSecret: 'whsec_embedded_payouts',
    webhookDelayMs: 10,
    deliver: async (body, headers) => built.services.handleWebhook(provider.verifyWebhook(body, headers)),
  });
  built = await buildPaymentsSubgraph(await testSubgraphDeps({ kind: 'pglite', pglite }, undefined, auth), { background: false, provider });
  api = await startInProcess(built);
}, 120_000);
afterAll(async () => {
  provider?.close();
  await api?.stop();
  await pglite?.close();
});

const prisma = () => built.services.payouts.db;

async function driver(fleetId: string, earnings: bigint, accountNumber: string) {
  const d = { driverId: randomUUID(), userId: randomUUID() };
  await prisma().driverProfile.create({ data: { ...d, fleetId, version: 1n } });
  await prisma().$transaction((tx) =>
    built.services.ledger.post(tx, 'USD', {
      cause: 'ADJUSTMENT',
      description: 'Earnings',
      legs: [owned('DRIVER_EARNINGS', d.userId, earnings), platform('PROMOTIONS', -earnings)],
    }),
  );
  const set = await api.execute<any>(
    `mutation ($n: String!) { setPayoutDestination(input: { accountHolderName: "Embedded Driver", accountNumber: $n, routingCode: "110000000", country: "US" }) { userErrors { code } } }`,
    { n: accountNumber },
    { headers: await auth.headersFor({ userId: d.userId, roles: ['DRIVER'] }) },
  );
  expect(set.data.setPayoutDestination.userErrors).toEqual([]);
  return d;
}

const earningsOf = async (userId: string) =>
  (await prisma().ledgerAccount.findFirstOrThrow({ where: { kind: 'DRIVER_EARNINGS', ownerId: userId } })).balanceMinor;

test('preview, create, submit twice, send, paid and failed by webhook', async () => {
  const fleetId = randomUUID();
  const good = await driver(fleetId, 2_500n, '000111222333');
  const closed = await driver(fleetId, 1_500n, '000111220002');
  const ops = { headers: await auth.headersFor({ userId: randomUUID(), roles: ['OPERATIONS'] }) };

  const preview = await api.execute<any>(`query ($f: ID!) { previewPayoutBatch(input: { fleetId: $f }) { total { amountMinor } } }`, { f: fleetId }, ops);
  expect(preview.data.previewPayoutBatch.total.amountMinor).toBe(4_000);
  const created = await api.execute<any>(
    `mutation ($f: ID!) { createPayoutBatch(input: { fleetId: $f, idempotencyKey: "e1" }) { batch { id itemCount } } }`,
    { f: fleetId },
    ops,
  );
  const batchId = created.data.createPayoutBatch.batch.id;
  expect(created.data.createPayoutBatch.batch.itemCount).toBe(2);
  for (const key of ['s1', 's2']) {
    const submitted = await api.execute<any>(
      `mutation ($b: ID!, $k: String!) { submitPayoutBatch(batchId: $b, idempotencyKey: $k) { batch { status } } }`,
      { b: batchId, k: key },
      ops,
    );
    expect(submitted.data.submitPayoutBatch.batch.status).toBe('SUBMITTED');
  }
  expect(await earningsOf(good.userId)).toBe(0n);
  expect(await earningsOf(closed.userId)).toBe(0n);

  await built.services.payouts.sender.drain();
  await provider.webhooksSettled();
  const items = await prisma().payoutItem.findMany({ where: { batchId }, orderBy: { amountMinor: 'desc' } });
  expect(items.map((i) => [i.amountMinor, i.status, i.failureCode])).toEqual([
    [2_500n, 'PAID', null],
    [1_500n, 'FAILED', 'account_closed'],
  ]);
  expect(await earningsOf(good.userId)).toBe(0n);
  expect(await earningsOf(closed.userId)).toBe(1_500n);
  expect(await prisma().journalEntry.count({ where: { cause: { in: ['PAYOUT', 'PAYOUT_RETURNED'] } } })).toBe(4);
  expect((await prisma().payoutBatch.findUniqueOrThrow({ where: { id: batchId } })).status).toBe('COMPLETED');
}, 60_000);
