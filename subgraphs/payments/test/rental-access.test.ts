// Who may do what with rental plans, assignments, exits and a driver's rent and deposit: a fixed table of intent
// (written from the issue, not from the code's rules), checked field by field against the payments subgraph.
/* eslint-disable @typescript-eslint/no-explicit-any -- responses are read loosely */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../platform/auth/index.js';
import { startPaymentsFixture, type PaymentsFixture } from './support/payments-fixture.js';
import { CREATE_PLAN, driverChanged, newDriver, planInput, testClock, type TestDriver } from './support/rental-fixture.js';

type Actor = 'anonymous' | 'rider' | 'the driver' | 'another driver' | 'manager of the fleet' | 'manager of another fleet' | 'operations' | 'super admin';
type Outcome = 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'DRIVER_NOT_FOUND';

const ACTORS: Actor[] = ['anonymous', 'rider', 'the driver', 'another driver', 'manager of the fleet', 'manager of another fleet', 'operations', 'super admin'];

/** The intent: operations define plans and settle exits; managers may also list plans and put their own fleet's drivers on one; a driver's rent and deposit are read by the driver, their fleet's managers and operations. */
const INTENT: Record<string, Record<Actor, Outcome>> = {
  createRentalPlan: {
    anonymous: 'UNAUTHENTICATED',
    rider: 'FORBIDDEN',
    'the driver': 'FORBIDDEN',
    'another driver': 'FORBIDDEN',
    'manager of the fleet': 'FORBIDDEN',
    'manager of another fleet': 'FORBIDDEN',
    operations: 'ok',
    'super admin': 'ok',
  },
  retireRentalPlan: {
    anonymous: 'UNAUTHENTICATED',
    rider: 'FORBIDDEN',
    'the driver': 'FORBIDDEN',
    'another driver': 'FORBIDDEN',
    'manager of the fleet': 'FORBIDDEN',
    'manager of another fleet': 'FORBIDDEN',
    operations: 'ok',
    'super admin': 'ok',
  },
  rentalPlans: {
    anonymous: 'UNAUTHENTICATED',
    rider: 'FORBIDDEN',
    'the driver': 'FORBIDDEN',
    'another driver': 'FORBIDDEN',
    'manager of the fleet': 'ok',
    'manager of another fleet': 'ok',
    operations: 'ok',
    'super admin': 'ok',
  },
  assignRentalPlan: {
    anonymous: 'UNAUTHENTICATED',
    rider: 'FORBIDDEN',
    'the driver': 'FORBIDDEN',
    'another driver': 'FORBIDDEN',
    'manager of the fleet': 'ok',
    'manager of another fleet': 'DRIVER_NOT_FOUND',
    operations: 'ok',
    'super admin': 'ok',
  },
  settleDriverExit: {
    anonymous: 'UNAUTHENTICATED',
    rider: 'FORBIDDEN',
    'the driver': 'FORBIDDEN',
    'another driver': 'FORBIDDEN',
    'manager of the fleet': 'FORBIDDEN',
    'manager of another fleet': 'FORBIDDEN',
    operations: 'ok',
    'super admin': 'ok',
  },
  'Driver.rentalPlan, rentCharges, deposit': {
    anonymous: 'UNAUTHENTICATED',
    rider: 'FORBIDDEN',
    'the driver': 'ok',
    'another driver': 'FORBIDDEN',
    'manager of the fleet': 'ok',
    'manager of another fleet': 'FORBIDDEN',
    operations: 'ok',
    'super admin': 'ok',
  },
};

const clock = testClock('2026-03-02T08:00:00.000Z');
let f: PaymentsFixture;
let planId: string;

beforeAll(async () => {
  f = await startPaymentsFixture({ now: clock.now });
  const ops = await f.as(randomUUID(), ['OPERATIONS']);
  const created = await f.api.execute<any>(CREATE_PLAN, { input: planInput({ vehicleCategory: 'COMFORT' }) }, { headers: ops.headers });
  planId = created.data.createRentalPlan.plan.id;
});
afterAll(async () => {
  await f?.stop();
});

