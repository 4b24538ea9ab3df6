// The leaderboard scores a unit of work changed, collected while its transaction runs and handed to the rank index
// only after it committed (a Redis write inside the transaction could publish points that then roll back).
// `collectBoardUpdates(work)` runs `work` with a fresh collector; postAward's score upserts push into it.
import { AsyncLocalStorage } from 'node:async_hooks';

/** One board score as PostgreSQL stored it: `version` is its updated_at in ms, strictly increasing per row. */
export interface BoardScore {
  /** leaderboard_scores.scope: RIDERS, DRIVERS or DRIVERS:<fleet id>. */
  board: string;
  /** leaderboard_scores.period: W2026-12-07, M2026-12 or ALL. */
  period: string;
  userId: string;
  points: number;
  version: number;
}

const collector = new AsyncLocalStorage<BoardScore[]>();

/** Called in the transaction: remembers the scores for after the commit (nothing happens outside a collector). */
export function recordBoardScores(scores: readonly BoardScore[]): void {
  collector.getStore()?.push(...scores);
}

/**
 * Runs `work` (which commits its transaction before resolving) and returns its result with the scores it wrote.
 * When `work` throws, nothing is returned: a rolled-back transaction moved no board. A transaction retried inside
 * `work` may leave the scores of its failed attempt too; they carry older versions than the committed attempt's,
 * so the index keeps the committed ones.
 */
export async function collectBoardUpdates<T>(work: () => Promise<T>): Promise<{ result: T; scores: BoardScore[] }> {
  const scores: BoardScore[] = [];
  const result = await collector.run(scores, work);
  return { result, scores };
}
