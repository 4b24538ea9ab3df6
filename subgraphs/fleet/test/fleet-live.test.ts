// Positions and events in-process on real PostgreSQL: updateDriverLocation (ranges, rate limit, live publish on
// DRIVER_LOCATION_UPDATED and FLEET_POSITIONS, movement sampling into driver.status.changed), nearbyDrivers
// (ordering, radius, category, freshness, fleet scoping, paging), and the consumer of trips' events (status and
// rating change once even when an event is delivered twice).
import { randomUUID } from 'node:crypto';
import type { AnyEventEnvelope } from '../../../platform/events/index.js';
import { createLogger } from '../../../platform/logging/index.js';
import type { LivePubSub } from '../../../platform/pubsub/index.js';
import { startInProcess } from '../../../platform/testing/index.js';
import { buildFleetSubgraph } from '../src/server.js';
import { createTripEventHandler } from '../src/services/trip-events.js';
import { codes, createFleet, startFleetHarness, type FleetHarness } from './support/fleet-harness.js';

let h: FleetHarness;
let clock = Date.UTC(2026, 10, 22, 9, 0, 0);
const tick = (ms: number) => (clock += ms);

beforeAll(async () => {
  h = await startFleetHarness({ now: () => new Date(clock), locationRateLimit: { points: 3, durationSeconds: 60 }, consumeEvents: false });
});

afterAll(async () => {
  await h?.stop();
});

const LOCATE = `mutation ($latitude: Float!, $longitude: Float!, $heading: Float, $speed: Float) {
  updateDriverLocation(latitude: $latitude, longitude: $longitude, heading: $heading, speed: $speed) {
    recordedAt driver { id position { latitude longitude } heading speedKph positionUpdatedAt status }
  }
}`;

const statusEvents = (driverId: string) =>
  h.prisma.outboxEvent.findMany({
    where: { type: 'driver.status.changed', payload: { path: ['driverId'], equals: driverId } },
    orderBy: { occurredAt: 'asc' },
  });

/** A driver of a new fleet, on a vehicle of `category`, in `status` (set directly). */
async function driverIn(status: 'OFFLINE' | 'AVAILABLE' | 'ON_TRIP' | 'ON_BREAK' = 'OFFLINE') {
  const created = await createFleet(h.prisma);
  const driver = await h.prisma.driver.update({ where: { id: created.drivers[0]!.id }, data: { status, currentVehicleId: created.vehicles[0]!.id } });
  return { ...created, driver, headers: await h.as(driver.userId, ['DRIVER']) };
}

