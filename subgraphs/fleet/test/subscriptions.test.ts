// fleet's live positions over graphql-ws, reached directly on the subgraph's port (as the gateway does), on real
// PostgreSQL: fleetPositions for the fleet's manager and operations, driverLocationUpdated for operations, the
// driver and the rider of the driver's current trip — who starts receiving positions when trips' trip.assigned
// reaches fleet and stops with trip.completed — and the errors a refused start gets.
import { randomUUID } from 'node:crypto';
import type { AnyEventEnvelope } from '../../../platform/events/index.js';
import { serveSubgraph, type RunningSubgraph } from '../../../platform/graphql/index.js';
import { createLogger } from '../../../platform/logging/index.js';
import { createTestAuth, createTestDatabase, postGraphQL, testSubgraphDeps, type TestAuth, type TestDatabase } from '../../../platform/testing/index.js';
import { connectWs, eventually, wsUrlOf, type TestWsClient } from '../../../test/support/subscriptions-stack.js';
import { buildFleetSubgraph } from '../src/server.js';
import { createTripEventHandler } from '../src/services/trip-events.js';
import { openFleetDatabase, type FleetPrisma } from '../src/store/database.js';
import { createFleet } from './support/fleet-harness.js';

const logger = createLogger({ level: 'silent' });
let db: TestDatabase;
let prisma: FleetPrisma;
let testAuth: TestAuth;
let fleet: RunningSubgraph;
let handleTripEvent: (event: AnyEventEnvelope) => Promise<void>;
const open: TestWsClient[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = openFleetDatabase(db.target);
  testAuth = await createTestAuth();
  const deps = await testSubgraphDeps(db.target, undefined, testAuth);
  // Trips' events are handed to the handler by the test, so each one is applied before the next step.
  const built = await buildFleetSubgraph(deps, { consumeEvents: false, locationRateLimit: { points: 1000, durationSeconds: 1 } });
  fleet = await serveSubgraph(built, { port: 0, logger });
  handleTripEvent = createTripEventHandler({ prisma, outbox: { wake: () => undefined }, logger });
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((ws) => ws.dispose()));
  // Every test ends its subscriptions; the next counts from none.
  await eventually(() => expect(active()).toBe(0));
});

afterAll(async () => {
  await fleet?.stop();
  await prisma?.$disconnect();
  await db?.drop();
});

const active = () => fleet.subscriptions!.activeSubscriptions();

const POSITION = 'latitude longitude heading speedKph recordedAt status driver { id }';
const DRIVER_LOCATION = `subscription ($driverId: ID!) { driverLocationUpdated(driverId: $driverId) { ${POSITION} } }`;
const FLEET_POSITIONS = `subscription ($fleetId: ID!) { fleetPositions(fleetId: $fleetId) { ${POSITION} } }`;
const LOCATE = `mutation ($latitude: Float!, $longitude: Float!, $heading: Float, $speed: Float) {
  updateDriverLocation(latitude: $latitude, longitude: $longitude, heading: $heading, speed: $speed) { recordedAt }
}`;

interface Position {
  latitude: number;
  longitude: number;
  heading: number | null;
  speedKph: number | null;
  recordedAt: string;
  status: string;
  driver: { id: string };
}

type Subject = { userId: string; roles: ('SUPER_ADMIN' | 'OPERATIONS' | 'FLEET_MANAGER' | 'DRIVER' | 'RIDER')[]; fleetIds?: string[] };
const ops = (): Subject => ({ userId: randomUUID(), roles: ['OPERATIONS'] });
const rider = (): Subject => ({ userId: randomUUID(), roles: ['RIDER'] });

async function connect(subject: Subject): Promise<TestWsClient> {
  const ws = connectWs(wsUrlOf(fleet), { authorization: `Bearer ${await testAuth.tokenFor(subject)}` });
  open.push(ws);
  return ws;
}

/** Subscribes and waits until the subgraph counts the subscription as started (it listens from then on). */
async function watch(ws: TestWsClient, query: string, variables: Record<string, unknown>) {
  const before = active();
  const sub = ws.subscribe<Record<string, Position>>(query, variables);
  await eventually(() => expect(active()).toBe(before + 1));
  return sub;
}

