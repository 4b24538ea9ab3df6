// The operations summary's online numbers (OperationsSummary.driversOnline / driverHoursOnline): one aggregate
// statement over the shifts overlapping a range. Served by two GiST indexes on spans (migration
// 20261207140000_shift_ranges; the WHERE repeats their expressions): `attendances_shift_span_idx` (check-in →
// check-out) and `breaks_span_idx` (start → end), the breaks then hash-joined to their shifts.
import type { OperationsScope } from '../../../../platform/operations-summary/index.js';
import type { Db } from './store.js';

export interface OnlineTotals {
  /** Distinct drivers with at least a moment of shift inside the range. */
  drivers: number;
  /** Shift time inside the range minus the breaks inside it, in seconds (to the millisecond). */
  onlineSeconds: number;
}

export function createShiftSummaryStore(db: Db) {
  return {
    /** `set local …` statements of the summary's read transaction (platform/operations-summary time-limit.ts). */
    async applySettings(settings: readonly string[]): Promise<void> {
      for (const setting of settings) await db.$executeRawUnsafe(setting);
    },

    /**
     * A shift is check-in → check-out (`now` while open) of the fleet checked in with; it is cut to [from, to), and its
     * breaks (an open one lasting until `now`) are cut to the cut shift and taken off. City scope: fleets whose
     * `city` is that name.
     */
    async onlineTotals(scope: OperationsScope, now: Date): Promise<OnlineTotals> {
      const fleetIds = scope.fleetIds === null ? null : [...scope.fleetIds];
      const [row] = await db.$queryRaw<{ drivers: number; online_seconds: number }[]>`
        with shift as (
          select a.id, a.driver_id,
                 greatest(a.created_at, ${scope.from}::timestamptz) as s,
                 least(coalesce(a.check_out_at, ${now}::timestamptz), ${scope.to}::timestamptz) as e
            from fleet.attendances a
           where tstzrange(least(a.created_at, a.check_out_at), a.check_out_at, '[)') && tstzrange(${scope.from}::timestamptz, ${scope.to}::timestamptz, '[)')
             and (${fleetIds}::uuid[] is null or a.fleet_id = any(${fleetIds}::uuid[]))
             and (${scope.city}::text is null or a.fleet_id in (select f.id from fleet.fleets f where f.city = ${scope.city}::text))
        ), paused as (
          -- The range's breaks (by their own span index) joined to the range's shifts by hash, each cut to its cut shift:
          -- one lookup per break per shift would cost a month of shifts tens of thousands of index probes.
          select sum(greatest(least(coalesce(b.ended_at, ${now}::timestamptz), sh.e) - greatest(b.started_at, sh.s), interval '0')) as span
            from shift sh
            join fleet.breaks b on b.attendance_id = sh.id
           where tstzrange(least(b.started_at, b.ended_at), b.ended_at, '[)') && tstzrange(${scope.from}::timestamptz, ${scope.to}::timestamptz, '[)')
        )
        select count(distinct sh.driver_id)::int as drivers,
               (coalesce(sum(extract(epoch from sh.e - sh.s)), 0) - coalesce((select extract(epoch from span) from paused), 0))::float8 as online_seconds
          from shift sh
         where sh.e > sh.s`;
      return { drivers: row?.drivers ?? 0, onlineSeconds: row?.online_seconds ?? 0 };
    },
  };
}
