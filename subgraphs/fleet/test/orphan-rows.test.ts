// One bad row never empties a list: a driver profile whose identity account does not exist (made before fleet
// checked accounts) answers `user: null` and `name: null` (fleet never learned a name for it: no error) through the
// gateway — the rest of `drivers`, `assignments` and `attendances` is returned. Before, the whole answer was
// `data: null` with INTERNAL_SERVER_ERROR for every caller.
import { randomUUID } from 'node:crypto';
import { postGraphQL } from '../../../platform/testing/index.js';
import { startTestSupergraph, type TestSupergraph } from '../../../test/support/test-supergraph.js';
import { openFleetDatabase, type FleetPrisma } from '../src/store/database.js';

let env: TestSupergraph;
let fleet: FleetPrisma;
let orphanId: string;
let downtownId: string;

beforeAll(async () => {
  env = await startTestSupergraph();
  fleet = openFleetDatabase(env.database);
  downtownId = env.personas.FLEET_MANAGER.fleetIds[0]!;
  // Newest of all (lists are newest first), in the demo fleet manager's fleet, with a vehicle and a shift.
  const orphan = await fleet.driver.create({
    data: { userId: randomUUID(), fleetId: downtownId, licenceNumber: 'ORPHAN-1', createdAt: new Date(Date.UTC(2030, 0, 1)) },
  });
  orphanId = orphan.id;
  const vehicle = await fleet.vehicle.create({ data: { fleetId: downtownId, plate: 'ORPHAN 1', make: 'Kia', model: 'Niro', year: 2024, category: 'ECONOMY' } });
  await fleet.assignment.create({ data: { driverId: orphan.id, vehicleId: vehicle.id, fleetId: downtownId, createdAt: new Date(Date.UTC(2030, 0, 1)) } });
  await fleet.attendance.create({
    data: {
      driverId: orphan.id,
      fleetId: downtownId,
      vehicleId: vehicle.id,
      checkInLatitude: 40.71,
      checkInLongitude: -74.0,
      checkInOdometerKm: 10,
      selfieUrl: 'https://cdn.example.com/o.jpg',
      createdAt: new Date(Date.UTC(2030, 0, 1)),
    },
  });
}, 180_000);

afterAll(async () => {
  await fleet?.$disconnect();
  await env?.stop();
});

type Node = { id: string; name: string | null; user: { id: string; name: string } | null };

test.each(['OPERATIONS', 'FLEET_MANAGER'] as const)(
  'drivers(...) for %s: the orphan is null-named, every other driver is whole',
  async (persona) => {
    const result = await postGraphQL<{ drivers: { edges: { node: Node }[] } }>(
      env.gatewayUrl,
      'query { drivers(first: 5) { edges { node { id name user { id name } } } } }',
      undefined,
      env.personas[persona].headers,
    );
    expect(result.data).not.toBeNull();
    const nodes = result.data!.drivers.edges.map((e) => e.node);
    expect(nodes).toHaveLength(5);
    expect(nodes[0]).toEqual({ id: orphanId, name: null, user: null });
    for (const node of nodes.slice(1)) expect(node.name).toEqual(expect.any(String));
    expect(result.errors).toBeUndefined();
  },
  60_000,
);

test('assignments and attendances keep their other rows too', async () => {
  const result = await postGraphQL<{ assignments: { edges: { node: { driver: Node } }[] }; attendances: { edges: { node: { driver: Node } }[] } }>(
    env.gatewayUrl,
    'query { assignments(first: 3) { edges { node { driver { id name } } } } attendances(first: 3) { edges { node { driver { id name } } } } }',
    undefined,
    env.personas.OPERATIONS.headers,
  );
  expect(result.data!.assignments.edges).toHaveLength(3);
  expect(result.data!.assignments.edges[0]!.node.driver).toEqual({ id: orphanId, name: null });
  expect(result.data!.assignments.edges[1]!.node.driver.name).toEqual(expect.any(String));
  expect(result.data!.attendances.edges[0]!.node.driver).toEqual({ id: orphanId, name: null });
  expect(result.errors).toBeUndefined();
}, 60_000);
