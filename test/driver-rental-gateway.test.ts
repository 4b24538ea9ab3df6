// Rental plans through the gateway with the demo city (PostgreSQL and embedded PGlite): operations define a plan, the demo fleet manager puts
// the demo driver on it, fleet's Driver carries payments' rent and deposit, and operations settle the driver's exit.
/* eslint-disable @typescript-eslint/no-explicit-any -- responses are read loosely and pinned with toEqual */
import { randomUUID } from 'node:crypto';
import { postGraphQL } from '../platform/testing/index.js';
import { DEMO_PHONES } from '../platform/demo/index.js';
import { startTestSupergraph, TEST_RUNTIMES, type TestSupergraph } from './support/test-supergraph.js';

let t: TestSupergraph;
describe.each(TEST_RUNTIMES)('on %s', (runtime) => {
  beforeAll(async () => {
    t = await startTestSupergraph({ runtime });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  const gql = (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => postGraphQL<any>(t.gatewayUrl, query, variables, headers);

  test('a plan, the demo driver on it by their fleet manager, their rent and deposit, their exit', async () => {
    const driverUser = t.demo.users.find((u) => u.phone === DEMO_PHONES.driver(1))!;
    const driver = t.demo.drivers.find((d) => d.userId === driverUser.id)!;
    const category = t.demo.vehicles.find((v) => v.id === driver.vehicleId)!.category;
    const { OPERATIONS, FLEET_MANAGER, DRIVER } = t.personas;
    expect(FLEET_MANAGER.fleetIds).toContain(driver.fleetId);

    const created = await gql(
      `mutation ($input: CreateRentalPlanInput!) { createRentalPlan(input: $input) { plan { id name } userErrors { code } } }`,
      {
        input: {
          name: `${category} daily`,
          vehicleCategory: category,
          period: 'DAILY',
          rent: { amountMinor: 2500, currency: t.demo.currency },
          deposit: { amountMinor: 10000, currency: t.demo.currency },
          depositCollection: 'FROM_EARNINGS',
          validFrom: '2026-01-01T00:00:00Z',
          autoAssign: false,
        },
      },
      OPERATIONS.headers,
    );
    expect(created.errors).toBeUndefined();
    const planId = created.data.createRentalPlan.plan.id;

    const assigned = await gql(
      `mutation ($input: AssignRentalPlanInput!) { assignRentalPlan(input: $input) { rentalPlan { periodsCharged plan { id } } userErrors { code } } }`,
      { input: { driverId: driver.id, planId } },
      FLEET_MANAGER.headers,
    );
    expect(assigned.data.assignRentalPlan).toEqual({ rentalPlan: { periodsCharged: 1, plan: { id: planId } }, userErrors: [] });

    const READ = `query ($id: ID!) { driver(id: $id) { id
    rentalPlan { plan { name period rent { amountMinor } } }
    rentCharges(first: 5) { edges { node { amount { amountMinor } } } }
    deposit { required { amountMinor } held { amountMinor } collection } } }`;
    const expected = {
      id: driver.id,
      rentalPlan: { plan: { name: `${category} daily`, period: 'DAILY', rent: { amountMinor: 2500 } } },
      rentCharges: { edges: [{ node: { amount: { amountMinor: 2500 } } }] },
      deposit: { required: { amountMinor: 10000 }, held: { amountMinor: 10000 }, collection: 'FROM_EARNINGS' },
    };
    const asManager = await gql(READ, { id: driver.id }, FLEET_MANAGER.headers);
    expect(asManager.errors).toBeUndefined();
    expect(asManager.data.driver).toEqual(expected);

    // The driver reads their own through their profile.
    const own = await gql(`query { me { driverProfile { id rentalPlan { plan { name } } deposit { held { amountMinor } } } } }`, {}, DRIVER.headers);
    expect(own.errors).toBeUndefined();
    expect(own.data.me.driverProfile).toEqual({
      id: driver.id,
      rentalPlan: { plan: { name: `${category} daily` } },
      deposit: { held: { amountMinor: 10000 } },
    });

    const exit = await gql(
      `mutation ($input: SettleDriverExitInput!) { settleDriverExit(input: $input) {
      exit { driver { id } depositReturned { amountMinor } rentChargedTotal { amountMinor } cashNetted { amountMinor } finalBalance { amountMinor } }
      userErrors { code } } }`,
      { input: { driverId: driver.id, idempotencyKey: randomUUID(), reason: 'End of contract' } },
      OPERATIONS.headers,
    );
    expect(exit.errors).toBeUndefined();
    expect(exit.data.settleDriverExit.userErrors).toEqual([]);
    expect(exit.data.settleDriverExit.exit).toMatchObject({
      driver: { id: driver.id },
      depositReturned: { amountMinor: 10000 },
      rentChargedTotal: { amountMinor: 2500 },
    });
    const after = await gql(READ, { id: driver.id }, OPERATIONS.headers);
    expect(after.data.driver.rentalPlan).toBeNull();
    expect(after.data.driver.deposit).toEqual({ required: { amountMinor: 0 }, held: { amountMinor: 0 }, collection: null });
  });
});
