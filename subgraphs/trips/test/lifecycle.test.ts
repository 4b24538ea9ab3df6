// The trip status machine end to end on real PostgreSQL: every legal transition with its history row, outbox event
// and live update; illegal ones refused with nothing changed; who may do what; cancellation fees; the final fare;
// ratings; manual assignment; quotes; and the lists (board filters, Driver.trips).
import { randomUUID } from 'node:crypto';
import {
  cityPatches,
  ACCEPT,
  availableDriver,
  codes,
  near,
  pendingOffer,
  REQUEST,
  requestTrip,
  useHarness,
  TRIP,
  type Harness,
  type TestDriver,
  type TripData,
} from './harness.js';

const harness = useHarness();
let h: Harness;
beforeAll(() => {
  h = harness();
});

/** A fresh patch of the city for each scenario, 6 km from the others (dispatch radius 5 km, drivers at the pickup). */
const area = cityPatches(6_000, 7);

const ops = () => h.as(randomUUID(), ['OPERATIONS']);
const mutate = (name: string, args: string) =>
  `mutation ($tripId: ID!) { ${name}(tripId: $tripId${args}) { trip { ${TRIP} } userErrors { field code message } } }`;
const ARRIVE = mutate('arriveAtPickup', '');
const START = mutate('startTrip', '');
const COMPLETE = (meters: number) => mutate('completeTrip', `, distanceMeters: ${meters}`);
const CANCEL = (reason?: string) => mutate('cancelTrip', reason === undefined ? '' : `, reason: ${JSON.stringify(reason)}`);
const RATE = (rating: number, comment?: string) =>
  mutate('rateTrip', `, rating: ${rating}${comment === undefined ? '' : `, comment: ${JSON.stringify(comment)}`}`);

type Payload = Record<string, { trip: TripData | null; userErrors: { code: string; field: string[] | null }[] }>;

async function step(who: { headers: Record<string, string> }, query: string, tripId: string): Promise<TripData> {
  const result = await h.run<Payload>(who, query, { tripId });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  const payload = Object.values(result.data!)[0]!;
  if (!payload.trip) throw new Error(JSON.stringify(payload.userErrors));
  return payload.trip;
}

/** A trip accepted by a driver at its pickup. */
async function assignedTrip(category: 'ECONOMY' | 'COMFORT' = 'ECONOMY') {
  const pickup = area();
  const driver = await availableDriver(h, pickup, category);
  const { rider, riderUserId } = await requestTrip(h, pickup, category);
  const offer = (await pendingOffer(h, driver))!;
  const accepted = await h.run<{ acceptTrip: { trip: TripData } }>({ headers: driver.headers }, ACCEPT, { id: offer.id });
  if (accepted.errors) throw new Error(JSON.stringify(accepted.errors));
  return { trip: accepted.data!.acceptTrip.trip, rider, riderUserId, driver, pickup };
}

const tripRow = (id: string) => h.prisma.trip.findUniqueOrThrow({ where: { id } });
const eventsOf = async (tripId: string) =>
  (await h.prisma.outboxEvent.findMany({ where: { payload: { path: ['tripId'], equals: tripId } }, orderBy: { occurredAt: 'asc' } })).map((e) => e.type);
const historyOf = async (tripId: string) =>
  (await h.prisma.tripStatusChange.findMany({ where: { tripId }, orderBy: { at: 'asc' } })).map((c) => `${c.fromStatus ?? '-'}>${c.toStatus}:${c.actorRole}`);

