// Races, decided by the database and asserted in it: many riders against few drivers, parallel accepts of one
// offer, drivers racing for trips, cancel against accept. The invariants: a driver holds at most one pending offer
// and at most one active trip, a trip at most one pending offer, and every trip ends in one consistent state.
import { randomUUID } from 'node:crypto';
import { cityPatches, ACCEPT, availableDriver, pendingOffer, REQUEST, useHarness, type Harness, type TestDriver } from './harness.js';

const harness = useHarness();
let h: Harness;
beforeAll(() => {
  h = harness();
});

const area = cityPatches(15_000, 3);

async function assertInvariants() {
  const [offersPerDriver, offersPerTrip, activePerDriver] = await Promise.all([
    h.prisma.$queryRawUnsafe<{ n: number }[]>(
      `select count(*)::int as n from "trips"."dispatch_offers" where status = 'PENDING' group by driver_id having count(*) > 1`,
    ),
    h.prisma.$queryRawUnsafe<{ n: number }[]>(
      `select count(*)::int as n from "trips"."dispatch_offers" where status = 'PENDING' group by trip_id having count(*) > 1`,
    ),
    h.prisma.$queryRawUnsafe<{ n: number }[]>(
      `select count(*)::int as n from "trips"."trips" where status in ('DRIVER_ASSIGNED', 'DRIVER_ARRIVED', 'IN_PROGRESS') group by driver_id having count(*) > 1`,
    ),
  ]);
  expect({ offersPerDriver, offersPerTrip, activePerDriver }).toEqual({ offersPerDriver: [], offersPerTrip: [], activePerDriver: [] });
  // A pending offer's slots are set exactly while it is pending.
  expect(await h.prisma.dispatchOffer.count({ where: { status: 'PENDING', OR: [{ pendingDriverId: null }, { pendingTripId: null }] } })).toBe(0);
  expect(
    await h.prisma.dispatchOffer.count({ where: { status: { not: 'PENDING' }, OR: [{ pendingDriverId: { not: null } }, { pendingTripId: { not: null } }] } }),
  ).toBe(0);
}

const request = async (pickup: { latitude: number; longitude: number }) => {
  const rider = await h.as(randomUUID(), ['RIDER']);
  const result = await h.run<{ requestTrip: { trip: { id: string } } }>(rider, REQUEST, {
    input: { pickup, dropoff: { latitude: pickup.latitude + 0.02, longitude: pickup.longitude }, category: 'ECONOMY' },
  });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return { rider, tripId: result.data!.requestTrip.trip.id };
};

test('12 riders requesting at once against 4 drivers: every driver gets one offer, no trip two', async () => {
  const pickup = area();
  const drivers: TestDriver[] = [];
  for (let i = 0; i < 4; i++) drivers.push(await availableDriver(h, { latitude: pickup.latitude + i * 0.001, longitude: pickup.longitude }));
  const trips = await Promise.all(Array.from({ length: 12 }, () => request(pickup)));
  await assertInvariants();
  const offers = await h.prisma.dispatchOffer.findMany({ where: { tripId: { in: trips.map((t) => t.tripId) }, status: 'PENDING' } });
  expect(new Set(offers.map((o) => o.driverId))).toEqual(new Set(drivers.map((d) => d.driverId)));

  // Every driver accepts at once; then the dispatcher runs while they are busy: no one gets a second trip.
  await Promise.all(drivers.map(async (driver) => h.run({ headers: driver.headers }, ACCEPT, { id: (await pendingOffer(h, driver))!.id })));
  await h.built.services.dispatch.runPass();
  await assertInvariants();
  expect(await h.prisma.trip.count({ where: { id: { in: trips.map((t) => t.tripId) }, status: 'DRIVER_ASSIGNED' } })).toBe(4);
  expect(await h.prisma.dispatchOffer.count({ where: { driverId: { in: drivers.map((d) => d.driverId) }, status: 'PENDING' } })).toBe(0);
});

