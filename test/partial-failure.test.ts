// One failure must not wipe a whole response: a field some viewers may not read, or one another subgraph
// resolves, is nullable, so a FORBIDDEN viewer or a subgraph that is down leaves `null` and an error at that path
// only, and every other field of the response stands. The whole supergraph in-process, on the demo city.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { postGraphQL, type GraphQLResponse } from '../platform/testing/index.js';
import { startTestSupergraph, type TestSupergraph } from './support/test-supergraph.js';

let env: TestSupergraph;

beforeAll(async () => {
  env = await startTestSupergraph();
}, 120_000);

afterAll(async () => {
  await env?.stop();
});

/** The README's example query (Quick start), read from the README so the two cannot drift apart. */
function readmeRecentTrips(): string {
  const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!).find((text) => text.includes('query RecentTrips'));
  if (!block) throw new Error('README.md has no ```graphql block with query RecentTrips');
  return block;
}

/** `[code, path]` of every error, sorted by path, for exact comparison. */
const errorsOf = (result: GraphQLResponse) =>
  (result.errors ?? []).map((error) => [error.extensions?.code, error.path]).sort((a, b) => JSON.stringify(a[1]).localeCompare(JSON.stringify(b[1])));

const stopSubgraph = async (name: string) => {
  const subgraph = env.supergraph.subgraphs.find((s) => s.name === name);
  if (!subgraph) throw new Error(`no subgraph ${name}`);
  await subgraph.stop();
};

type BoardNode = { id: string; status: string; rider: { name: string; points: unknown } | null; driver: { name: string | null; rating: number | null } | null };

describe('a viewer who may not read some fields', () => {
  test("the README's RecentTrips as the demo fleet manager: the trips, with FORBIDDEN only at each rider's points", async () => {
    const result = await postGraphQL<{ trips: { edges: { node: BoardNode }[] } }>(env.gatewayUrl, readmeRecentTrips(), {}, env.personas.FLEET_MANAGER.headers);
    expect(result.status).toBe(200);
    const nodes = result.data!.trips.edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(5);
    for (const node of nodes) {
      expect(node).toMatchObject({ id: expect.any(String), status: expect.any(String), rider: { name: expect.any(String), points: null } });
    }
    // Every trip of the board is of the manager's fleet, driven by one of its drivers, whose name they read.
    expect(nodes.filter((node) => typeof node.driver?.name === 'string')).toHaveLength(nodes.filter((node) => node.driver).length);
    expect(errorsOf(result)).toEqual([0, 1, 2, 3, 4].map((i) => ['FORBIDDEN', ['trips', 'edges', i, 'node', 'rider', 'points']]));
  });

  test("the same query as SUPER_ADMIN: every rider's points, no error", async () => {
    const result = await postGraphQL<{ trips: { edges: { node: BoardNode }[] } }>(env.gatewayUrl, readmeRecentTrips(), {}, env.personas.SUPER_ADMIN.headers);
    expect(result.errors).toBeUndefined();
    expect(result.data!.trips.edges.map((edge) => edge.node.rider?.points)).toEqual(Array(5).fill({ balance: expect.any(Number), level: expect.any(String) }));
  });

  test("a rider reading their trip's driver and car: the driver's name and the plate, FORBIDDEN only at the staff fields", async () => {
    const riderId = env.personas.RIDER.userId!;
    const own = env.demo.trips.find((trip) => trip.riderUserId === riderId && trip.driverId);
    if (!own) throw new Error('the demo rider has no trip with a driver');
    const result = await postGraphQL(
      env.gatewayUrl,
      'query ($id: ID!) { trip(id: $id) { id driver { name status licenceNumber } vehicle { plate status } } }',
      { id: own.id },
      env.personas.RIDER.headers,
    );
    expect(result.data.trip).toEqual({
      id: own.id,
      driver: { name: expect.any(String), status: null, licenceNumber: null },
      vehicle: { plate: expect.any(String), status: null },
    });
    expect(errorsOf(result)).toEqual([
      ['FORBIDDEN', ['trip', 'driver', 'licenceNumber']],
      ['FORBIDDEN', ['trip', 'driver', 'status']],
      ['FORBIDDEN', ['trip', 'vehicle', 'status']],
    ]);
  });
});

describe('gamification stopped', () => {
  beforeAll(() => stopSubgraph('gamification'));

  test("the rider's own home screen: everything but points, SERVICE_UNAVAILABLE only at me.points", async () => {
    const result = await postGraphQL(
      env.gatewayUrl,
      '{ me { id name trips(first: 2) { edges { node { id } } } wallet { balance { currency } } points { balance } unreadNotificationCount } }',
      {},
      env.personas.RIDER.headers,
    );
    expect(result.status).toBe(200);
    expect(result.data.me).toEqual({
      id: env.personas.RIDER.userId,
      name: expect.any(String),
      trips: { edges: [{ node: { id: expect.any(String) } }, { node: { id: expect.any(String) } }] },
      wallet: { balance: { currency: 'USD' } },
      points: null,
      unreadNotificationCount: expect.any(Number),
    });
    expect(errorsOf(result)).toEqual([['SERVICE_UNAVAILABLE', ['me', 'points']]]);
  });

  test("the README's RecentTrips as SUPER_ADMIN: the trips, names and cars, SERVICE_UNAVAILABLE only at each rider's points", async () => {
    const result = await postGraphQL<{ trips: { edges: { node: BoardNode }[] } }>(env.gatewayUrl, readmeRecentTrips(), {}, env.personas.SUPER_ADMIN.headers);
    expect(result.status).toBe(200);
    const nodes = result.data!.trips.edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(5);
    for (const node of nodes) expect(node.rider).toEqual({ name: expect.any(String), points: null });
    expect(errorsOf(result)).toEqual([0, 1, 2, 3, 4].map((i) => ['SERVICE_UNAVAILABLE', ['trips', 'edges', i, 'node', 'rider', 'points']]));
  });
});

describe('identity stopped too', () => {
  beforeAll(() => stopSubgraph('identity'));

  test("the trips board: trips, riders' and drivers' names and ratings stand; SERVICE_UNAVAILABLE only at each rider's email", async () => {
    const result = await postGraphQL<{ trips: { edges: { node: BoardNode & { rider: { email: string | null } | null } }[] } }>(
      env.gatewayUrl,
      '{ trips(first: 2, status: COMPLETED) { edges { node { id status rider { name email } driver { name rating } } } } }',
      {},
      env.personas.SUPER_ADMIN.headers,
    );
    expect(result.status).toBe(200);
    expect(result.data!.trips.edges.map((edge) => edge.node)).toEqual(
      Array(2).fill({
        id: expect.any(String),
        status: 'COMPLETED',
        rider: { name: expect.any(String), email: null },
        driver: { name: expect.any(String), rating: expect.any(Number) },
      }),
    );
    // A rider's name is trips' own copy (identity's user.name.changed, provided with `Trip.rider`), as a driver's name
    // is fleet's: the board needs identity no more than the rating does. What only identity answers fails alone.
    expect(errorsOf(result)).toEqual([0, 1].map((i) => ['SERVICE_UNAVAILABLE', ['trips', 'edges', i, 'node', 'rider', 'email']]));
  });
});
