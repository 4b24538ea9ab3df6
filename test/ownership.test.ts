// Ownership through the gateway on the demo city: a rider sees only their own trips, wallet, points and inbox, and
// only trips they took; the demo fleet manager sees only the Downtown fleet, its drivers and its trips.
import { DEMO_PHONES } from '../platform/demo/index.js';
import { ENTITIES_QUERY, postGraphQL, type GraphQLResponse } from '../platform/testing/index.js';
import { startTestSupergraph, type TestSupergraph } from './support/test-supergraph.js';

let env: TestSupergraph;

beforeAll(async () => {
  env = await startTestSupergraph();
}, 120_000);

afterAll(async () => {
  await env?.stop();
});

const PRIVATE = `query ($id: ID!) { user(id: $id) {
  id
  trips(first: 3) { edges { node { id } } }
  wallet { balance { amountMinor } }
  points { balance }
  notifications(first: 3) { edges { node { title } } }
  unreadNotificationCount
} }`;

const codes = (result: GraphQLResponse) => [...new Set(result.errors?.map((e) => e.extensions?.code))];
const riderId = (n: number) => env.demo.users.find((u) => u.phone === DEMO_PHONES.rider(n))!.id;
const tripsOf = (userId: string) => env.demo.trips.filter((t) => t.riderUserId === userId);
const fleetOfTrip = (tripId: string) => {
  const trip = env.demo.trips.find((t) => t.id === tripId)!;
  return env.demo.drivers.find((d) => d.id === trip.driverId)!.fleetId;
};
const fleetNamed = (name: string) => env.demo.fleets.find((f) => f.name === name)!.id;

describe('a rider', () => {
  test('reads their own trips, wallet, points and inbox through user(id)', async () => {
    const me = env.personas.RIDER.userId!;
    const result = await postGraphQL(env.gatewayUrl, PRIVATE, { id: me }, env.personas.RIDER.headers);
    expect(result.errors).toBeUndefined();
    expect(result.data.user.trips.edges.length).toBeGreaterThan(0);
    for (const { node } of result.data.user.trips.edges) expect(tripsOf(me).map((t) => t.id)).toContain(node.id);
    expect(result.data.user.wallet.balance.amountMinor).toEqual(expect.any(Number));
    expect(result.data.user.points.balance).toBeGreaterThan(0);
    expect(result.data.user.notifications.edges.length).toBeGreaterThan(0);
  });

  test("cannot read another rider's trips, wallet, points or inbox through user(id): FORBIDDEN, no data", async () => {
    const other = riderId(2);
    for (const field of [
      'trips(first: 3) { edges { node { id } } }',
      'wallet { balance { amountMinor } }',
      'points { balance }',
      'notifications(first: 3) { edges { node { title } } }',
      'unreadNotificationCount',
    ]) {
      const result = await postGraphQL(env.gatewayUrl, `query ($id: ID!) { user(id: $id) { id ${field} } }`, { id: other }, env.personas.RIDER.headers);
      expect({ field, codes: codes(result) }).toEqual({ field, codes: ['FORBIDDEN'] });
      // Each of these fields is nullable: only it is null, with the error at its path; the user stays.
      const name = field.split(/[ (]/)[0]!;
      expect(result.data?.user).toEqual({ id: other, [name]: null });
      expect(result.errors?.map((error) => error.path)).toEqual([['user', name]]);
    }
  });

  test("cannot read another rider's trips through the trips subgraph's entity lookup either", async () => {
    const result = await postGraphQL(
      env.subgraphUrl('trips'),
      ENTITIES_QUERY('... on User { trips(first: 3) { edges { node { id } } } } ... on Trip { id }'),
      {
        representations: [
          { __typename: 'User', id: riderId(2) },
          { __typename: 'Trip', id: tripsOf(riderId(2))[0]!.id },
        ],
      },
      env.personas.RIDER.headers,
    );
    expect(codes(result)).toEqual(['FORBIDDEN']);
    // User.trips is nullable: the error stays at its path; the trip reference is null like an unknown id.
    expect(result.data?._entities).toEqual([{ trips: null }, null]);
  });

  test("trip(id): their own trip with its driver; another rider's trip is null, exactly like an unknown id", async () => {
    const mine = tripsOf(env.personas.RIDER.userId!)[0]!;
    const theirs = tripsOf(riderId(2))[0]!;
    const result = await postGraphQL(
      env.gatewayUrl,
      `query ($mine: ID!, $theirs: ID!) {
        mine: trip(id: $mine) { id rider { id } driver { id name rating vehicle { plate } } fare { amountMinor } }
        theirs: trip(id: $theirs) { id }
        unknown: trip(id: "00000000-0000-4000-8000-000000000000") { id }
      }`,
      { mine: mine.id, theirs: theirs.id },
      env.personas.RIDER.headers,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.mine).toMatchObject({ id: mine.id, rider: { id: env.personas.RIDER.userId }, driver: { id: mine.driverId, name: expect.any(String) } });
    expect(result.data.mine.driver.vehicle.plate).toMatch(/^MC-/);
    expect(result.data.theirs).toBeNull();
    expect(result.data.unknown).toBeNull();
  });

  test("sees a driver's name and car on their trip, but not the driver's status or fleet", async () => {
    const mine = tripsOf(env.personas.RIDER.userId!)[0]!;
    const result = await postGraphQL(env.gatewayUrl, `query ($id: ID!) { trip(id: $id) { driver { status } } }`, { id: mine.id }, env.personas.RIDER.headers);
    expect(codes(result)).toEqual(['FORBIDDEN']);
  });
});

describe('a driver', () => {
  test('sees the trips they drove, not other trips', async () => {
    const driverUserId = env.personas.DRIVER.userId!;
    const driver = env.demo.drivers.find((d) => d.userId === driverUserId)!;
    const driven = env.demo.trips.find((t) => t.driverId === driver.id)!;
    const other = env.demo.trips.find((t) => t.driverId !== driver.id)!;
    const result = await postGraphQL(
      env.gatewayUrl,
      'query ($a: ID!, $b: ID!) { driven: trip(id: $a) { id } other: trip(id: $b) { id } }',
      { a: driven.id, b: other.id },
      env.personas.DRIVER.headers,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ driven: { id: driven.id }, other: null });
  });
});

