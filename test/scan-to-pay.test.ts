// Scan-to-pay through the gateway of the whole supergraph (PostgreSQL, then embedded PGlite), with the demo city and the development
// provider, as README "Money" tells it: a demo rider rides with a demo driver paying cash, reads the car's payment
// QR code, scans it (payTripByVehicleQr), opens the link's development checkout page on the payments subgraph and
// presses Pay; the provider's signed webhook books it: the driver no longer owes that cash. Demo driver/rider 9.
import { DEMO_PHONES } from '../platform/demo/index.js';
import { EVENT_WAIT_MS } from '../platform/testing/index.js';
import { openPaymentsDatabase, type PaymentsPrisma } from '../subgraphs/payments/src/store/database.js';
import { completeRide, gatewayData, goOnline, rideUntilDropOff, type Headers } from './support/gateway-apps.js';
import { startTestSupergraph, TEST_RUNTIMES, type TestSupergraph } from './support/test-supergraph.js';
import { eventually } from './support/subscriptions-stack.js';

let env: TestSupergraph;
let payments: PaymentsPrisma;

describe.each(TEST_RUNTIMES)('on %s', (runtime) => {
  beforeAll(async () => {
    env = await startTestSupergraph({ runtime });
    payments = openPaymentsDatabase(env.database);
  }, 120_000);
  afterAll(async () => {
    await payments?.$disconnect();
    await env?.stop();
  });

  const gql = (query: string, variables: Record<string, unknown> | undefined, headers: Headers) => gatewayData(env.gatewayUrl, query, variables, headers);

  async function cashHeld(driverUserId: string): Promise<number> {
    const accounts = await payments.ledgerAccount.findMany({ where: { kind: 'DRIVER_CASH_HELD', ownerId: driverUserId } });
    return accounts.reduce((sum, a) => sum + Number(a.balanceMinor), 0);
  }

  test('a demo rider pays a cash trip by scanning the car’s QR code and paying the development provider’s page', async () => {
    const user = (phone: string) => env.demo.users.find((u) => u.phone === phone)!;
    const driverUser = user(DEMO_PHONES.driver(9));
    const riderUser = user(DEMO_PHONES.rider(9));
    const asDriver = await env.testAuth.headersFor({ userId: driverUser.id, roles: ['DRIVER'] });
    const asRider = await env.testAuth.headersFor({ userId: riderUser.id, roles: ['RIDER'] });

    // The ride, paid in cash.
    const self = await goOnline(env.gatewayUrl, asDriver);
    const tripId = await rideUntilDropOff(env.gatewayUrl, self, asRider, 'CASH');
    const fare = (await completeRide(env.gatewayUrl, asDriver, tripId)).amountMinor;
    const TRIP = `query ($id: ID!) { trip(id: $id) { vehicle { id paymentQr { payload svg pngDataUrl } }
    payment { status method paidByLink { id status } } } }`;
    await eventually(
      async () => expect((await gql(TRIP, { id: tripId }, asRider)).trip.payment).toEqual({ status: 'SUCCEEDED', method: 'CASH', paidByLink: null }),
      EVENT_WAIT_MS,
    );
    expect(await cashHeld(driverUser.id)).toBe(-fare);

    // The code in the car, read through the gateway (fleet's vehicle, payments' paymentQr).
    const trip = (await gql(TRIP, { id: tripId }, asRider)).trip;
    expect(trip.vehicle.id).toBe(self.vehicle.id);
    expect(trip.vehicle.paymentQr.payload).toBe(`http://localhost:4004/pay/vehicles/${self.vehicle.id}`);
    expect(trip.vehicle.paymentQr.svg).toContain('<svg');
    expect(trip.vehicle.paymentQr.pngDataUrl).toMatch(/^data:image\/png;base64,/);

    // Scan, open the page on the payments subgraph, press Pay.
    const SCAN = `mutation ($input: PayTripByVehicleQrInput!) { payTripByVehicleQr(input: $input) {
    paymentLink { id url status amount { amountMinor } } userErrors { code } } }`;
    const scanned = (await gql(SCAN, { input: { qrPayload: trip.vehicle.paymentQr.payload, idempotencyKey: `scan-${tripId}` } }, asRider)).payTripByVehicleQr;
    expect(scanned.userErrors).toEqual([]);
    expect(scanned.paymentLink).toMatchObject({ status: 'PENDING', amount: { amountMinor: fare } });
    const pageUrl = new URL(new URL(scanned.paymentLink.url).pathname, env.subgraphUrl('payments'));
    const page = await fetch(pageUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`${(fare / 100).toFixed(2)} USD`);
    expect((await fetch(pageUrl, { method: 'POST', body: '' })).status).toBe(200);

    // The provider's webhook arrives (PAYMENTS_DEV_WEBHOOK_DELAY_MS later): paid, the driver no longer owes the cash.
    await eventually(
      async () => expect((await gql(TRIP, { id: tripId }, asRider)).trip.payment.paidByLink).toEqual({ id: scanned.paymentLink.id, status: 'PAID' }),
      EVENT_WAIT_MS,
    );
    expect(await cashHeld(driverUser.id)).toBe(0);
    const again = (await gql(SCAN, { input: { qrPayload: trip.vehicle.paymentQr.payload, idempotencyKey: `scan-again-${tripId}` } }, asRider))
      .payTripByVehicleQr;
    expect(again).toEqual({ paymentLink: null, userErrors: [{ code: 'LINK_ALREADY_PAID' }] });
  }, 180_000);
});