describe('the happy path', () => {
  test('request → accept → arrive → start → complete: each step timed, recorded, evented and published', async () => {
    const { trip, rider, driver } = await assignedTrip();
    expect(trip).toMatchObject({ status: 'DRIVER_ASSIGNED', driver: { id: driver.driverId } });
    const assignedRow = await tripRow(trip.id);
    expect(assignedRow).toMatchObject({ driverUserId: driver.userId, fleetId: driver.fleetId, vehicleId: driver.vehicleId, activeDriverId: driver.driverId });

    const live = h.pubsub.subscribe('TRIP_UPDATED', trip.id);
    await live.ready;
    const arrived = await step({ headers: driver.headers }, ARRIVE, trip.id);
    expect(arrived.status).toBe('DRIVER_ARRIVED');
    expect(arrived.arrivedAt).toEqual(expect.any(String));
    const started = await step({ headers: driver.headers }, START, trip.id);
    expect(started.status).toBe('IN_PROGRESS');
    h.clock.advance(600_000);
    const completed = await step({ headers: driver.headers }, COMPLETE(5000), trip.id);
    h.clock.advance(-600_000);
    // ECONOMY in Metro City: 250 + 120/km × 5 km + 20/min × 10 min = 1050, surge 1.0
    expect(completed).toMatchObject({ status: 'COMPLETED', fare: { amountMinor: 1050, currency: 'USD' }, distanceMeters: 5000, durationSeconds: 600 });
    expect((await live.next()).value).toMatchObject({ tripId: trip.id, status: 'DRIVER_ARRIVED' });
    expect((await live.next()).value).toMatchObject({ status: 'IN_PROGRESS' });
    expect((await live.next()).value).toMatchObject({ status: 'COMPLETED' });
    await live.return();

    expect(await tripRow(trip.id)).toMatchObject({ activeRiderId: null, activeDriverId: null });
    expect(await historyOf(trip.id)).toEqual([
      '->REQUESTED:RIDER',
      'REQUESTED>DRIVER_ASSIGNED:DRIVER',
      'DRIVER_ASSIGNED>DRIVER_ARRIVED:DRIVER',
      'DRIVER_ARRIVED>IN_PROGRESS:DRIVER',
      'IN_PROGRESS>COMPLETED:DRIVER',
    ]);
    expect(await eventsOf(trip.id)).toEqual(['trip.requested', 'trip.assigned', 'trip.arrived', 'trip.started', 'trip.completed']);
    const completedEvent = await h.prisma.outboxEvent.findFirstOrThrow({ where: { type: 'trip.completed', payload: { path: ['tripId'], equals: trip.id } } });
    expect(completedEvent.payload).toMatchObject({
      fare: { amountMinor: 1050, currency: 'USD' },
      distanceMeters: 5000,
      durationSeconds: 600,
      driverUserId: driver.userId,
      fleetId: driver.fleetId,
      // payments finds a vehicle QR payment's trip by it
      vehicleId: driver.vehicleId,
    });

    const history = await h.run<{ trip: { history: { from: string | null; to: string; actorRole: string; actor: { id: string } | null }[] } }>(
      rider,
      `query ($id: ID!) { trip(id: $id) { history { from to actorRole actor { id } reason at } } }`,
      { id: trip.id },
    );
    expect(history.data!.trip.history.map((c) => c.to)).toEqual(['REQUESTED', 'DRIVER_ASSIGNED', 'DRIVER_ARRIVED', 'IN_PROGRESS', 'COMPLETED']);
    expect(history.data!.trip.history[1]).toMatchObject({ from: 'REQUESTED', actorRole: 'DRIVER', actor: { id: driver.userId } });
  });
});

