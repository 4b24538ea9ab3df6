// fleet in-process: root fields, `_entities` for every entity (what the gateway sends), Driver.name from fleet's
// copy of identity's names, User.driverProfile, paging errors, who may see which fleet's data, and
// batching proven by counting SQL. Operations staff send the requests unless a test says otherwise.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../platform/auth/index.js';
import {
  createTestAuth,
  createTestDatabase,
  startInProcess,
  ENTITIES_QUERY,
  type InProcessSubgraph,
  type TestAuth,
  type TestDatabase,
  testSubgraphDeps,
} from '../../../platform/testing/index.js';
import { buildFleetSubgraph } from '../src/server.js';
import { openFleetDatabase, type FleetPrisma } from '../src/store/database.js';

let db: TestDatabase;
let prisma: FleetPrisma;
let subgraph: InProcessSubgraph;
let testAuth: TestAuth;
const statements: string[] = [];
const selects = () => statements.filter((sql) => /^\s*select/i.test(sql)).length;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = openFleetDatabase(db.target);
  testAuth = await createTestAuth();
  subgraph = await startInProcess(await buildFleetSubgraph(await testSubgraphDeps(db.target, (sql) => statements.push(sql), testAuth)), {
    headers: await testAuth.headersFor({ userId: randomUUID(), roles: ['OPERATIONS'] }),
  });
});

afterAll(async () => {
  await subgraph?.stop();
  await prisma?.$disconnect();
  await db?.drop();
});

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
let serial = 0;

/**
 * A fleet with two hubs (created "Z…" before "A…", to prove ordering by name), vehicles and drivers. `names[i]`: the
 * i-th driver's account name as identity's user.name.changed would have told fleet before the profile (none: unknown).
 */
async function createFleet(options: { drivers?: number; vehicles?: number; names?: string[] } = {}) {
  const n = ++serial;
  const fleet = await prisma.fleet.create({ data: { name: `Fleet ${String(n).padStart(3, '0')}-${randomUUID().slice(0, 8)}`, city: 'Metro City' } });
  const zulu = await prisma.hub.create({ data: { fleetId: fleet.id, name: 'Zulu Hub', latitude: 40.7, longitude: -74 } });
  const alpha = await prisma.hub.create({ data: { fleetId: fleet.id, name: 'Alpha Hub', latitude: 40.8, longitude: -73.9 } });
  const vehicles = await Promise.all(
    Array.from({ length: options.vehicles ?? options.drivers ?? 1 }, (_, i) =>
      prisma.vehicle.create({
        data: { fleetId: fleet.id, homeHubId: alpha.id, plate: `P${n}-${i}`, make: 'Toyota', model: 'Corolla', year: 2022, category: 'ECONOMY' },
      }),
    ),
  );
  const base = Date.UTC(2026, 0, 1) + n * 86_400_000;
  const userIds = Array.from({ length: options.drivers ?? 1 }, () => randomUUID());
  await prisma.userName.createMany({ data: (options.names ?? []).map((name, i) => ({ userId: userIds[i]!, name, nameAt: new Date() })) });
  const drivers = await Promise.all(
    Array.from({ length: options.drivers ?? 1 }, (_, i) =>
      prisma.driver.create({
        data: {
          userId: userIds[i]!,
          fleetId: fleet.id,
          currentVehicleId: vehicles[i % vehicles.length]!.id,
          licenceNumber: `L${n}-${i}`,
          rating: i % 2 === 0 ? '4.75' : null,
          createdAt: new Date(base + i * 1000),
        },
      }),
    ),
  );
  return { fleet, hubs: { alpha, zulu }, vehicles, drivers };
}

type Errors = readonly { extensions?: Record<string, unknown> }[] | undefined;
const codes = (errors: Errors) => errors?.map((e) => e.extensions?.code);

