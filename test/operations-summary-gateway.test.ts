// The operations summary through the gateway of the whole supergraph (PostgreSQL, then embedded PGlite): trips answers the field, the
// gateway joins payments' `commission` and fleet's online numbers by the summary's id (fleet's `utilisation`
// requiring trips' `driverHoursOnTrip`). A demo driver checks in and drives one cash ride; the summary of the time
// since the test began holds exactly that ride, its commission and that shift.
import { DEMO_PHONES } from '../platform/demo/index.js';
import { EVENT_WAIT_MS, postGraphQL } from '../platform/testing/index.js';
import { openFleetDatabase, type FleetPrisma } from '../subgraphs/fleet/src/store/database.js';
import { openPaymentsDatabase, type PaymentsPrisma } from '../subgraphs/payments/src/store/database.js';
import { completeRide, gatewayData, goOnline, rideUntilDropOff, type Headers } from './support/gateway-apps.js';
import { eventually } from './support/subscriptions-stack.js';
import { startTestSupergraph, TEST_RUNTIMES, type TestSupergraph } from './support/test-supergraph.js';

let env: TestSupergraph;
let payments: PaymentsPrisma;
let fleet: FleetPrisma;
/** The range of the ride's summary, for the outage test after it. */
let window: { from: string; to: string };

