// Points expire `expireDays` after they were earned. What expires for a user at `now`: the points earned before the
// cutoff (now - expireDays) minus everything that ever left the balance (spent, reversed, already expired, removed by
// staff) — negatives consume the oldest points first — and never more than the balance.
//
// Exactly once: a run writes at most one EXPIRY entry per user and UTC day, whose cause is `expiry:<user>:<day>`; the
// user's lock and that unique cause make a second run of the day (another replica, a restart) write nothing, and
// the next day's run finds the expired points already counted.
import type { GamificationPrisma } from '../store/database.js';
import { lockUsers, type GamificationTx } from '../store/ledger-store.js';
import { postAward } from './awards.js';

const S = '"gamification"';
const DAY = 86_400_000;
/** Users handled per statement batch: each is one short transaction. */
const BATCH = 500;

interface Expirable {
  user_id: string;
  expiring: bigint;
}

// Old points still unconsumed, capped by the balance; only users with something to expire.
const EXPIRABLE_SQL = (oneUser: boolean) => `
  select user_id::text as user_id,
         least(
           coalesce(sum(delta) filter (where delta > 0 and created_at < $1), 0) + coalesce(sum(delta) filter (where delta < 0), 0),
           sum(delta)
         )::bigint as expiring
  from ${S}.points_entries
  ${oneUser ? 'where user_id = $2::uuid' : 'where user_id > $2::uuid'}
  group by user_id
  having least(
           coalesce(sum(delta) filter (where delta > 0 and created_at < $1), 0) + coalesce(sum(delta) filter (where delta < 0), 0),
           sum(delta)
         ) > 0
  order by user_id
  ${oneUser ? '' : `limit ${BATCH}`}`;

export interface ExpiryRun {
  /** Users whose points expired in this run. */
  users: number;
  /** Points expired in this run. */
  points: number;
}

export function createExpiryService(prisma: GamificationPrisma, expireDays: number) {
  async function expireUser(tx: GamificationTx, userId: string, cutoff: Date, now: Date): Promise<number> {
    await lockUsers(tx, [userId]);
    // Recomputed under the lock: an award or purchase may have committed since the scan.
    const [row] = await tx.$queryRawUnsafe<Expirable[]>(EXPIRABLE_SQL(true), cutoff, userId);
    const points = Number(row?.expiring ?? 0);
    if (points <= 0) return 0;
    const day = now.toISOString().slice(0, 10);
    const posted = await postAward(tx, {
      userId,
      delta: -points,
      reason: 'EXPIRY',
      cause: `expiry:${userId}:${day}`,
      note: `points earned before ${cutoff.toISOString().slice(0, 10)} expired`,
      createdAt: now,
    });
    return posted ? points : 0;
  }

  return {
    /** Expires what is due at `now` for every user. Safe to run concurrently and repeatedly. */
    async run(now: Date = new Date()): Promise<ExpiryRun> {
      const result: ExpiryRun = { users: 0, points: 0 };
      if (expireDays <= 0) return result;
      const cutoff = new Date(now.getTime() - expireDays * DAY);
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const due = await prisma.$queryRawUnsafe<Expirable[]>(EXPIRABLE_SQL(false), cutoff, after);
        for (const { user_id: userId } of due) {
          const points = await prisma.$transaction((tx) => expireUser(tx, userId, cutoff, now));
          if (points > 0) {
            result.users += 1;
            result.points += points;
          }
        }
        if (due.length < BATCH) return result;
        after = due.at(-1)!.user_id;
      }
    },
  };
}

/**
 * Runs `run` every `intervalMs` (first run after one interval), one run at a time; `stop` waits for a run in flight.
 * Also the loop of the five-star-week job (server.ts).
 */
export function startExpiryLoop(run: () => Promise<unknown>, intervalMs: number, onError: (error: unknown) => void) {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = run()
      .catch(onError)
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop(): Promise<void> {
      clearInterval(timer);
      await running;
    },
  };
}
