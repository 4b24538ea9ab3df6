// Leaderboards read from leaderboard_scores, which every award and reversal keeps up to date in its own transaction
// (awards.ts): a page is one range of the index (scope, period, points desc, user_id), never a scan of the ledger.
// The same table serves the embedded mode (PGlite) and PostgreSQL. Rank = position in (points desc, user id asc).
import type { Viewer } from '../../../../platform/auth/index.js';
import { badInput } from '../../../../platform/errors/index.js';
import { isUuid, readPageArgs, type PageArgs } from '../../../../platform/graphql/index.js';
import type { GamificationPrisma } from '../store/database.js';
import { boardKey } from '../store/ledger-store.js';
import { periodKey, type LeaderboardPeriodName } from './periods.js';

export interface LeaderboardRow {
  rank: number;
  userId: string;
  points: number;
}

export interface LeaderboardPage {
  edges: { cursor: string; node: LeaderboardRow }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const S = '"gamification"';

// The cursor holds the last row's place: its rank, points and user id (keyset: the next page starts after it).
const encode = (row: LeaderboardRow) => Buffer.from(`lb|${row.rank}|${row.points}|${row.userId}`, 'utf8').toString('base64url');
function decode(value: string): LeaderboardRow {
  const [tag, rank, points, userId, extra] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const r = Number(rank);
  const p = Number(points);
  if (tag !== 'lb' || extra !== undefined || !userId || !isUuid(userId) || !Number.isInteger(r) || r < 1 || !Number.isInteger(p) || p < 1) {
    throw badInput('after is not a cursor returned by this API', 'after');
  }
  return { rank: r, points: p, userId };
}

export interface BoardArgs {
  scope: 'RIDERS' | 'DRIVERS';
  period: LeaderboardPeriodName;
  /** DRIVERS only: that fleet's drivers. */
  fleetId?: string | null;
}

/** @throws AppError BAD_USER_INPUT for a fleetId with RIDERS or one that is not an id. */
function boardOf({ scope, fleetId }: BoardArgs): string {
  if (fleetId === null || fleetId === undefined) return boardKey(scope);
  if (scope !== 'DRIVERS') throw badInput('fleetId is for the DRIVERS leaderboard only', 'fleetId');
  if (!isUuid(fleetId)) throw badInput('fleetId is not a fleet id', 'fleetId');
  return boardKey(scope, fleetId);
}

export function createLeaderboardService(prisma: GamificationPrisma, now: () => Date = () => new Date()) {
  return {
    async page(board: BoardArgs, args: PageArgs): Promise<LeaderboardPage> {
      const scope = boardOf(board);
      const { take } = readPageArgs({ first: args.first });
      const after = args.after ? decode(args.after) : null;
      const key = periodKey(board.period, now());
      const rows = await prisma.$queryRawUnsafe<{ user_id: string; points: number }[]>(
        `select user_id::text as user_id, points from ${S}.leaderboard_scores
         where scope = $1 and period = $2 and points > 0
           and ($3::int is null or points < $3 or (points = $3 and user_id > $4::uuid))
         order by points desc, user_id asc
         limit $5`,
        scope,
        key,
        after?.points ?? null,
        after?.userId ?? null,
        take + 1,
      );
      const first = after ? after.rank + 1 : 1;
      const page = rows.slice(0, take).map((row, i) => ({ rank: first + i, userId: row.user_id, points: row.points }));
      const edges = page.map((node) => ({ cursor: encode(node), node }));
      return {
        edges,
        pageInfo: {
          hasNextPage: rows.length > take,
          hasPreviousPage: after !== null,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      };
    },

    /** The viewer's place: one index probe for their points, one counted index range for who is ahead. */
    async myRank(viewer: Viewer, board: BoardArgs): Promise<LeaderboardRow | null> {
      const scope = boardOf(board);
      const key = periodKey(board.period, now());
      const rows = await prisma.$queryRawUnsafe<{ points: number; ahead: bigint }[]>(
        `select me.points, (select count(*) from ${S}.leaderboard_scores o
                             where o.scope = me.scope and o.period = me.period
                               and (o.points > me.points or (o.points = me.points and o.user_id < me.user_id))) as ahead
         from ${S}.leaderboard_scores me
         where me.scope = $1 and me.period = $2 and me.user_id = $3::uuid and me.points > 0`,
        scope,
        key,
        viewer.userId,
      );
      const mine = rows[0];
      return mine ? { rank: Number(mine.ahead) + 1, userId: viewer.userId, points: mine.points } : null;
    },
  };
}
