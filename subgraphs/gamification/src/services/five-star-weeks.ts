// Drivers' five-star weeks: a driver whose ratings by riders in a calendar week (ISO week, Monday to Sunday, UTC) are
// all 5 stars, with at least the FIVE_STAR_WEEK rule's `minRatings` of them, gets the rule's points and badge for that
// week. A week can only be judged once it is over, so a job does it (every LOYALTY_FIVE_STAR_WEEK_INTERVAL_MS, default
// hourly, in every gamification process): each run judges the last two finished weeks, so a rating delivered late
// (reordered or retried events) still counts for its week if it completes the count within a week of the week's end;
// a late lower rating does not take back what was given.
//
// Exactly once: the entry's cause is `five-star-week:<rule key>:<user>:<week>` and the badge is unique per user,
// badge and week (its occasion), written under the user's lock: concurrent runs (replicas) and reruns write nothing
// more. Rules are those in force at the week's last instant.
import type { GamificationPrisma } from '../store/database.js';
import type { LeaderboardIndex } from '../store/leaderboard-index.js';
import { collectBoardUpdates } from '../store/board-updates.js';
import { fiveStarDrivers } from '../store/earning-facts-store.js';
import { fleetOfDriver, lockUsers } from '../store/ledger-store.js';
import { rulesInForce } from '../store/rules-store.js';
import { badgeOf, postAward } from './awards.js';
import { utcDay, weekKey } from './periods.js';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** Used when a FIVE_STAR_WEEK version has no minRatings (the schema requires one; this only guards old rows). */
const DEFAULT_MIN_RATINGS = 5;

export interface FiveStarWeekRun {
  /** Awards written by this run (user and week), in the order written. */
  awarded: { userId: string; week: string }[];
}

export function createFiveStarWeekService(prisma: GamificationPrisma, deps: { leaderboardIndex: LeaderboardIndex; wakeRelay: () => void }) {
  /** The start (a Monday 00:00 UTC) of the `weeksAgo`-th week before the one holding `now`. */
  function weekStart(now: Date, weeksAgo: number): Date {
    const today = utcDay(now);
    const sinceMonday = (today.getUTCDay() + 6) % 7;
    return new Date(today.getTime() - sinceMonday * DAY - weeksAgo * WEEK);
  }

  async function judgeWeek(from: Date, run: FiveStarWeekRun): Promise<void> {
    const to = new Date(from.getTime() + WEEK);
    const lastInstant = new Date(to.getTime() - 1);
    const week = weekKey(from);
    for (const rule of (await rulesInForce(prisma, ['FIVE_STAR_WEEK'], lastInstant))('FIVE_STAR_WEEK')) {
      for (const driver of await fiveStarDrivers(prisma, from, to, rule.minRatings ?? DEFAULT_MIN_RATINGS)) {
        const { result: posted, scores } = await collectBoardUpdates(() =>
          prisma.$transaction(async (tx) => {
            await lockUsers(tx, [driver.userId]);
            const fleetId = await fleetOfDriver(tx, driver.userId);
            const entry = await postAward(tx, {
              userId: driver.userId,
              delta: rule.points,
              reason: 'FIVE_STAR_WEEK',
              ruleId: rule.id,
              ruleKey: rule.key,
              cause: `five-star-week:${rule.key}:${driver.userId}:${week}`,
              fleetId,
              note: rule.description,
              createdAt: lastInstant,
              board: { scope: 'DRIVERS', at: lastInstant },
            });
            await badgeOf(tx, rule, driver.userId, lastInstant, week);
            return entry;
          }),
        );
        await deps.leaderboardIndex.apply(scores);
        if (posted) run.awarded.push({ userId: driver.userId, week });
      }
    }
  }

  return {
    /** Judges the two weeks before the one holding `now`. */
    async run(now: Date = new Date()): Promise<FiveStarWeekRun> {
      const run: FiveStarWeekRun = { awarded: [] };
      for (const weeksAgo of [2, 1]) await judgeWeek(weekStart(now, weeksAgo), run);
      if (run.awarded.length) deps.wakeRelay();
      return run;
    },
  };
}
