// seedFleet writes fleet's part of the demo city once: a second run adds nothing and changes nothing. Every demo
// driver is OFFLINE with an active assignment of their vehicle and a last position near its home hub, so a demo
// driver can check in at once; their first driver.status.changed waits in the outbox for trips' supply.
import { buildDemoDataset } from '../../../platform/demo/index.js';
import { createTestDatabase, type TestDatabase } from '../../../platform/testing/index.js';
import { seedFleet } from '../src/seed.js';
import { haversineMeters } from '../../../platform/geo/index.js';
import { openFleetDatabase, type FleetPrisma } from '../src/store/database.js';

let db: TestDatabase;
let prisma: FleetPrisma;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = openFleetDatabase(db.target);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

test('seeds fleets, hubs, vehicles and offline drivers on their vehicles, idempotently', async () => {
  const demo = buildDemoDataset();
  const expected = demo.fleets.length + demo.hubs.length + demo.vehicles.length + demo.drivers.length * 4;

  expect(await seedFleet(prisma, demo)).toBe(expected);
  expect(await seedFleet(prisma, demo)).toBe(0);

  expect(await prisma.fleet.count()).toBe(demo.fleets.length);
  expect(await prisma.hub.count()).toBe(demo.hubs.length);
  expect(await prisma.vehicle.count()).toBe(demo.vehicles.length);
  expect(await prisma.driver.count({ where: { status: 'OFFLINE' } })).toBe(demo.drivers.length);
  expect(await prisma.assignment.count({ where: { endedAt: null } })).toBe(demo.drivers.length);
  expect(await prisma.outboxEvent.count({ where: { type: 'driver.status.changed' } })).toBe(demo.drivers.length);

  const sample = demo.drivers[7]!;
  const driver = await prisma.driver.findUniqueOrThrow({ where: { id: sample.id } });
  // The name is the dataset's, taken from user_names by the drivers insert trigger (identity's events may only confirm it).
  expect(await prisma.userName.count()).toBe(demo.drivers.length);
  const name = demo.users.find((u) => u.id === sample.userId)!.name;
  expect({ name: driver.name, userId: driver.userId, vehicle: driver.currentVehicleId, rating: driver.rating?.toNumber(), version: driver.version }).toEqual({
    name,
    userId: sample.userId,
    vehicle: sample.vehicleId,
    rating: sample.rating,
    version: 1,
  });
  expect(await prisma.assignment.findUnique({ where: { activeDriverId: sample.id } })).toMatchObject({ vehicleId: sample.vehicleId });
  const vehicle = demo.vehicles.find((v) => v.id === sample.vehicleId)!;
  const hub = demo.hubs.find((h) => h.id === vehicle.homeHubId)!;
  expect(haversineMeters(hub, { latitude: driver.latitude!, longitude: driver.longitude! })).toBeLessThan(1000);
});
