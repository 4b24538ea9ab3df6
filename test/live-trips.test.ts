// trips' live subscriptions through the gateway of the whole supergraph, as the rider and driver apps use them over
// graphql-ws: `tripUpdated(id)` carries fields of fleet (driver name, vehicle plate) joined per event,
// and `tripOffered` reaches the driver the dispatcher picked. Demo driver/rider 5 and 6: no other test here uses them.
import { DEMO_PHONES } from '../platform/demo/index.js';
import { checkIn, gatewayData, north, upstreamSubscriptions, type Headers } from './support/gateway-apps.js';
import { startTestSupergraph, type TestSupergraph } from './support/test-supergraph.js';
import { EVENT_WAIT_MS } from '../platform/testing/index.js';
import { connectWs, eventually, type TestWsClient } from './support/subscriptions-stack.js';

let env: TestSupergraph;
const clients: TestWsClient[] = [];

beforeAll(async () => {
  env = await startTestSupergraph();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  // The next test counts its own subscriptions upstream, from none.
  await eventually(() => expect(tripsSubscriptions()).toBe(0));
});

afterAll(async () => {
  await env?.stop();
});

const tripsSubscriptions = () => upstreamSubscriptions(env.supergraph, 'trips');

const gql = (query: string, variables: Record<string, unknown> | undefined, headers: Headers) => gatewayData(env.gatewayUrl, query, variables, headers);

/** Signed-in headers and user of demo driver `n` and demo rider `n`. */
async function demoPair(n: number) {
  const user = (phone: string) => env.demo.users.find((u) => u.phone === phone)!;
  const driverUser = user(DEMO_PHONES.driver(n));
  const riderUser = user(DEMO_PHONES.rider(n));
  return {
    driverUser,
    asDriver: await env.testAuth.headersFor({ userId: driverUser.id, roles: ['DRIVER'] }),
    asRider: await env.testAuth.headersFor({ userId: riderUser.id, roles: ['RIDER'] }),
  };
}

const subscriber = (headers: Headers) => {
  const client = connectWs(env.gatewayUrl.replace(/^http/, 'ws'), { authorization: headers.authorization });
  clients.push(client);
  return client;
};

const DRIVER_SELF = '{ me { driverProfile { id position { latitude longitude } vehicle { plate category } pendingOffer { id trip { id } } } } }';
interface DriverSelf {
  id: string;
  position: { latitude: number; longitude: number };
  vehicle: { plate: string; category: string };
  pendingOffer: { id: string; trip: { id: string } } | null;
}
const driverSelf = async (asDriver: Headers): Promise<DriverSelf> => (await gql(DRIVER_SELF, undefined, asDriver)).me.driverProfile;

/** The driver checks in where the seed left them and reports that position: AVAILABLE to dispatch. */
async function goOnline(asDriver: Headers): Promise<DriverSelf> {
  const self = await driverSelf(asDriver);
  expect(await checkIn(env.gatewayUrl, asDriver, self.position, 10_000, 'https://example.com/selfie.jpg')).toEqual({
    driver: { status: 'AVAILABLE' },
    userErrors: [],
  });
  await gql(
    'mutation ($lat: Float!, $lng: Float!) { updateDriverLocation(latitude: $lat, longitude: $lng) { recordedAt } }',
    { lat: self.position.latitude, lng: self.position.longitude },
    asDriver,
  );
  return self;
}

/** The rider requests a ride 300 m north of the driver, in the driver's category. */
async function requestNear(driver: DriverSelf, asRider: Headers): Promise<string> {
  const pickup = north(driver.position, 300);
  const dropoff = north(pickup, 3000);
  const requested = await gql(
    'mutation ($input: RequestTripInput!) { requestTrip(input: $input) { trip { id } userErrors { code } } }',
    { input: { pickup, dropoff, category: driver.vehicle.category } },
    asRider,
  );
  expect(requested.requestTrip.userErrors).toEqual([]);
  return requested.requestTrip.trip.id;
}

test("the rider's tripUpdated shows the assigned driver's name and plate, joined from fleet", async () => {
  const { driverUser, asDriver, asRider } = await demoPair(5);
  const driver = await goOnline(asDriver);
  const tripId = await requestNear(driver, asRider);

  const sub = subscriber(asRider).subscribe<{ tripUpdated: { status: string; driver: { name: string; vehicle: { plate: string } } | null } }>(
    'subscription ($id: ID!) { tripUpdated(id: $id) { status driver { name vehicle { plate } } } }',
    { id: tripId },
  );
  await eventually(() => expect(tripsSubscriptions()).toBe(1));

  // Offers reach trips' dispatch once fleet's "driver available" event fed its supply: wait for it like the app.
  let offerId = '';
  await eventually(async () => {
    const offer = (await driverSelf(asDriver)).pendingOffer;
    expect(offer?.trip.id).toBe(tripId);
    offerId = offer!.id;
  }, EVENT_WAIT_MS);
  const accepted = await gql('mutation ($id: ID!) { acceptTrip(offerId: $id) { trip { status } userErrors { code } } }', { id: offerId }, asDriver);
  expect(accepted.acceptTrip).toEqual({ trip: { status: 'DRIVER_ASSIGNED' }, userErrors: [] });

  const event = await sub.next();
  expect(event.errors).toBeUndefined();
  expect(event.data).toEqual({ tripUpdated: { status: 'DRIVER_ASSIGNED', driver: { name: driverUser.name, vehicle: { plate: driver.vehicle.plate } } } });
}, 120_000);

test("a driver's tripOffered receives the offer the dispatcher makes after the rider requests", async () => {
  const { asDriver, asRider } = await demoPair(6);
  // Subscribed before the shift starts, as the driver app does at sign-in.
  const sub = subscriber(asDriver).subscribe<{ tripOffered: { id: string; trip: { id: string } } }>('subscription { tripOffered { id trip { id } } }');
  await eventually(() => expect(tripsSubscriptions()).toBe(1));
  const driver = await goOnline(asDriver);
  const tripId = await requestNear(driver, asRider);

  // The dispatcher retries every pass until trips' supply knows the driver, so the offer may take a few seconds.
  const event = await sub.next(EVENT_WAIT_MS);
  expect(event.errors).toBeUndefined();
  const pending = (await driverSelf(asDriver)).pendingOffer;
  expect(event.data).toEqual({ tripOffered: { id: pending?.id, trip: { id: tripId } } });
}, 120_000);
