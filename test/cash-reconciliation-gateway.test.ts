// Cash reconciliation through the gateway with the demo fleet, on PostgreSQL and on embedded PGlite: a Downtown demo driver completes a cash trip, checks
// out handing in 100 less than the fare; fleet's shift.checked_out reaches payments; the demo fleet manager sees the
// shift short by exactly 100 with the trip behind it (the driver's name joined from fleet), writes
// the 100 off, and the shift balances. Another fleet's manager is refused.
import { randomUUID } from 'node:crypto';
import { postGraphQL, readUntil } from '../platform/testing/index.js';
import { checkIn, gatewayData, north } from './support/gateway-apps.js';
import { startTestSupergraph, TEST_RUNTIMES, type TestSupergraph } from './support/test-supergraph.js';

let s: TestSupergraph;

describe.each(TEST_RUNTIMES)('on %s', (runtime) => {
  beforeAll(async () => {
    s = await startTestSupergraph({ runtime });
  }, 120_000);
  afterAll(async () => {
    await s?.stop();
  });

  const DRIVER_SELF = `{ me { driverProfile { id status position { latitude longitude } vehicle { category } pendingOffer { id trip { id } } } } }`;
  const DISCREPANCIES = `query ($filter: CashDiscrepancyFilterInput) { cashDiscrepancies(filter: $filter) { edges { node {
  id driver { id name } collected { amountMinor } deposited { amountMinor } corrections { amountMinor } difference { amountMinor }
  trips { trip { id status } amount { amountMinor } purpose } } } } }`;

  test('a cash trip, a short check-out, the manager sees the difference and writes it off', async () => {
    const downtown = s.demo.fleets.find((fleet) => fleet.name === 'Downtown Fleet')!;
    const demoDriver = s.demo.drivers.find((d) => d.fleetId === downtown.id)!;
    const rider = s.demo.users.find((u) => u.roles.includes('RIDER') && !u.roles.includes('DRIVER'))!;
    const asDriver = await s.testAuth.headersFor({ userId: demoDriver.userId, roles: ['DRIVER'] });
    const asRider = await s.testAuth.headersFor({ userId: rider.id, roles: ['RIDER'] });
    const manager = s.personas.FLEET_MANAGER.headers;
    const gql = (query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>) =>
      gatewayData(s.gatewayUrl, query, variables, headers);
    const driverSelf = async () => (await gql(DRIVER_SELF, undefined, asDriver)).me.driverProfile;

    const before = await driverSelf();
    expect((await checkIn(s.gatewayUrl, asDriver, before.position, 42_000, 'https://example.com/selfie/cash.jpg')).userErrors).toEqual([]);
    const pickup = north(before.position, 300);
    const requested = await gql(
      `mutation ($input: RequestTripInput!) { requestTrip(input: $input) { trip { id } userErrors { code message } } }`,
      { input: { pickup, dropoff: north(before.position, 3300), category: before.vehicle.category, payment: { method: 'CASH' } } },
      asRider,
    );
    expect(requested.requestTrip.userErrors).toEqual([]);
    const tripId: string = requested.requestTrip.trip.id;
    const offered = await readUntil(driverSelf, (d) => d.pendingOffer?.trip.id === tripId, 'the offer');
    await gql(`mutation ($id: ID!) { acceptTrip(offerId: $id) { userErrors { code } } }`, { id: offered.pendingOffer.id }, asDriver);
    await readUntil(driverSelf, (d) => d.status === 'ON_TRIP', 'the driver to be ON_TRIP');
    for (const step of ['arriveAtPickup', 'startTrip'])
      await gql(`mutation ($id: ID!) { ${step}(tripId: $id) { userErrors { code } } }`, { id: tripId }, asDriver);
    const done = await gql(
      `mutation ($id: ID!) { completeTrip(tripId: $id, distanceMeters: 3000) { trip { fare { amountMinor currency } } userErrors { code } } }`,
      { id: tripId },
      asDriver,
    );
    const fare = done.completeTrip.trip.fare as { amountMinor: number; currency: string };
    await readUntil(driverSelf, (d) => d.status === 'AVAILABLE', 'the driver to be free');

    const out = await gql(
      `mutation ($input: CheckOutInput!) { checkOut(input: $input) { userErrors { code } } }`,
      { input: { odometerKm: 42_004, cashDeposited: { amountMinor: fare.amountMinor - 100, currency: fare.currency } } },
      asDriver,
    );
    expect(out.checkOut.userErrors).toEqual([]);

    type Edge = { node: { id: string; trips: unknown[] } };
    const shifts = await readUntil(
      async (): Promise<Edge[]> => (await gql(DISCREPANCIES, { filter: { driverId: before.id } }, manager)).cashDiscrepancies.edges,
      (edges) => edges.length === 1 && edges[0]!.node.trips.length === 1,
      'the shift with its cash trip',
    );
    const shift = shifts[0]!.node;
    const driverName = s.demo.users.find((u) => u.id === demoDriver.userId)!.name;
    expect(shift).toEqual({
      id: expect.any(String),
      driver: { id: before.id, name: driverName },
      collected: { amountMinor: fare.amountMinor },
      deposited: { amountMinor: fare.amountMinor - 100 },
      corrections: { amountMinor: 0 },
      difference: { amountMinor: 100 },
      trips: [{ trip: { id: tripId, status: 'COMPLETED' }, amount: { amountMinor: fare.amountMinor }, purpose: 'TRIP_FARE' }],
    });

    // The driver's own view through their profile.
    const own = await gql(`{ me { driverProfile { cashShifts { edges { node { difference { amountMinor } } } } } } }`, undefined, asDriver);
    expect(own.me.driverProfile.cashShifts.edges).toEqual([{ node: { difference: { amountMinor: 100 } } }]);

    // Another fleet's manager may not look at Downtown.
    const stranger = await s.testAuth.headersFor({ userId: randomUUID(), roles: ['FLEET_MANAGER'], fleetIds: [randomUUID()] });
    const refused = await postGraphQL(s.gatewayUrl, DISCREPANCIES, { filter: { fleetId: downtown.id } }, stranger);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const corrected = await gql(
      `mutation ($input: RecordCashCorrectionInput!) { recordCashCorrection(input: $input) { shift { difference { amountMinor } } userErrors { code } } }`,
      {
        input: {
          driverId: before.id,
          attendanceId: shift.id,
          amount: { amountMinor: 100, currency: fare.currency },
          kind: 'WRITE_OFF',
          reason: 'Change given twice',
          idempotencyKey: 'gw-1',
        },
      },
      manager,
    );
    expect(corrected.recordCashCorrection).toEqual({ shift: { difference: { amountMinor: 0 } }, userErrors: [] });
    expect((await gql(DISCREPANCIES, { filter: { driverId: before.id } }, manager)).cashDiscrepancies.edges).toEqual([]);
  }, 180_000);
});
