// VehicleConnection.totalCount and DriverConnection.totalCount: the whole list's size with the page's filters and
// the viewer's fleet scope, counted by one COUNT statement only when a client selects it (none otherwise).
import { randomUUID } from 'node:crypto';
import { createFleet, startFleetHarness, type FleetHarness } from './support/fleet-harness.js';

let h: FleetHarness;

beforeAll(async () => {
  h = await startFleetHarness();
});

afterAll(async () => {
  await h?.stop();
});

const counts = () => h.statements.filter((sql) => /\bcount\s*\(/i.test(sql));

test('a page without totalCount sends no COUNT; with it, one per list, with the filters of the page', async () => {
  const mine = await createFleet(h.prisma, { vehicles: 3, drivers: 2 });
  await createFleet(h.prisma, { vehicles: 2, drivers: 1 });
  await h.prisma.vehicle.update({ where: { id: mine.vehicles[2]!.id }, data: { status: 'MAINTENANCE' } });

  h.statements.length = 0;
  const page = await h.subgraph.execute(
    'query ($fleetId: ID) { vehicles(fleetId: $fleetId, first: 1) { edges { node { id } } } drivers(fleetId: $fleetId, first: 1) { pageInfo { hasNextPage } } }',
    { fleetId: mine.fleet.id },
  );
  expect(page.errors).toBeUndefined();
  expect(counts()).toEqual([]);

  h.statements.length = 0;
  const counted = await h.subgraph.execute<{
    vehicles: { totalCount: number };
    active: { totalCount: number };
    again: { totalCount: number };
    drivers: { totalCount: number };
  }>(
    `query ($fleetId: ID) {
      vehicles(fleetId: $fleetId, first: 1) { edges { node { id } } totalCount }
      again: vehicles(fleetId: $fleetId, first: 2) { totalCount }
      active: vehicles(fleetId: $fleetId, status: ACTIVE, first: 1) { totalCount }
      drivers(fleetId: $fleetId, first: 1) { totalCount }
    }`,
    { fleetId: mine.fleet.id },
  );
  expect(counted.errors).toBeUndefined();
  expect(counted.data).toMatchObject({ vehicles: { totalCount: 3 }, again: { totalCount: 3 }, active: { totalCount: 2 }, drivers: { totalCount: 2 } });
  // vehicles (one filter, two aliases), active vehicles, drivers.
  expect(counts()).toHaveLength(3);
});

test("a fleet manager's totals are their fleets' only; another fleet's filter counts 0 without a statement", async () => {
  const mine = await createFleet(h.prisma, { vehicles: 2, drivers: 1 });
  const other = await createFleet(h.prisma, { vehicles: 4 });
  const manager = await h.as(randomUUID(), ['FLEET_MANAGER'], [mine.fleet.id]);
  const total = async (variables: Record<string, unknown>) =>
    (await h.subgraph.execute<{ vehicles: { totalCount: number } }>('query ($fleetId: ID) { vehicles(fleetId: $fleetId) { totalCount } }', variables, manager))
      .data!.vehicles.totalCount;
  expect(await total({})).toBe(2);
  h.statements.length = 0;
  expect(await total({ fleetId: other.fleet.id })).toBe(0);
  expect(counts()).toEqual([]);
});
