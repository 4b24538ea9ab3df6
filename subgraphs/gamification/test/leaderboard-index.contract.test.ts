// One contract for both rank indexes of the leaderboards — PostgreSQL's (embedded mode) and Redis sorted sets
// (REDIS_URL; a fresh key prefix, keys removed afterwards) — on the same leaderboard_scores rows written the way
// awards write them: ranks with ties by user id, zero scores left out, pages by cursor, two awards for one user
// applied in either order, and (Redis) the rebuild from PostgreSQL of a missing or stale board.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createLogger } from '../../../platform/logging/index.js';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../../../platform/testing/index.js';
import { collectBoardUpdates, type BoardScore } from '../src/store/board-updates.js';
import { openGamificationDatabase, type GamificationPrisma } from '../src/store/database.js';
import { createSqlLeaderboardIndex, type LeaderboardIndex } from '../src/store/leaderboard-index.js';
import { boardExpiresAt, createRedisLeaderboardIndex, type RedisLeaderboardIndex } from '../src/store/leaderboard-redis.js';
import { addToLeaderboards } from '../src/store/ledger-store.js';

const PERIOD = 'W2026-12-07';
const prefix = `ridegraph:test-lb-${randomUUID().slice(0, 8)}:`;
let db: TestDatabase;
let prisma: GamificationPrisma;
let raw: Redis;
const indexes: LeaderboardIndex[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = openGamificationDatabase(db.target);
  raw = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  await Promise.all(indexes.map((index) => index.close()));
  const keys = await raw.keys(`${prefix}*`);
  if (keys.length > 0) await raw.del(...keys);
  await raw.quit();
  await prisma.$disconnect();
  await db.drop();
});

const make = {
  sql: () => createSqlLeaderboardIndex(prisma),
  redis: () => createRedisLeaderboardIndex(prisma, { redisUrl: testRedisUrl(), prefix, logger: createLogger({ level: 'silent' }) }),
};

/** One award's score upsert in its own transaction; returns the scores it read back (for after the commit). */
async function award(board: string, userId: string, delta: number): Promise<BoardScore[]> {
  const { scores } = await collectBoardUpdates(() => prisma.$transaction((tx) => addToLeaderboards(tx, board, userId, delta, [PERIOD])));
  return scores;
}

/** The index's answers once a Redis board is built (the first read falls back to PostgreSQL and starts the rebuild). */
async function warm(index: LeaderboardIndex, board: string) {
  await index.rankOf(board, PERIOD, randomUUID());
  await (index as Partial<RedisLeaderboardIndex>).settled?.(board, PERIOD);
}

describe.each(['sql', 'redis'] as const)('%s rank index', (kind) => {
  let index: LeaderboardIndex;
  beforeAll(() => {
    index = make[kind]();
    indexes.push(index);
  });
  const newBoard = () => `DRIVERS:${randomUUID()}`;

  test('ranks by points desc then user id asc; zero scores are off the board; pages continue from the cursor', async () => {
    const board = newBoard();
    const [a, b, c, d, e] = Array.from({ length: 5 }, () => randomUUID()).sort() as [string, string, string, string, string];
    await warm(index, board);
    for (const [user, points] of [
      [a, 50],
      [c, 100],
      [b, 100],
      [d, 10],
      [e, 10],
    ] as const) {
      await index.apply(await award(board, user, points));
    }
    await index.apply(await award(board, e, -10)); // back to 0: off the board

    expect(await index.page(board, PERIOD, null, 2)).toEqual([
      { rank: 1, userId: b, points: 100 },
      { rank: 2, userId: c, points: 100 },
    ]);
    expect(await index.page(board, PERIOD, { rank: 2, points: 100, userId: c }, 3)).toEqual([
      { rank: 3, userId: a, points: 50 },
      { rank: 4, userId: d, points: 10 },
    ]);
    expect(await index.page(board, PERIOD, { rank: 4, points: 10, userId: d }, 3)).toEqual([]);
    expect(await index.rankOf(board, PERIOD, c)).toEqual({ rank: 2, userId: c, points: 100 });
    expect(await index.rankOf(board, PERIOD, d)).toEqual({ rank: 4, userId: d, points: 10 });
    expect(await index.rankOf(board, PERIOD, e)).toBeNull();
    expect(await index.rankOf(board, PERIOD, randomUUID())).toBeNull();
  });

  test('two awards for one user racing: applied in either order, the newest committed score stays', async () => {
    const board = newBoard();
    const [u, v] = [randomUUID(), randomUUID()].sort() as [string, string];
    await warm(index, board);
    await index.apply(await award(board, v, 25));
    const [first, second] = await Promise.all([award(board, u, 10), award(board, u, 20)]);
    const all = [...first, ...second].sort((x, y) => x.version - y.version);
    expect(all.map((s) => s.points)).toEqual(all[0]!.points === 10 ? [10, 30] : [20, 30]);
    await index.apply([all[1]!]); // the newer lands first…
    await index.apply([all[0]!]); // …the older one after it changes nothing
    expect(await index.rankOf(board, PERIOD, u)).toEqual({ rank: 1, userId: u, points: 30 });
    expect(await index.page(board, PERIOD, null, 5)).toEqual([
      { rank: 1, userId: u, points: 30 },
      { rank: 2, userId: v, points: 25 },
    ]);
  });
});