describe('root fields', () => {
  test('fleets lists every fleet by name, each with its hubs by name', async () => {
    const [second, first] = [await createFleet(), await createFleet()];
    const result = await subgraph.execute<{ fleets: { id: string; name: string; hubs: { name: string; location: { latitude: number } }[] }[] }>(
      'query { fleets { id name hubs { name location { latitude longitude } } } }',
    );
    expect(result.errors).toBeUndefined();
    const names = result.data!.fleets.map((f) => f.name);
    expect(names).toEqual([...names].sort());
    for (const created of [first, second]) {
      const listed = result.data!.fleets.find((f) => f.id === created.fleet.id);
      expect(listed?.hubs).toEqual([
        { name: 'Alpha Hub', location: { latitude: 40.8, longitude: -73.9 } },
        { name: 'Zulu Hub', location: { latitude: 40.7, longitude: -74 } },
      ]);
    }
  });

  test('fleet(id), vehicle(id) and driver(id) return the row with its references, null for unknown or malformed ids', async () => {
    const { fleet, hubs, vehicles, drivers } = await createFleet();
    const result = await subgraph.execute<Record<string, unknown>>(
      `query ($fleet: ID!, $vehicle: ID!, $driver: ID!) {
        fleet(id: $fleet) { id name city }
        vehicle(id: $vehicle) { id plate make model year category status fleet { id } homeHub { id name } }
        driver(id: $driver) { id status rating user { id } fleet { id } vehicle { id plate } }
        unknownFleet: fleet(id: "${UNKNOWN}") { id }
        malformedVehicle: vehicle(id: "not-a-uuid") { id }
        malformedDriver: driver(id: "1; drop table drivers") { id }
      }`,
      { fleet: fleet.id, vehicle: vehicles[0]!.id, driver: drivers[0]!.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      fleet: { id: fleet.id, name: fleet.name, city: 'Metro City' },
      vehicle: {
        id: vehicles[0]!.id,
        plate: vehicles[0]!.plate,
        make: 'Toyota',
        model: 'Corolla',
        year: 2022,
        category: 'ECONOMY',
        status: 'ACTIVE',
        fleet: { id: fleet.id },
        homeHub: { id: hubs.alpha.id, name: 'Alpha Hub' },
      },
      driver: {
        id: drivers[0]!.id,
        status: 'OFFLINE',
        rating: 4.75,
        user: { id: drivers[0]!.userId },
        fleet: { id: fleet.id },
        vehicle: { id: vehicles[0]!.id, plate: vehicles[0]!.plate },
      },
      unknownFleet: null,
      malformedVehicle: null,
      malformedDriver: null,
    });
  });

  test("Driver.name is fleet's copy of the account's name, on root fields and entities alike; null, without an error, before fleet knows it", async () => {
    const { drivers } = await createFleet({ drivers: 2, names: ['Ada Okafor'] });
    const root = await subgraph.execute('query ($a: ID!, $b: ID!) { a: driver(id: $a) { id name } b: driver(id: $b) { id name } }', {
      a: drivers[0]!.id,
      b: drivers[1]!.id,
    });
    expect(root.errors).toBeUndefined();
    expect(root.data).toEqual({ a: { id: drivers[0]!.id, name: 'Ada Okafor' }, b: { id: drivers[1]!.id, name: null } });
    // A representation carrying more than the key (as the gateway's did under the old `@requires`) changes nothing.
    const entities = await subgraph.execute<{ _entities: unknown[] }>(ENTITIES_QUERY('... on Driver { id name status rating }'), {
      representations: [{ __typename: 'Driver', id: drivers[0]!.id, user: null }],
    });
    expect(entities.errors).toBeUndefined();
    expect(entities.data?._entities).toEqual([{ id: drivers[0]!.id, name: 'Ada Okafor', status: 'OFFLINE', rating: 4.75 }]);
  });
});

