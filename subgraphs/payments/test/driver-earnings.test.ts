// Driver.earnings and Driver.statement on PostgreSQL: a driver's fares (wallet, cash, a cancellation fee) and an
// adjustment, summed exactly; who may read them, from a fixed table of intent; bad periods refused.
import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../../platform/events/index.js';
import type { Role } from '../../../platform/auth/index.js';
import { owned, platform } from '../src/services/ledger.js';
import { createDriverDirectory } from '../src/services/driver-directory.js';
import {
  cancelled,
  completed,
  creditWallet,
  ledgerInvariants,
  newParty,
  startPaymentsFixture,
  type PaymentsFixture,
  type TripParty,
} from './support/payments-fixture.js';

let f: PaymentsFixture;
let party: TripParty;
let start: Date;

const driverChanged = (p: TripParty, version: number): EventEnvelope<'driver.status.changed'> => {
  const occurredAt = new Date().toISOString();
  return {
    id: randomUUID(),
    type: 'driver.status.changed',
    source: 'fleet',
    occurredAt,
    payload: {
      driverId: p.driverId,
      userId: p.driverUserId,
      fleetId: p.fleetId,
      status: 'AVAILABLE',
      vehicleId: null,
      category: null,
      position: null,
      version,
      occurredAt,
    },
  };
};

beforeAll(async () => {
  f = await startPaymentsFixture();
  party = newParty();
  start = new Date(Date.now() - 1000);
  const directory = createDriverDirectory(f.prisma);
  expect(await directory(driverChanged(party, 1))).toBe(true);
  await creditWallet(f.prisma, f.built, party.riderUserId, 5_000n);
  const s = f.built.services;
  await s.settleTripEvent(completed(party, 1_234, { method: 'WALLET', cardId: null })); // driver 988, platform 246
  await s.settleTripEvent(completed({ ...party, tripId: randomUUID() }, 2_000, { method: 'CASH', cardId: null })); // 1600 / 400, cash −2000
  await s.settleTripEvent(cancelled({ ...party, tripId: randomUUID() }, 500, true, { method: 'CASH', cardId: null })); // 400 / 100, cash −500
  await f.prisma.$transaction((tx) =>
    s.ledger.post(tx, 'USD', {
      cause: 'ADJUSTMENT',
      description: 'Damaged seat',
      legs: [owned('DRIVER_EARNINGS', party.driverUserId, -100n), platform('PLATFORM_REVENUE', 100n)],
    }),
  );
});
afterAll(async () => {
  await f?.stop();
});

const EARNINGS = `query ($id: ID!, $from: DateTime!, $to: DateTime!) {
  _entities(representations: [{ __typename: "Driver", id: $id }]) {
    ... on Driver { earnings(from: $from, to: $to) {
      trips gross { amountMinor currency } commission { amountMinor } net { amountMinor } adjustments { amountMinor }
      cashCollected { amountMinor } cashHandedIn { amountMinor } rent { amountMinor } depositDeducted { amountMinor }
      paidOut { amountMinor } earningsBalance { amountMinor } cashHeld { amountMinor } payableBalance { amountMinor } } }
  } }`;

async function earningsAs(userId: string, roles: Role[], fleetIds: string[] = [], driverId = party.driverId, from = start, to = new Date(Date.now() + 60_000)) {
  const headers = await f.testAuth.headersFor({ userId, roles, fleetIds });
  return f.api.execute<{ _entities: [{ earnings: Record<string, unknown> | null }] }>(
    EARNINGS,
    { id: driverId, from: from.toISOString(), to: to.toISOString() },
    { headers },
  );
}

test('earnings sum the period exactly: 3 trips, gross 3734, commission 746, net 2988, adjustment −100, cash 2500 collected; payable nets cash held', async () => {
  const result = await earningsAs(party.driverUserId, ['DRIVER']);
  expect(result.errors).toBeUndefined();
  expect(result.data?._entities[0].earnings).toEqual({
    trips: 3,
    gross: { amountMinor: 3_734, currency: 'USD' },
    commission: { amountMinor: 746 },
    net: { amountMinor: 2_988 },
    adjustments: { amountMinor: -100 },
    cashCollected: { amountMinor: 2_500 },
    cashHandedIn: { amountMinor: 0 },
    rent: { amountMinor: 0 },
    depositDeducted: { amountMinor: 0 },
    paidOut: { amountMinor: 0 },
    earningsBalance: { amountMinor: 2_888 },
    cashHeld: { amountMinor: -2_500 },
    payableBalance: { amountMinor: 388 },
  });
  expect(await ledgerInvariants(f.prisma)).toEqual({ unbalancedEntries: 0, driftingAccounts: 0, totals: { USD: 0 } });
});

test('a period before the trips counts nothing but shows the balances of now', async () => {
  const result = await earningsAs(party.driverUserId, ['DRIVER'], [], party.driverId, new Date(start.getTime() - 86_400_000), start);
  expect(result.data?._entities[0].earnings).toMatchObject({
    trips: 0,
    gross: { amountMinor: 0 },
    net: { amountMinor: 0 },
    earningsBalance: { amountMinor: 2_888 },
  });
});