describe.each(TEST_RUNTIMES)('on %s', (runtime) => {
  beforeAll(async () => {
    env = await startTestSupergraph({ runtime });
    payments = openPaymentsDatabase(env.database);
    fleet = openFleetDatabase(env.database);
  }, 120_000);

  afterAll(async () => {
    await payments?.$disconnect();
    await fleet?.$disconnect();
    await env?.stop();
  });

  const SUMMARY = `query ($from: DateTime!, $to: DateTime!, $fleetId: ID) {
    operationsSummary(from: $from, to: $to, fleetId: $fleetId) {
      id tripsRequested driverHoursOnTrip commission { currency amountMinor } driversOnline driverHoursOnline utilisation
    }
  }`;

  test('after a ride: the trip, its commission, the driver online and utilisation in one summary', async () => {
    const gql = (query: string, variables: Record<string, unknown> | undefined, headers: Headers) => gatewayData(env.gatewayUrl, query, variables, headers);
    const user = (phone: string) => env.demo.users.find((u) => u.phone === phone)!;
    const driverUser = user(DEMO_PHONES.driver(7));
    const asDriver = await env.testAuth.headersFor({ userId: driverUser.id, roles: ['DRIVER'] });
    const asRider = await env.testAuth.headersFor({ userId: user(DEMO_PHONES.rider(7)).id, roles: ['RIDER'] });
    const from = new Date();

    const fleetId = (await fleet.driver.findUniqueOrThrow({ where: { userId: driverUser.id } })).fleetId;
    const driver = await goOnline(env.gatewayUrl, asDriver);
    const tripId = await rideUntilDropOff(env.gatewayUrl, driver, asRider, 'CASH');
    const fare = await completeRide(env.gatewayUrl, asDriver, tripId);
    await eventually(
      async () =>
        expect((await gql('query ($id: ID!) { trip(id: $id) { payment { status } } }', { id: tripId }, asRider)).trip.payment).toEqual({ status: 'SUCCEEDED' }),
      EVENT_WAIT_MS,
    );
    const payment = await payments.payment.findFirstOrThrow({ where: { tripId } });
    expect(payment.commissionBps).toBeGreaterThan(0);
    const shift = await fleet.attendance.findFirstOrThrow({ where: { driver: { userId: driverUser.id }, checkOutAt: null } });

    const ops = env.personas.OPERATIONS.headers;
    const to = new Date(Date.now() + 3_600_000);
    window = { from: from.toISOString(), to: to.toISOString() };
    const before = Date.now();
    const summary = (await gql(SUMMARY, { from: from.toISOString(), to: to.toISOString(), fleetId: fleetId }, ops)).operationsSummary;
    const after = Date.now();
    expect(summary.tripsRequested).toBe(1);
    expect(summary.commission).toEqual([{ currency: fare.currency, amountMinor: String(Math.floor((fare.amountMinor * payment.commissionBps) / 10_000)) }]);
    expect(summary.driversOnline).toBe(1);
    // The shift is still open: it counts up to the moment fleet answered.
    const checkedIn = shift.createdAt.getTime();
    expect(summary.driverHoursOnline).toBeGreaterThanOrEqual((before - checkedIn) / 3_600_000);
    expect(summary.driverHoursOnline).toBeLessThanOrEqual((after - checkedIn) / 3_600_000);
    expect(summary.driverHoursOnTrip).toBeGreaterThan(0);
    expect(summary.utilisation).toBeCloseTo(summary.driverHoursOnTrip / summary.driverHoursOnline, 12);
    expect(summary.utilisation).toBeGreaterThan(0);
    expect(summary.utilisation).toBeLessThanOrEqual(1);

    // The fleet's manager sees the same numbers without naming the fleet; naming another is FORBIDDEN at trips.
    const manager = await env.testAuth.headersFor({ userId: env.personas.FLEET_MANAGER.userId!, roles: ['FLEET_MANAGER'], fleetIds: [fleetId] });
    const managed = (await gql(SUMMARY, { from: from.toISOString(), to: to.toISOString() }, manager)).operationsSummary;
    expect({ ...managed, driverHoursOnline: 0, utilisation: 0 }).toEqual({ ...summary, id: managed.id, driverHoursOnline: 0, utilisation: 0 });
    const other = await postGraphQL(
      env.gatewayUrl,
      SUMMARY,
      { from: from.toISOString(), to: to.toISOString(), fleetId: '00000000-0000-4000-8000-000000000000' },
      manager,
    );
    expect(other.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

    // Another city: nothing of it.
    const elsewhere = (
      await gql(
        `query ($from: DateTime!, $to: DateTime!) { operationsSummary(from: $from, to: $to, city: "Nowhere") { tripsRequested commission { amountMinor } driversOnline driverHoursOnline utilisation } }`,
        { from: from.toISOString(), to: to.toISOString() },
        ops,
      )
    ).operationsSummary;
    expect(elsewhere).toEqual({ tripsRequested: 0, commission: [], driversOnline: 0, driverHoursOnline: 0, utilisation: null });
  }, 180_000);

  test('payments, then fleet, stopped: trips’ numbers stand; null with SERVICE_UNAVAILABLE only at the stopped ones’ fields', async () => {
    const errorsOf = (result: { errors?: readonly { extensions?: Record<string, unknown>; path?: readonly (string | number)[] }[] }) =>
      (result.errors ?? []).map((e) => [e.extensions?.code, e.path]).sort((a, b) => JSON.stringify(a[1]).localeCompare(JSON.stringify(b[1])));
    const stop = async (name: string) => {
      const subgraph = env.supergraph.subgraphs.find((s) => s.name === name)!;
      await subgraph.stop();
      // Stopped for good: the supergraph's stop at the end must not close its WebSocket server a second time.
      subgraph.stop = async () => undefined;
    };
    const ops = env.personas.OPERATIONS.headers;

    await stop('payments');
    const noPayments = await postGraphQL(env.gatewayUrl, SUMMARY, window, ops);
    expect(noPayments.data.operationsSummary).toMatchObject({ tripsRequested: 1, commission: null, driversOnline: 1 });
    expect(errorsOf(noPayments)).toEqual([['SERVICE_UNAVAILABLE', ['operationsSummary', 'commission']]]);

    await stop('fleet');
    const neither = await postGraphQL(env.gatewayUrl, SUMMARY, window, ops);
    expect(neither.data.operationsSummary).toMatchObject({
      tripsRequested: 1,
      commission: null,
      driversOnline: null,
      driverHoursOnline: null,
      utilisation: null,
    });
    expect(errorsOf(neither)).toEqual([
      ['SERVICE_UNAVAILABLE', ['operationsSummary', 'commission']],
      ['SERVICE_UNAVAILABLE', ['operationsSummary', 'driverHoursOnline']],
      ['SERVICE_UNAVAILABLE', ['operationsSummary', 'driversOnline']],
      ['SERVICE_UNAVAILABLE', ['operationsSummary', 'utilisation']],
    ]);
  }, 60_000);
});
