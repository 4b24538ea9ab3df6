// The rank index on Redis (distributed mode): one sorted set per board and period, `<prefix><board>|<period>`, with
// member = user id and score = -points, so ZRANK order is points descending then user id ascending (equal scores
// sort by member bytes: the same order as PostgreSQL's uuid). Beside it a hash `…:v` (user id → version) and a
// marker `…:ready` that says the set holds the whole board.
//
// - Writes: after the award's transaction committed, the scores it read back (points, version = updated_at in ms)
//   go through one Lua script that applies a score only when its version is newer than the stored one, so two
//   awards committing in either order leave the newest score, and a rebuild racing live writes loses nothing.
// - Reads: myRank = ZRANK + ZSCORE (O(log n)); a page = ZRANGE by rank from the cursor's rank. Until `ready` is set
//   (first use, a Redis restart, an expired or failed set) reads go to PostgreSQL and one rebuild per key and
//   process copies the board from leaderboard_scores in batches (through the same script).
// - A failed Redis write deletes `ready` (when Redis is unreachable: at the first command that works again), so
//   the next read rebuilds; `rebuild()` is also the reconcile command (npm run leaderboard:rebuild).
// - Week and month sets expire a period after their period ended (EXPIREAT on every write); all-time never.
import { Redis } from 'ioredis';
import type { Logger } from '../../../../platform/logging/index.js';
import type { BoardScore } from './board-updates.js';
import type { GamificationPrisma } from './database.js';
import { createSqlLeaderboardIndex, type LeaderboardIndex } from './leaderboard-index.js';

const S = '"gamification"';
const REBUILD_BATCH = 5000;

// KEYS: set, versions, ready. ARGV: expireAt (unix s, 0 = never), then (userId, points, version) triples.
const APPLY = `
local expireAt = tonumber(ARGV[1])
for i = 2, #ARGV, 3 do
  local user, points, version = ARGV[i], tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2])
  local current = redis.call('HGET', KEYS[2], user)
  if not current or version > tonumber(current) then
    redis.call('HSET', KEYS[2], user, version)
    if points > 0 then redis.call('ZADD', KEYS[1], -points, user) else redis.call('ZREM', KEYS[1], user) end
  end
end
if expireAt > 0 then
  redis.call('EXPIREAT', KEYS[1], expireAt)
  redis.call('EXPIREAT', KEYS[2], expireAt)
  if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('EXPIREAT', KEYS[3], expireAt) end
end
return 1`;

const DAY_S = 86_400;

