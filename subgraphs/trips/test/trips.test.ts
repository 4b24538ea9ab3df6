// trips in-process: root fields, `_entities` for Trip, User.trips (paging) and Driver.activeTrip, paging errors,
// who may see which trips, and batching proven by counting SQL statements. Operations staff send the requests
// unless a test says otherwise.
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
import { createMemoryEventBus } from '../../../platform/events/index.js';
import { buildTripsSubgraph } from '../src/server.js';
import { openTripsDatabase, type TripsPrisma } from '../src/store/database.js';
import type { Trip, TripStatus } from '../src/store/prisma/client.js';

let db: TestDatabase;
const events = createMemoryEventBus({ logger: { info() {}, warn() {}, error() {} } });
let prisma: TripsPrisma;
let subgraph: InProcessSubgraph;
let testAuth: TestAuth;
const statements: string[] = [];
const selects = () => statements.filter((sql) => /^\s*select/i.test(sql)).length;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = openTripsDatabase(db.target);
  testAuth = await createTestAuth();
  subgraph = await startInProcess(
    // A dispatcher pass every 50 ms: its background statements must never show up in the per-request counts. The
    // REQUESTED trips here are weeks old: a year's dispatch timeout keeps the dispatcher from cancelling them.
    await buildTripsSubgraph(await testSubgraphDeps(db.target, (sql) => statements.push(sql), testAuth, events), {
      config: { dispatchIntervalMs: 50, dispatchTimeoutSeconds: 365 * 86_400 },
    }),
    { headers: await testAuth.headersFor({ userId: randomUUID(), roles: ['OPERATIONS'] }) },
  );
});

afterAll(async () => {
  await subgraph?.stop();
  await events.dispose();
  await prisma?.$disconnect();
  await db?.drop();
});

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const DAY = Date.UTC(2026, 9, 1);

interface TripSpec {
  riderUserId?: string;
  driverId?: string | null;
  driverUserId?: string | null;
  fleetId?: string | null;
  status?: TripStatus;
  fareMinor?: number | null;
  requestedAt?: Date;
}

function createTrip(spec: TripSpec = {}): Promise<Trip> {
  const status = spec.status ?? 'COMPLETED';
  const driverId = spec.driverId === undefined ? randomUUID() : spec.driverId;
  const requestedAt = spec.requestedAt ?? new Date(DAY);
  return prisma.trip.create({
    data: {
      riderUserId: spec.riderUserId ?? randomUUID(),
      driverId,
      driverUserId: spec.driverUserId === undefined ? (driverId ? randomUUID() : null) : spec.driverUserId,
      fleetId: spec.fleetId === undefined ? (driverId ? randomUUID() : null) : spec.fleetId,
      vehicleId: driverId ? randomUUID() : null,
      category: 'COMFORT',
      status,
      fareMinor: spec.fareMinor === undefined ? (status === 'COMPLETED' ? 1250 : null) : spec.fareMinor,
      currency: 'USD',
      distanceMeters: status === 'COMPLETED' ? 4200 : null,
      requestedAt,
      completedAt: status === 'COMPLETED' ? new Date(requestedAt.getTime() + 1_200_000) : null,
    },
  });
}

/** `count` trips of one rider, an hour apart; returns them newest first (the order every connection uses). */
async function createRiderTrips(riderUserId: string, count: number): Promise<Trip[]> {
  const trips = [];
  for (let i = 0; i < count; i++) trips.push(await createTrip({ riderUserId, requestedAt: new Date(DAY + i * 3_600_000) }));
  return trips.reverse();
}

type Errors = readonly { extensions?: Record<string, unknown> }[] | undefined;
const codes = (errors: Errors) => errors?.map((e) => e.extensions?.code);

const TRIP_FIELDS = 'id status category fare { amountMinor currency } distanceMeters requestedAt completedAt rider { id } driver { id } vehicle { id }';

