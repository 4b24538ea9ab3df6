// The year of trips `npm run bench:ops` summarises, written by PostgreSQL itself (INSERT … SELECT over
// generate_series; nothing row by row from Node). One city ("Bench City", KES, ECONOMY and COMFORT rules), DRIVERS
// drivers in 20 fleets, TRIPS trips spread evenly over the 365 days before `to`, with this mix:
//   86 % COMPLETED · 6 % cancelled by the rider before a driver · 3 % cancelled by the driver · 2 % cancelled by the
//   rider after the driver arrived (fee) · 3 % cancelled by SYSTEM (no driver).
// Offers: one ACCEPTED per trip that had a driver, plus a DECLINED or EXPIRED one for about 30 % of the trips.
// Secondary indexes are dropped for the load and built again after it (the same definitions the migrations made),
// and triggers are off for the load (session_replication_role = replica: foreign keys, every id being a seeded
// one, and the operations rollup triggers, whose per-statement arrays are made for a few rows, not millions): that is
// what makes a five-million-row seed take minutes rather than an hour on a small machine. The rollups are then filled
// from the seeded rows by trips.rebuild_operations_rollups(), the migration's own backfill. Trip and offer ids are
// sequential UUIDs for the same reason; nothing the summary reads depends on ids.
import type pg from 'pg';

export const BENCH_CITY = 'Bench City';
const CITY_ID = '00000000-0000-4000-8000-00000000c001';
const ECONOMY_RULE = '00000000-0000-4000-8000-00000000c011';
const COMFORT_RULE = '00000000-0000-4000-8000-00000000c012';
export const FLEETS = 20;

/** Fleet n's id (0 ≤ n < FLEETS): the same derivation as the seed's. */
export const fleetIdOf = (n: number) => `00000000-0000-4000-8000-f${n.toString(16).padStart(11, '0')}`;

export interface SeedTimings {
  tripsMs: number;
  offersMs: number;
  indexesMs: number;
  rollupsMs: number;
  analyzeMs: number;
  trips: number;
  offers: number;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await work();
  return Date.now() - started;
}

