// fleet's live positions through the GATEWAY of the whole supergraph (demo city, in-process pub/sub), over real
// graphql-ws sockets as the ops dashboard and the apps connect: a position joins fleet's payload with the driver's
// name (fleet's copy of identity's) and fleet's plate; a manager of another fleet is refused. Demo drivers 3 and 4 (Airport Fleet): no
// other test of this supergraph touches them (ride-flow uses 7; the personas use driver 1).
import { DEMO_PHONES } from '../platform/demo/index.js';
import { checkIn as checkInAt, gatewayData, upstreamSubscriptions } from './support/gateway-apps.js';
import { connectWs, eventually, wsUrlOf, type TestWsClient } from './support/subscriptions-stack.js';
import { startTestSupergraph, type TestSupergraph } from './support/test-supergraph.js';

let env: TestSupergraph;
let wsUrl: string;
const open: TestWsClient[] = [];

beforeAll(async () => {
  env = await startTestSupergraph();
  // The gateway serves graphql-ws on the same /graphql as HTTP.
  wsUrl = wsUrlOf(env.supergraph.gateway);
}, 120_000);

afterEach(async () => {
  await Promise.all(open.splice(0).map((ws) => ws.dispose()));
  await eventually(() => expect(upstream()).toBe(0));
});

afterAll(async () => {
  await env?.stop();
});

/** Subscriptions the gateway holds on fleet: a client's subscription has started once it counts there. */
const upstream = () => upstreamSubscriptions(env.supergraph, 'fleet');

interface DemoDriver {
  id: string;
  userId: string;
  fleetId: string;
  name: string;
  plate: string;
  headers: Record<string, string>;
}

async function demoDriver(n: number): Promise<DemoDriver> {
  const user = env.demo.users.find((u) => u.phone === DEMO_PHONES.driver(n))!;
  const driver = env.demo.drivers.find((d) => d.userId === user.id)!;
  const plate = env.demo.vehicles.find((v) => v.id === driver.vehicleId)!.plate;
  return {
    id: driver.id,
    userId: user.id,
    fleetId: driver.fleetId,
    name: user.name,
    plate,
    headers: await env.testAuth.headersFor({ userId: user.id, roles: ['DRIVER'] }),
  };
}

async function connect(headers: Record<string, string>): Promise<TestWsClient> {
  const ws = connectWs(wsUrl, { authorization: headers.authorization });
  open.push(ws);
  return ws;
}

const gql = (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => gatewayData(env.gatewayUrl, query, variables, headers);

/** The driver app, as in embedded/test/ride-flow.ts: check in with the seeded vehicle (AVAILABLE), then stream. */
async function checkIn(driver: DemoDriver, location: { latitude: number; longitude: number }) {
  expect(await checkInAt(env.gatewayUrl, driver.headers, location, 12_000, 'https://example.com/selfie/live-fleet.jpg')).toEqual({
    driver: { status: 'AVAILABLE' },
    userErrors: [],
  });
}

const locate = (driver: DemoDriver, latitude: number, longitude: number) =>
  gql(
    'mutation ($lat: Float!, $lng: Float!) { updateDriverLocation(latitude: $lat, longitude: $lng, heading: 180, speed: 25) { recordedAt } }',
    { lat: latitude, lng: longitude },
    driver.headers,
  );

const FLEET_POSITIONS = 'subscription ($fleetId: ID!) { fleetPositions(fleetId: $fleetId) { latitude longitude status driver { name vehicle { plate } } } }';
const DRIVER_LOCATION = 'subscription ($driverId: ID!) { driverLocationUpdated(driverId: $driverId) { latitude longitude driver { id name } } }';

test("operations' live map of a fleet receives each driver's position with the driver's name and plate (fleet)", async () => {
  const [chen, dana] = [await demoDriver(3), await demoDriver(4)];
  expect(dana.fleetId).toBe(chen.fleetId);
  const hub = env.demo.hubs.find((h) => h.fleetId === chen.fleetId)!;
  const ops = await connect(env.personas.OPERATIONS.headers);
  const map = ops.subscribe<{ fleetPositions: unknown }>(FLEET_POSITIONS, { fleetId: chen.fleetId });
  await eventually(() => expect(upstream()).toBe(1));

  await checkIn(chen, { latitude: hub.latitude, longitude: hub.longitude });
  await locate(chen, hub.latitude + 0.001, hub.longitude);
  expect(await map.next()).toEqual({
    data: {
      fleetPositions: {
        latitude: hub.latitude + 0.001,
        longitude: hub.longitude,
        status: 'AVAILABLE',
        driver: { name: chen.name, vehicle: { plate: chen.plate } },
      },
    },
  });
  // Dana has not checked in: her position still reaches the map, as OFFLINE.
  await locate(dana, hub.latitude - 0.002, hub.longitude + 0.001);
  expect(await map.next()).toEqual({
    data: {
      fleetPositions: {
        latitude: hub.latitude - 0.002,
        longitude: hub.longitude + 0.001,
        status: 'OFFLINE',
        driver: { name: dana.name, vehicle: { plate: dana.plate } },
      },
    },
  });
});

test("a manager of another fleet is FORBIDDEN from the fleet's map and cannot find its drivers; operations can watch one driver", async () => {
  const dana = await demoDriver(4);
  const manager = await connect(env.personas.FLEET_MANAGER.headers);
  expect(env.personas.FLEET_MANAGER.fleetIds).not.toContain(dana.fleetId);
  const refused = manager.subscribe(FLEET_POSITIONS, { fleetId: dana.fleetId });
  expect(await refused.failed).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  const hidden = manager.subscribe(DRIVER_LOCATION, { driverId: dana.id });
  expect(await hidden.failed).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
  expect(upstream()).toBe(0);

  const ops = await connect(env.personas.OPERATIONS.headers);
  const watching = ops.subscribe<{ driverLocationUpdated: unknown }>(DRIVER_LOCATION, { driverId: dana.id });
  await eventually(() => expect(upstream()).toBe(1));
  // Near where the previous test left her: fleet refuses positions no car could reach in time.
  const hub = env.demo.hubs.find((h) => h.fleetId === dana.fleetId)!;
  const next = { latitude: hub.latitude + 0.005, longitude: hub.longitude - 0.004 };
  await locate(dana, next.latitude, next.longitude);
  expect(await watching.next()).toEqual({ data: { driverLocationUpdated: { ...next, driver: { id: dana.id, name: dana.name } } } });
});
