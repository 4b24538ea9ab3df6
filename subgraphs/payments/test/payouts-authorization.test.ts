// Who may do what with payouts: a fixed table of intent (the rules, not the code's), checked against
// payments' resolvers for every operation and every kind of viewer.
/* eslint-disable @typescript-eslint/no-explicit-any -- responses are read loosely */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../platform/auth/index.js';
import { startPayoutsFixture, type PayoutsFixture, type TestDriver } from './support/payouts-fixture.js';

let f: PayoutsFixture;
let driver: TestDriver;
let batchId: string;
const fleetId = randomUUID();

type Who = 'operations' | 'superAdmin' | 'fleetManager' | 'otherFleetManager' | 'theDriver' | 'otherDriver' | 'rider' | 'anonymous';
const WHO: Who[] = ['operations', 'superAdmin', 'fleetManager', 'otherFleetManager', 'theDriver', 'otherDriver', 'rider', 'anonymous'];

// allowed: the operation answers; FORBIDDEN / UNAUTHENTICATED: the error code it answers with.
type Outcome = 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED';
const OPS_ONLY: Record<Who, Outcome> = {
  operations: 'allowed',
  superAdmin: 'allowed',
  fleetManager: 'FORBIDDEN',
  otherFleetManager: 'FORBIDDEN',
  theDriver: 'FORBIDDEN',
  otherDriver: 'FORBIDDEN',
  rider: 'FORBIDDEN',
  anonymous: 'UNAUTHENTICATED',
};
const DRIVER_MONEY: Record<Who, Outcome> = {
  operations: 'allowed',
  superAdmin: 'allowed',
  fleetManager: 'allowed',
  otherFleetManager: 'FORBIDDEN',
  theDriver: 'allowed',
  otherDriver: 'FORBIDDEN',
  rider: 'FORBIDDEN',
  anonymous: 'UNAUTHENTICATED',
};

const INTENT: Record<string, { query: () => string; variables?: () => Record<string, unknown>; expected: Record<Who, Outcome> }> = {
  previewPayoutBatch: { query: () => `{ previewPayoutBatch(input: { fleetId: "${fleetId}" }) { total { amountMinor } } }`, expected: OPS_ONLY },
  createPayoutBatch: {
    query: () => `mutation { createPayoutBatch(input: { fleetId: "${fleetId}", idempotencyKey: "${randomUUID()}" }) { userErrors { code } } }`,
    expected: OPS_ONLY,
  },
  createBulkPayoutBatch: {
    query: () =>
      `mutation { createBulkPayoutBatch(input: { csv: "driverId,amountMinor\\n${randomUUID()},1", idempotencyKey: "${randomUUID()}" }) { userErrors { code } } }`,
    expected: OPS_ONLY,
  },
  submitPayoutBatch: {
    query: () => `mutation { submitPayoutBatch(batchId: "${randomUUID()}", idempotencyKey: "k") { userErrors { code } } }`,
    expected: OPS_ONLY,
  },
  payoutBatch: { query: () => `{ payoutBatch(id: "${batchId}") { id } }`, expected: OPS_ONLY },
  payoutBatches: { query: () => `{ payoutBatches(first: 5) { edges { node { id } } } }`, expected: OPS_ONLY },
  'Driver.payoutDestination': {
    query: () => `{ _entities(representations: [{ __typename: "Driver", id: "${driver.driverId}" }]) { ... on Driver { payoutDestination { last4 } } } }`,
    expected: DRIVER_MONEY,
  },
  'Driver.payouts': {
    query: () => `{ _entities(representations: [{ __typename: "Driver", id: "${driver.driverId}" }]) { ... on Driver { payouts { edges { node { id } } } } } }`,
    expected: DRIVER_MONEY,
  },
};

async function headersOf(who: Who): Promise<{ headers: Record<string, string> }> {
  const subject = (userId: string, roles: Role[], fleetIds: string[] = []) =>
    f.testAuth.headersFor({ userId, roles, fleetIds }).then((headers) => ({ headers }));
  switch (who) {
    case 'operations':
      return subject(randomUUID(), ['OPERATIONS']);
    case 'superAdmin':
      return subject(randomUUID(), ['SUPER_ADMIN']);
    case 'fleetManager':
      return subject(randomUUID(), ['FLEET_MANAGER'], [fleetId]);
    case 'otherFleetManager':
      return subject(randomUUID(), ['FLEET_MANAGER'], [randomUUID()]);
    case 'theDriver':
      return subject(driver.userId, ['DRIVER']);
    case 'otherDriver':
      return subject((await f.driver(randomUUID())).userId, ['DRIVER']);
    case 'rider':
      return subject(randomUUID(), ['RIDER']);
    case 'anonymous':
      return { headers: {} };
  }
}

beforeAll(async () => {
  f = await startPayoutsFixture();
  driver = await f.driver(fleetId, { earnings: 1_000n });
  await f.setDestination(driver);
  const ops = await headersOf('operations');
  const created = await f.api.execute<any>(
    `mutation { createPayoutBatch(input: { fleetId: "${fleetId}", idempotencyKey: "setup" }) { batch { id } } }`,
    {},
    ops,
  );
  batchId = created.data.createPayoutBatch.batch.id;
});
afterAll(async () => {
  f.provider.close();
  await f?.stop();
});

const cases = Object.entries(INTENT).flatMap(([operation, intent]) => WHO.map((who) => [operation, who, intent.expected[who]] as const));

test.each(cases)('%s as %s: %s', async (operation, who, expected) => {
  const intent = INTENT[operation]!;
  const result = await f.api.execute<any>(intent.query(), intent.variables?.() ?? {}, await headersOf(who));
  const outcome = result.errors?.length ? (result.errors[0]!.extensions?.code as string) : 'allowed';
  expect(outcome).toBe(expected);
});

test('setPayoutDestination sets only the signed-in driver’s own (no one else has a driver profile to set it on)', async () => {
  const mutation = `mutation { setPayoutDestination(input: { accountHolderName: "Someone Else", accountNumber: "DE89370400440532013000", country: "DE" }) { destination { last4 } userErrors { code } } }`;
  for (const who of ['operations', 'fleetManager', 'rider'] as const) {
    const result = await f.api.execute<any>(mutation, {}, await headersOf(who));
    expect(result.data.setPayoutDestination).toEqual({ destination: null, userErrors: [{ code: 'NOT_A_DRIVER' }] });
  }
  const anonymous = await f.api.execute<any>(mutation, {}, { headers: {} });
  expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  // The driver's destination is untouched by all of the above.
  expect((await f.prisma.payoutDestination.findUniqueOrThrow({ where: { userId: driver.userId } })).last4).toBe('5432');
});