describe('the Downtown fleet manager', () => {
  const downtown = () => fleetNamed('Downtown Fleet');
  const airport = () => fleetNamed('Airport Fleet');

  test('sees only the Downtown fleet, and only its drivers', async () => {
    const manager = env.personas.FLEET_MANAGER.headers;
    const fleets = await postGraphQL(env.gatewayUrl, `{ fleets { id } airport: fleet(id: "${airport()}") { id } }`, undefined, manager);
    expect(fleets.errors).toBeUndefined();
    expect(fleets.data).toEqual({ fleets: [{ id: downtown() }], airport: null });

    const drivers = await postGraphQL(env.gatewayUrl, '{ drivers(first: 100) { edges { node { id fleet { id } } } } }', undefined, manager);
    expect(drivers.errors).toBeUndefined();
    const ids = drivers.data.drivers.edges.map((edge: { node: { id: string } }) => edge.node.id).sort();
    expect(ids).toEqual(
      env.demo.drivers
        .filter((d) => d.fleetId === downtown())
        .map((d) => d.id)
        .sort(),
    );
    expect(drivers.data.drivers.edges.every((edge: { node: { fleet: { id: string } } }) => edge.node.fleet.id === downtown())).toBe(true);

    const airportDriver = env.demo.drivers.find((d) => d.fleetId === airport())!;
    const other = await postGraphQL(
      env.gatewayUrl,
      `{ driver(id: "${airportDriver.id}") { id } drivers(fleetId: "${airport()}") { edges { cursor } } }`,
      undefined,
      manager,
    );
    expect(other.errors).toBeUndefined();
    expect(other.data).toEqual({ driver: null, drivers: { edges: [] } });
  });

  test("the trips board shows exactly the Downtown fleet's trips, page after page", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: GraphQLResponse = await postGraphQL(
        env.gatewayUrl,
        'query ($after: String) { trips(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { after },
        env.personas.FLEET_MANAGER.headers,
      );
      expect(page.errors).toBeUndefined();
      seen.push(...page.data.trips.edges.map((edge: { node: { id: string } }) => edge.node.id));
      after = page.data.trips.pageInfo.hasNextPage ? page.data.trips.pageInfo.endCursor : null;
    } while (after);
    const expected = env.demo.trips.filter((t) => fleetOfTrip(t.id) === downtown()).map((t) => t.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(env.demo.trips.length);
    expect(seen.sort()).toEqual(expected.sort());

    const airportTrip = env.demo.trips.find((t) => fleetOfTrip(t.id) === airport())!;
    const single = await postGraphQL(env.gatewayUrl, `{ trip(id: "${airportTrip.id}") { id } }`, undefined, env.personas.FLEET_MANAGER.headers);
    expect(single.data).toEqual({ trip: null });
  });

  test("cannot read a rider's wallet or trips (only the rider and operations staff can)", async () => {
    const result = await postGraphQL(
      env.gatewayUrl,
      'query ($id: ID!) { user(id: $id) { wallet { id } } }',
      { id: riderId(3) },
      env.personas.FLEET_MANAGER.headers,
    );
    expect(codes(result)).toEqual(['FORBIDDEN']);
  });
});

test("operations staff read any rider's private data", async () => {
  const result = await postGraphQL(env.gatewayUrl, PRIVATE, { id: riderId(2) }, env.personas.OPERATIONS.headers);
  expect(result.errors).toBeUndefined();
  expect(result.data.user.trips.edges.length).toBeGreaterThan(0);
});