test('two parallel accepts of one offer: exactly one wins, the other is refused, one assignment is written', async () => {
  const pickup = area();
  const driver = await availableDriver(h, pickup);
  const { tripId } = await request(pickup);
  const offer = (await pendingOffer(h, driver))!;
  const results = await Promise.all([0, 1, 2].map(() => h.run({ headers: driver.headers }, ACCEPT, { id: offer.id })));
  const winners = results.filter((r) => !r.errors);
  expect(winners).toHaveLength(1);
  expect(results.filter((r) => r.errors).map((r) => r.errors![0]!.extensions?.code)).toEqual(['ILLEGAL_STATE_TRANSITION', 'ILLEGAL_STATE_TRANSITION']);
  expect(await h.prisma.tripStatusChange.count({ where: { tripId, toStatus: 'DRIVER_ASSIGNED' } })).toBe(1);
  expect(await h.prisma.outboxEvent.count({ where: { type: 'trip.assigned', payload: { path: ['tripId'], equals: tripId } } })).toBe(1);
  await assertInvariants();
});

test('drivers racing: two trips dispatched at once near two drivers end with one offer each', async () => {
  const pickup = area();
  const a = await availableDriver(h, pickup);
  const b = await availableDriver(h, { latitude: pickup.latitude + 0.0005, longitude: pickup.longitude });
  const [one, two] = await Promise.all([request(pickup), request(pickup)]);
  await assertInvariants();
  const offered = await h.prisma.dispatchOffer.findMany({ where: { tripId: { in: [one.tripId, two.tripId] }, status: 'PENDING' } });
  expect(offered.map((o) => o.driverId).sort()).toEqual([a.driverId, b.driverId].sort());
  // Ops assign driver A to the trip B holds an offer for, while both drivers accept their own offers.
  const aOffer = (await pendingOffer(h, a))!;
  const bOffer = (await pendingOffer(h, b))!;
  const ops = await h.as(randomUUID(), ['OPERATIONS']);
  await Promise.all([
    h.run({ headers: a.headers }, ACCEPT, { id: aOffer.id }),
    h.run({ headers: b.headers }, ACCEPT, { id: bOffer.id }),
    h.run(ops, `mutation { assignTrip(tripId: "${bOffer.trip.id}", driverId: "${a.driverId}") { trip { id } userErrors { code } } }`),
  ]);
  await assertInvariants();
  const assigned = await h.prisma.trip.findMany({ where: { id: { in: [one.tripId, two.tripId] } } });
  for (const trip of assigned) expect(['DRIVER_ASSIGNED', 'REQUESTED']).toContain(trip.status);
  expect(new Set(assigned.filter((t) => t.driverId).map((t) => t.driverId)).size).toBe(assigned.filter((t) => t.driverId).length);
});

test('cancel racing accept: the trip ends either cancelled with the offer withdrawn, or assigned — never both', async () => {
  for (let round = 0; round < 6; round++) {
    const pickup = area();
    const driver = await availableDriver(h, pickup);
    const { rider, tripId } = await request(pickup);
    const offer = (await pendingOffer(h, driver))!;
    const [accepted, cancelled] = await Promise.all([
      h.run({ headers: driver.headers }, ACCEPT, { id: offer.id }),
      h.run(rider, `mutation { cancelTrip(tripId: "${tripId}") { trip { status } userErrors { code } } }`),
    ]);
    const trip = await h.prisma.trip.findUniqueOrThrow({ where: { id: tripId } });
    const finalOffer = await h.prisma.dispatchOffer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(cancelled.errors).toBeUndefined();
    expect(trip.status).toBe('CANCELLED');
    expect(trip.activeDriverId).toBeNull();
    if (accepted.errors) {
      // Cancel first: the offer was withdrawn, accept refused.
      expect(finalOffer.status).toBe('WITHDRAWN');
      expect(trip.driverId).toBeNull();
    } else {
      // Accept first: then the rider cancelled an assigned trip (within the free period).
      expect(finalOffer.status).toBe('ACCEPTED');
      expect(trip).toMatchObject({ driverId: driver.driverId, cancelledBy: 'RIDER', cancellationFeeMinor: null });
    }
    await assertInvariants();
  }
});
