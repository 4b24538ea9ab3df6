// Rent periods. Period n of an assignment is [startsAt + n·P, startsAt + (n+1)·P) with P = 24 h (DAILY) or 7 × 24 h
// (WEEKLY), counted in UTC milliseconds: anchored at the moment the driver was put on the plan, so no period is
// partial and daylight saving never stretches one. A period is charged in full once it has started.
import type { RentalPeriod } from '../../store/prisma/client.js';

export const DAY_MS = 24 * 3600_000;

export const periodMs = (period: RentalPeriod): number => (period === 'DAILY' ? DAY_MS : 7 * DAY_MS);

/**
 * How many periods have started by `now` (inclusive) and before `endsAt` (exclusive; null: still on the plan).
 * A period starting exactly at the exit is not charged; one starting exactly `now` is.
 */
export function periodsStarted(startsAt: Date, period: RentalPeriod, now: Date, endsAt: Date | null): number {
  const length = periodMs(period);
  const start = startsAt.getTime();
  const byNow = now.getTime() < start ? 0 : Math.floor((now.getTime() - start) / length) + 1;
  if (!endsAt) return byNow;
  const beforeEnd = endsAt.getTime() <= start ? 0 : Math.ceil((endsAt.getTime() - start) / length);
  return Math.min(byNow, beforeEnd);
}

export function periodBounds(startsAt: Date, period: RentalPeriod, index: number): { start: Date; end: Date } {
  const length = periodMs(period);
  return { start: new Date(startsAt.getTime() + index * length), end: new Date(startsAt.getTime() + (index + 1) * length) };
}
