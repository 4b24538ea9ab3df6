// The operations summary's online numbers (OperationsSummary.driversOnline / driverHoursOnline): one aggregate
// statement over the shifts overlapping a range. Served by `attendances_shift_span_idx` (GiST on the shift's span,
// migration 20261207140000_shift_ranges: the WHERE repeats its expression) and, per shift, by the breaks' index on
// (attendance_id, started_at).
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
        ), online as (
          select sh.driver_id,
                 sh.e - sh.s - coalesce((
                   select sum(greatest(least(coalesce(b.ended_at, ${now}::timestamptz), sh.e) - greatest(b.started_at, sh.s), interval '0'))
                     from fleet.breaks b
                    where b.attendance_id = sh.id and b.started_at < sh.e
                 ), interval '0') as span
            from shift sh
           where sh.e > sh.s
        )
        select count(distinct driver_id)::int as drivers,
               coalesce(sum(extract(epoch from span)), 0)::float8 as online_seconds
          from online`;
      return { drivers: row?.drivers ?? 0, onlineSeconds: row?.online_seconds ?? 0 };
    },
  };
}