/** A driver of a fresh fleet, and the headers of each actor relative to them. */
async function scene(): Promise<{ driver: TestDriver; headers: Record<Actor, Record<string, string>> }> {
  const driver = newDriver();
  await driverChanged(f, driver, null);
  const as = (userId: string, roles: Role[], fleetIds?: string[]) => f.testAuth.headersFor({ userId, roles, ...(fleetIds ? { fleetIds } : {}) });
  return {
    driver,
    headers: {
      anonymous: {},
      rider: await as(randomUUID(), ['RIDER']),
      'the driver': await as(driver.userId, ['DRIVER']),
      'another driver': await as(randomUUID(), ['DRIVER']),
      'manager of the fleet': await as(randomUUID(), ['FLEET_MANAGER'], [driver.fleetId]),
      'manager of another fleet': await as(randomUUID(), ['FLEET_MANAGER'], [randomUUID()]),
      operations: await as(randomUUID(), ['OPERATIONS']),
      'super admin': await as(randomUUID(), ['SUPER_ADMIN']),
    },
  };
}

function outcomeOf(result: any, payloadField: string | null): string {
  const code = result.errors?.[0]?.extensions?.code;
  if (code) return code;
  const userErrors = payloadField ? result.data?.[payloadField]?.userErrors : [];
  if (userErrors?.length) return userErrors[0].code;
  return 'ok';
}

async function attempt(operation: string, actor: Actor): Promise<string> {
  const { driver, headers } = await scene();
  const run = (query: string, variables: Record<string, unknown>) => f.api.execute<any>(query, variables, { headers: headers[actor] });
  const opsHeaders = (await scene()).headers.operations;
  switch (operation) {
    case 'createRentalPlan':
      return outcomeOf(await run(CREATE_PLAN, { input: planInput({ vehicleCategory: 'COMFORT', name: `by ${actor}` }) }), 'createRentalPlan');
    case 'retireRentalPlan': {
      const created = await f.api.execute<any>(CREATE_PLAN, { input: planInput({ vehicleCategory: 'COMFORT' }) }, { headers: opsHeaders });
      return outcomeOf(
        await run(`mutation ($id: ID!) { retireRentalPlan(id: $id) { plan { id } userErrors { code } } }`, { id: created.data.createRentalPlan.plan.id }),
        'retireRentalPlan',
      );
    }
    case 'rentalPlans':
      return outcomeOf(await run(`query { rentalPlans { id } }`, {}), null);
    case 'assignRentalPlan':
      return outcomeOf(
        await run(`mutation ($input: AssignRentalPlanInput!) { assignRentalPlan(input: $input) { rentalPlan { id } userErrors { code } } }`, {
          input: { driverId: driver.driverId, planId },
        }),
        'assignRentalPlan',
      );
    case 'settleDriverExit': {
      await f.api.execute<any>(
        `mutation ($input: AssignRentalPlanInput!) { assignRentalPlan(input: $input) { userErrors { code } } }`,
        { input: { driverId: driver.driverId, planId } },
        { headers: opsHeaders },
      );
      return outcomeOf(
        await run(`mutation ($input: SettleDriverExitInput!) { settleDriverExit(input: $input) { exit { id } userErrors { code } } }`, {
          input: { driverId: driver.driverId, idempotencyKey: randomUUID(), reason: 'leaving' },
        }),
        'settleDriverExit',
      );
    }
    default: {
      const result = await run(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Driver { rentalPlan { id } rentCharges { edges { cursor } } deposit { held { amountMinor } } } } }`,
        { r: [{ __typename: 'Driver', id: driver.driverId }] },
      );
      return outcomeOf(result, null);
    }
  }
}

describe.each(Object.keys(INTENT))('%s', (operation) => {
  test.each(ACTORS)('%s', async (actor) => {
    expect(await attempt(operation, actor)).toBe(INTENT[operation]![actor]);
  });
});
