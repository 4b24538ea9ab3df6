// Names through the gateway are copies of the account's name (identity's user.name.changed): `Driver.name` is fleet's,
// not a `@requires` round trip through identity, and a trip's `rider { name }` is trips' (`@provides`), not a fetch
// from identity. A driver or a rider renaming themself with identity's `updateMe` shows the new name a moment later,
// and the trips board costs one SQL statement per table it reads and asks identity nothing (before: identity for the
// riders, and fleet read the drivers again after identity had answered the drivers' users).
import { EVENT_WAIT_MS, postGraphQL, readUntil } from '../platform/testing/index.js';
import { BENCHMARK_QUERIES } from '../bench/benchmark-queries.js';
import { gatewayData, untilDriverName } from './support/gateway-apps.js';
import { startTestSupergraph, type TestSupergraph } from './support/test-supergraph.js';

let env: TestSupergraph;

beforeAll(async () => {
  env = await startTestSupergraph();
}, 120_000);

afterAll(async () => {
  await env?.stop();
});

/** The subgraph schema each statement reads ("fleet"."drivers" → fleet), counted. */
const statementsBySchema = (statements: string[]) => {
  const counts: Record<string, number> = {};
  for (const sql of statements) {
    const schema = /"(identity|fleet|trips|payments|gamification|notifications)"\./.exec(sql)?.[1] ?? 'other';
    counts[schema] = (counts[schema] ?? 0) + 1;
  }
  return counts;
};

test('the trips board (20 trips, rider and driver names, vehicles): 4 SQL statements — trips 2, fleet 2, identity none', async () => {
  // Asked once first, so nothing a first request does once (a cache filled) is counted.
  await gatewayData(env.gatewayUrl, BENCHMARK_QUERIES.tripsBoard.query, undefined, env.personas.OPERATIONS.headers);
  env.statements.length = 0;
  const data = await gatewayData(env.gatewayUrl, BENCHMARK_QUERIES.tripsBoard.query, undefined, env.personas.OPERATIONS.headers);
  const nodes = (data.trips.edges as { node: { driver: { name: string | null } | null } }[]).map((edge) => edge.node);
  expect(nodes).toHaveLength(20);
  // Demo drivers' names are known from the start (fleet's seed writes them as identity's events would).
  for (const node of nodes) if (node.driver) expect(node.driver.name).toMatch(/\S/);
  // trips: the page and the riders' names; fleet: the drivers and their vehicles.
  expect(statementsBySchema(env.statements)).toEqual({ trips: 2, fleet: 2 });
});

test(
  "a driver renames themself (identity's updateMe): their driver profile shows the new name",
  async () => {
    const driverUserId = env.personas.DRIVER.userId!;
    const driver = env.demo.drivers.find((d) => d.userId === driverUserId)!;
    const before = env.demo.users.find((u) => u.id === driverUserId)!.name;
    const ops = env.personas.OPERATIONS.headers;
    expect((await gatewayData(env.gatewayUrl, 'query ($id: ID!) { driver(id: $id) { name } }', { id: driver.id }, ops)).driver).toEqual({ name: before });

    const renamed = await postGraphQL(
      env.gatewayUrl,
      'mutation ($input: UpdateMeInput!) { updateMe(input: $input) { user { name } userErrors { code } } }',
      { input: { name: 'Dee Renamed' } },
      env.personas.DRIVER.headers,
    );
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data!.updateMe).toEqual({ user: { name: 'Dee Renamed' }, userErrors: [] });

    // The rename's event queues behind the demo seed's (153 accounts: their user.registered, user.name.changed… in the
    // same consumer group), which a loaded CI machine works through slowly: once more than EVENT_WAIT_MS. Three times it.
    expect(await untilDriverName(env.gatewayUrl, ops, driver.id, 'Dee Renamed', 3 * EVENT_WAIT_MS)).toBe('Dee Renamed');
    // The driver sees it on their own profile too, and identity's own field agrees.
    const own = await gatewayData(env.gatewayUrl, '{ me { name driverProfile { name } } }', undefined, env.personas.DRIVER.headers);
    expect(own.me).toEqual({ name: 'Dee Renamed', driverProfile: { name: 'Dee Renamed' } });
  },
  4 * EVENT_WAIT_MS,
);

test(
  "a rider renames themself (identity's updateMe): their trips show the new name",
  async () => {
    const riderUserId = env.personas.RIDER.userId!;
    const trip = env.demo.trips.find((t) => t.riderUserId === riderUserId)!;
    const ops = env.personas.OPERATIONS.headers;
    const riderName = async () =>
      ((await gatewayData(env.gatewayUrl, 'query ($id: ID!) { trip(id: $id) { rider { name } } }', { id: trip.id }, ops)).trip as { rider: { name: string } })
        .rider.name;
    expect(await riderName()).toBe(env.demo.users.find((u) => u.id === riderUserId)!.name);

    const renamed = await postGraphQL(
      env.gatewayUrl,
      'mutation ($input: UpdateMeInput!) { updateMe(input: $input) { user { name } userErrors { code } } }',
      { input: { name: 'Rae Renamed' } },
      env.personas.RIDER.headers,
    );
    expect(renamed.errors).toBeUndefined();
    // Queued behind the demo seed's announcements in trips' consumer group, as the driver's rename above is in fleet's.
    expect(await readUntil(riderName, (name) => name === 'Rae Renamed', "trips to know the rider's new name", 3 * EVENT_WAIT_MS)).toBe('Rae Renamed');
  },
  4 * EVENT_WAIT_MS,
);