describe('illegal transitions and actor rules change nothing', () => {
  async function unchanged(tripId: string, attempt: () => Promise<{ errors?: readonly { extensions?: Record<string, unknown> }[] }>, code: string) {
    const before = await tripRow(tripId);
    const events = await eventsOf(tripId);
    const history = await historyOf(tripId);
    const result = await attempt();
    expect(codes(result.errors)).toEqual([code]);
    expect(await tripRow(tripId)).toEqual(before);
    expect(await eventsOf(tripId)).toEqual(events);
    expect(await historyOf(tripId)).toEqual(history);
    return result;
  }

  test('out-of-order steps are ILLEGAL_STATE_TRANSITION with the current status', async () => {
    const { trip, driver } = await assignedTrip();
    const result = await unchanged(trip.id, () => h.run({ headers: driver.headers }, START, { tripId: trip.id }), 'ILLEGAL_STATE_TRANSITION');
    expect(result.errors![0]!.extensions).toMatchObject({ currentStatus: 'DRIVER_ASSIGNED' });
    await unchanged(trip.id, () => h.run({ headers: driver.headers }, COMPLETE(100), { tripId: trip.id }), 'ILLEGAL_STATE_TRANSITION');
    await step({ headers: driver.headers }, ARRIVE, trip.id);
    await unchanged(trip.id, () => h.run({ headers: driver.headers }, ARRIVE, { tripId: trip.id }), 'ILLEGAL_STATE_TRANSITION');
  });

  test('a rider cannot drive their trip; a driver cannot cancel a ride in progress; operations can', async () => {
    const { trip, rider, driver } = await assignedTrip();
    await unchanged(trip.id, () => h.run(rider, ARRIVE, { tripId: trip.id }), 'FORBIDDEN');
    await step({ headers: driver.headers }, ARRIVE, trip.id);
    await unchanged(trip.id, () => h.run(rider, START, { tripId: trip.id }), 'FORBIDDEN');
    await step({ headers: driver.headers }, START, trip.id);
    const refused = await unchanged(trip.id, () => h.run({ headers: driver.headers }, CANCEL('flat tyre'), { tripId: trip.id }), 'ILLEGAL_STATE_TRANSITION');
    expect(refused.errors![0]!.extensions).toMatchObject({ currentStatus: 'IN_PROGRESS' });
    await unchanged(trip.id, () => h.run(rider, CANCEL(), { tripId: trip.id }), 'ILLEGAL_STATE_TRANSITION');
    // Operations staff do not drive, but may end the ride.
    await unchanged(trip.id, async () => h.run(await ops(), ARRIVE, { tripId: trip.id }), 'FORBIDDEN');
    const cancelled = await step(await ops(), CANCEL('rider unwell'), trip.id);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelledBy: 'OPERATIONS', cancellationReason: 'rider unwell', cancellationFee: null });
    await unchanged(trip.id, async () => h.run(await ops(), CANCEL(), { tripId: trip.id }), 'ILLEGAL_STATE_TRANSITION');
  });

  test("someone else's trip is NOT_FOUND for every mutation, like an unknown or malformed id", async () => {
    const { trip } = await assignedTrip();
    const stranger = await h.as(randomUUID(), ['RIDER']);
    const otherDriver = await h.as(randomUUID(), ['DRIVER']);
    const manager = await h.as(randomUUID(), ['FLEET_MANAGER'], [randomUUID()]);
    for (const [who, query] of [
      [stranger, CANCEL()],
      [otherDriver, ARRIVE],
      [otherDriver, CANCEL()],
      [manager, CANCEL()],
      [stranger, RATE(5)],
    ] as const) {
      await unchanged(trip.id, () => h.run(who, query, { tripId: trip.id }), 'NOT_FOUND');
    }
    expect(codes((await h.run(stranger, CANCEL(), { tripId: randomUUID() })).errors)).toEqual(['NOT_FOUND']);
    expect(codes((await h.run(stranger, CANCEL(), { tripId: 'trip-1' })).errors)).toEqual(['NOT_FOUND']);
  });

  test('the fleet manager of the driver’s fleet may cancel as operations', async () => {
    const { trip, driver } = await assignedTrip();
    const manager = await h.as(randomUUID(), ['FLEET_MANAGER'], [driver.fleetId]);
    expect(await step(manager, CANCEL(), trip.id)).toMatchObject({ status: 'CANCELLED', cancelledBy: 'OPERATIONS' });
  });

  test('role rules of the schema: riders cannot accept, drivers cannot request', async () => {
    const rider = await h.as(randomUUID(), ['RIDER']);
    expect(codes((await h.run(rider, ACCEPT, { id: randomUUID() })).errors)).toEqual(['FORBIDDEN']);
    const driver = await h.as(randomUUID(), ['DRIVER']);
    const input = { pickup: near(0), dropoff: near(1000), category: 'ECONOMY' };
    expect(codes((await h.run(driver, REQUEST, { input })).errors)).toEqual(['FORBIDDEN']);
  });
});

