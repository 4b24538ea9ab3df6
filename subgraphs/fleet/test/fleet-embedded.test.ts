// The embedded mode's database: fleet on PGlite (one in-process connection), seeded with the demo city. A demo
// driver signs in and works a shift straight away; row locks, slot columns, racing requests and the outbox relay
// behave on PGlite as on PostgreSQL.
import { buildDemoDataset, DEMO_PHONES } from '../../../platform/demo/index.js';
import { migrateSubgraphs, openEmbeddedPostgres, type DatabaseTarget } from '../../../platform/db/index.js';
import { createTestAuth, startInProcess, testSubgraphDeps, type InProcessSubgraph, type TestAuth } from '../../../platform/testing/index.js';
import type { PGlite } from '@electric-sql/pglite';
import { seedFleet } from '../src/seed.js';
import { buildFleetSubgraph, type FleetSubgraph } from '../src/server.js';
import { openFleetDatabase, type FleetPrisma } from '../src/store/database.js';
import { codes } from './support/fleet-harness.js';

let pglite: PGlite;
let prisma: FleetPrisma;
let fleet: FleetSubgraph;
let subgraph: InProcessSubgraph;
let testAuth: TestAuth;
let deps: Awaited<ReturnType<typeof testSubgraphDeps>>;
const demo = buildDemoDataset();

beforeAll(async () => {
  pglite = await openEmbeddedPostgres();
  const target: DatabaseTarget = { kind: 'pglite', pglite };
  await migrateSubgraphs(target);
  prisma = openFleetDatabase(target);
  await seedFleet(prisma, demo);
  testAuth = await createTestAuth();
  deps = await testSubgraphDeps(target, undefined, testAuth);
  fleet = await buildFleetSubgraph(deps);
  subgraph = await startInProcess(fleet);
}, 60_000);

afterAll(async () => {
  await subgraph?.stop();
  await deps?.events.dispose();
  await prisma?.$disconnect();
  await pglite?.close();
});

test('a demo driver checks in, streams positions, is found nearby, takes a break and checks out', async () => {
  const user = demo.users.find((u) => u.phone === DEMO_PHONES.driver(1))!;
  const driver = demo.drivers.find((d) => d.userId === user.id)!;
  const headers = { headers: await testAuth.headersFor({ userId: user.id, roles: ['DRIVER'] }) };
  const staff = { headers: await testAuth.headersFor({ userId: demo.users[0]!.id, roles: ['SUPER_ADMIN'] }) };

  const checkIn = await subgraph.execute<{ checkIn: { driver: { status: string }; userErrors: unknown[] } }>(
    'mutation { checkIn(input: { location: { latitude: 40.73, longitude: -74.0 }, odometerKm: 42000, selfieUrl: "https://cdn.example.com/s.jpg" }) { driver { status } userErrors { code } } }',
    undefined,
    headers,
  );
  expect(checkIn.data!.checkIn).toEqual({ driver: { status: 'AVAILABLE' }, userErrors: [] });

  const located = await subgraph.execute(
    'mutation { updateDriverLocation(latitude: 40.731, longitude: -74.001, heading: 10, speed: 20) { recordedAt } }',
    undefined,
    headers,
  );
  expect(located.errors).toBeUndefined();
  const nearby = await subgraph.execute<{ nearbyDrivers: { edges: { node: { id: string } }[] } }>(
    'query { nearbyDrivers(location: { latitude: 40.73, longitude: -74.0 }, radiusKm: 2) { edges { distanceMeters node { id } } } }',
    undefined,
    staff,
  );
  expect(nearby.data!.nearbyDrivers.edges.map((e) => e.node.id)).toEqual([driver.id]);

  const [a, b] = await Promise.all([
    subgraph.execute('mutation { startBreak { driver { status } } }', undefined, headers),
    subgraph.execute('mutation { startBreak { driver { status } } }', undefined, headers),
  ]);
  expect([...(codes(a.errors) ?? []), ...(codes(b.errors) ?? [])]).toEqual(['ILLEGAL_STATE_TRANSITION']);
  await subgraph.execute('mutation { endBreak { driver { status } } }', undefined, headers);
  const out = await subgraph.execute<{ checkOut: { driver: { status: string } } }>(
    'mutation { checkOut(input: { odometerKm: 42100, cashDeposited: { amountMinor: 0, currency: "USD" } }) { driver { status } } }',
    undefined,
    headers,
  );
  expect(out.data!.checkOut.driver.status).toBe('OFFLINE');

  // Seeded first events plus this shift's changes all reach the bus.
  await fleet.relay.flush();
  expect(await prisma.outboxEvent.count({ where: { publishedAt: null } })).toBe(0);
});

test('racing assignments of one vehicle on PGlite: one wins, one CONFLICT', async () => {
  const vehicle = demo.vehicles.at(-1)!; // the demo has more vehicles than drivers: this one is free
  const drivers = demo.drivers.filter((d) => d.fleetId === vehicle.fleetId).slice(0, 2);
  const staff = { headers: await testAuth.headersFor({ userId: demo.users[0]!.id, roles: ['OPERATIONS'] }) };
  for (const d of drivers) {
    const assignment = await prisma.assignment.findUniqueOrThrow({ where: { activeDriverId: d.id } });
    expect((await subgraph.execute(`mutation { endAssignment(id: "${assignment.id}") { assignment { active } } }`, undefined, staff)).errors).toBeUndefined();
  }
  const results = await Promise.all(
    drivers.map((d) =>
      subgraph.execute<{ assignVehicle: { assignment: { id: string } | null } }>(
        `mutation { assignVehicle(driverId: "${d.id}", vehicleId: "${vehicle.id}") { assignment { id } } }`,
        undefined,
        staff,
      ),
    ),
  );
  expect(results.filter((r) => r.data?.assignVehicle.assignment)).toHaveLength(1);
  expect(results.flatMap((r) => codes(r.errors) ?? [])).toEqual(['CONFLICT']);
});