describe('redis only', () => {
  let index: RedisLeaderboardIndex;
  beforeAll(() => {
    index = make.redis();
    indexes.push(index);
  });

  test('a missing board is answered from PostgreSQL, rebuilt, then answered from Redis with the same ranks', async () => {
    const board = `RIDERS:${randomUUID()}`;
    const users = Array.from({ length: 12 }, () => randomUUID());
    for (const [i, user] of users.entries()) await award(board, user, 10 * (1 + (i % 4))); // never applied to Redis
    const sql = createSqlLeaderboardIndex(prisma);
    const expected = await sql.page(board, PERIOD, null, 20);
    expect(expected).toHaveLength(12);

    expect(await index.page(board, PERIOD, null, 20)).toEqual(expected); // from PostgreSQL, rebuild started
    await index.settled(board, PERIOD);
    const set = `${prefix}${board}|${PERIOD}`;
    expect(await raw.exists(`${set}:ready`)).toBe(1);
    expect(await raw.zcard(set)).toBe(12);
    expect(await raw.expiretime(set)).toBe(boardExpiresAt(PERIOD));
    expect(await index.page(board, PERIOD, null, 20)).toEqual(expected);
    expect(await index.page(board, PERIOD, expected[4]!, 3)).toEqual(expected.slice(5, 8));
    for (const row of expected) expect(await index.rankOf(board, PERIOD, row.userId)).toEqual(row);

    // A write Redis never got (a failed ZADD) is repaired by the rebuild command; a second rebuild changes nothing.
    await award(board, users[0]!, 1000);
    expect((await index.rankOf(board, PERIOD, users[0]!))!.points).toBe(10);
    expect(await index.rebuild(board, PERIOD)).toBe(12);
    expect(await index.rankOf(board, PERIOD, users[0]!)).toEqual({ rank: 1, userId: users[0], points: 1010 });
    expect(await index.rebuild(board, PERIOD)).toBe(12);
    expect(await index.page(board, PERIOD, null, 20)).toEqual(await sql.page(board, PERIOD, null, 20));
  });

  test('a Redis write that fails drops the ready marker: reads go to PostgreSQL and the next one rebuilds', async () => {
    const board = `RIDERS:${randomUUID()}`;
    const [u, v] = [randomUUID(), randomUUID()].sort() as [string, string];
    await index.apply(await award(board, u, 40));
    await warm(index, board);
    const set = `${prefix}${board}|${PERIOD}`;
    expect(await raw.exists(`${set}:ready`)).toBe(1);
    // The versions hash turned into a string: the Lua apply fails with WRONGTYPE, as any failed write would.
    await raw.del(`${set}:v`);
    await raw.set(`${set}:v`, 'broken');
    await index.apply(await award(board, v, 60));
    expect(await raw.exists(`${set}:ready`)).toBe(0);
    expect(await index.rankOf(board, PERIOD, v)).toEqual({ rank: 1, userId: v, points: 60 }); // PostgreSQL
    await index.settled(board, PERIOD); // that rebuild fails on the same broken key; reads stay on PostgreSQL
    expect(await raw.exists(`${set}:ready`)).toBe(0);
    await raw.del(`${set}:v`);
    expect(await index.rankOf(board, PERIOD, u)).toEqual({ rank: 2, userId: u, points: 40 });
    await index.settled(board, PERIOD);
    expect(await raw.exists(`${set}:ready`)).toBe(1);
    expect(await raw.zrange(set, 0, -1, 'WITHSCORES')).toEqual([v, '-60', u, '-40']);
  });

  test('week and month sets expire a period after theirs ends; all time never', () => {
    expect(boardExpiresAt('W2026-12-07')).toBe(Date.UTC(2026, 11, 21) / 1000);
    expect(boardExpiresAt('M2026-12')).toBe(Date.UTC(2027, 0, 1) / 1000 + 31 * 86_400);
    expect(boardExpiresAt('ALL')).toBe(0);
  });
});
