// seedTrips writes trips' part of the demo city once: a second run adds nothing and changes nothing.
import { buildDemoDataset } from '../../../platform/demo/index.js';
import { createTestDatabase, type TestDatabase } from '../../../platform/testing/index.js';
import { seedTrips } from '../src/seed.js';
import { openTripsDatabase, type TripsPrisma } from '../src/store/database.js';

let db: TestDatabase;
let prisma: TripsPrisma;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = openTripsDatabase(db.target);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

test('seeds every demo trip as described, idempotently', async () => {
  const demo = buildDemoDataset();

  expect(await seedTrips(prisma, demo)).toBe(demo.trips.length);
  expect(await seedTrips(prisma, demo)).toBe(0);

  expect(await prisma.trip.count()).toBe(demo.trips.length);
  const cancelled = demo.trips.find((t) => t.status === 'CANCELLED')!;
  const driver = demo.drivers.find((d) => d.id === cancelled.driverId)!;
  const stored = await prisma.trip.findUniqueOrThrow({ where: { id: cancelled.id } });
  expect(stored).toMatchObject({
    riderUserId: cancelled.riderUserId,
    driverId: cancelled.driverId,
    driverUserId: driver.userId,
    fleetId: driver.fleetId,
    status: 'CANCELLED',
    fareMinor: null,
    requestedAt: cancelled.requestedAt,
    completedAt: null,
  });
});

test('demo trips seeded before trips knew their driver user and fleet get them on the next seed', async () => {
  const demo = buildDemoDataset();
  await seedTrips(prisma, demo);
  await prisma.trip.updateMany({ data: { fleetId: null, driverUserId: null } });

  expect(await seedTrips(prisma, demo)).toBe(0);
  expect(await prisma.trip.count({ where: { OR: [{ fleetId: null }, { driverUserId: null }] } })).toBe(0);
  for (const fleet of demo.fleets) {
    const expected = demo.trips.filter((t) => demo.drivers.find((d) => d.id === t.driverId)!.fleetId === fleet.id).length;
    expect(await prisma.trip.count({ where: { fleetId: fleet.id } })).toBe(expected);
  }
});

test('the demo city gets a pricing rule per category, and every demo trip a route and no active slot', async () => {
  const demo = buildDemoDataset();
  await seedTrips(prisma, demo);
  expect(await prisma.city.findMany({ select: { name: true } })).toEqual(demo.cities.map((c) => ({ name: c.name })));
  expect((await prisma.pricingRule.findMany()).map((r) => r.category).sort()).toEqual(['AUTO', 'BIKE', 'COMFORT', 'ECONOMY', 'XL']);
  expect(await prisma.trip.count({ where: { OR: [{ pickupLatitude: null }, { dropoffLatitude: null }] } })).toBe(0);
  // Demo trips are all finished: no rider or driver holds an active slot, so every demo user can ride or drive now.
  expect(await prisma.trip.count({ where: { OR: [{ activeRiderId: { not: null } }, { activeDriverId: { not: null } }] } })).toBe(0);
  expect(demo.trips.every((t) => t.status === 'COMPLETED' || t.status === 'CANCELLED')).toBe(true);

  // Points seeded before routes existed are filled on the next seed.
  await prisma.trip.updateMany({ where: { id: { in: demo.trips.slice(0, 3).map((t) => t.id) } }, data: { pickupLatitude: null } });
  await seedTrips(prisma, demo);
  expect(await prisma.trip.count({ where: { pickupLatitude: null } })).toBe(0);
});
