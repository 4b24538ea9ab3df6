// Leaderboards: leaderboard_scores (kept up to date by every award and reversal in its own transaction, awards.ts)
// is the source of truth; the rank index answers pages and ranks — PostgreSQL's own index in embedded mode, Redis
// sorted sets with REDIS_URL (store/leaderboard-index.ts, store/leaderboard-redis.ts). Rank = position in (points
// desc, user id asc).
import type { Viewer } from '../../../../platform/auth/index.js';
import { badInput } from '../../../../platform/errors/index.js';
import { isUuid, readPageArgs, type PageArgs } from '../../../../platform/graphql/index.js';
import type { LeaderboardIndex, RankedScore } from '../store/leaderboard-index.js';
import { boardKey } from '../store/ledger-store.js';
import { periodKey, type LeaderboardPeriodName } from './periods.js';

export type LeaderboardRow = RankedScore;

export interface LeaderboardPage {
  edges: { cursor: string; node: LeaderboardRow }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

// The cursor holds the last row's place: its rank, points and user id (PostgreSQL continues after the points and
// user id — keyset; Redis after the rank).
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

export function createLeaderboardService(index: LeaderboardIndex, now: () => Date = () => new Date()) {
  return {
    index,

    async page(board: BoardArgs, args: PageArgs): Promise<LeaderboardPage> {
      const scope = boardOf(board);
      const { take } = readPageArgs({ first: args.first });
      const after = args.after ? decode(args.after) : null;
      const rows = await index.page(scope, periodKey(board.period, now()), after, take + 1);
      const edges = rows.slice(0, take).map((node) => ({ cursor: encode(node), node }));
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

    /** The viewer's place on the board (null without points there in the period). */
    async myRank(viewer: Viewer, board: BoardArgs): Promise<LeaderboardRow | null> {
      return index.rankOf(boardOf(board), periodKey(board.period, now()), viewer.userId);
    },
  };
}
