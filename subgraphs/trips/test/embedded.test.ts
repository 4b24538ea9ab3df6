// The lifecycle and its races on the embedded database (PGlite, one connection): `npm start` runs trips on it, so
// row locks, SKIP LOCKED claims, slot columns and interactive transactions must hold there too.
import type { PGlite } from '@electric-sql/pglite';
import { randomUUID } from 'node:crypto';
import { migrateSubgraphs, openEmbeddedPostgres } from '../../../platform/db/index.js';
import { ACCEPT, availableDriver, near, pendingOffer, REQUEST, requestTrip, startHarness, type Harness } from './harness.js';

let pglite: PGlite;
let h: Harness;

beforeAll(async () => {
  pglite = await openEmbeddedPostgres();
  const target = { kind: 'pglite' as const, pglite };
  await migrateSubgraphs(target);
  h = await startHarness({}, target);
}, 60_000);

afterAll(async () => {
  await h?.close();
  await pglite?.close();
});

const mutate = (name: string, extra = '') =>
  `mutation ($tripId: ID!) { ${name}(tripId: $tripId${extra}) { trip { status fare { amountMinor } } userErrors { code } } }`;

test('request, dispatch, parallel accepts, the status steps and the final fare', async () => {
  const pickup = near(0);
  const driver = await availableDriver(h, pickup);
  const { trip } = await requestTrip(h, pickup);
  const offer = (await pendingOffer(h, driver))!;
  const accepts = await Promise.all([0, 1].map(() => h.run({ headers: driver.headers }, ACCEPT, { id: offer.id })));
  expect(accepts.filter((r) => !r.errors)).toHaveLength(1);
  for (const step of ['arriveAtPickup', 'startTrip']) {
    expect((await h.run({ headers: driver.headers }, mutate(step), { tripId: trip.id })).errors).toBeUndefined();
  }
  const done = await h.run<{ completeTrip: { trip: { status: string; fare: { amountMinor: number } } } }>(
    { headers: driver.headers },
    mutate('completeTrip', ', distanceMeters: 5000'),
    { tripId: trip.id },
  );
  expect(done.data!.completeTrip.trip).toMatchObject({ status: 'COMPLETED', fare: { amountMinor: expect.any(Number) } });
  expect(await h.prisma.outboxEvent.count({ where: { payload: { path: ['tripId'], equals: trip.id } } })).toBe(5);
});

test('6 riders at once against 2 drivers: one pending offer per driver; expiry and the dispatch timeout by passes', async () => {
  const pickup = near(20_000);
  const drivers = [await availableDriver(h, pickup), await availableDriver(h, { latitude: pickup.latitude + 0.001, longitude: pickup.longitude })];
  const requests = await Promise.all(
    Array.from({ length: 6 }, async () =>
      h.run<{ requestTrip: { trip: { id: string } } }>(await h.as(randomUUID(), ['RIDER']), REQUEST, {
        input: { pickup, dropoff: near(21_000), category: 'ECONOMY' },
      }),
    ),
  );
  expect(requests.every((r) => !r.errors)).toBe(true);
  const pending = await h.prisma.dispatchOffer.findMany({ where: { status: 'PENDING' } });
  expect(pending.map((o) => o.driverId).sort()).toEqual(drivers.map((d) => d.driverId).sort());

  h.clock.advance(21_000);
  const pass = await h.built.services.dispatch.runPass();
  // The expired offers free both drivers; each is offered another waiting trip, never one they let expire.
  expect(pass).toMatchObject({ expiredOffers: 2, offersMade: 2 });
  const again = await h.prisma.dispatchOffer.findMany({ where: { status: 'PENDING' } });
  expect(again.map((o) => o.driverId).sort()).toEqual(drivers.map((d) => d.driverId).sort());
  for (const offer of again) expect(pending.find((p) => p.driverId === offer.driverId)!.tripId).not.toBe(offer.tripId);
  h.clock.advance(300_000);
  const late = await h.built.services.dispatch.runPass();
  expect(late.cancelledTrips).toBe(await h.prisma.trip.count({ where: { cancelledBy: 'SYSTEM' } }));
  expect(await h.prisma.trip.count({ where: { status: 'REQUESTED' } })).toBe(0);
});

test('cities: created, a name taken ignoring case (two at once), renamed — the lower(name) index and the row lock on PGlite', async () => {
  const ops = await h.as(randomUUID(), ['OPERATIONS']);
  const CREATE = `mutation ($input: CreateCityInput!) { createCity(input: $input) { city { id name } userErrors { code } } }`;
  const input = (name: string) => ({ input: { name, currency: 'EUR', center: { latitude: 52.52, longitude: 13.405 }, radiusMeters: 20_000 } });
  const results = await Promise.all(
    ['Spree City', 'SPREE CITY'].map((name) =>
      h.run<{ createCity: { city: { id: string } | null; userErrors: { code: string }[] } }>(ops, CREATE, input(name)),
    ),
  );
  expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
  expect(results.flatMap((r) => r.data!.createCity.userErrors.map((e) => e.code))).toEqual(['CITY_NAME_TAKEN']);
  const id = results.find((r) => r.data!.createCity.city)!.data!.createCity.city!.id;
  const renamed = await h.run(ops, `mutation ($id: ID!) { updateCity(id: $id, input: { name: "Spree" }) { city { name } userErrors { code } } }`, { id });
  expect(renamed.data).toEqual({ updateCity: { city: { name: 'Spree' }, userErrors: [] } });
  expect(await h.prisma.outboxEvent.count({ where: { type: 'audit.recorded', payload: { path: ['targetId'], equals: id } } })).toBe(2);
});
