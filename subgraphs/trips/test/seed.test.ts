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
  const stored = await prisma.trip.findUniqueOrThrow({ where: { id: cancelled.id } });
  expect(stored).toMatchObject({
    riderUserId: cancelled.riderUserId,
    driverId: cancelled.driverId,
    status: 'CANCELLED',
    fareMinor: null,
    requestedAt: cancelled.requestedAt,
    completedAt: null,
  });
});
