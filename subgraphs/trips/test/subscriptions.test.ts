// trips' live subscriptions over real graphql-ws sockets on the trips port (as the gateway reaches it):
// `tripUpdated(id)` for whoever may see the trip — refused at start with NOT_FOUND otherwise, authorized again per
// event from the payload — and `tripOffered` for the driver the offer was made to.
import { randomUUID } from 'node:crypto';
import { serveSubgraph, type RunningSubgraph } from '../../../platform/graphql/index.js';
import { createLogger } from '../../../platform/logging/index.js';
import { connectWs, eventually, type TestWsClient } from '../../../test/support/subscriptions-stack.js';
import { ACCEPT, cityPatches, availableDriver, DECLINE, pendingOffer, requestTrip, startHarness, type Harness, type TestDriver } from './harness.js';

let h: Harness;
let running: RunningSubgraph;
const clients: TestWsClient[] = [];

beforeAll(async () => {
  h = await startHarness();
  // The harness owns the subgraph's resources and closes them; the socket server only borrows them.
  running = await serveSubgraph({ ...h.built, close: async () => {} }, { port: 0, logger: createLogger({ level: 'silent' }) });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  await eventually(() => expect(running.subscriptions!.activeSubscriptions()).toBe(0));
});

afterAll(async () => {
  await running?.stop();
  await h?.close();
});

/** A fresh patch of the city per test, 15 km from the others (dispatch radius 5 km). */
const area = cityPatches(15_000, 3);

const connect = (who: { headers: Record<string, string> }) => {
  const client = connectWs(running.url.replace(/^http/, 'ws'), { authorization: who.headers.authorization });
  clients.push(client);
  return client;
};
/** Resolves once `count` subscriptions are listening on the trips port. */
const listening = (count: number) => eventually(() => expect(running.subscriptions!.activeSubscriptions()).toBe(count));
const codesOf = (failed: unknown) => (failed as { extensions?: { code?: string } }[]).map((error) => error.extensions?.code);

const TRIP_UPDATED = 'subscription ($id: ID!) { tripUpdated(id: $id) { id status driver { id } fare { amountMinor } } }';
const TRIP_OFFERED = 'subscription { tripOffered { id status expiresAt trip { id status } } }';
interface Updated {
  tripUpdated: { id: string; status: string; driver: { id: string } | null; fare: { amountMinor: number } | null };
}
interface Offered {
  tripOffered: { id: string; status: string; expiresAt: string; trip: { id: string; status: string } };
}

async function move(driver: TestDriver, mutation: string, tripId: string) {
  const result = await h.run(driver, `mutation ($id: ID!) { ${mutation} { trip { status } userErrors { code } } }`, { id: tripId });
  expect(result.errors).toBeUndefined();
}

async function accept(driver: TestDriver) {
  const offer = (await pendingOffer(h, driver))!;
  const accepted = await h.run(driver, ACCEPT, { id: offer.id });
  expect(accepted.errors).toBeUndefined();
}

