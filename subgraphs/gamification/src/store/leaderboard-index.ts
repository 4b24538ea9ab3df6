// The rank index of the leaderboards: what answers a page and a rank. Two implementations hold the same contract
// (test/leaderboard-index.contract.test.ts): PostgreSQL's own index on leaderboard_scores (embedded mode, and the
// fallback), and Redis sorted sets (distributed mode, REDIS_URL). leaderboard_scores stays the source of truth.
// Order everywhere: points descending, then user id ascending (uuid order = its lowercase text order).
import type { GamificationPrisma } from './database.js';
import type { BoardScore } from './board-updates.js';

export interface RankedScore {
  /** 1-based. */
  rank: number;
  userId: string;
  points: number;
}

/** Where the previous page ended (from the cursor): its last row. */
export interface PagePosition {
  rank: number;
  points: number;
  userId: string;
}

export interface LeaderboardIndex {
  /** Up to `limit` rows with points > 0 after `after` (from the top without it), with their ranks. */
  page(board: string, period: string, after: PagePosition | null, limit: number): Promise<RankedScore[]>;
  /** The user's place; null without points on that board in that period. */
  rankOf(board: string, period: string, userId: string): Promise<RankedScore | null>;
  /** Committed scores (after their transaction); the SQL index has nothing to do. */
  apply(scores: readonly BoardScore[]): Promise<void>;
  close(): Promise<void>;
}

const S = '"gamification"';

/**
 * PostgreSQL: a page is one range of the index (scope, period, points desc, user_id) from the keyset cursor; a rank
 * counts the rows ahead in the same index, so its cost grows with the rank.
 */
export function createSqlLeaderboardIndex(prisma: GamificationPrisma): LeaderboardIndex {
  return {
    async page(board, period, after, limit) {
      const rows = await prisma.$queryRawUnsafe<{ user_id: string; points: number }[]>(
        `select user_id::text as user_id, points from ${S}.leaderboard_scores
         where scope = $1 and period = $2 and points > 0
           and ($3::int is null or points < $3 or (points = $3 and user_id > $4::uuid))
         order by points desc, user_id asc
         limit $5`,
        board,
        period,
        after?.points ?? null,
        after?.userId ?? null,
        limit,
      );
      const first = after ? after.rank + 1 : 1;
      return rows.map((row, i) => ({ rank: first + i, userId: row.user_id, points: row.points }));
    },

    async rankOf(board, period, userId) {
      const rows = await prisma.$queryRawUnsafe<{ points: number; ahead: bigint }[]>(
        `select me.points, (select count(*) from ${S}.leaderboard_scores o
                             where o.scope = me.scope and o.period = me.period
                               and (o.points > me.points or (o.points = me.points and o.user_id < me.user_id))) as ahead
         from ${S}.leaderboard_scores me
         where me.scope = $1 and me.period = $2 and me.user_id = $3::uuid and me.points > 0`,
        board,
        period,
        userId,
      );
      const mine = rows[0];
      return mine ? { rank: Number(mine.ahead) + 1, userId, points: mine.points } : null;
    },

    async apply() {},
    async close() {},
  };
}