/** A driver on shift with a vehicle (AVAILABLE), in a new fleet. */
async function availableDriver() {
  const created = await createFleet(prisma);
  const driver = await prisma.driver.update({
    where: { id: created.drivers[0]!.id },
    data: { status: 'AVAILABLE', currentVehicleId: created.vehicles[0]!.id },
  });
  return { fleetId: created.fleet.id, driver };
}

/** The driver app reports a position; @returns what a watcher should receive (`recordedAt` from the mutation). */
async function locate(driver: { id: string; userId: string }, latitude: number, longitude: number, status = 'AVAILABLE') {
  const result = await postGraphQL(
    fleet.url,
    LOCATE,
    { latitude, longitude, heading: 45, speed: 20 },
    await testAuth.headersFor({ userId: driver.userId, roles: ['DRIVER'] }),
  );
  expect(result.errors).toBeUndefined();
  return { latitude, longitude, heading: 45, speedKph: 20, recordedAt: result.data.updateDriverLocation.recordedAt, status, driver: { id: driver.id } };
}

const tripEvent = <T extends AnyEventEnvelope['type']>(type: T, payload: Extract<AnyEventEnvelope, { type: T }>['payload']) =>
  ({ id: randomUUID(), type, source: 'trips', occurredAt: new Date().toISOString(), payload }) as Extract<AnyEventEnvelope, { type: T }>;

const assigned = (tripId: string, riderUserId: string, driver: { id: string; userId: string; fleetId: string }) =>
  tripEvent('trip.assigned', {
    tripId,
    riderUserId,
    driverId: driver.id,
    driverUserId: driver.userId,
    fleetId: driver.fleetId,
    vehicleId: null,
    occurredAt: new Date().toISOString(),
  });

const completed = (tripId: string, riderUserId: string, driver: { id: string; userId: string; fleetId: string }) =>
  tripEvent('trip.completed', {
    tripId,
    riderUserId,
    driverId: driver.id,
    driverUserId: driver.userId,
    fleetId: driver.fleetId,
    fare: { amountMinor: 900, currency: 'USD' },
    distanceMeters: 2000,
    durationSeconds: 400,
    occurredAt: new Date().toISOString(),
  });

const errorCodes = async (failed: Promise<unknown>) => ((await failed) as { extensions?: { code?: string } }[]).map((e) => e.extensions?.code);

describe('fleetPositions', () => {
  test("the fleet's manager receives each position of the fleet's drivers, as reported, and none of another fleet", async () => {
    const mine = await availableDriver();
    const other = await availableDriver();
    const manager = await connect({ userId: randomUUID(), roles: ['FLEET_MANAGER'], fleetIds: [mine.fleetId] });
    const sub = await watch(manager, FLEET_POSITIONS, { fleetId: mine.fleetId });

    const first = await locate(mine.driver, 40.7, -74.0);
    expect(await sub.next()).toEqual({ data: { fleetPositions: first } });
    await locate(other.driver, 41.0, -73.0); // another fleet's driver: not on this channel
    const second = await locate(mine.driver, 40.71, -74.01);
    expect(await sub.next()).toEqual({ data: { fleetPositions: second } });
    expect(sub.results).toHaveLength(2);
  });

  test('a manager of another fleet is FORBIDDEN; an unknown fleet is NOT_FOUND; a malformed id is BAD_USER_INPUT; a driver is FORBIDDEN', async () => {
    const { fleetId } = await availableDriver();
    const elsewhere = await availableDriver();
    const manager = await connect({ userId: randomUUID(), roles: ['FLEET_MANAGER'], fleetIds: [elsewhere.fleetId] });
    expect(await errorCodes(manager.subscribe(FLEET_POSITIONS, { fleetId }).failed)).toEqual(['FORBIDDEN']);
    // A manager learns nothing about ids outside their fleets: an unknown one is FORBIDDEN too.
    expect(await errorCodes(manager.subscribe(FLEET_POSITIONS, { fleetId: randomUUID() }).failed)).toEqual(['FORBIDDEN']);

    const staff = await connect(ops());
    expect(await errorCodes(staff.subscribe(FLEET_POSITIONS, { fleetId: randomUUID() }).failed)).toEqual(['NOT_FOUND']);
    expect(await errorCodes(staff.subscribe(FLEET_POSITIONS, { fleetId: 'not-a-uuid' }).failed)).toEqual(['BAD_USER_INPUT']);

    const driver = await connect({ userId: elsewhere.driver.userId, roles: ['DRIVER'] });
    expect(await errorCodes(driver.subscribe(FLEET_POSITIONS, { fleetId: elsewhere.fleetId }).failed)).toEqual(['FORBIDDEN']);
    expect(active()).toBe(0);
  });
});