describe('updateDriverLocation', () => {
  test.each([
    ['latitude above 90', { latitude: 90.5, longitude: 0 }, 'latitude'],
    ['longitude below -180', { latitude: 0, longitude: -181 }, 'longitude'],
    ['heading above 360', { latitude: 0, longitude: 0, heading: 361 }, 'heading'],
    ['a negative speed', { latitude: 0, longitude: 0, speed: -1 }, 'speed'],
    ['an absurd speed', { latitude: 0, longitude: 0, speed: 5000 }, 'speed'],
  ])('%s is BAD_USER_INPUT and nothing is stored', async (_case, variables, field) => {
    const { driver, headers } = await driverIn('AVAILABLE');
    const result = await h.subgraph.execute(LOCATE, variables, headers);
    expect(result.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
    expect((await h.prisma.driver.findUniqueOrThrow({ where: { id: driver.id } })).positionAt).toBeNull();
    expect(await statusEvents(driver.id)).toHaveLength(0);
  });

  test('stores the position and publishes it keyed by driver and by fleet (with the status)', async () => {
    const { driver, fleet, headers } = await driverIn('AVAILABLE');
    const byDriver = h.pubsub.subscribe('DRIVER_LOCATION_UPDATED', driver.id);
    const byFleet = h.pubsub.subscribe('FLEET_POSITIONS', fleet.id);
    await Promise.all([byDriver.ready, byFleet.ready]);
    const result = await h.subgraph.execute<{ updateDriverLocation: { recordedAt: string; driver: unknown } }>(
      LOCATE,
      { latitude: 40.75, longitude: -73.99, heading: 90, speed: 32.5 },
      headers,
    );
    expect(result.errors).toBeUndefined();
    const recordedAt = new Date(clock).toISOString();
    expect(result.data!.updateDriverLocation).toEqual({
      recordedAt,
      driver: {
        id: driver.id,
        position: { latitude: 40.75, longitude: -73.99 },
        heading: 90,
        speedKph: 32.5,
        positionUpdatedAt: recordedAt,
        status: 'AVAILABLE',
      },
    });
    // The owner ids travel with the position (subscribers authorize each event from them); no trip, no rider.
    const position = {
      driverId: driver.id,
      fleetId: fleet.id,
      driverUserId: driver.userId,
      currentRiderUserId: null,
      status: 'AVAILABLE',
      latitude: 40.75,
      longitude: -73.99,
      heading: 90,
      speedKph: 32.5,
      recordedAt,
    };
    expect((await byDriver.next()).value).toEqual(position);
    expect((await byFleet.next()).value).toEqual(position);
    await byDriver.return();
    await byFleet.return();
  });

  test('a burst is allowed, then RATE_LIMITED with retryAfterSeconds; other drivers are unaffected', async () => {
    const { driver, headers } = await driverIn();
    for (let i = 0; i < 3; i++) expect((await h.subgraph.execute(LOCATE, { latitude: 1, longitude: 1 + i / 1000 }, headers)).errors).toBeUndefined();
    const limited = await h.subgraph.execute(LOCATE, { latitude: 2, longitude: 2 }, headers);
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect((await h.prisma.driver.findUniqueOrThrow({ where: { id: driver.id } })).latitude).toBe(1);
    const other = await driverIn();
    expect((await h.subgraph.execute(LOCATE, { latitude: 2, longitude: 2 }, other.headers)).errors).toBeUndefined();
  });

  test('a working driver moving far or long enough is sampled into driver.status.changed; small moves and offline drivers are not', async () => {
    const { driver, headers, vehicles } = await driverIn('AVAILABLE');
    const move = (latitude: number, longitude: number) => h.subgraph.execute(LOCATE, { latitude, longitude }, headers);
    await move(10, 10); // first position of a working driver: sampled
    tick(5_000);
    await move(10.0005, 10); // ~55 m, 5 s later: live only
    tick(5_000);
    await move(10.004, 10); // ~440 m from the sampled point: sampled
    const events = (await statusEvents(driver.id)).map((e) => e.payload as { position: unknown; version: number; category: string; status: string });
    expect(events.map((e) => [e.position, e.version])).toEqual([
      [{ latitude: 10, longitude: 10 }, 1],
      [{ latitude: 10.004, longitude: 10 }, 2],
    ]);
    expect(events[0]).toMatchObject({ status: 'AVAILABLE', category: vehicles[0]!.category });

    tick(31_000); // long enough: sampled even without moving far
    const rested = await driverIn('AVAILABLE');
    await h.subgraph.execute(LOCATE, { latitude: 11, longitude: 11 }, rested.headers);
    tick(31_000);
    await h.subgraph.execute(LOCATE, { latitude: 11.0001, longitude: 11 }, rested.headers);
    expect(await statusEvents(rested.driver.id)).toHaveLength(2);

    const offline = await driverIn('OFFLINE');
    await h.subgraph.execute(LOCATE, { latitude: 12, longitude: 12 }, offline.headers);
    expect(await statusEvents(offline.driver.id)).toHaveLength(0);
  });

  test('a failed publish is logged, never fails the mutation: the position is stored', async () => {
    const failing: LivePubSub = {
      ...h.pubsub,
      publish: async () => {
        throw new Error('Redis is down');
      },
    };
    const subgraph = await startInProcess(await buildFleetSubgraph({ ...h.deps, pubsub: failing }, { consumeEvents: false }));
    try {
      const { driver, headers } = await driverIn('AVAILABLE');
      const result = await subgraph.execute(LOCATE, { latitude: 5, longitude: 5 }, headers);
      expect(result.errors).toBeUndefined();
      expect((await h.prisma.driver.findUniqueOrThrow({ where: { id: driver.id } })).latitude).toBe(5);
    } finally {
      await subgraph.stop();
    }
  });

  test('staff cannot send a location; a DRIVER without a profile gets NOT_FOUND', async () => {
    expect(codes((await h.subgraph.execute(LOCATE, { latitude: 1, longitude: 1 })).errors)).toEqual(['FORBIDDEN']);
    expect(codes((await h.subgraph.execute(LOCATE, { latitude: 1, longitude: 1 }, await h.as(randomUUID(), ['DRIVER']))).errors)).toEqual(['NOT_FOUND']);
  });
});

describe('nearbyDrivers', () => {
  const NEARBY = `query ($location: GeoPointInput!, $radiusKm: Float!, $category: VehicleCategory, $fleetId: ID, $first: Int, $after: String) {
    nearbyDrivers(location: $location, radiusKm: $radiusKm, category: $category, fleetId: $fleetId, first: $first, after: $after) {
      edges { cursor distanceMeters node { id } }
      pageInfo { hasNextPage endCursor }
    }
  }`;
  type Nearby = {
    nearbyDrivers: { edges: { cursor: string; distanceMeters: number; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  };

  /** Drivers of one new fleet at `offsets` (degrees of latitude north of `origin`), AVAILABLE with fresh positions. */
  async function placeDrivers(origin: { latitude: number; longitude: number }, offsets: number[], overrides: Record<number, Record<string, unknown>> = {}) {
    const created = await createFleet(h.prisma, { drivers: offsets.length, vehicles: offsets.length });
    for (const [i, offset] of offsets.entries()) {
      await h.prisma.driver.update({
        where: { id: created.drivers[i]!.id },
        data: {
          status: 'AVAILABLE',
          currentVehicleId: created.vehicles[i]!.id,
          latitude: origin.latitude + offset,
          longitude: origin.longitude,
          positionAt: new Date(clock - 60_000),
          ...overrides[i],
        },
      });
    }
    return created;
  }

  test('AVAILABLE drivers with a fresh position within the radius, nearest first, with distances', async () => {
    const origin = { latitude: -33.8688, longitude: 151.2093 };
    // 0.01° of latitude ≈ 1.11 km
    const { drivers } = await placeDrivers(origin, [0.03, 0.01, 0.02, 0.005, 0.04, 0.001, 0.5], {
      3: { status: 'ON_TRIP' },
      4: { positionAt: new Date(clock - 6 * 60_000) }, // stale
      5: { status: 'OFFLINE' },
      // 6: 55 km away, outside every allowed radius
    });
    const result = await h.subgraph.execute<Nearby>(NEARBY, { location: origin, radiusKm: 5 });
    expect(result.errors).toBeUndefined();
    expect(result.data!.nearbyDrivers.edges.map((e) => e.node.id)).toEqual([drivers[1]!.id, drivers[2]!.id, drivers[0]!.id]);
    expect(result.data!.nearbyDrivers.edges.map((e) => Math.round(e.distanceMeters / 10))).toEqual([111, 222, 334]);

    const narrow = await h.subgraph.execute<Nearby>(NEARBY, { location: origin, radiusKm: 2.5 });
    expect(narrow.data!.nearbyDrivers.edges.map((e) => e.node.id)).toEqual([drivers[1]!.id, drivers[2]!.id]);
    // Categories cycle ECONOMY, COMFORT, XL: driver 1 drives a COMFORT car.
    const comfort = await h.subgraph.execute<Nearby>(NEARBY, { location: origin, radiusKm: 5, category: 'COMFORT' });
    expect(comfort.data!.nearbyDrivers.edges.map((e) => e.node.id)).toEqual([drivers[1]!.id]);

    const first = await h.subgraph.execute<Nearby>(NEARBY, { location: origin, radiusKm: 5, first: 2 });
    expect(first.data!.nearbyDrivers.pageInfo.hasNextPage).toBe(true);
    const rest = await h.subgraph.execute<Nearby>(NEARBY, { location: origin, radiusKm: 5, first: 2, after: first.data!.nearbyDrivers.pageInfo.endCursor });
    expect(rest.data!.nearbyDrivers.edges.map((e) => e.node.id)).toEqual([drivers[0]!.id]);
    expect(rest.data!.nearbyDrivers.pageInfo.hasNextPage).toBe(false);
  });

  test('finds drivers across the antimeridian', async () => {
    const origin = { latitude: -17.7, longitude: 179.999 };
    const { drivers } = await placeDrivers({ latitude: -17.7, longitude: -179.999 }, [0]);
    const result = await h.subgraph.execute<Nearby>(NEARBY, { location: origin, radiusKm: 1 });
    expect(result.data!.nearbyDrivers.edges.map((e) => [e.node.id, e.distanceMeters])).toEqual([[drivers[0]!.id, 212]]);
  });

  test('a fleet manager sees only their fleet', async () => {
    const origin = { latitude: 51.5072, longitude: -0.1276 };
    const mine = await placeDrivers(origin, [0.01]);
    const other = await placeDrivers(origin, [0.005]);
    const manager = await h.as(randomUUID(), ['FLEET_MANAGER'], [mine.fleet.id]);
    const seen = await h.subgraph.execute<Nearby>(NEARBY, { location: origin, radiusKm: 3 }, manager);
    expect(seen.data!.nearbyDrivers.edges.map((e) => e.node.id)).toEqual([mine.drivers[0]!.id]);
    const foreign = await h.subgraph.execute<Nearby>(NEARBY, { location: origin, radiusKm: 3, fleetId: other.fleet.id }, manager);
    expect(foreign.data!.nearbyDrivers.edges).toEqual([]);
    const ops = await h.subgraph.execute<Nearby>(NEARBY, { location: origin, radiusKm: 3 });
    expect(ops.data!.nearbyDrivers.edges.map((e) => e.node.id)).toEqual([other.drivers[0]!.id, mine.drivers[0]!.id]);
  });

  test.each([
    ['a radius above 50 km', { radiusKm: 50.1 }, 'radiusKm'],
    ['a radius of 0', { radiusKm: 0 }, 'radiusKm'],
    ['a latitude out of range', { location: { latitude: 95, longitude: 0 } }, 'location'],
    ['first: 101', { first: 101 }, 'first'],
    ['a garbage cursor', { after: 'garbage' }, 'after'],
  ])('%s is BAD_USER_INPUT', async (_case, variables, field) => {
    const result = await h.subgraph.execute(NEARBY, { location: { latitude: 0, longitude: 0 }, radiusKm: 1, ...variables });
    expect(result.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
  });
});

describe("trips' events", () => {
  const handle = () => createTripEventHandler({ prisma: h.prisma, outbox: { wake: () => undefined }, logger: createLogger({ level: 'silent' }) });
  const envelope = <T extends AnyEventEnvelope['type']>(type: T, payload: Extract<AnyEventEnvelope, { type: T }>['payload']) =>
    ({ id: randomUUID(), type, source: 'trips', occurredAt: new Date().toISOString(), payload }) as Extract<AnyEventEnvelope, { type: T }>;

  test('trip.assigned → ON_TRIP, trip.completed → AVAILABLE again (on shift), each applied once when delivered twice', async () => {
    const { driver, fleet } = await driverIn('AVAILABLE');
    await h.prisma.attendance.create({
      data: {
        driverId: driver.id,
        fleetId: fleet.id,
        openDriverId: driver.id,
        checkInLatitude: 1,
        checkInLongitude: 1,
        checkInOdometerKm: 1,
        selfieUrl: 'https://x.example/s.jpg',
      },
    });
    const handler = handle();
    const tripId = randomUUID();
    const assigned = envelope('trip.assigned', {
      tripId,
      riderUserId: randomUUID(),
      driverId: driver.id,
      driverUserId: driver.userId,
      fleetId: fleet.id,
      vehicleId: driver.currentVehicleId,
      occurredAt: new Date().toISOString(),
    });
    await handler(assigned);
    await handler(assigned);
    let row = await h.prisma.driver.findUniqueOrThrow({ where: { id: driver.id } });
    expect({ status: row.status, trip: row.currentTripId, rider: row.currentRiderUserId, version: row.version }).toEqual({
      status: 'ON_TRIP',
      trip: tripId,
      rider: assigned.payload.riderUserId,
      version: 1,
    });

    // The end of another trip leaves the driver on theirs.
    await handler(
      envelope('trip.cancelled', {
        tripId: randomUUID(),
        riderUserId: randomUUID(),
        driverId: driver.id,
        cancelledBy: 'RIDER',
        reason: 'x',
        cancellationFee: null,
        occurredAt: new Date().toISOString(),
      }),
    );
    expect((await h.prisma.driver.findUniqueOrThrow({ where: { id: driver.id } })).status).toBe('ON_TRIP');

    const completed = envelope('trip.completed', {
      tripId,
      riderUserId: randomUUID(),
      driverId: driver.id,
      driverUserId: driver.userId,
      fleetId: fleet.id,
      fare: { amountMinor: 1200, currency: 'USD' },
      distanceMeters: 4000,
      durationSeconds: 600,
      occurredAt: new Date().toISOString(),
    });
    await handler(completed);
    await handler(completed);
    row = await h.prisma.driver.findUniqueOrThrow({ where: { id: driver.id } });
    expect({ status: row.status, trip: row.currentTripId, rider: row.currentRiderUserId, version: row.version }).toEqual({
      status: 'AVAILABLE',
      trip: null,
      rider: null,
      version: 2,
    });
    expect((await statusEvents(driver.id)).map((e) => (e.payload as { status: string }).status)).toEqual(['ON_TRIP', 'AVAILABLE']);
  });

  test('a trip ending for a driver who is off shift leaves them OFFLINE; a cancellation before assignment is ignored', async () => {
    const { driver, fleet } = await driverIn('AVAILABLE');
    const handler = handle();
    const tripId = randomUUID();
    await handler(
      envelope('trip.assigned', {
        tripId,
        riderUserId: randomUUID(),
        driverId: driver.id,
        driverUserId: driver.userId,
        fleetId: fleet.id,
        vehicleId: null,
        occurredAt: new Date().toISOString(),
      }),
    );
    await handler(
      envelope('trip.cancelled', {
        tripId: randomUUID(),
        riderUserId: randomUUID(),
        driverId: null,
        cancelledBy: 'SYSTEM',
        reason: 'NO_DRIVER_AVAILABLE',
        cancellationFee: null,
        occurredAt: new Date().toISOString(),
      }),
    );
    await handler(
      envelope('trip.cancelled', {
        tripId,
        riderUserId: randomUUID(),
        driverId: driver.id,
        cancelledBy: 'DRIVER',
        reason: 'flat tyre',
        cancellationFee: null,
        occurredAt: new Date().toISOString(),
      }),
    );
    expect((await h.prisma.driver.findUniqueOrThrow({ where: { id: driver.id } })).status).toBe('OFFLINE');
  });

  test('trip.rated by the rider updates the exact average once; ratings by the driver are not the driver’s', async () => {
    const { driver } = await driverIn('AVAILABLE');
    await h.prisma.driver.update({ where: { id: driver.id }, data: { ratingSum: 14, ratingCount: 3, rating: '4.67' } });
    const handler = handle();
    const rated = (rating: number, by: 'RIDER' | 'DRIVER' = 'RIDER') =>
      envelope('trip.rated', { tripId: randomUUID(), riderUserId: randomUUID(), driverId: driver.id, by, rating, occurredAt: new Date().toISOString() });
    const five = rated(5);
    await handler(five);
    await handler(five);
    await handler(rated(1, 'DRIVER'));
    await handler(rated(7));
    const row = await h.prisma.driver.findUniqueOrThrow({ where: { id: driver.id } });
    expect({ sum: row.ratingSum, count: row.ratingCount, rating: row.rating?.toNumber() }).toEqual({ sum: 19, count: 4, rating: 4.75 });
    const read = await h.subgraph.execute<{ driver: { rating: number } }>('query ($id: ID!) { driver(id: $id) { rating } }', { id: driver.id });
    expect(read.data!.driver.rating).toBe(4.75);
    // Ratings do not touch dispatch supply: no event, no version.
    expect(row.version).toBe(0);
  });

  test('a handler that fails records nothing, so the redelivered event is applied', async () => {
    const handler = handle();
    const event = envelope('trip.assigned', {
      tripId: randomUUID(),
      riderUserId: randomUUID(),
      driverId: 'not-a-uuid',
      driverUserId: randomUUID(),
      fleetId: randomUUID(),
      vehicleId: null,
      occurredAt: new Date().toISOString(),
    });
    await expect(handler(event)).rejects.toThrow();
    expect(await h.prisma.processedEvent.count({ where: { eventId: event.id } })).toBe(0);
  });
});