describe('root fields', () => {
  test('trip(id) returns the trip with its references and Money fare; null for unknown or malformed ids', async () => {
    const completed = await createTrip();
    const requested = await createTrip({ status: 'REQUESTED', driverId: null });
    const result = await subgraph.execute<Record<string, unknown>>(
      `query ($a: ID!, $b: ID!) {
        completed: trip(id: $a) { ${TRIP_FIELDS} }
        requested: trip(id: $b) { ${TRIP_FIELDS} }
        unknown: trip(id: "${UNKNOWN}") { id }
        malformed: trip(id: "42") { id }
      }`,
      { a: completed.id, b: requested.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      completed: {
        id: completed.id,
        status: 'COMPLETED',
        category: 'COMFORT',
        fare: { amountMinor: 1250, currency: 'USD' },
        distanceMeters: 4200,
        requestedAt: completed.requestedAt.toISOString(),
        completedAt: completed.completedAt!.toISOString(),
        rider: { id: completed.riderUserId },
        driver: { id: completed.driverId },
        vehicle: { id: completed.vehicleId },
      },
      requested: {
        id: requested.id,
        status: 'REQUESTED',
        category: 'COMFORT',
        fare: null,
        distanceMeters: null,
        requestedAt: requested.requestedAt.toISOString(),
        completedAt: null,
        rider: { id: requested.riderUserId },
        driver: null,
        vehicle: null,
      },
      unknown: null,
      malformed: null,
    });
  });

  test('trips(status) pages through trips of one status newest first', async () => {
    // CANCELLED is used by no other test in this file, so these are all of them.
    const cancelled = [];
    for (let i = 0; i < 3; i++) cancelled.push(await createTrip({ status: 'CANCELLED', requestedAt: new Date(DAY - i * 60_000) }));
    const query = `query ($after: String) { trips(first: 2, after: $after, status: CANCELLED) {
      edges { node { id status } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    type Page = { trips: { edges: { node: { id: string; status: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };

    const one = await subgraph.execute<Page>(query);
    expect(one.errors).toBeUndefined();
    expect(one.data!.trips.edges.map((e) => e.node)).toEqual(cancelled.slice(0, 2).map((t) => ({ id: t.id, status: 'CANCELLED' })));
    expect(one.data!.trips.pageInfo.hasNextPage).toBe(true);

    const two = await subgraph.execute<Page>(query, { after: one.data!.trips.pageInfo.endCursor });
    expect(two.data!.trips.edges.map((e) => e.node.id)).toEqual([cancelled[2]!.id]);
    expect(two.data!.trips.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});

describe('_entities (what the gateway sends)', () => {
  test('resolves Trip references in order; unknown and malformed ids give null', async () => {
    const [a, b] = [await createTrip(), await createTrip()];
    const result = await subgraph.execute<{ _entities: unknown[] }>(ENTITIES_QUERY('... on Trip { id fare { amountMinor } rider { id } }'), {
      representations: [
        { __typename: 'Trip', id: b.id },
        { __typename: 'Trip', id: UNKNOWN },
        { __typename: 'Trip', id: a.id },
        { __typename: 'Trip', id: 'trip-1' },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { id: b.id, fare: { amountMinor: 1250 }, rider: { id: b.riderUserId } },
      null,
      { id: a.id, fare: { amountMinor: 1250 }, rider: { id: a.riderUserId } },
      null,
    ]);
  });

  const USER_TRIPS = (args: string) =>
    ENTITIES_QUERY(`... on User { id trips(${args}) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`);
  type UserTrips = {
    _entities: {
      id: string;
      trips: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null } };
    }[];
  };

  test('User.trips pages each rider newest first with first/after, ties broken by id', async () => {
    const ada = randomUUID();
    const bo = randomUUID();
    const adaTrips = await createRiderTrips(ada, 5);
    // Two of Bo's trips share requestedAt: the cursor's id decides between them.
    const tie = new Date(DAY);
    const boTrips = [await createTrip({ riderUserId: bo, requestedAt: tie }), await createTrip({ riderUserId: bo, requestedAt: tie })].sort((x, y) =>
      x.id < y.id ? 1 : -1,
    );

    const first = await subgraph.execute<UserTrips>(USER_TRIPS('first: 2'), {
      representations: [
        { __typename: 'User', id: ada },
        { __typename: 'User', id: bo },
        { __typename: 'User', id: UNKNOWN },
      ],
    });
    expect(first.errors).toBeUndefined();
    const [adaPage, boPage, nobody] = first.data!._entities;
    expect(adaPage!.trips.edges.map((e) => e.node.id)).toEqual(adaTrips.slice(0, 2).map((t) => t.id));
    expect(adaPage!.trips.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(boPage!.trips.edges.map((e) => e.node.id)).toEqual(boTrips.map((t) => t.id));
    expect(boPage!.trips.pageInfo.hasNextPage).toBe(false);
    expect(nobody!.trips).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: null } });

    const second = await subgraph.execute<UserTrips>(USER_TRIPS(`first: 2, after: "${adaPage!.trips.pageInfo.endCursor}"`), {
      representations: [{ __typename: 'User', id: ada }],
    });
    expect(second.data!._entities[0]!.trips.edges.map((e) => e.node.id)).toEqual(adaTrips.slice(2, 4).map((t) => t.id));
    expect(second.data!._entities[0]!.trips.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const last = await subgraph.execute<UserTrips>(USER_TRIPS(`first: 2, after: "${second.data!._entities[0]!.trips.pageInfo.endCursor}"`), {
      representations: [{ __typename: 'User', id: ada }],
    });
    expect(last.data!._entities[0]!.trips.edges.map((e) => e.node.id)).toEqual([adaTrips[4]!.id]);
    expect(last.data!._entities[0]!.trips.pageInfo.hasNextPage).toBe(false);

    const afterTie = await subgraph.execute<UserTrips>(USER_TRIPS('first: 1'), { representations: [{ __typename: 'User', id: bo }] });
    const next = await subgraph.execute<UserTrips>(USER_TRIPS(`first: 1, after: "${afterTie.data!._entities[0]!.trips.pageInfo.endCursor}"`), {
      representations: [{ __typename: 'User', id: bo }],
    });
    expect(next.data!._entities[0]!.trips.edges.map((e) => e.node.id)).toEqual([boTrips[1]!.id]);
  });

  test('a malformed user id has no trips rather than failing', async () => {
    const result = await subgraph.execute<UserTrips>(USER_TRIPS('first: 3'), { representations: [{ __typename: 'User', id: 'rider-7' }] });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities[0]!.trips.edges).toEqual([]);
  });

  test.each([
    ['first: 0', 'first: 0'],
    ['first: 101', 'first: 101'],
    ['a garbage cursor', 'after: "garbage"'],
    ['a cursor whose id is not a UUID', `after: "${Buffer.from('2026-01-01T00:00:00.000Z|abc').toString('base64url')}"`],
  ])('User.trips with %s is BAD_USER_INPUT, and so is the root trips field', async (_case, args) => {
    const entities = await subgraph.execute(USER_TRIPS(args), { representations: [{ __typename: 'User', id: randomUUID() }] });
    expect(codes(entities.errors)).toEqual(['BAD_USER_INPUT']);
    const root = await subgraph.execute(`query { trips(${args}) { edges { node { id } } } }`);
    expect(root.data).toBeNull();
    expect(codes(root.errors)).toEqual(['BAD_USER_INPUT']);
  });

  test('Driver.activeTrip is the trip the driver is on now, null when the driver has none or the id is malformed', async () => {
    const busy = randomUUID();
    const idle = randomUUID();
    await createTrip({ driverId: busy, status: 'COMPLETED' });
    const active = await createTrip({ driverId: busy, status: 'DRIVER_ARRIVED' });
    await createTrip({ driverId: idle, status: 'COMPLETED' });
    const result = await subgraph.execute<{ _entities: unknown[] }>(ENTITIES_QUERY('... on Driver { id activeTrip { id status driver { id } } }'), {
      representations: [
        { __typename: 'Driver', id: busy },
        { __typename: 'Driver', id: idle },
        { __typename: 'Driver', id: 'driver-9' },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { id: busy, activeTrip: { id: active.id, status: 'DRIVER_ARRIVED', driver: { id: busy } } },
      { id: idle, activeTrip: null },
      { id: 'driver-9', activeTrip: null },
    ]);
  });
});

describe('batching', () => {
  async function selectsForUsers(count: number) {
    const riders = Array.from({ length: count }, () => randomUUID());
    await Promise.all(riders.map((rider) => createRiderTrips(rider, 4)));
    statements.length = 0;
    const result = await subgraph.execute<{ _entities: { trips: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } }[] }>(
      ENTITIES_QUERY('... on User { id trips(first: 3) { edges { node { id status } } pageInfo { hasNextPage } } }'),
      { representations: riders.map((id) => ({ __typename: 'User', id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.every((u) => u.trips.edges.length === 3 && u.trips.pageInfo.hasNextPage)).toBe(true);
    return selects();
  }

  test("50 users' trips(first: 3) cost the same SELECTs as 5 users' (one)", async () => {
    const five = await selectsForUsers(5);
    const fifty = await selectsForUsers(50);
    expect(five).toBe(1);
    expect(fifty).toBe(five);
  });

  async function selectsForDrivers(count: number) {
    const drivers = Array.from({ length: count }, () => randomUUID());
    await Promise.all(drivers.map((driverId) => createTrip({ driverId, status: 'IN_PROGRESS' })));
    statements.length = 0;
    const result = await subgraph.execute<{ _entities: { activeTrip: { status: string } | null }[] }>(
      ENTITIES_QUERY('... on Driver { id activeTrip { id status } }'),
      { representations: drivers.map((id) => ({ __typename: 'Driver', id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.every((d) => d.activeTrip?.status === 'IN_PROGRESS')).toBe(true);
    return selects();
  }

  test('the trips board costs the same statements for 5 and 50 trips, history and ratings included', async () => {
    const fleetId = randomUUID();
    for (let i = 0; i < 50; i++) await createTrip({ fleetId, requestedAt: new Date(DAY + i * 1000) });
    const board = async (first: number) => {
      statements.length = 0;
      const result = await subgraph.execute<{ trips: { edges: unknown[] } }>(
        `query { trips(first: ${first}, fleetId: "${fleetId}", requestedAfter: "2026-09-30T00:00:00Z") { edges { node { id status history { to actor { id } } riderRating { rating } driver { id } } } } }`,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.trips.edges).toHaveLength(first);
      return statements.length;
    };
    const five = await board(5);
    await new Promise((resolve) => setTimeout(resolve, 120)); // let dispatcher passes run in between
    expect(await board(50)).toBe(five);
    expect(five).toBe(3);
  });

  test("50 drivers' activeTrip cost the same SELECTs as 5 drivers' (one)", async () => {
    const five = await selectsForDrivers(5);
    const fifty = await selectsForDrivers(50);
    expect(five).toBe(1);
    expect(fifty).toBe(five);
  });
});

describe('authorization', () => {
  const as = async (userId: string, roles: Role[], fleetIds: string[] = []) => ({ headers: await testAuth.headersFor({ userId, roles, fleetIds }) });
  const anonymous = { headers: {} };

  test('anonymous requests are UNAUTHENTICATED on every trips field; a bad token fails the whole request', async () => {
    const trip = await createTrip();
    const root = await subgraph.execute(`query { trip(id: "${trip.id}") { id } trips { edges { cursor } } }`, undefined, anonymous);
    expect(codes(root.errors)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    const entities = await subgraph.execute(
      ENTITIES_QUERY('... on User { trips { edges { cursor } } } ... on Trip { status }'),
      {
        representations: [
          { __typename: 'User', id: trip.riderUserId },
          { __typename: 'Trip', id: trip.id },
        ],
      },
      anonymous,
    );
    expect(codes(entities.errors)).toEqual(['UNAUTHENTICATED']);
    // User.trips is nullable: the user stays with the error at its field; the trip is not visible to anonymous.
    expect(entities.data?._entities).toEqual([{ trips: null }, null]);

    const forged = await subgraph.execute('query { trips { edges { cursor } } }', undefined, { headers: { authorization: 'Bearer forged.token.here' } });
    expect(codes(forged.errors)).toEqual(['UNAUTHENTICATED']);
    expect(forged.data).toBeUndefined();
  });

  test('trip(id) and Trip references: the rider, the driver, operations staff and the manager of its fleet; null for anyone else', async () => {
    const fleetId = randomUUID();
    const trip = await createTrip({ fleetId });
    const query = `query { trip(id: "${trip.id}") { id } _entities(representations: [{ __typename: "Trip", id: "${trip.id}" }]) { ... on Trip { id } } }`;
    const seen = { trip: { id: trip.id }, _entities: [{ id: trip.id }] };
    const hidden = { trip: null, _entities: [null] };
    const cases: [string, { headers: Record<string, string> }, unknown][] = [
      ['its rider', await as(trip.riderUserId, ['RIDER']), seen],
      ['its driver', await as(trip.driverUserId!, ['DRIVER']), seen],
      ['super admin', await as(randomUUID(), ['SUPER_ADMIN']), seen],
      ['manager of its fleet', await as(randomUUID(), ['FLEET_MANAGER'], [fleetId]), seen],
      ['another rider', await as(randomUUID(), ['RIDER']), hidden],
      ['another driver', await as(randomUUID(), ['DRIVER']), hidden],
      ['manager of another fleet', await as(randomUUID(), ['FLEET_MANAGER'], [randomUUID()]), hidden],
    ];
    for (const [who, options, expected] of cases) {
      const result = await subgraph.execute(query, undefined, options);
      expect({ who, errors: result.errors, data: result.data }).toEqual({ who, errors: undefined, data: expected });
    }
  });

  test('the trips board: FORBIDDEN for riders and drivers, only their fleets for a fleet manager, every fleet for operations', async () => {
    const [mine, other] = [randomUUID(), randomUUID()];
    const mineTrips = [await createTrip({ fleetId: mine }), await createTrip({ fleetId: mine })];
    const otherTrip = await createTrip({ fleetId: other });
    const board = (fleetId?: string) => `query { trips(first: 100${fleetId ? `, fleetId: "${fleetId}"` : ''}) { edges { node { id } } } }`;
    type Board = { trips: { edges: { node: { id: string } }[] } };
    const ids = (result: { data?: Board | null }) => result.data?.trips.edges.map((e) => e.node.id);

    for (const roles of [['RIDER'], ['DRIVER']] as Role[][]) {
      const refused = await subgraph.execute(board(), undefined, await as(randomUUID(), roles));
      expect(codes(refused.errors)).toEqual(['FORBIDDEN']);
    }
    const manager = await as(randomUUID(), ['FLEET_MANAGER'], [mine]);
    const managed = await subgraph.execute<Board>(board(), undefined, manager);
    expect(managed.errors).toBeUndefined();
    expect(new Set(ids(managed))).toEqual(new Set(mineTrips.map((t) => t.id)));
    expect(ids(await subgraph.execute<Board>(board(other), undefined, manager))).toEqual([]);
    expect(ids(await subgraph.execute<Board>(board(mine), undefined, manager))).toHaveLength(2);
    expect(ids(await subgraph.execute<Board>(board('not-a-uuid'), undefined, manager))).toEqual([]);

    expect(ids(await subgraph.execute<Board>(board(other)))).toEqual([otherTrip.id]);
    expect(ids(await subgraph.execute<Board>(board(mine)))).toHaveLength(2);
  });

  test('User.trips: the user themself and operations staff; FORBIDDEN for other riders and for fleet managers', async () => {
    const rider = randomUUID();
    const [trip] = await createRiderTrips(rider, 1);
    const query = ENTITIES_QUERY('... on User { trips { edges { node { id } } } }');
    const variables = { representations: [{ __typename: 'User', id: rider }] };
    const own = await subgraph.execute<{ _entities: { trips: { edges: unknown[] } }[] }>(query, variables, await as(rider, ['RIDER']));
    expect(own.errors).toBeUndefined();
    expect(own.data?._entities[0]?.trips.edges).toEqual([{ node: { id: trip!.id } }]);
    for (const [userId, roles] of [
      [randomUUID(), ['RIDER']],
      [randomUUID(), ['FLEET_MANAGER']],
      [randomUUID(), ['DRIVER']],
    ] as [string, Role[]][]) {
      const refused = await subgraph.execute(query, variables, await as(userId, roles));
      expect(codes(refused.errors)).toEqual(['FORBIDDEN']);
    }
  });

  test('Driver.activeTrip is shown only to who may see that trip', async () => {
    const driverId = randomUUID();
    const trip = await createTrip({ driverId, status: 'IN_PROGRESS' });
    const query = ENTITIES_QUERY('... on Driver { activeTrip { id } }');
    const variables = { representations: [{ __typename: 'Driver', id: driverId }] };
    const rider = await subgraph.execute<{ _entities: { activeTrip: unknown }[] }>(query, variables, await as(trip.riderUserId, ['RIDER']));
    expect(rider.data?._entities[0]?.activeTrip).toEqual({ id: trip.id });
    const stranger = await subgraph.execute<{ _entities: { activeTrip: unknown }[] }>(query, variables, await as(randomUUID(), ['RIDER']));
    expect(stranger.errors).toBeUndefined();
    expect(stranger.data?._entities[0]?.activeTrip).toBeNull();
  });
});