describe('driverLocationUpdated', () => {
  test('operations staff receive any driver’s positions; the driver receives their own', async () => {
    const { driver } = await availableDriver();
    const staff = await watch(await connect(ops()), DRIVER_LOCATION, { driverId: driver.id });
    const self = await watch(await connect({ userId: driver.userId, roles: ['DRIVER'] }), DRIVER_LOCATION, { driverId: driver.id });
    const position = await locate(driver, -33.86, 151.2);
    expect(await staff.next()).toEqual({ data: { driverLocationUpdated: position } });
    expect(await self.next()).toEqual({ data: { driverLocationUpdated: position } });
  });

  test('a rider with no trip with the driver, and an unknown driver, get the same NOT_FOUND; a malformed id is BAD_USER_INPUT', async () => {
    const { driver } = await availableDriver();
    const stranger = await connect(rider());
    expect(await errorCodes(stranger.subscribe(DRIVER_LOCATION, { driverId: driver.id }).failed)).toEqual(['NOT_FOUND']);
    expect(await errorCodes(stranger.subscribe(DRIVER_LOCATION, { driverId: randomUUID() }).failed)).toEqual(['NOT_FOUND']);
    expect(await errorCodes(stranger.subscribe(DRIVER_LOCATION, { driverId: 'nope' }).failed)).toEqual(['BAD_USER_INPUT']);
    // Another fleet's manager may not watch the driver either.
    const manager = await connect({ userId: randomUUID(), roles: ['FLEET_MANAGER'], fleetIds: [randomUUID()] });
    expect(await errorCodes(manager.subscribe(DRIVER_LOCATION, { driverId: driver.id }).failed)).toEqual(['NOT_FOUND']);
    expect(active()).toBe(0);
  });

  test("the rider of the driver's trip receives positions from trip.assigned until trip.completed, then no more", async () => {
    const { driver, fleetId } = await availableDriver();
    const owner = { id: driver.id, userId: driver.userId, fleetId };
    const ada = rider();
    const tripId = randomUUID();
    await handleTripEvent(assigned(tripId, ada.userId, owner));

    const riderSub = await watch(await connect(ada), DRIVER_LOCATION, { driverId: driver.id });
    // Operations watch too: proof that the positions the rider must not get were published.
    const opsSub = await watch(await connect(ops()), DRIVER_LOCATION, { driverId: driver.id });
    const approaching = await locate(driver, 51.5, -0.12, 'ON_TRIP');
    expect(await riderSub.next()).toEqual({ data: { driverLocationUpdated: approaching } });
    expect(await opsSub.next()).toEqual({ data: { driverLocationUpdated: approaching } });

    await handleTripEvent(completed(tripId, ada.userId, owner));
    const afterTrip = await locate(driver, 51.51, -0.13, 'OFFLINE'); // no shift open: the driver is OFFLINE after the trip
    expect(await opsSub.next()).toEqual({ data: { driverLocationUpdated: afterTrip } });
    // A new subscription of the rider is refused now, like any stranger's.
    const late = await connect(ada);
    expect(await errorCodes(late.subscribe(DRIVER_LOCATION, { driverId: driver.id }).failed)).toEqual(['NOT_FOUND']);

    // The driver takes Ada again: her open subscription receives the next trip's position, and it is the first
    // she receives after the completed trip — the position in between was skipped.
    await handleTripEvent(assigned(randomUUID(), ada.userId, owner));
    const nextTrip = await locate(driver, 51.52, -0.14, 'ON_TRIP');
    expect(await opsSub.next()).toEqual({ data: { driverLocationUpdated: nextTrip } });
    expect(await riderSub.next()).toEqual({ data: { driverLocationUpdated: nextTrip } });
    expect(riderSub.results).toHaveLength(2);
  });
});
