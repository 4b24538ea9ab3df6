// The operations summary's SQL: every number is aggregated by PostgreSQL (GROUP BY GROUPING SETS over one range
// scan of trips, one aggregate over the range's offers), so a request costs the same few statements for an hour or
// a year, and no trip row ever reaches JavaScript. Hours are truncated in UTC, whatever the session's time zone.
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
  /** Only trips priced by this city's rules (cities.name); null for every city. */
  city: string | null;
  /**
   * How long after its request a trip can still be offered to a driver (the dispatch timeout plus slack): bounds the
   * trips an offer of the range can belong to, so a city's offers are found by a hash join over a range of trips
   * rather than a lookup per offer.
   */
  offerLookbackSeconds: number;
}

/** One group of the trips aggregate; which columns are set says which grouping set it belongs to. */
interface TripGroupRow {
  /** GROUPING(hour, status, cancelled_by, currency): a bit per column that is aggregated away (1) rather than grouped by (0). */
  grouping: number;
  hour: Date | null;
  status: TripStatus | null;
  cancelledBy: TripActorRole | null;
  currency: string | null;
  trips: number;
  completed: number;
  cancelled: number;
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

// GROUPING() bits, hour first: 0b0111 = grouped by hour only, and so on; 0b1111 = the grand total.
const BY_HOUR = 0b0111;
const BY_STATUS = 0b1011;
const BY_CANCELLED_BY = 0b1101;
const BY_CURRENCY = 0b1110;
const TOTAL = 0b1111;

const CITY_RULES = (param: string) => `(select r.id from "trips".pricing_rules r join "trips".cities c on c.id = r.city_id where c.name = ${param})`;

/** The WHERE of both statements after the range, and its parameters from $3 on. */
function scopeFilter(scope: OperationsScope, alias: 't' | 'o'): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  let sql = '';
  if (scope.fleetIds) {
    params.push([...scope.fleetIds]);
    sql += ` and ${alias}.fleet_id = any($${params.length + 2}::uuid[])`;
  }
  if (scope.city !== null) {
    params.push(scope.city);
    const rules = CITY_RULES(`$${params.length + 2}`);
    if (alias === 't') sql += ` and t.pricing_rule_id in ${rules}`;
    else {
      // An offer is made after its trip's request and at most offerLookbackSeconds later.
      params.push(scope.offerLookbackSeconds);
      sql += ` and o.trip_id in (select t.id from "trips".trips t where t.requested_at >= $1::timestamptz - make_interval(secs => $${params.length + 2}::int)
               and t.requested_at < $2 and t.pricing_rule_id in ${rules})`;
    }
  }
  return { sql, params };
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

    /** Counts, sums and averages of the trips requested in the scope, in one statement. */
    async tripAggregates(scope: OperationsScope): Promise<TripAggregates> {
      const filter = scopeFilter(scope, 't');
      // count(distinct) only in the grand total: PostgreSQL computes it from the same sorted input.
      const rows = await db.$queryRawUnsafe<TripGroupRow[]>(
        `select grouping(hour, status, cancelled_by, currency)::int as "grouping", hour, status::text as status,
                cancelled_by::text as "cancelledBy", currency::text as currency,
                count(*)::int as trips,
                (count(*) filter (where status = 'COMPLETED'))::int as completed,
                (count(*) filter (where status = 'CANCELLED'))::int as cancelled,
                (coalesce(sum(fare_minor::bigint) filter (where status = 'COMPLETED'), 0)
                  + coalesce(sum(cancellation_fee_minor::bigint) filter (where status = 'CANCELLED'), 0))::text as "revenueMinor",
                avg(extract(epoch from arrived_at - requested_at))::float8 as "pickupSeconds",
                coalesce(sum(extract(epoch from ended_at - assigned_at)), 0)::float8 as "onTripSeconds",
                0 as drivers
         from (select date_trunc('hour', t.requested_at at time zone 'UTC') at time zone 'UTC' as hour, t.status, t.cancelled_by,
                      t.currency, t.fare_minor, t.cancellation_fee_minor, t.requested_at, t.arrived_at, t.assigned_at,
                      coalesce(t.completed_at, t.cancelled_at) as ended_at
               from "trips".trips t
               where t.requested_at >= $1 and t.requested_at < $2${filter.sql}) scoped
         group by grouping sets ((hour), (status), (cancelled_by), (currency), ())
         union all
         select ${TOTAL + 16}, null, null, null, null, 0, 0, 0, '0', null, 0, count(distinct t.driver_id)::int
         from "trips".trips t
         where t.requested_at >= $1 and t.requested_at < $2${filter.sql}`,
        scope.from,
        scope.to,
        ...filter.params,
      );
      const totalRow = rows.find((r) => r.grouping === TOTAL);
      const driversRow = rows.find((r) => r.grouping === TOTAL + 16);
      return {
        totals: {
          trips: totalRow?.trips ?? 0,
          completed: totalRow?.completed ?? 0,
          cancelled: totalRow?.cancelled ?? 0,
          pickupSeconds: totalRow?.pickupSeconds ?? null,
          onTripSeconds: totalRow?.onTripSeconds ?? 0,
          drivers: driversRow?.drivers ?? 0,
        },
        byStatus: rows.filter((r) => r.grouping === BY_STATUS).map((r) => ({ status: r.status!, count: r.trips })),
        byCancelledBy: rows.filter((r) => r.grouping === BY_CANCELLED_BY && r.cancelledBy !== null).map((r) => ({ by: r.cancelledBy!, count: r.trips })),
        byHour: rows
          .filter((r) => r.grouping === BY_HOUR)
          .map((r) => ({ hour: r.hour!, requested: r.trips, completed: r.completed, cancelled: r.cancelled }))
          .sort((a, b) => a.hour.getTime() - b.hour.getTime()),
        revenue: rows
          .filter((r) => r.grouping === BY_CURRENCY && r.revenueMinor !== '0')
          .map((r) => ({ currency: r.currency!, amountMinor: r.revenueMinor }))
          .sort((a, b) => a.currency.localeCompare(b.currency)),
      };
    },

    /** The offers made in the scope's range to its fleets' drivers, for its city's trips, by outcome. */
    async offerAggregates(scope: OperationsScope): Promise<OfferAggregates> {
      const filter = scopeFilter(scope, 'o');
      const rows = await db.$queryRawUnsafe<OfferAggregates[]>(
        `select count(*)::int as made,
                (count(*) filter (where o.status = 'ACCEPTED'))::int as accepted,
                (count(*) filter (where o.status in ('ACCEPTED', 'DECLINED', 'EXPIRED')))::int as answered
         from "trips".dispatch_offers o
         where o.offered_at >= $1 and o.offered_at < $2${filter.sql}`,
        scope.from,
        scope.to,
        ...filter.params,
      );
      return rows[0] ?? { made: 0, accepted: 0, answered: 0 };
    },
  };
}
