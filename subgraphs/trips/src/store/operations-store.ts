// The operations summary's SQL. Whole hours (whole UTC days for distinct drivers) are read from the rollups the
// triggers of migration operations_rollup keep in the transaction of every trip and offer change; only the partial
// hour (day) at each end of a range not aligned to them is read from trips and dispatch_offers themselves, through
// the same share functions the triggers use, so both halves count alike. Two statements per request, whatever the
// range, and no trip row reaches JavaScript. Hours are truncated in UTC, whatever the session's time zone.
import type { TripActorRole, TripStatus } from './prisma/client.js';
import type { Db } from './store.js';

/** Which trips and offers a summary counts. */
export interface OperationsScope {
  /** requestedAt (offers: offeredAt) ≥ from. */
  from: Date;
  /** requestedAt (offers: offeredAt) < to. */
  to: Date;
  /** Only these fleets (the fleet of the assigned / offered driver); null for every fleet. */
  fleetIds: readonly string[] | null;
  /** Only trips priced by this city's rules (cities.name), and the offers of those trips; null for every city. */
  city: string | null;
}

/** One group of the trips aggregate; which columns are set says which grouping set it belongs to. */
interface TripGroupRow {
  /** GROUPING(hour, status, currency): a bit per column that is aggregated away (1) rather than grouped by (0). */
  grouping: number;
  hour: Date | null;
  status: TripStatus | null;
  currency: string | null;
  trips: number;
  completed: number;
  cancelled: number;
  byRider: number;
  byDriver: number;
  byOperations: number;
  bySystem: number;
  /** Text: a bigint sum (fares of a year overflow 2^31). */
  revenueMinor: string;
  pickupSeconds: number | null;
  onTripSeconds: number;
  drivers: number;
}

export interface TripTotals {
  trips: number;
  completed: number;
  cancelled: number;
  pickupSeconds: number | null;
  onTripSeconds: number;
  drivers: number;
}

export interface TripAggregates {
  totals: TripTotals;
  byStatus: { status: TripStatus; count: number }[];
  byCancelledBy: { by: TripActorRole; count: number }[];
  /** Only hours with requests, oldest first. */
  byHour: { hour: Date; requested: number; completed: number; cancelled: number }[];
  /** Per currency, ascending; amounts as decimal strings (bigint sums). */
  revenue: { currency: string; amountMinor: string }[];
}

export interface OfferAggregates {
  made: number;
  accepted: number;
  /** Accepted, declined or expired: the offers a driver had the chance to answer in full. */
  answered: number;
}

// GROUPING() bits, hour first: 0b011 = grouped by hour only, and so on; 0b111 = the grand total.
const BY_HOUR = 0b011;
const BY_STATUS = 0b101;
const BY_CURRENCY = 0b110;
const TOTAL = 0b111;
/** The distinct drivers' row (not a grouping set). */
const DRIVERS = 0b1000;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** The rollups' fleet_id and pricing_rule_id of trips that have none (the nil UUID): never a fleet to summarise. */
export const ROLLUP_NONE = '00000000-0000-0000-0000-000000000000';

/** A half-open range of instants; empty when `from` equals `to`. */
interface Span {
  from: Date;
  to: Date;
}

/**
 * [from, to) as the whole hours (or UTC days) it contains, read from a rollup, and the parts before and after them,
 * read from the rows themselves. A range inside one unit is all `head`. UTC units have a fixed length in epoch time.
 */
export function splitRange(from: Date, to: Date, unitMs: number): { head: Span; whole: Span; tail: Span } {
  const wholeFrom = Math.ceil(from.getTime() / unitMs) * unitMs;
  const wholeTo = Math.floor(to.getTime() / unitMs) * unitMs;
  if (wholeFrom >= wholeTo) return { head: { from, to }, whole: { from: to, to }, tail: { from: to, to } };
  return {
    head: { from, to: new Date(wholeFrom) },
    whole: { from: new Date(wholeFrom), to: new Date(wholeTo) },
    tail: { from: new Date(wholeTo), to },
  };
}

