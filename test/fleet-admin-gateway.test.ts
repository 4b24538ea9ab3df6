// Fleet administration through the gateway with the demo city, on PostgreSQL and on embedded PGlite: a demo driver
// on shift holds a trip offer; operations suspend them — the driver goes OFFLINE, the offer is withdrawn (trips
// learns from fleet's driver.status.changed) and cannot be accepted, check-in is refused; reinstated, the driver
// works again. Operations fix the driver's vehicle and licence from the API alone, and the driver reads their
// shifts through `me`.
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

  const DRIVER_SELF = `{ me { driverProfile { id status suspended position { latitude longitude } vehicle { id category } pendingOffer { id trip { id } } } } }`;

  test('operations suspend a driver holding an offer, the offer is withdrawn and check-in refused; reinstated, the driver works again', async () => {
    const downtown = s.demo.fleets.find((fleet) => fleet.name === 'Downtown Fleet')!;
    const demoDriver = s.demo.drivers.filter((d) => d.fleetId === downtown.id).at(-1)!;
    const rider = s.demo.users.find((u) => u.roles.includes('RIDER') && !u.roles.includes('DRIVER'))!;
    const asDriver = await s.testAuth.headersFor({ userId: demoDriver.userId, roles: ['DRIVER'] });
    const asRider = await s.testAuth.headersFor({ userId: rider.id, roles: ['RIDER'] });
    const ops = s.personas.OPERATIONS.headers;
    const gql = (query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>) =>
      gatewayData(s.gatewayUrl, query, variables, headers);
    const driverSelf = async () => (await gql(DRIVER_SELF, undefined, asDriver)).me.driverProfile;

    const before = await driverSelf();
    expect((await checkIn(s.gatewayUrl, asDriver, before.position, 50_000, 'https://example.com/selfie/a.jpg')).userErrors).toEqual([]);
    const requested = await gql(
      `mutation ($input: RequestTripInput!) { requestTrip(input: $input) { trip { id } userErrors { code } } }`,
      { input: { pickup: north(before.position, 300), dropoff: north(before.position, 3300), category: before.vehicle.category, payment: { method: 'CASH' } } },
      asRider,
    );
    expect(requested.requestTrip.userErrors).toEqual([]);
    const tripId: string = requested.requestTrip.trip.id;
    const offered = await readUntil(driverSelf, (d) => d.pendingOffer?.trip.id === tripId, 'the offer');

    const SUSPEND = `mutation ($driverId: ID!, $reason: String!) { suspendDriver(driverId: $driverId, reason: $reason) { driver { status suspended suspensionReason } userErrors { code } } }`;
    const suspended = await gql(SUSPEND, { driverId: before.id, reason: 'Rider complaint under review' }, ops);
    expect(suspended.suspendDriver).toEqual({
      driver: { status: 'OFFLINE', suspended: true, suspensionReason: 'Rider complaint under review' },
      userErrors: [],
    });
    await readUntil(driverSelf, (d) => d.pendingOffer === null, 'the offer to be withdrawn');
    const late = await postGraphQL(
      s.gatewayUrl,
      `mutation ($id: ID!) { acceptTrip(offerId: $id) { userErrors { code } } }`,
      { id: offered.pendingOffer.id },
      asDriver,
    );
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'ILLEGAL_STATE_TRANSITION', currentStatus: 'WITHDRAWN' });

    const out = await gql(
      `mutation ($input: CheckOutInput!) { checkOut(input: $input) { driver { status } userErrors { code } } }`,
      { input: { odometerKm: 50_010, cashDeposited: { amountMinor: 0, currency: 'USD' } } },
      asDriver,
    );
    expect(out.checkOut).toEqual({ driver: { status: 'OFFLINE' }, userErrors: [] });
    expect(await checkIn(s.gatewayUrl, asDriver, before.position, 50_020, 'https://example.com/selfie/b.jpg')).toEqual({
      driver: null,
      userErrors: [{ code: 'DRIVER_SUSPENDED' }],
    });

    const REINSTATE = `mutation ($driverId: ID!) { reinstateDriver(driverId: $driverId, reason: "Cleared") { driver { status suspended } userErrors { code } } }`;
    expect((await gql(REINSTATE, { driverId: before.id }, ops)).reinstateDriver).toEqual({ driver: { status: 'OFFLINE', suspended: false }, userErrors: [] });
    expect(await checkIn(s.gatewayUrl, asDriver, before.position, 50_020, 'https://example.com/selfie/c.jpg')).toEqual({
      driver: { status: 'AVAILABLE' },
      userErrors: [],
    });
  });

  test("operations fix a vehicle and a driver's licence from the API; the driver reads their shifts newest first", async () => {
    const downtown = s.demo.fleets.find((fleet) => fleet.name === 'Downtown Fleet')!;
    const demoDriver = s.demo.drivers.filter((d) => d.fleetId === downtown.id).at(-2)!;
    const asDriver = await s.testAuth.headersFor({ userId: demoDriver.userId, roles: ['DRIVER'] });
    const ops = s.personas.OPERATIONS.headers;
    const gql = (query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>) =>
      gatewayData(s.gatewayUrl, query, variables, headers);
    const me = (await gql(DRIVER_SELF, undefined, asDriver)).me.driverProfile;

    const plate = `FX ${randomUUID().slice(0, 4)}`.toUpperCase();
    const fixed = await gql(
      `mutation ($input: UpdateVehicleInput!) { updateVehicle(input: $input) { vehicle { plate colour } userErrors { code } } }`,
      { input: { id: me.vehicle.id, plate, colour: 'Silver' } },
      ops,
    );
    expect(fixed.updateVehicle).toEqual({ vehicle: { plate, colour: 'Silver' }, userErrors: [] });
    const licence = await gql(
      `mutation ($input: UpdateDriverProfileInput!) { updateDriverProfile(input: $input) { driver { licenceExpiresOn } userErrors { code } } }`,
      { input: { driverId: me.id, licenceExpiresOn: '2030-06-30' } },
      ops,
    );
    expect(licence.updateDriverProfile).toEqual({ driver: { licenceExpiresOn: '2030-06-30' }, userErrors: [] });

    for (const [i, km] of [60_000, 60_100].entries()) {
      expect((await checkIn(s.gatewayUrl, asDriver, me.position, km, `https://example.com/selfie/s${i}.jpg`)).userErrors).toEqual([]);
      await gql(
        `mutation ($input: CheckOutInput!) { checkOut(input: $input) { userErrors { code } } }`,
        { input: { odometerKm: km + 50, cashDeposited: { amountMinor: 0, currency: 'USD' } } },
        asDriver,
      );
    }
    const shifts = await gql(
      `{ me { driverProfile { licenceExpiresOn attendances(first: 5) { edges { node { checkInOdometerKm checkOutOdometerKm } } } } } }`,
      undefined,
      asDriver,
    );
    expect(shifts.me.driverProfile).toEqual({
      licenceExpiresOn: '2030-06-30',
      attendances: {
        edges: [{ node: { checkInOdometerKm: 60_100, checkOutOdometerKm: 60_150 } }, { node: { checkInOdometerKm: 60_000, checkOutOdometerKm: 60_050 } }],
      },
    });
  });
});