describe('tripUpdated', () => {
  test('the rider, subscribed while the trip waits for a driver, sees assignment, arrival, start and completion in order', async () => {
    const pickup = area();
    const driver = await availableDriver(h, pickup);
    const { trip, rider } = await requestTrip(h, pickup);
    const sub = connect(rider).subscribe<Updated>(TRIP_UPDATED, { id: trip.id });
    await listening(1);

    // The rider's start-time check saw a trip without driver or fleet; DRIVER_ASSIGNED is authorized from its payload.
    await accept(driver);
    expect((await sub.next()).data?.tripUpdated).toEqual({ id: trip.id, status: 'DRIVER_ASSIGNED', driver: { id: driver.driverId }, fare: null });
    await move(driver, 'arriveAtPickup(tripId: $id)', trip.id);
    expect((await sub.next()).data?.tripUpdated.status).toBe('DRIVER_ARRIVED');
    await move(driver, 'startTrip(tripId: $id)', trip.id);
    expect((await sub.next()).data?.tripUpdated.status).toBe('IN_PROGRESS');
    await move(driver, 'completeTrip(tripId: $id, distanceMeters: 3000)', trip.id);
    const completed = await sub.next();
    expect(completed.errors).toBeUndefined();
    expect(completed.data?.tripUpdated).toMatchObject({ status: 'COMPLETED', fare: { amountMinor: expect.any(Number) } });
  });

  test('another rider, an unknown id and a manager of another fleet all get NOT_FOUND; a malformed id BAD_USER_INPUT', async () => {
    const pickup = area();
    const driver = await availableDriver(h, pickup);
    const { trip } = await requestTrip(h, pickup);
    await accept(driver);

    const otherRider = connect(await h.as(randomUUID(), ['RIDER']));
    const otherManager = connect(await h.as(randomUUID(), ['FLEET_MANAGER'], [randomUUID()]));
    expect(codesOf(await otherRider.subscribe(TRIP_UPDATED, { id: trip.id }).failed)).toEqual(['NOT_FOUND']);
    expect(codesOf(await otherRider.subscribe(TRIP_UPDATED, { id: randomUUID() }).failed)).toEqual(['NOT_FOUND']);
    expect(codesOf(await otherManager.subscribe(TRIP_UPDATED, { id: trip.id }).failed)).toEqual(['NOT_FOUND']);
    expect(codesOf(await otherRider.subscribe(TRIP_UPDATED, { id: 'not-a-trip' }).failed)).toEqual(['BAD_USER_INPUT']);
    expect(running.subscriptions!.activeSubscriptions()).toBe(0);
  });

  test("the driver and the manager of the driver's fleet may watch an assigned trip", async () => {
    const pickup = area();
    const driver = await availableDriver(h, pickup);
    const { trip } = await requestTrip(h, pickup);
    const manager = await h.as(randomUUID(), ['FLEET_MANAGER'], [driver.fleetId]);
    // Before assignment the trip has no fleet: its manager-to-be may not see it yet.
    expect(codesOf(await connect(manager).subscribe(TRIP_UPDATED, { id: trip.id }).failed)).toEqual(['NOT_FOUND']);
    await accept(driver);

    const byDriver = connect(driver).subscribe<Updated>(TRIP_UPDATED, { id: trip.id });
    const byManager = connect(manager).subscribe<Updated>(TRIP_UPDATED, { id: trip.id });
    await listening(2);
    await move(driver, 'arriveAtPickup(tripId: $id)', trip.id);
    expect((await byDriver.next()).data?.tripUpdated.status).toBe('DRIVER_ARRIVED');
    expect((await byManager.next()).data?.tripUpdated.status).toBe('DRIVER_ARRIVED');
  });

  test("an event whose payload names other owners is skipped, even on the trip's channel", async () => {
    const pickup = area();
    const driver = await availableDriver(h, pickup);
    const { trip, rider } = await requestTrip(h, pickup);
    const sub = connect(rider).subscribe<Updated>(TRIP_UPDATED, { id: trip.id });
    await listening(1);

    // Mis-built on purpose: the rider's trip channel, a payload saying the trip belongs to someone else.
    const foreign = {
      tripId: trip.id,
      status: 'REQUESTED',
      occurredAt: new Date().toISOString(),
      riderUserId: randomUUID(),
      driverUserId: null,
      fleetId: null,
    };
    await h.pubsub.publish('TRIP_UPDATED', foreign, trip.id);
    await accept(driver);
    // The first event the rider receives is the assignment: the foreign one before it was dropped.
    expect((await sub.next()).data?.tripUpdated.status).toBe('DRIVER_ASSIGNED');
    expect(sub.results).toHaveLength(1);
  });
});

describe('tripOffered', () => {
  test('each driver hears only the offers made to them', async () => {
    const pickup = area();
    const nearest = await availableDriver(h, pickup);
    const next = await availableDriver(h, { latitude: pickup.latitude + 0.01, longitude: pickup.longitude });
    const toNearest = connect(nearest).subscribe<Offered>(TRIP_OFFERED);
    const toNext = connect(next).subscribe<Offered>(TRIP_OFFERED);
    await listening(2);

    const { trip } = await requestTrip(h, pickup);
    const first = (await toNearest.next()).data?.tripOffered;
    const firstOffer = await h.prisma.dispatchOffer.findFirstOrThrow({ where: { tripId: trip.id, driverId: nearest.driverId } });
    expect(first).toEqual({ id: firstOffer.id, status: 'PENDING', expiresAt: firstOffer.expiresAt.toISOString(), trip: { id: trip.id, status: 'REQUESTED' } });

    // The decline moves the trip to the next driver, whose first event is that second offer: the first never reached them.
    expect((await h.run(nearest, DECLINE, { id: firstOffer.id })).errors).toBeUndefined();
    const second = (await toNext.next()).data?.tripOffered;
    expect(second).toMatchObject({ id: (await pendingOffer(h, next))!.id, status: 'PENDING', trip: { id: trip.id } });
    expect(second?.id).not.toBe(firstOffer.id);
  });

  test('an offer announced after it was answered shows its current status', async () => {
    const pickup = area();
    const driver = await availableDriver(h, pickup);
    await requestTrip(h, pickup);
    const offer = (await pendingOffer(h, driver))!;
    expect((await h.run(driver, DECLINE, { id: offer.id })).errors).toBeUndefined();
    const sub = connect(driver).subscribe<Offered>(TRIP_OFFERED);
    await listening(1);

    const row = await h.prisma.dispatchOffer.findUniqueOrThrow({ where: { id: offer.id } });
    const event = { offerId: row.id, tripId: row.tripId, driverId: row.driverId, driverUserId: row.driverUserId, expiresAt: row.expiresAt.toISOString() };
    await h.pubsub.publish('TRIP_OFFERED', event, driver.userId);
    expect((await sub.next()).data?.tripOffered).toMatchObject({ id: offer.id, status: 'DECLINED' });
  });

  test('a rider may not subscribe to offers (FORBIDDEN by the schema rule)', async () => {
    const rider = connect(await h.as(randomUUID(), ['RIDER']));
    expect(codesOf(await rider.subscribe(TRIP_OFFERED).failed)).toEqual(['FORBIDDEN']);
  });
});
