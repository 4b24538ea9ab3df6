// A payout through the gateway, on the demo city (PostgreSQL, then embedded PGlite): the demo driver sets their bank account, operations
// preview, create and submit a batch for the driver's fleet, the development provider pays it by webhook, and the
// driver and their fleet manager see it — only the last four digits ever readable.
/* eslint-disable @typescript-eslint/no-explicit-any -- responses are read loosely and pinned field by field */
import { setTimeout as sleep } from 'node:timers/promises';
import { postGraphQL } from '../platform/testing/index.js';
import { createLedger, owned, platform } from '../subgraphs/payments/src/services/ledger.js';
import { openPaymentsDatabase, type PaymentsPrisma } from '../subgraphs/payments/src/store/database.js';
import { startTestSupergraph, TEST_RUNTIMES, type TestSupergraph } from './support/test-supergraph.js';

let t: TestSupergraph;
let payments: PaymentsPrisma;

describe.each(TEST_RUNTIMES)('on %s', (runtime) => {
  beforeAll(async () => {
    t = await startTestSupergraph({ runtime });
    payments = openPaymentsDatabase(t.database);
  }, 120_000);
  afterAll(async () => {
    await payments?.$disconnect();
    await t?.stop();
  });

  async function gql(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
    const result = await postGraphQL<any>(t.gatewayUrl, query, variables, headers);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  }

  test('the demo driver is paid their payable balance through the gateway', async () => {
    const driverUserId = t.personas.DRIVER.userId!;
    const driver = t.demo.drivers.find((d) => d.userId === driverUserId)!;
    // The driver's earnings (trips settled before) and cash not handed in: payable 12,345 − 345 = 12,000.
    const ledger = createLedger();
    await payments.$transaction(async (tx) => {
      await ledger.post(tx, 'USD', {
        cause: 'ADJUSTMENT',
        description: 'Earnings',
        legs: [owned('DRIVER_EARNINGS', driverUserId, 12_345n), platform('PROMOTIONS', -12_345n)],
      });
      await ledger.post(tx, 'USD', {
        cause: 'TRIP_FARE',
        description: 'Cash fare',
        legs: [owned('DRIVER_CASH_HELD', driverUserId, -345n), owned('DRIVER_EARNINGS', driverUserId, 345n)],
      });
    });
    const before = (await payments.ledgerAccount.findFirstOrThrow({ where: { kind: 'DRIVER_EARNINGS', ownerId: driverUserId } })).balanceMinor;

    const set = await gql(
      `mutation { setPayoutDestination(input: { accountHolderName: "Demo Driver", accountNumber: "GB82 WEST 1234 5698 7654 32", country: "GB" }) { destination { last4 country } userErrors { code } } }`,
      {},
      t.personas.DRIVER.headers,
    );
    expect(set.setPayoutDestination).toEqual({ destination: { last4: '5432', country: 'GB' }, userErrors: [] });

    const ops = t.personas.OPERATIONS.headers;
    const preview = (
      await gql(
        `query ($f: ID!) { previewPayoutBatch(input: { fleetId: $f }) { items { driver { id } amount { amountMinor } } skipped { reason } } }`,
        { f: driver.fleetId },
        ops,
      )
    ).previewPayoutBatch;
    const mine = preview.items.filter((i: any) => i.driver.id === driver.id);
    expect(mine).toEqual([{ driver: { id: driver.id }, amount: { amountMinor: Number(before) - 345 } }]);

    const created = (
      await gql(
        `mutation ($f: ID!) { createPayoutBatch(input: { fleetId: $f, idempotencyKey: "gateway-test" }) { batch { id status } userErrors { code } } }`,
        { f: driver.fleetId },
        ops,
      )
    ).createPayoutBatch;
    expect(created.batch.status).toBe('DRAFT');
    const submitted = (
      await gql(`mutation ($b: ID!) { submitPayoutBatch(batchId: $b, idempotencyKey: "gateway-submit") { batch { status } } }`, { b: created.batch.id }, ops)
    ).submitPayoutBatch;
    expect(submitted.batch.status).toBe('SUBMITTED');

    // The background sender sends it; the development provider's webhook (2 s later by default) pays it.
    const deadline = Date.now() + 30_000;
    let status = 'SUBMITTED';
    while (status !== 'COMPLETED' && Date.now() < deadline) {
      await sleep(250);
      status = (await gql(`query ($b: ID!) { payoutBatch(id: $b) { status } }`, { b: created.batch.id }, ops)).payoutBatch.status;
    }
    expect(status).toBe('COMPLETED');

    const seen = await gql(
      `{ me { driverProfile { id payouts(first: 5) { edges { node { status amount { amountMinor } } } } payoutDestination { last4 } } } }`,
      {},
      t.personas.DRIVER.headers,
    );
    expect(seen.me.driverProfile).toEqual({
      id: driver.id,
      payouts: { edges: [{ node: { status: 'PAID', amount: { amountMinor: Number(before) - 345 } } }] },
      payoutDestination: { last4: '5432' },
    });
    expect((await payments.ledgerAccount.findFirstOrThrow({ where: { kind: 'DRIVER_EARNINGS', ownerId: driverUserId } })).balanceMinor).toBe(345n);

    // The manager of the driver's fleet (Downtown Fleet) reads the same through fleet's driver(id); a rider cannot.
    expect(t.personas.FLEET_MANAGER.fleetIds).toEqual([driver.fleetId]);
    const managed = await gql(`query ($d: ID!) { driver(id: $d) { payoutDestination { last4 } } }`, { d: driver.id }, t.personas.FLEET_MANAGER.headers);
    expect(managed.driver.payoutDestination).toEqual({ last4: '5432' });
    const rider = await postGraphQL<any>(t.gatewayUrl, `query ($b: ID!) { payoutBatch(id: $b) { id } }`, { b: created.batch.id }, t.personas.RIDER.headers);
    expect(rider.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  }, 90_000);
});