describe('cancellation', () => {
  test('a rider cancelling a waiting trip pays nothing and the pending offer is withdrawn', async () => {
    const pickup = area();
    const driver = await availableDriver(h, pickup);
    const { trip, rider } = await requestTrip(h, pickup);
    const offer = (await pendingOffer(h, driver))!;
    const cancelled = await step(rider, CANCEL('changed my mind'), trip.id);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelledBy: 'RIDER', cancellationFee: null });
    expect(await h.prisma.dispatchOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({
      status: 'WITHDRAWN',
      pendingDriverId: null,
      pendingTripId: null,
    });
    expect(codes((await h.run({ headers: driver.headers }, ACCEPT, { id: offer.id })).errors)).toEqual(['ILLEGAL_STATE_TRANSITION']);
  });

  test('a rider cancelling within the free period after assignment pays nothing; later pays the fee', async () => {
    const early = await assignedTrip();
    expect((await step(early.rider, CANCEL(), early.trip.id)).cancellationFee).toBeNull();

    const late = await assignedTrip();
    h.clock.advance(121_000);
    const cancelled = await step(late.rider, CANCEL(), late.trip.id);
    h.clock.advance(-121_000);
    expect(cancelled.cancellationFee).toEqual({ amountMinor: 300, currency: 'USD' });
    const event = await h.prisma.outboxEvent.findFirstOrThrow({ where: { type: 'trip.cancelled', payload: { path: ['tripId'], equals: late.trip.id } } });
    expect(event.payload).toMatchObject({ cancelledBy: 'RIDER', cancellationFee: { amountMinor: 300, currency: 'USD' }, driverId: late.driver.driverId });
  });

  test('a rider cancelling after the driver arrived pays the fee; a driver cancelling is free for the rider', async () => {
    const arrivedTrip = await assignedTrip('COMFORT');
    await step({ headers: arrivedTrip.driver.headers }, ARRIVE, arrivedTrip.trip.id);
    expect((await step(arrivedTrip.rider, CANCEL(), arrivedTrip.trip.id)).cancellationFee).toEqual({ amountMinor: 400, currency: 'USD' });

    const driverCancels = await assignedTrip();
    await step({ headers: driverCancels.driver.headers }, ARRIVE, driverCancels.trip.id);
    const cancelled = await step({ headers: driverCancels.driver.headers }, CANCEL('no show'), driverCancels.trip.id);
    expect(cancelled).toMatchObject({ cancelledBy: 'DRIVER', cancellationFee: null });
    // Both slots are free again: the driver can take the next trip, the rider can request again.
    expect(await tripRow(driverCancels.trip.id)).toMatchObject({ activeRiderId: null, activeDriverId: null });
    await requestTrip(h, area(), 'ECONOMY', driverCancels.riderUserId);
  });

  test('a reason over 500 characters is a user error', async () => {
    const { trip, rider } = await assignedTrip();
    const result = await h.run<Payload>(rider, CANCEL('x'.repeat(501)), { tripId: trip.id });
    expect(result.data!.cancelTrip).toEqual({ trip: null, userErrors: [{ code: 'INVALID_REASON', field: ['reason'], message: expect.any(String) }] });
    expect((await tripRow(trip.id)).status).toBe('DRIVER_ASSIGNED');
  });
});

