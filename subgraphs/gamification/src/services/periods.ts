// Leaderboard periods: calendar weeks (Monday to Sunday) and months in UTC, and all time. A period is stored as a key
// so the points of a past week stay queryable and the current one needs no reset job.

export type LeaderboardPeriodName = 'WEEK' | 'MONTH' | 'ALL_TIME';

const pad = (n: number) => String(n).padStart(2, '0');

/** "W2026-12-07": the Monday (UTC) of the week holding `at`. */
export function weekKey(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - sinceMonday);
  return `W${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
}

/** "M2026-12". */
export function monthKey(at: Date): string {
  return `M${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}`;
}

export const ALL_TIME_KEY = 'ALL';

/** The keys of every period `at` falls in: its week, its month and all time. */
export function periodKeys(at: Date): string[] {
  return [weekKey(at), monthKey(at), ALL_TIME_KEY];
}

export function periodKey(period: LeaderboardPeriodName, at: Date): string {
  if (period === 'WEEK') return weekKey(at);
  if (period === 'MONTH') return monthKey(at);
  return ALL_TIME_KEY;
}

/** The UTC calendar day of `at`, as a Date at 00:00 UTC. */
export function utcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}
