// Quiet hours: a daily window in the user's own time zone during which non-urgent messages wait.

export interface QuietWindow {
  /** Minutes after local midnight, 0..1439. start > end: the window spans midnight (22:00 → 07:00). */
  startMinute: number;
  endMinute: number;
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: string;
}

/**
 * When a non-urgent message may go out: `now` outside the window, else the window's end. The end is found by
 * adding the minutes left in local time, so on a night the clocks change it is off by that hour (accepted).
 */
export function releaseTime(window: QuietWindow | null, now: Date): Date {
  if (!window || window.startMinute === window.endMinute) return now;
  const local = localTime(now, window.timeZone);
  const minute = local.hour * 60 + local.minute;
  const { startMinute: start, endMinute: end } = window;
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return now;
  const minutesLeft = (end - minute + 1440) % 1440;
  return new Date(now.getTime() + minutesLeft * 60_000 - local.second * 1000 - now.getUTCMilliseconds());
}

/** @throws RangeError for a time zone Intl does not know. */
export function assertTimeZone(timeZone: string): void {
  new Intl.DateTimeFormat('en', { timeZone });
}

function localTime(at: Date, timeZone: string): { hour: number; minute: number; second: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { hour: part('hour'), minute: part('minute'), second: part('second') };
}