// Who may read a driver's money: the table of intent (issue 12: "Drivers see their own; fleet managers their fleet's;
// operations all").
const readers: [string, 'sees' | 'FORBIDDEN', () => [string, Role[], string[]]][] = [
  ['the driver themselves', 'sees', () => [party.driverUserId, ['DRIVER'], []]],
  ["a manager of the driver's fleet", 'sees', () => [randomUUID(), ['FLEET_MANAGER'], [party.fleetId]]],
  ['a manager of another fleet', 'FORBIDDEN', () => [randomUUID(), ['FLEET_MANAGER'], [randomUUID()]]],
  ['another driver', 'FORBIDDEN', () => [randomUUID(), ['DRIVER'], []]],
  ['a rider', 'FORBIDDEN', () => [party.riderUserId, ['RIDER'], []]],
  ['operations staff', 'sees', () => [randomUUID(), ['OPERATIONS'], []]],
  ['a super admin', 'sees', () => [randomUUID(), ['SUPER_ADMIN'], []]],
];

test.each(readers)('Driver.earnings read by %s: %s', async (_who, expected, viewer) => {
  const [userId, roles, fleetIds] = viewer();
  const result = await earningsAs(userId, roles, fleetIds);
  if (expected === 'sees') {
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities[0].earnings).toMatchObject({ net: { amountMinor: 2_988 } });
  } else {
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  }
});

test('a driver payments never heard of has no earnings (null), and bad periods are BAD_USER_INPUT', async () => {
  const unknown = await earningsAs(randomUUID(), ['OPERATIONS'], [], randomUUID());
  expect(unknown.errors).toBeUndefined();
  expect(unknown.data?._entities[0].earnings).toBeNull();
  const backwards = await earningsAs(party.driverUserId, ['DRIVER'], [], party.driverId, new Date(), new Date(Date.now() - 1));
  expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const tooLong = await earningsAs(party.driverUserId, ['DRIVER'], [], party.driverId, new Date(Date.now() - 400 * 86_400_000), new Date());
  expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('Driver.statement lists every movement of the driver accounts newest first, paged, with causes and balances', async () => {
  const headers = await f.testAuth.headersFor({ userId: party.driverUserId, roles: ['DRIVER'] });
  const query = `query ($id: ID!, $after: String) { _entities(representations: [{ __typename: "Driver", id: $id }]) {
    ... on Driver { statement(first: 4, after: $after) { edges { node { account cause amount { amountMinor } balanceAfter { amountMinor } description trip { id } } }
      pageInfo { hasNextPage endCursor } } } } }`;
  type Page = { _entities: [{ statement: { edges: { node: Record<string, unknown> }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }] };
  const first = await f.api.execute<Page>(query, { id: party.driverId }, { headers });
  expect(first.errors).toBeUndefined();
  const second = await f.api.execute<Page>(query, { id: party.driverId, after: first.data!._entities[0].statement.pageInfo.endCursor }, { headers });
  const nodes = [...first.data!._entities[0].statement.edges, ...second.data!._entities[0].statement.edges].map((e) => e.node);
  expect(first.data!._entities[0].statement.pageInfo.hasNextPage).toBe(true);
  expect(second.data!._entities[0].statement.pageInfo.hasNextPage).toBe(false);
  // Oldest first after reversing: wallet fare, cash fare (2 postings), cash fee (2 postings), adjustment.
  const summary = nodes.reverse().map((n) => `${String(n.account)} ${String(n.cause)} ${(n.amount as { amountMinor: number }).amountMinor}`);
  expect(summary.slice(0, 1)).toEqual(['EARNINGS TRIP_FARE 988']);
  expect(summary.slice(1, 3).sort()).toEqual(['CASH_HELD TRIP_FARE -2000', 'EARNINGS TRIP_FARE 1600']);
  expect(summary.slice(3, 5).sort()).toEqual(['CASH_HELD CANCELLATION_FEE -500', 'EARNINGS CANCELLATION_FEE 400']);
  expect(summary[5]).toBe('EARNINGS ADJUSTMENT -100');
  expect(nodes).toHaveLength(6);
  expect(nodes[5]).toMatchObject({ balanceAfter: { amountMinor: 2_888 }, description: 'Damaged seat', trip: null });
});

test('driver profiles follow fleet: a redelivered or older driver.status.changed changes nothing, a newer one moves the driver', async () => {
  const directory = createDriverDirectory(f.prisma);
  const p = { ...newParty() };
  const v2 = driverChanged(p, 2);
  expect(await directory(v2)).toBe(true);
  expect(await directory(v2)).toBe(false);
  const movedFleet = randomUUID();
  await directory(driverChanged({ ...p, fleetId: randomUUID() }, 1)); // older: ignored
  expect((await f.prisma.driverProfile.findUniqueOrThrow({ where: { driverId: p.driverId } })).fleetId).toBe(p.fleetId);
  await directory(driverChanged({ ...p, fleetId: movedFleet }, 3));
  expect(await f.prisma.driverProfile.findUniqueOrThrow({ where: { driverId: p.driverId } })).toMatchObject({ fleetId: movedFleet, version: 3n });
});
