// gamification in-process: User.points through _entities (what the gateway sends), Int range safety, batching, seed.
import { randomUUID } from 'node:crypto';
import { buildDemoDataset } from '../../../platform/demo/index.js';
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
import { seedGamification, WELCOME_BONUS_POINTS } from '../src/seed.js';
import { buildGamificationSubgraph } from '../src/server.js';
import { openGamificationDatabase, type GamificationPrisma } from '../src/store/database.js';
import type { PointsReason } from '../src/store/prisma/client.js';

let db: TestDatabase;
let prisma: GamificationPrisma;
let subgraph: InProcessSubgraph;
let testAuth: TestAuth;
const statements: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = openGamificationDatabase(db.target);
  testAuth = await createTestAuth();
  // Operations staff may read any user's data; the ownership tests below send other viewers.
  subgraph = await startInProcess(await buildGamificationSubgraph(await testSubgraphDeps(db.target, (sql) => statements.push(sql), testAuth)), {
    headers: await testAuth.headersFor({ userId: randomUUID(), roles: ['OPERATIONS'] }),
  });
});

afterAll(async () => {
  await subgraph?.stop();
  await prisma?.$disconnect();
  await db?.drop();
});

interface PointsResult {
  points: { balance: number; lifetimeEarned: number; level: string; pointsToNextLevel: number | null };
}

const POINTS_SELECTION = '... on User { points { balance lifetimeEarned level pointsToNextLevel } }';
const users = (ids: string[]) => ids.map((id) => ({ __typename: 'User', id }));

async function award(userId: string, ...entries: [PointsReason, number][]) {
  await prisma.pointsEntry.createMany({ data: entries.map(([reason, delta]) => ({ userId, reason, delta, sourceId: randomUUID() })) });
  return userId;
}

test('_entities resolves User.points from the ledger; zero and BRONZE without entries or for a malformed id', async () => {
  // Redemptions lower the balance but not lifetime points, so the tier stays.
  const silver = await award(randomUUID(), ['TRIP_COMPLETED', 800], ['PROMOTION', 400], ['REDEMPTION', -500]);
  const gold = await award(randomUUID(), ['TRIP_COMPLETED', 5000]);
  const result = await subgraph.execute<{ _entities: PointsResult[] }>(ENTITIES_QUERY(POINTS_SELECTION), {
    representations: users([silver, randomUUID(), gold, 'not-a-uuid']),
  });
  const zero = { balance: 0, lifetimeEarned: 0, level: 'BRONZE', pointsToNextLevel: 1000 };
  expect(result.errors).toBeUndefined();
  expect(result.data?._entities).toEqual([
    { points: { balance: 700, lifetimeEarned: 1200, level: 'SILVER', pointsToNextLevel: 3800 } },
    { points: zero },
    { points: { balance: 5000, lifetimeEarned: 5000, level: 'GOLD', pointsToNextLevel: 15000 } },
    { points: zero },
  ]);
});

test('a points total beyond the Int range is a masked internal error, never a wrapped number', async () => {
  const whale = await award(randomUUID(), ['ADJUSTMENT', 2_147_483_647], ['ADJUSTMENT', 2]);
  const result = await subgraph.execute<{ _entities: (PointsResult | null)[] }>(ENTITIES_QUERY('... on User { points { balance } }'), {
    representations: users([whale]),
  });
  expect(result.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  expect(result.errors?.[0]?.path).toEqual(['_entities', 0, 'points', 'balance']);
  expect(result.data?._entities[0]).toEqual({ points: null });
});

test('points of 50 users cost the same SELECTs as of 5 (one grouped statement)', async () => {
  const ids = await Promise.all(Array.from({ length: 50 }, (_, i) => award(randomUUID(), ['TRIP_COMPLETED', 100 + i], ['REDEMPTION', -i])));
  const selectsFor = async (count: number) => {
    statements.length = 0;
    const result = await subgraph.execute<{ _entities: PointsResult[] }>(ENTITIES_QUERY(POINTS_SELECTION), { representations: users(ids.slice(0, count)) });
    expect(result.errors).toBeUndefined();
    // Every user's own totals, in order: proves the grouped rows are matched back to the right keys.
    expect(result.data?._entities.map((e) => [e.points.balance, e.points.lifetimeEarned])).toEqual(ids.slice(0, count).map((_, i) => [100, 100 + i]));
    return statements.filter((sql) => /select/i.test(sql)).length;
  };
  const five = await selectsFor(5);
  const fifty = await selectsFor(50);
  expect(five).toBe(1);
  expect(fifty).toBe(five);
});

test('seeding awards trip points and a welcome bonus once; a second run writes nothing', async () => {
  const demo = buildDemoDataset();
  const completed = demo.trips.filter((t) => t.status === 'COMPLETED');
  const riders = demo.users.filter((u) => u.roles.includes('RIDER'));
  expect(await seedGamification(prisma, demo)).toBe(completed.length + riders.length);
  expect(await seedGamification(prisma, demo)).toBe(0);

  const rider = riders[0]!;
  const expected = completed
    .filter((t) => t.riderUserId === rider.id)
    .reduce((sum, t) => sum + Math.floor((t.fareMinor ?? 0) / 100) * 10, WELCOME_BONUS_POINTS);
  const result = await subgraph.execute<{ _entities: PointsResult[] }>(ENTITIES_QUERY(POINTS_SELECTION), { representations: users([rider.id]) });
  expect(result.data?._entities[0]?.points).toMatchObject({ balance: expected, lifetimeEarned: expected });
});

describe('ownership: points of a user are for that user and operations staff', () => {
  const as = async (userId: string, roles: Role[], fleetIds: string[] = []) => ({ headers: await testAuth.headersFor({ userId, roles, fleetIds }) });
  const errorCodes = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) => errors?.map((e) => e.extensions?.code);

  test('the user themself and SUPER_ADMIN read them; another rider, a driver and a fleet manager are FORBIDDEN; anonymous is UNAUTHENTICATED', async () => {
    const owner = randomUUID();
    await award(owner, ['TRIP_COMPLETED', 250]);
    const query = ENTITIES_QUERY('... on User { points { balance } }');
    const variables = { representations: [{ __typename: 'User', id: owner }] };
    for (const viewer of [await as(owner, ['RIDER']), await as(randomUUID(), ['SUPER_ADMIN'])]) {
      const allowed = await subgraph.execute(query, variables, viewer);
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data?._entities).toEqual([{ points: { balance: 250 } }]);
    }
    for (const [userId, roles, fleetIds] of [
      [randomUUID(), ['RIDER'], []],
      [randomUUID(), ['DRIVER'], []],
      [randomUUID(), ['FLEET_MANAGER'], [randomUUID()]],
    ] as [string, Role[], string[]][]) {
      const refused = await subgraph.execute(query, variables, await as(userId, roles, fleetIds));
      expect(new Set(errorCodes(refused.errors))).toEqual(new Set(['FORBIDDEN']));
      expect(refused.data?._entities).toEqual([{ points: null }]);
    }
    const anonymous = await subgraph.execute(query, variables, { headers: {} });
    expect(new Set(errorCodes(anonymous.errors))).toEqual(new Set(['UNAUTHENTICATED']));
  });
});