export async function seedYearOfTrips(
  client: pg.Client,
  options: { trips: number; drivers: number; to: Date; log: (m: string) => void },
): Promise<SeedTimings> {
  const { trips, drivers, to, log } = options;
  await client.query(
    `insert into trips.cities (id, name, center_latitude, center_longitude, radius_meters, currency, road_factor_percent, average_speed_kph)
     values ($1, $2, -1.29, 36.82, 40000, 'KES', 130, 30)`,
    [CITY_ID, BENCH_CITY],
  );
  await client.query(
    `insert into trips.pricing_rules (id, city_id, category, base_fare_minor, per_km_minor, per_minute_minor, minimum_fare_minor, cancellation_fee_minor, free_cancellation_seconds,
       version, surge_cap_tenths, effective_from)
     values ($1, $3, 'ECONOMY', 10000, 5000, 400, 20000, 15000, 120, 1, 30, '2000-01-01'),
            ($2, $3, 'COMFORT', 15000, 7000, 600, 30000, 20000, 120, 1, 30, '2000-01-01')`,
    [ECONOMY_RULE, COMFORT_RULE, CITY_ID],
  );
  await client.query(
    `create temporary table bench_drivers as
     select d, md5('driver' || d)::uuid as driver_id, md5('user' || d)::uuid as user_id, md5('vehicle' || d)::uuid as vehicle_id,
            ('00000000-0000-4000-8000-f' || lpad(to_hex(d % ${FLEETS}), 11, '0'))::uuid as fleet_id
     from generate_series(0, $1 - 1) d`,
    [drivers],
  );
  await client.query('create unique index on bench_drivers (d)');

  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `select indexname as name, indexdef as definition from pg_indexes
     where schemaname = 'trips' and tablename in ('trips', 'dispatch_offers') and indexname not like '%\\_pkey'`,
  );
  for (const index of indexes) await client.query(`drop index trips."${index.name}"`);

  await client.query(`set session_replication_role = replica`);
  log(`seeding ${trips.toLocaleString('en-US')} trips`);
  const tripsMs = await timed(() =>
    client.query(
      `insert into trips.trips (id, rider_user_id, driver_id, driver_user_id, fleet_id, vehicle_id, category, status, fare_minor, currency,
         distance_meters, requested_at, completed_at, updated_at, pricing_rule_id, assigned_at, arrived_at, started_at, cancelled_at,
         cancelled_by, cancellation_reason, cancellation_fee_minor)
       select ('00000000-0000-4000-a000-' || lpad(to_hex(i), 12, '0'))::uuid, md5('rider' || (i % 200000))::uuid,
         case when k >= 2 then dr.driver_id end, case when k >= 2 then dr.user_id end, case when k >= 2 then dr.fleet_id end,
         case when k >= 2 then dr.vehicle_id end,
         (case when i % 5 = 0 then 'COMFORT' else 'ECONOMY' end)::trips."VehicleCategory",
         (case when k = 4 then 'COMPLETED' else 'CANCELLED' end)::trips."TripStatus",
         case when k = 4 then 20000 + (i * 7919) % 180000 end, 'KES', case when k = 4 then 1000 + (i * 104729) % 29000 end,
         at, case when k = 4 then at + make_interval(secs => 900 + i % 2400) end, at + interval '1 hour',
         (case when i % 5 = 0 then $3 else $4 end)::uuid,
         case when k >= 2 then at + make_interval(secs => 20 + i % 100) end,
         case when k >= 3 then at + make_interval(secs => 140 + i % 500) end,
         case when k = 4 then at + make_interval(secs => 200 + i % 600) end,
         case when k < 4 then at + make_interval(secs => 60 + i % 400) end,
         (case k when 0 then 'SYSTEM' when 1 then 'RIDER' when 2 then 'DRIVER' when 3 then 'RIDER' end)::trips."TripActorRole",
         case when k = 0 then 'NO_DRIVER_AVAILABLE' end,
         case when k = 3 then 15000 end
       from generate_series(1::bigint, $1::bigint) i
       cross join lateral (select case when i % 100 < 3 then 0 when i % 100 < 9 then 1 when i % 100 < 12 then 2 when i % 100 < 14 then 3 else 4 end as k,
                                  $2::timestamptz - interval '365 days' * (1 - i::float8 / $1) as at) s
       join bench_drivers dr on dr.d = (i * 2654435761) % $5`,
      [trips, to, COMFORT_RULE, ECONOMY_RULE, drivers],
    ),
  );

  log('seeding offers');
  let offers = 0;
  const offersMs = await timed(async () => {
    const accepted = await client.query(
      `insert into trips.dispatch_offers (id, trip_id, driver_id, driver_user_id, fleet_id, status, offered_at, expires_at, responded_at)
       select ('00000000-0000-4000-b000-' || substr(id::text, 25))::uuid, id, driver_id, driver_user_id, fleet_id, 'ACCEPTED',
              assigned_at - interval '8 seconds', assigned_at + interval '12 seconds', assigned_at
       from trips.trips where driver_id is not null`,
    );
    const refused = await client.query(
      `insert into trips.dispatch_offers (id, trip_id, driver_id, driver_user_id, fleet_id, status, offered_at, expires_at, responded_at)
       select ('00000000-0000-4000-c000-' || substr(t.id::text, 25))::uuid, t.id, dr.driver_id, dr.user_id, dr.fleet_id,
              (case when n % 2 = 0 then 'DECLINED' else 'EXPIRED' end)::trips."OfferStatus",
              t.requested_at + interval '1 second', t.requested_at + interval '21 seconds',
              case when n % 2 = 0 then t.requested_at + interval '9 seconds' end
       from trips.trips t
       cross join lateral (select ('x' || substr(t.id::text, 25))::bit(48)::bigint as n) s
       join bench_drivers dr on dr.d = (s.n * 40503) % $1
       where s.n % 10 < 3`,
      [drivers],
    );
    offers = (accepted.rowCount ?? 0) + (refused.rowCount ?? 0);
  });
  await client.query(`set session_replication_role = origin`);

  log(`building ${indexes.length} indexes`);
  const indexesMs = await timed(async () => {
    for (const index of indexes) await client.query(index.definition);
  });
  log('filling the operations rollups');
  const rollupsMs = await timed(() => client.query('select trips.rebuild_operations_rollups()'));
  log('vacuum analyze');
  const analyzeMs = await timed(() =>
    client.query(
      'vacuum analyze trips.trips, trips.dispatch_offers, trips.pricing_rules, trips.cities, trips.trip_hourly_rollup, trips.trip_driver_day_rollup, trips.offer_hourly_rollup',
    ),
  );
  return { tripsMs, offersMs, indexesMs, rollupsMs, analyzeMs, trips, offers };
}
