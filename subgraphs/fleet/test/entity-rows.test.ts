// The slim driver and vehicle reads behind every Driver and Vehicle entity fetch (the trips board's drivers and their
// vehicles, `driver`/`vehicle`, assignments, shifts): one statement text each whatever the number of ids, and the
// same values Prisma's full read gives for every field GraphQL shows — nulls, enums, the Decimal rating and the
// calendar date included — on PostgreSQL and on PGlite.
import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { migrateSubgraphs, openEmbeddedPostgres, type DatabaseTarget } from '../../../platform/db/index.js';
import { ENTITIES_QUERY } from '../../../platform/testing/index.js';
import { openFleetDatabase, type FleetPrisma } from '../src/store/database.js';
import { createDriverStore } from '../src/store/driver-store.js';
import { driverDisplaysByIds, vehicleDisplaysByIds } from '../src/store/entity-rows.js';
import type { Driver, Vehicle } from '../src/store/prisma/client.js';
import { createVehicleStore } from '../src/store/vehicle-store.js';
import { startFleetHarness, type FleetHarness } from './support/fleet-harness.js';

let h: FleetHarness;
let pglite: PGlite;
let embedded: FleetPrisma;

beforeAll(async () => {
  h = await startFleetHarness();
  pglite = await openEmbeddedPostgres();
  const target: DatabaseTarget = { kind: 'pglite', pglite };
  await migrateSubgraphs(target);
  embedded = openFleetDatabase(target);
}, 60_000);

afterAll(async () => {
  await embedded?.$disconnect();
  await pglite?.close();
  await h?.stop();
});

/** A fleet with a bare vehicle and driver (every optional column null) and a full one of each (every column set). */
async function createRows(prisma: FleetPrisma): Promise<{ vehicles: Vehicle[]; drivers: Driver[] }> {
  const tag = randomUUID().slice(0, 8).toUpperCase();
  const fleet = await prisma.fleet.create({ data: { name: `Display fleet ${tag}`, city: 'Metro City' } });
  const hub = await prisma.hub.create({ data: { fleetId: fleet.id, name: 'Hub', latitude: 40.7, longitude: -74 } });
  const vehicle = { fleetId: fleet.id, make: 'Toyota', model: 'Corolla', year: 2022 };
  const vehicles = [
    await prisma.vehicle.create({ data: { ...vehicle, plate: `B${tag}`, category: 'ECONOMY' } }),
    await prisma.vehicle.create({
      data: { ...vehicle, plate: `F${tag}`, category: 'XL', homeHubId: hub.id, colour: 'White', status: 'MAINTENANCE', odometerKm: 12_345 },
    }),
  ];
  const drivers = [
    await prisma.driver.create({ data: { userId: randomUUID(), fleetId: fleet.id, licenceNumber: `LB${tag}` } }),
    await prisma.driver.create({
      data: {
        userId: randomUUID(),
        fleetId: fleet.id,
        licenceNumber: `LF${tag}`,
        currentVehicleId: vehicles[1]!.id,
        licenceExpiresOn: new Date('2027-03-31T00:00:00.000Z'),
        homeHubId: hub.id,
        suspendedAt: new Date('2026-05-06T07:08:09.123Z'),
        suspensionReason: 'documents expired',
        status: 'ON_TRIP',
        rating: '4.67',
        ratingSum: 14,
        ratingCount: 3,
        currentTripId: randomUUID(),
        currentRiderUserId: randomUUID(),
        latitude: 40.712_812_3,
        longitude: -74.006_001,
        heading: 271.5,
        speedKph: 33.25,
        positionAt: new Date('2026-05-06T07:00:00.456Z'),
        version: 7,
        eventAt: new Date('2026-05-06T07:00:00.456Z'),
        eventLatitude: 40.7,
        eventLongitude: -74,
      },
    }),
  ];
  // The insert takes the name fleet knows for the user (none: a trigger copies it from user_names); set it after.
  drivers[1] = await prisma.driver.update({ where: { id: drivers[1]!.id }, data: { name: 'Ada Okafor' } });
  return { vehicles, drivers };
}

