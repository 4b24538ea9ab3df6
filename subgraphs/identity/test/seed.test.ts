// seedIdentity writes the demo users once; the demo fleet manager gets the demo fleets they run.
import { buildDemoDataset, DEMO_PHONES } from '../../../platform/demo/index.js';
import { createTestDatabase, type TestDatabase } from '../../../platform/testing/index.js';
import { seedIdentity } from '../src/seed.js';
import { openIdentityDatabase, type IdentityPrisma } from '../src/store/database.js';

let db: TestDatabase;
let prisma: IdentityPrisma;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = openIdentityDatabase(db.target);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

test('seeds every demo user once; the fleet manager manages the fleets whose managerUserId is them', async () => {
  const demo = buildDemoDataset();
  expect(await seedIdentity(prisma, demo)).toBe(demo.users.length);
  expect(await seedIdentity(prisma, demo)).toBe(0);
  expect(await prisma.user.count()).toBe(demo.users.length);

  const manager = await prisma.user.findUniqueOrThrow({ where: { phone: DEMO_PHONES.fleetManager } });
  const managed = demo.fleets.filter((fleet) => fleet.managerUserId === manager.id).map((fleet) => fleet.id);
  expect(managed.length).toBeGreaterThan(0);
  expect(managed.length).toBeLessThan(demo.fleets.length);
  expect(manager).toMatchObject({ roles: ['FLEET_MANAGER'], fleetIds: managed });
  expect(await prisma.user.count({ where: { NOT: { fleetIds: { isEmpty: true } } } })).toBe(1);

  // A database seeded before fleet ids lived in identity gets them on the next seed; a changed list is kept.
  await prisma.user.update({ where: { id: manager.id }, data: { fleetIds: [] } });
  await seedIdentity(prisma, demo);
  expect((await prisma.user.findUniqueOrThrow({ where: { id: manager.id } })).fleetIds).toEqual(managed);
  await prisma.user.update({ where: { id: manager.id }, data: { fleetIds: [demo.fleets[1]!.id] } });
  await seedIdentity(prisma, demo);
  expect((await prisma.user.findUniqueOrThrow({ where: { id: manager.id } })).fleetIds).toEqual([demo.fleets[1]!.id]);
});