/** Positional parameters of one statement, and the scope's conditions on a rollup or a raw table's alias. */
function statementParams(scope: OperationsScope) {
  const values: unknown[] = [];
  const add = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const fleets = scope.fleetIds ? add(scope.fleetIds.filter((id) => id !== ROLLUP_NONE)) : null;
  const city = scope.city !== null ? add(scope.city) : null;
  const rules = `(select r.id from "trips".pricing_rules r join "trips".cities c on c.id = r.city_id where c.name = ${city})`;
  return {
    values,
    add,
    /** Rollups and trips carry fleet_id and pricing_rule_id alike; offers get their rule from their trip (`t`). */
    where(fleetAlias: string, ruleAlias: string = fleetAlias): string {
      return (fleets ? ` and ${fleetAlias}.fleet_id = any(${fleets}::uuid[])` : '') + (city ? ` and ${ruleAlias}.pricing_rule_id in ${rules}` : '');
    },
    /** `column` in the head or the tail of a split range. */
    edges(column: string, split: { head: Span; tail: Span }): string {
      return `((${column} >= ${add(split.head.from)} and ${column} < ${add(split.head.to)}) or (${column} >= ${add(split.tail.from)} and ${column} < ${add(split.tail.to)}))`;
    },
  };
}

export function createOperationsStore(db: Db) {
  return {
    /**
     * Call first inside the summary's transaction. The aggregates' cost estimates on a year of trips pass PostgreSQL's
     * JIT threshold, and compiling them took seconds (bench/results/ops.md) for statements that run in far less.
     */
    async withoutJit(): Promise<void> {
      await db.$executeRawUnsafe('set local jit = off');
    },

    /** Cancels any later statement of this transaction that runs longer than `ms` (PostgreSQL error 57014). */
    async limitStatementTime(ms: number): Promise<void> {
      await db.$executeRawUnsafe(`set local statement_timeout = ${Math.max(1, Math.trunc(ms))}`);
    },

    /**
     * Counts, sums and averages of the trips requested in the scope, in one statement: GROUPING SETS over the rollup's
     * whole hours plus the edges' trips, and, UNION ALL, the number of distinct drivers in the driver rollup's whole
     * days UNION the edges' trips (a hashed UNION: faster than count(DISTINCT), which sorts).
     */
    async tripAggregates(scope: OperationsScope): Promise<TripAggregates> {
      const p = statementParams(scope);
      const hours = splitRange(scope.from, scope.to, HOUR_MS);
      const days = splitRange(scope.from, scope.to, DAY_MS);
      const rows = await db.$queryRawUnsafe<TripGroupRow[]>(
        `select grouping(hour, status, currency)::int as "grouping", hour, status::text as status, currency::text as currency,
                sum(trips)::int as trips,
                coalesce(sum(trips) filter (where status = 'COMPLETED'), 0)::int as completed,
                coalesce(sum(trips) filter (where status = 'CANCELLED'), 0)::int as cancelled,
                sum(cancelled_by_rider)::int as "byRider", sum(cancelled_by_driver)::int as "byDriver",
                sum(cancelled_by_operations)::int as "byOperations", sum(cancelled_by_system)::int as "bySystem",
                sum(revenue_minor)::text as "revenueMinor",
                -- avg() of the seconds as numeric, as the trips' own columns would give it
                (round(sum(pickup_ms)::numeric / 1000, 6) / nullif(sum(pickups), 0))::float8 as "pickupSeconds",
                round(coalesce(sum(on_trip_ms), 0)::numeric / 1000, 6)::float8 as "onTripSeconds",
                0 as drivers
         from (select h.hour, h.status, h.currency, h.trips, h.cancelled_by_rider, h.cancelled_by_driver, h.cancelled_by_operations,
                      h.cancelled_by_system, h.revenue_minor, h.pickups, h.pickup_ms, h.on_trip_ms
               from "trips".trip_hourly_rollup h
               where h.hour >= ${p.add(hours.whole.from)} and h.hour < ${p.add(hours.whole.to)}${p.where('h')}
               union all
               select s.hour, s.status, s.currency, s.trips, s.cancelled_by_rider, s.cancelled_by_driver, s.cancelled_by_operations,
                      s.cancelled_by_system, s.revenue_minor, s.pickups, s.pickup_ms, s.on_trip_ms
               from "trips".trips t cross join lateral "trips".trip_hourly_share(t, 1) s
               where ${p.edges('t.requested_at', hours)}${p.where('t')}) scoped
         group by grouping sets ((hour), (status), (currency), ())
         union all
         select ${DRIVERS}, null, null, null, 0, 0, 0, 0, 0, 0, 0, '0', null, 0, count(*)::int
         from (select d.driver_id from "trips".trip_driver_day_rollup d
               where d.day >= ${p.add(days.whole.from)} and d.day < ${p.add(days.whole.to)} and d.trips > 0${p.where('d')}
               union
               select t.driver_id from "trips".trips t
               where ${p.edges('t.requested_at', days)} and t.driver_id is not null${p.where('t')}) drivers`,
        ...p.values,
      );
      const totalRow = rows.find((r) => r.grouping === TOTAL);
      const driversRow = rows.find((r) => r.grouping === DRIVERS);
      const byCancelledBy: TripAggregates['byCancelledBy'] = totalRow
        ? [
            { by: 'RIDER', count: totalRow.byRider },
            { by: 'DRIVER', count: totalRow.byDriver },
            { by: 'OPERATIONS', count: totalRow.byOperations },
            { by: 'SYSTEM', count: totalRow.bySystem },
          ]
        : [];
      return {
        totals: {
          trips: totalRow?.trips ?? 0,
          completed: totalRow?.completed ?? 0,
          cancelled: totalRow?.cancelled ?? 0,
          pickupSeconds: totalRow?.pickupSeconds ?? null,
          onTripSeconds: totalRow?.onTripSeconds ?? 0,
          drivers: driversRow?.drivers ?? 0,
        },
        // A rollup row's status may have come and gone (a trip moved on): groups of no trips are left out.
        byStatus: rows.filter((r) => r.grouping === BY_STATUS && r.trips > 0).map((r) => ({ status: r.status!, count: r.trips })),
        byCancelledBy: byCancelledBy.filter((c) => c.count > 0),
        byHour: rows
          .filter((r) => r.grouping === BY_HOUR && r.trips > 0)
          .map((r) => ({ hour: r.hour!, requested: r.trips, completed: r.completed, cancelled: r.cancelled }))
          .sort((a, b) => a.hour.getTime() - b.hour.getTime()),
        revenue: rows
          .filter((r) => r.grouping === BY_CURRENCY && r.revenueMinor !== '0')
          .map((r) => ({ currency: r.currency!, amountMinor: r.revenueMinor }))
          .sort((a, b) => a.currency.localeCompare(b.currency)),
      };
    },

    /** The offers made in the scope's range to its fleets' drivers, for its city's trips, by outcome: whole hours from the rollup, the edges from the offers. */
    async offerAggregates(scope: OperationsScope): Promise<OfferAggregates> {
      const p = statementParams(scope);
      const hours = splitRange(scope.from, scope.to, HOUR_MS);
      const rows = await db.$queryRawUnsafe<OfferAggregates[]>(
        `select coalesce(sum(made), 0)::int as made, coalesce(sum(accepted), 0)::int as accepted, coalesce(sum(answered), 0)::int as answered
         from (select h.made, h.accepted, h.answered from "trips".offer_hourly_rollup h
               where h.hour >= ${p.add(hours.whole.from)} and h.hour < ${p.add(hours.whole.to)}${p.where('h')}
               union all
               select s.made, s.accepted, s.answered
               from "trips".dispatch_offers o left join "trips".trips t on t.id = o.trip_id
               cross join lateral "trips".offer_hourly_share(o, t.pricing_rule_id, 1) s
               where ${p.edges('o.offered_at', hours)}${p.where('o', 't')}) scoped`,
        ...p.values,
      );
      return rows[0] ?? { made: 0, accepted: 0, answered: 0 };
    },
  };
}