/** When a period's set may go: a week 7 days after it ended, a month 31 days after; all time never (0). */
export function boardExpiresAt(period: string): number {
  const week = /^W(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (week) return Date.UTC(Number(week[1]), Number(week[2]) - 1, Number(week[3])) / 1000 + 14 * DAY_S;
  const month = /^M(\d{4})-(\d{2})$/.exec(period);
  if (month) return Date.UTC(Number(month[1]), Number(month[2]), 1) / 1000 + 31 * DAY_S;
  return 0;
}

export interface RedisLeaderboardIndexOptions {
  redisUrl: string;
  /** Key prefix, e.g. "ridegraph:gamification:lb:"; tests use a fresh one. */
  prefix: string;
  logger: Logger;
}

export type RedisLeaderboardIndex = LeaderboardIndex & {
  /** Copies the board's period from PostgreSQL (newer versions win), then marks it ready. The reconcile command. */
  rebuild(board: string, period: string): Promise<number>;
  /** Resolves when this process's rebuild of the board's period (if one runs) has finished. */
  settled(board: string, period: string): Promise<void>;
};

export function createRedisLeaderboardIndex(prisma: GamificationPrisma, options: RedisLeaderboardIndexOptions): RedisLeaderboardIndex {
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1, connectionName: `${options.prefix}leaderboards` });
  redis.on('error', () => undefined); // reconnects on its own; failures surface (and are logged) per command
  redis.defineCommand('applyBoardScores', { numberOfKeys: 3, lua: APPLY });
  const apply = (keys: string[], expireAt: number, args: (string | number)[]) =>
    (redis as unknown as { applyBoardScores(...a: (string | number)[]): Promise<number> }).applyBoardScores(...keys, expireAt, ...args);
  const sql = createSqlLeaderboardIndex(prisma);
  const keysOf = (board: string, period: string) => {
    const set = `${options.prefix}${board}|${period}`;
    return [set, `${set}:v`, `${set}:ready`];
  };
  const rebuilding = new Map<string, Promise<number>>();
  /** Boards whose write failed while even the marker could not be deleted: unmarked at the next command that works. */
  const stale = new Set<string>();

  async function rebuild(board: string, period: string): Promise<number> {
    const keys = keysOf(board, period);
    const expireAt = boardExpiresAt(period);
    let after: string | null = null;
    let copied = 0;
    for (;;) {
      const rows: { user_id: string; points: number; version: string }[] = await prisma.$queryRawUnsafe(
        `select user_id::text as user_id, points, (extract(epoch from updated_at) * 1000)::bigint::text as version
         from ${S}.leaderboard_scores where scope = $1 and period = $2 and ($3::uuid is null or user_id > $3::uuid)
         order by user_id limit $4`,
        board,
        period,
        after,
        REBUILD_BATCH,
      );
      if (rows.length === 0) break;
      await apply(
        keys,
        expireAt,
        rows.flatMap((row) => [row.user_id, row.points, row.version]),
      );
      copied += rows.length;
      after = rows.at(-1)!.user_id;
    }
    await redis.set(keys[2]!, '1');
    if (expireAt > 0) await redis.expireat(keys[2]!, expireAt);
    return copied;
  }

  /** Ready → true; else starts (or joins) this process's rebuild of the key and answers false (read PostgreSQL). */
  async function ready(board: string, period: string): Promise<boolean> {
    const keys = keysOf(board, period);
    for (const marker of stale) {
      await redis.del(marker);
      stale.delete(marker);
    }
    if ((await redis.exists(keys[2]!)) === 1) return true;
    if (!rebuilding.has(keys[0]!)) {
      const run = rebuild(board, period)
        .catch((error: unknown) => {
          options.logger.warn({ err: error, board, period }, 'leaderboard rebuild in Redis failed; reads stay on PostgreSQL');
          return 0;
        })
        .finally(() => rebuilding.delete(keys[0]!));
      rebuilding.set(keys[0]!, run);
    }
    return false;
  }

  /** Redis when it holds the whole board and answers; PostgreSQL otherwise. */
  async function read<T>(board: string, period: string, fromRedis: () => Promise<T>, fromSql: () => Promise<T>): Promise<T> {
    let useRedis = false;
    try {
      useRedis = await ready(board, period);
      if (useRedis) return await fromRedis();
    } catch (error) {
      options.logger.warn({ err: error, board, period }, 'leaderboard read from Redis failed; answered from PostgreSQL');
    }
    return fromSql();
  }

  return {
    rebuild,
    async settled(board, period) {
      await rebuilding.get(keysOf(board, period)[0]!);
    },

    page: (board, period, after, limit) =>
      read(
        board,
        period,
        async () => {
          const start = after ? after.rank : 0;
          const flat = await redis.zrange(keysOf(board, period)[0]!, start, start + limit - 1, 'WITHSCORES');
          const rows = [];
          for (let i = 0; i < flat.length; i += 2) rows.push({ rank: start + i / 2 + 1, userId: flat[i]!, points: -Number(flat[i + 1]) });
          return rows;
        },
        () => sql.page(board, period, after, limit),
      ),

    rankOf: (board, period, userId) =>
      read(
        board,
        period,
        async () => {
          const set = keysOf(board, period)[0]!;
          const [rank, score] = await Promise.all([redis.zrank(set, userId), redis.zscore(set, userId)]);
          return rank === null || score === null ? null : { rank: rank + 1, userId, points: -Number(score) };
        },
        () => sql.rankOf(board, period, userId),
      ),

    async apply(scores) {
      const groups = new Map<string, BoardScore[]>();
      for (const score of scores) {
        const key = `${score.board}|${score.period}`;
        groups.set(key, [...(groups.get(key) ?? []), score]);
      }
      for (const group of groups.values()) {
        const { board, period } = group[0]!;
        const keys = keysOf(board, period);
        try {
          await apply(
            keys,
            boardExpiresAt(period),
            group.flatMap((s) => [s.userId, s.points, s.version]),
          );
        } catch (error) {
          options.logger.warn({ err: error, board, period }, 'leaderboard score not written to Redis; the board is rebuilt on its next read');
          await redis.del(keys[2]!).catch(() => stale.add(keys[2]!));
        }
      }
    },

    async close() {
      await Promise.allSettled([...rebuilding.values()]);
      redis.disconnect();
    },
  };
}