describe('drivers connection', () => {
  const DRIVERS = `query ($first: Int, $after: String, $fleetId: ID) {
    drivers(first: $first, after: $after, fleetId: $fleetId) {
      edges { cursor node { id } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;
  type Page = {
    drivers: { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null } };
  };

  test('pages through one fleet newest first with first/after', async () => {
    const { fleet, drivers } = await createFleet({ drivers: 5 });
    const newestFirst = [...drivers].reverse().map((d) => d.id);

    const one = await subgraph.execute<Page>(DRIVERS, { first: 2, fleetId: fleet.id });
    expect(one.errors).toBeUndefined();
    expect(one.data!.drivers.edges.map((e) => e.node.id)).toEqual(newestFirst.slice(0, 2));
    expect(one.data!.drivers.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const two = await subgraph.execute<Page>(DRIVERS, { first: 2, after: one.data!.drivers.pageInfo.endCursor, fleetId: fleet.id });
    expect(two.data!.drivers.edges.map((e) => e.node.id)).toEqual(newestFirst.slice(2, 4));
    expect(two.data!.drivers.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const three = await subgraph.execute<Page>(DRIVERS, { first: 2, after: two.data!.drivers.pageInfo.endCursor, fleetId: fleet.id });
    expect(three.data!.drivers.edges.map((e) => e.node.id)).toEqual(newestFirst.slice(4));
    expect(three.data!.drivers.pageInfo.hasNextPage).toBe(false);
  });

  test('without fleetId lists drivers of every fleet; a malformed fleetId is an empty page', async () => {
    const a = await createFleet();
    const b = await createFleet();
    const all = await subgraph.execute<Page>(DRIVERS, { first: 100 });
    const ids = all.data!.drivers.edges.map((e) => e.node.id);
    expect(ids).toEqual(expect.arrayContaining([a.drivers[0]!.id, b.drivers[0]!.id]));

    const malformed = await subgraph.execute<Page>(DRIVERS, { fleetId: 'fleet-1' });
    expect(malformed.errors).toBeUndefined();
    expect(malformed.data!.drivers).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });

  test.each([
    ['first: 0', { first: 0 }],
    ['first: 101', { first: 101 }],
    ['a garbage cursor', { after: 'garbage' }],
    ['a cursor whose id is not a UUID', { after: Buffer.from('2026-01-01T00:00:00.000Z|abc').toString('base64url') }],
  ])('%s is BAD_USER_INPUT', async (_case, variables) => {
    const result = await subgraph.execute(DRIVERS, variables);
    expect(result.data).toBeNull();
    expect(codes(result.errors)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('_entities (what the gateway sends)', () => {
  test('resolves Fleet, Hub and Vehicle references in order; unknown and malformed ids give null', async () => {
    const { fleet, hubs, vehicles } = await createFleet();
    const result = await subgraph.execute<{ _entities: unknown[] }>(
      ENTITIES_QUERY('... on Fleet { id name hubs { id } } ... on Hub { id name fleet { id } } ... on Vehicle { id plate homeHub { id } }'),
      {
        representations: [
          { __typename: 'Vehicle', id: vehicles[0]!.id },
          { __typename: 'Fleet', id: fleet.id },
          { __typename: 'Hub', id: hubs.zulu.id },
          { __typename: 'Fleet', id: UNKNOWN },
          { __typename: 'Hub', id: 'nope' },
          { __typename: 'Vehicle', id: '' },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { id: vehicles[0]!.id, plate: vehicles[0]!.plate, homeHub: { id: hubs.alpha.id } },
      { id: fleet.id, name: fleet.name, hubs: [{ id: hubs.alpha.id }, { id: hubs.zulu.id }] },
      { id: hubs.zulu.id, name: 'Zulu Hub', fleet: { id: fleet.id } },
      null,
      null,
      null,
    ]);
  });

  test('resolves Driver.name with the drivers: one statement for the page of drivers, none for their names', async () => {
    const { drivers } = await createFleet({ drivers: 2, names: ['Ada Okafor', 'Bo Silva'] });
    statements.length = 0;
    const result = await subgraph.execute<{ _entities: unknown[] }>(ENTITIES_QUERY('... on Driver { id name status user { id } }'), {
      representations: [
        { __typename: 'Driver', id: drivers[1]!.id },
        { __typename: 'Driver', id: drivers[0]!.id },
        { __typename: 'Driver', id: UNKNOWN },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(selects()).toBe(1);
    expect(result.data?._entities).toEqual([
      { id: drivers[1]!.id, name: 'Bo Silva', status: 'OFFLINE', user: { id: drivers[1]!.userId } },
      { id: drivers[0]!.id, name: 'Ada Okafor', status: 'OFFLINE', user: { id: drivers[0]!.userId } },
      null,
    ]);
  });

  test('User.driverProfile is the driver profile of that user, null for a user who does not drive or a malformed id', async () => {
    const { drivers, vehicles } = await createFleet();
    const result = await subgraph.execute<{ _entities: unknown[] }>(ENTITIES_QUERY('... on User { id driverProfile { id rating vehicle { id } } }'), {
      representations: [
        { __typename: 'User', id: drivers[0]!.userId },
        { __typename: 'User', id: UNKNOWN },
        { __typename: 'User', id: 'user-1' },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { id: drivers[0]!.userId, driverProfile: { id: drivers[0]!.id, rating: 4.75, vehicle: { id: vehicles[0]!.id } } },
      { id: UNKNOWN, driverProfile: null },
      { id: 'user-1', driverProfile: null },
    ]);
  });
});

describe('batching', () => {
  const SELECTION = '... on Driver { id name rating vehicle { plate fleet { name } homeHub { name } } fleet { name hubs { name } } }';

  async function selectsForDrivers(count: number) {
    // Spread over several fleets and with fewer vehicles than drivers, so lookups repeat and differ.
    const names = Array.from({ length: count / 5 }, (_, i) => `Driver ${i}`);
    const created = await Promise.all(Array.from({ length: 5 }, () => createFleet({ drivers: count / 5, vehicles: 2, names })));
    const drivers = created.flatMap((c) => c.drivers);
    statements.length = 0;
    const result = await subgraph.execute<{
      _entities: ({ id: string; name: string | null; vehicle: { plate: string } | null; fleet: { hubs: unknown[] } } | null)[];
    }>(ENTITIES_QUERY(SELECTION), { representations: drivers.map((d) => ({ __typename: 'Driver', id: d.id })) });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.map((e) => e?.id)).toEqual(drivers.map((d) => d.id));
    // The names come with the drivers' rows: no statement of their own.
    expect(result.data!._entities.map((e) => e?.name)).toEqual(created.flatMap(() => names));
    expect(result.data!._entities.every((e) => e?.vehicle?.plate && e.fleet.hubs.length === 2)).toBe(true);
    return selects();
  }

  test('50 drivers with vehicle, fleet and hubs cost the same SELECTs as 5', async () => {
    const five = await selectsForDrivers(5);
    const fifty = await selectsForDrivers(50);
    // drivers, vehicles, fleets, hubs by id (home hubs), hubs by fleet: one statement per table access.
    expect(five).toBe(5);
    expect(fifty).toBe(five);
  });
});

describe('authorization', () => {
  const as = async (userId: string, roles: Role[], fleetIds: string[] = []) => ({ headers: await testAuth.headersFor({ userId, roles, fleetIds }) });
  const ROOT = (ids: { fleet: string; vehicle: string; driver: string }) => `query {
    fleets { id } fleet(id: "${ids.fleet}") { id } vehicle(id: "${ids.vehicle}") { id } driver(id: "${ids.driver}") { id }
    drivers(first: 100) { edges { node { id } } } }`;

  test('the root fields are for staff: UNAUTHENTICATED anonymous, FORBIDDEN for riders and drivers', async () => {
    const { fleet, vehicles, drivers } = await createFleet();
    // One field per request: a refused non-null field ends the execution of its siblings.
    const fields = [
      'fleets { id }',
      `fleet(id: "${fleet.id}") { id }`,
      `vehicle(id: "${vehicles[0]!.id}") { id }`,
      `driver(id: "${drivers[0]!.id}") { id }`,
      'drivers { edges { cursor } }',
    ];
    for (const field of fields) {
      expect({ field, codes: codes((await subgraph.execute(`query { ${field} }`, undefined, { headers: {} })).errors) }).toEqual({
        field,
        codes: ['UNAUTHENTICATED'],
      });
      for (const roles of [['RIDER'], ['DRIVER']] as Role[][]) {
        expect({ field, codes: codes((await subgraph.execute(`query { ${field} }`, undefined, await as(randomUUID(), roles))).errors) }).toEqual({
          field,
          codes: ['FORBIDDEN'],
        });
      }
    }
  });

  test('a fleet manager sees only their fleet: other fleets, their vehicles and drivers are null or absent', async () => {
    const mine = await createFleet({ drivers: 2 });
    const other = await createFleet({ drivers: 2 });
    const manager = await as(randomUUID(), ['FLEET_MANAGER'], [mine.fleet.id]);
    type Root = { fleets: { id: string }[]; fleet: unknown; vehicle: unknown; driver: unknown; drivers: { edges: { node: { id: string } }[] } };

    const own = await subgraph.execute<Root>(ROOT({ fleet: mine.fleet.id, vehicle: mine.vehicles[0]!.id, driver: mine.drivers[0]!.id }), undefined, manager);
    expect(own.errors).toBeUndefined();
    expect(own.data).toEqual({
      fleets: [{ id: mine.fleet.id }],
      fleet: { id: mine.fleet.id },
      vehicle: { id: mine.vehicles[0]!.id },
      driver: { id: mine.drivers[0]!.id },
      drivers: { edges: [...mine.drivers].reverse().map((d) => ({ node: { id: d.id } })) },
    });

    const foreign = await subgraph.execute<Root>(
      ROOT({ fleet: other.fleet.id, vehicle: other.vehicles[0]!.id, driver: other.drivers[0]!.id }),
      undefined,
      manager,
    );
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data).toMatchObject({ fleet: null, vehicle: null, driver: null });
    const filtered = await subgraph.execute<Root>(`query { drivers(fleetId: "${other.fleet.id}") { edges { node { id } } } }`, undefined, manager);
    expect(filtered.data?.drivers.edges).toEqual([]);

    const references = await subgraph.execute<{ _entities: unknown[] }>(
      ENTITIES_QUERY('... on Fleet { id } ... on Hub { id } ... on Driver { id }'),
      {
        representations: [
          { __typename: 'Fleet', id: other.fleet.id },
          { __typename: 'Hub', id: other.hubs.alpha.id },
          { __typename: 'Driver', id: other.drivers[0]!.id },
        ],
      },
      manager,
    );
    expect(references.errors).toBeUndefined();
    expect(references.data?._entities).toEqual([null, null, { id: other.drivers[0]!.id }]);
    for (const selection of ['status', 'fleet { id }', 'vehicle { status }', 'vehicle { homeHub { id } }']) {
      const refused = await subgraph.execute(
        ENTITIES_QUERY(`... on Driver { ${selection} }`),
        {
          representations: [{ __typename: 'Driver', id: other.drivers[0]!.id }],
        },
        manager,
      );
      expect({ selection, codes: codes(refused.errors) }).toEqual({ selection, codes: ['FORBIDDEN'] });
    }
  });

  test("a rider sees a driver's name, rating and car, not their status, fleet or the car's depot", async () => {
    const { drivers, vehicles } = await createFleet({ names: ['Ada Okafor'] });
    const rider = await as(randomUUID(), ['RIDER']);
    const representations = [{ __typename: 'Driver', id: drivers[0]!.id }];
    const basic = await subgraph.execute<{ _entities: unknown[] }>(
      ENTITIES_QUERY('... on Driver { id name rating user { id } vehicle { plate make model year category } }'),
      { representations },
      rider,
    );
    expect(basic.errors).toBeUndefined();
    expect(basic.data?._entities).toEqual([
      {
        id: drivers[0]!.id,
        name: 'Ada Okafor',
        rating: 4.75,
        user: { id: drivers[0]!.userId },
        vehicle: { plate: vehicles[0]!.plate, make: 'Toyota', model: 'Corolla', year: 2022, category: 'ECONOMY' },
      },
    ]);
    // Each refused field is null on its own: the driver and the car stay.
    const refusals: [string, unknown][] = [
      ['status', { status: null }],
      ['fleet { id }', { fleet: null }],
      ['vehicle { status }', { vehicle: { status: null } }],
      ['vehicle { fleet { id } }', { vehicle: { fleet: null } }],
      ['vehicle { homeHub { id } }', { vehicle: { homeHub: null } }],
    ];
    for (const [selection, entity] of refusals) {
      const refused = await subgraph.execute<{ _entities: unknown[] }>(ENTITIES_QUERY(`... on Driver { ${selection} }`), { representations }, rider);
      expect({ selection, codes: codes(refused.errors), entities: refused.data?._entities }).toEqual({ selection, codes: ['FORBIDDEN'], entities: [entity] });
    }
    const anonymous = await subgraph.execute(ENTITIES_QUERY('... on Driver { id }'), { representations }, { headers: {} });
    expect(codes(anonymous.errors)).toEqual(['UNAUTHENTICATED']);
  });

  test("User.driverProfile and Driver.status: the driver themself, operations and the fleet's manager; null or FORBIDDEN for others", async () => {
    const { fleet, drivers } = await createFleet();
    const driver = drivers[0]!;
    const query = ENTITIES_QUERY('... on User { driverProfile { id status } }');
    const variables = { representations: [{ __typename: 'User', id: driver.userId }] };
    const profile = { driverProfile: { id: driver.id, status: 'OFFLINE' } };
    const viewers: [string, { headers: Record<string, string> }, unknown][] = [
      ['the driver', await as(driver.userId, ['DRIVER']), profile],
      ["the fleet's manager", await as(randomUUID(), ['FLEET_MANAGER'], [fleet.id]), profile],
      ['super admin', await as(randomUUID(), ['SUPER_ADMIN']), profile],
      ['a rider', await as(randomUUID(), ['RIDER']), { driverProfile: null }],
      ['another driver', await as(randomUUID(), ['DRIVER']), { driverProfile: null }],
      ["another fleet's manager", await as(randomUUID(), ['FLEET_MANAGER'], [randomUUID()]), { driverProfile: null }],
    ];
    for (const [who, options, expected] of viewers) {
      const result = await subgraph.execute<{ _entities: unknown[] }>(query, variables, options);
      expect({ who, errors: result.errors, entity: result.data?._entities[0] }).toEqual({ who, errors: undefined, entity: expected });
    }
  });
});