const byId = <Row extends { id: string }>(rows: Row[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
/** The full rows less what no Driver / Vehicle field (nor an access check) reads: the slim reads must give exactly this. */
const shownDriver = ({
  ratingSum: _s,
  ratingCount: _c,
  version: _v,
  eventAt: _a,
  eventLatitude: _la,
  eventLongitude: _lo,
  createdAt: _t,
  currentTripId: _trip,
  ...rest
}: Driver) => rest;
const shownVehicle = ({ odometerKm: _km, createdAt: _t, ...rest }: Vehicle) => rest;
const UNKNOWN = '00000000-0000-4000-8000-0000000000ff';

describe.each([
  ['PostgreSQL', () => h.prisma],
  ['PGlite', () => embedded],
])('on %s', (_name, prismaOf) => {
  test('the slim driver read gives what Prisma read, field for field, and nothing else', async () => {
    const prisma = prismaOf();
    const { drivers } = await createRows(prisma);
    const ids = drivers.map((d) => d.id);
    const before = await prisma.driver.findMany({ where: { id: { in: ids } } });
    const slim = await createDriverStore(prisma).findDisplaysByIds([UNKNOWN, ...ids]);
    expect(byId(slim)).toEqual(byId(before).map(shownDriver));
    expect(slim.find((d) => d.id === drivers[1]!.id)?.rating?.toNumber()).toBe(4.67);
  });

  test('the slim vehicle read gives what Prisma read, field for field, and nothing else', async () => {
    const prisma = prismaOf();
    const { vehicles } = await createRows(prisma);
    const ids = vehicles.map((v) => v.id);
    const before = await prisma.vehicle.findMany({ where: { id: { in: ids } } });
    expect(byId(await createVehicleStore(prisma).findDisplaysByIds([...ids, UNKNOWN]))).toEqual(byId(before).map(shownVehicle));
  });
});

test('each statement names its columns and is one text for any number of ids', () => {
  for (const { statement } of [driverDisplaysByIds, vehicleDisplaysByIds]) {
    expect(statement).not.toContain('*');
    expect(statement).toMatch(/where id = any\(\$1::uuid\[\]\)$/);
  }
});

test('Driver entities with their vehicles: the two slim statements, the same for 2 drivers as for 1', async () => {
  const { drivers, vehicles } = await createRows(h.prisma);
  await h.prisma.driver.update({ where: { id: drivers[0]!.id }, data: { currentVehicleId: vehicles[0]!.id } });
  const fetch = async (ids: string[]) => {
    h.statements.length = 0;
    const result = await h.subgraph.execute<{ _entities: unknown[] }>(ENTITIES_QUERY('... on Driver { id name rating vehicle { plate colour category } }'), {
      representations: ids.map((id) => ({ __typename: 'Driver', id })),
    });
    expect(result.errors).toBeUndefined();
    expect(h.statements).toEqual([driverDisplaysByIds.statement, vehicleDisplaysByIds.statement]);
    return result.data!._entities;
  };
  expect(await fetch([drivers[1]!.id])).toEqual([
    { id: drivers[1]!.id, name: 'Ada Okafor', rating: 4.67, vehicle: { plate: vehicles[1]!.plate, colour: 'White', category: 'XL' } },
  ]);
  expect(await fetch([drivers[0]!.id, drivers[1]!.id])).toEqual([
    { id: drivers[0]!.id, name: null, rating: null, vehicle: { plate: vehicles[0]!.plate, colour: null, category: 'ECONOMY' } },
    { id: drivers[1]!.id, name: 'Ada Okafor', rating: 4.67, vehicle: { plate: vehicles[1]!.plate, colour: 'White', category: 'XL' } },
  ]);
});