describe('requests', () => {
  test('a rider with a trip in progress cannot request another (CONFLICT), and nothing is written', async () => {
    const { riderUserId, rider } = await assignedTrip();
    const count = await h.prisma.trip.count({ where: { riderUserId } });
    const result = await h.run(rider, REQUEST, { input: { pickup: area(), dropoff: near(0), category: 'ECONOMY' } });
    expect(codes(result.errors)).toEqual(['CONFLICT']);
    expect(result.errors![0]!.extensions).toMatchObject({ activeTripId: expect.any(String) });
    expect(await h.prisma.trip.count({ where: { riderUserId } })).toBe(count);
  });

  test('bad coordinates and points outside the city are user errors', async () => {
    const rider = await h.as(randomUUID(), ['RIDER']);
    const bad = await h.run<Payload>(rider, REQUEST, { input: { pickup: { latitude: 91, longitude: 0 }, dropoff: near(0), category: 'ECONOMY' } });
    expect(bad.data!.requestTrip!.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_COORDINATES', field: ['input', 'pickup'] })]);
    const outside = await h.run<Payload>(rider, REQUEST, { input: { pickup: { latitude: 51.5, longitude: -0.12 }, dropoff: near(0), category: 'ECONOMY' } });
    expect(outside.data!.requestTrip!.userErrors).toEqual([expect.objectContaining({ code: 'OUTSIDE_SERVICE_AREA' })]);
  });

  test('a quote keeps its price once; an expired, foreign or mismatched quote is refused', async () => {
    const riderUserId = randomUUID();
    const rider = await h.as(riderUserId, ['RIDER']);
    const pickup = area();
    const dropoff = { latitude: pickup.latitude + 0.03, longitude: pickup.longitude };
    const ESTIMATE = `mutation ($input: EstimateFareInput!) { estimateFare(input: $input) { estimate { id amount { amountMinor currency } surge expiresAt } userErrors { code } } }`;
    const estimate = async (who = rider) =>
      (
        await h.run<{ estimateFare: { estimate: { id: string; amount: { amountMinor: number } } } }>(who, ESTIMATE, {
          input: { pickup, dropoff, category: 'XL' },
        })
      ).data!.estimateFare.estimate;

    const quote = await estimate();
    // Other riders waiting nearby now would raise the surge; the quote keeps the price.
    for (let i = 0; i < 3; i++) await requestTrip(h, pickup, 'XL');
    const foreign = await estimate(await h.as(randomUUID(), ['RIDER']));
    expect(foreign.amount.amountMinor).toBeGreaterThan(quote.amount.amountMinor);

    const request = (quoteId: string, category = 'XL', to = dropoff) => h.run<Payload>(rider, REQUEST, { input: { pickup, dropoff: to, category, quoteId } });
    expect((await request(foreign.id)).data!.requestTrip!.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_QUOTE', field: ['input', 'quoteId'] }),
    ]);
    expect((await request(quote.id, 'ECONOMY')).data!.requestTrip!.userErrors[0]!.code).toBe('INVALID_QUOTE');
    expect((await request(quote.id, 'XL', near(9000))).data!.requestTrip!.userErrors[0]!.code).toBe('INVALID_QUOTE');
    const done = await request(quote.id);
    expect(done.data!.requestTrip!.trip!.estimatedFare!.amountMinor).toBe(quote.amount.amountMinor);
    await step(rider, CANCEL(), done.data!.requestTrip!.trip!.id);
    expect((await request(quote.id)).data!.requestTrip!.userErrors[0]!.code).toBe('INVALID_QUOTE');

    const old = await estimate();
    h.clock.advance(301_000);
    expect((await request(old.id)).data!.requestTrip!.userErrors[0]!.code).toBe('QUOTE_EXPIRED');
    h.clock.advance(-301_000);
  });
});

describe('manual assignment', () => {
  const ASSIGN = `mutation ($tripId: ID!, $driverId: ID!) { assignTrip(tripId: $tripId, driverId: $driverId) { trip { ${TRIP} } userErrors { code field } } }`;

  test('operations assign a waiting trip to an available driver, withdrawing the pending offer', async () => {
    const pickup = area();
    const offered = await availableDriver(h, pickup);
    const chosen = await availableDriver(h, { latitude: pickup.latitude + 0.01, longitude: pickup.longitude });
    const { trip } = await requestTrip(h, pickup);
    const offer = (await pendingOffer(h, offered))!;
    const result = await h.run<{ assignTrip: { trip: TripData } }>(await ops(), ASSIGN, { tripId: trip.id, driverId: chosen.driverId });
    expect(result.errors).toBeUndefined();
    expect(result.data!.assignTrip.trip).toMatchObject({ status: 'DRIVER_ASSIGNED', driver: { id: chosen.driverId } });
    expect((await h.prisma.dispatchOffer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe('WITHDRAWN');
    expect(await historyOf(trip.id)).toEqual(['->REQUESTED:RIDER', 'REQUESTED>DRIVER_ASSIGNED:OPERATIONS']);

    // The driver is busy now: a second assignment fails on the database slot.
    const other = await requestTrip(h, pickup);
    const busy = await h.run<{ assignTrip: { trip: null; userErrors: { code: string }[] } }>(await ops(), ASSIGN, {
      tripId: other.trip.id,
      driverId: chosen.driverId,
    });
    expect(busy.data!.assignTrip.userErrors[0]!.code).toBe('DRIVER_UNAVAILABLE');
    expect((await tripRow(other.trip.id)).status).toBe('REQUESTED');
  });

  test('a fleet manager assigns only drivers of their fleets; riders may not assign', async () => {
    const pickup = area();
    const fleetId = randomUUID();
    const driver = await availableDriver(h, { latitude: pickup.latitude + 0.03, longitude: pickup.longitude + 0.03 }, 'ECONOMY', fleetId);
    const { trip } = await requestTrip(h, pickup);
    const otherManager = await h.as(randomUUID(), ['FLEET_MANAGER'], [randomUUID()]);
    const refused = await h.run<{ assignTrip: { userErrors: { code: string }[] } }>(otherManager, ASSIGN, { tripId: trip.id, driverId: driver.driverId });
    expect(refused.data!.assignTrip.userErrors[0]!.code).toBe('DRIVER_NOT_FOUND');
    expect(codes((await h.run(await h.as(randomUUID(), ['RIDER']), ASSIGN, { tripId: trip.id, driverId: driver.driverId })).errors)).toEqual(['FORBIDDEN']);
    const manager = await h.as(randomUUID(), ['FLEET_MANAGER'], [fleetId]);
    const assigned = await h.run<{ assignTrip: { trip: TripData } }>(manager, ASSIGN, { tripId: trip.id, driverId: driver.driverId });
    expect(assigned.data!.assignTrip.trip.status).toBe('DRIVER_ASSIGNED');
  });
});

describe('ratings', () => {
  async function completedTrip() {
    const t = await assignedTrip();
    await step({ headers: t.driver.headers }, ARRIVE, t.trip.id);
    await step({ headers: t.driver.headers }, START, t.trip.id);
    await step({ headers: t.driver.headers }, COMPLETE(1000), t.trip.id);
    return t;
  }

  test('rider and driver rate each other once, 1 to 5, only when completed', async () => {
    const waiting = await assignedTrip();
    expect(codes((await h.run(waiting.rider, RATE(5), { tripId: waiting.trip.id })).errors)).toEqual(['ILLEGAL_STATE_TRANSITION']);

    const { trip, rider, driver } = await completedTrip();
    for (const bad of [0, 6]) {
      const result = await h.run<Payload>(rider, RATE(bad), { tripId: trip.id });
      expect(result.data!.rateTrip!.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_RATING', field: ['rating'] })]);
    }
    expect((await step(rider, RATE(5, 'smooth'), trip.id)).status).toBe('COMPLETED');
    expect(codes((await h.run(rider, RATE(4), { tripId: trip.id })).errors)).toEqual(['CONFLICT']);
    await step({ headers: driver.headers }, RATE(4), trip.id);
    expect(codes((await h.run(await ops(), RATE(4), { tripId: trip.id })).errors)).toEqual(['FORBIDDEN']);

    expect(await h.prisma.tripRating.count({ where: { tripId: trip.id } })).toBe(2);
    const rated = await h.prisma.outboxEvent.findMany({ where: { type: 'trip.rated', payload: { path: ['tripId'], equals: trip.id } } });
    expect(rated.map((e) => e.payload).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      expect.objectContaining({ by: 'DRIVER', rating: 4, driverId: driver.driverId }),
      expect.objectContaining({ by: 'RIDER', rating: 5 }),
    ]);
    const read = await h.run<{ trip: { riderRating: { rating: number; comment: string | null }; driverRating: { rating: number } } }>(
      rider,
      `query ($id: ID!) { trip(id: $id) { riderRating { id rating comment ratedAt } driverRating { rating } } }`,
      { id: trip.id },
    );
    expect(read.data!.trip).toMatchObject({ riderRating: { rating: 5, comment: 'smooth' }, driverRating: { rating: 4 } });
  });
});

describe('lists', () => {
  test('the board filters by requested time range; Driver.trips shows the driver their trips and strangers nothing', async () => {
    const { trip, driver } = await assignedTrip();
    const requestedAt = (await tripRow(trip.id)).requestedAt;
    const BOARD = `query ($after: DateTime, $before: DateTime) { trips(first: 100, requestedAfter: $after, requestedBefore: $before, status: DRIVER_ASSIGNED) { edges { node { id } } } }`;
    const ids = async (after: Date, before: Date) =>
      (
        await h.run<{ trips: { edges: { node: { id: string } }[] } }>(await ops(), BOARD, { after: after.toISOString(), before: before.toISOString() })
      ).data!.trips.edges.map((e) => e.node.id);
    expect(await ids(new Date(requestedAt.getTime() - 1), new Date(requestedAt.getTime() + 1))).toContain(trip.id);
    expect(await ids(new Date(requestedAt.getTime() + 1), new Date(requestedAt.getTime() + 60_000))).not.toContain(trip.id);
    const backwards = await h.run(await ops(), BOARD, { after: new Date(2026, 1, 2).toISOString(), before: new Date(2026, 1, 1).toISOString() });
    expect(codes(backwards.errors)).toEqual(['BAD_USER_INPUT']);

    const DRIVER_TRIPS = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Driver { trips(first: 10) { edges { node { id } } } } } }`;
    const list = async (who: { headers: Record<string, string> }) =>
      (
        await h.run<{ _entities: { trips: { edges: { node: { id: string } }[] } }[] }>(who, DRIVER_TRIPS, {
          reps: [{ __typename: 'Driver', id: driver.driverId }],
        })
      ).data!._entities[0]!.trips.edges.map((e) => e.node.id);
    expect(await list({ headers: driver.headers })).toEqual([trip.id]);
    expect(await list(await ops())).toEqual([trip.id]);
    expect(await list(await h.as(randomUUID(), ['FLEET_MANAGER'], [driver.fleetId]))).toEqual([trip.id]);
    expect(await list(await h.as(randomUUID(), ['DRIVER']))).toEqual([]);
    expect(await list(await h.as(randomUUID(), ['FLEET_MANAGER'], [randomUUID()]))).toEqual([]);
  });

  test('a pending offer is shown to its driver and operations only', async () => {
    const pickup = area();
    const driver: TestDriver = await availableDriver(h, pickup);
    await requestTrip(h, pickup);
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Driver { pendingOffer { id } } } }`;
    const offerFor = async (who: { headers: Record<string, string> }) =>
      (await h.run<{ _entities: { pendingOffer: unknown }[] }>(who, query, { reps: [{ __typename: 'Driver', id: driver.driverId }] })).data!._entities[0]!
        .pendingOffer;
    expect(await offerFor({ headers: driver.headers })).not.toBeNull();
    expect(await offerFor(await ops())).not.toBeNull();
    expect(await offerFor(await h.as(randomUUID(), ['DRIVER']))).toBeNull();
  });
});
