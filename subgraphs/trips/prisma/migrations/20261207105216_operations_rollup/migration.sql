-- CreateTable
CREATE TABLE "trip_hourly_rollup" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "fleet_id" UUID NOT NULL,
    "pricing_rule_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "TripStatus" NOT NULL,
    "trips" INTEGER NOT NULL DEFAULT 0,
    "cancelled_by_rider" INTEGER NOT NULL DEFAULT 0,
    "cancelled_by_driver" INTEGER NOT NULL DEFAULT 0,
    "cancelled_by_operations" INTEGER NOT NULL DEFAULT 0,
    "cancelled_by_system" INTEGER NOT NULL DEFAULT 0,
    "revenue_minor" BIGINT NOT NULL DEFAULT 0,
    "pickups" INTEGER NOT NULL DEFAULT 0,
    "pickup_ms" BIGINT NOT NULL DEFAULT 0,
    "on_trip_ms" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "trip_hourly_rollup_pkey" PRIMARY KEY ("hour","fleet_id","pricing_rule_id","currency","status")
);

-- CreateTable
CREATE TABLE "trip_driver_day_rollup" (
    "day" TIMESTAMPTZ(3) NOT NULL,
    "fleet_id" UUID NOT NULL,
    "pricing_rule_id" UUID NOT NULL,
    "driver_id" UUID NOT NULL,
    "trips" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "trip_driver_day_rollup_pkey" PRIMARY KEY ("day","fleet_id","pricing_rule_id","driver_id")
);

-- CreateTable
CREATE TABLE "offer_hourly_rollup" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "fleet_id" UUID NOT NULL,
    "pricing_rule_id" UUID NOT NULL,
    "made" INTEGER NOT NULL DEFAULT 0,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "answered" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "offer_hourly_rollup_pkey" PRIMARY KEY ("hour","fleet_id","pricing_rule_id")
);

-- The operations summary's rollups (subgraphs/trips/OPERATIONS-SUMMARY.md), kept by statement triggers on trips and
-- dispatch_offers in the transaction of every change, whoever writes (the services, the seed, a bulk fix by hand).
-- A change takes away the old row's share and adds the new row's; shares of one statement are summed per key first,
-- keys whose sum is zero are skipped (an offer withdrawn, a trip updated without a change the summary sees), and the
-- rest are upserted in key order: two transactions touching the same rollup rows lock them in the same order.
-- Everything is qualified with "trips": the session's search_path is not trips' at run time.
-- The shares return the rollup tables' row types: a column added to a rollup table must be added here too.

-- A trip's share of trip_hourly_rollup, times direction (1 adds it, -1 takes it away).
CREATE FUNCTION "trips"."trip_hourly_share"(t "trips"."trips", direction int) RETURNS SETOF "trips"."trip_hourly_rollup"
LANGUAGE sql STABLE AS $$
  SELECT date_trunc('hour', t.requested_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
         coalesce(t.fleet_id, '00000000-0000-0000-0000-000000000000'::uuid),
         coalesce(t.pricing_rule_id, '00000000-0000-0000-0000-000000000000'::uuid),
         t.currency,
         t.status,
         direction,
         direction * (t.cancelled_by IS NOT DISTINCT FROM 'RIDER')::int,
         direction * (t.cancelled_by IS NOT DISTINCT FROM 'DRIVER')::int,
         direction * (t.cancelled_by IS NOT DISTINCT FROM 'OPERATIONS')::int,
         direction * (t.cancelled_by IS NOT DISTINCT FROM 'SYSTEM')::int,
         direction * (CASE t.status WHEN 'COMPLETED' THEN coalesce(t.fare_minor, 0)
                               WHEN 'CANCELLED' THEN coalesce(t.cancellation_fee_minor, 0) ELSE 0 END)::bigint,
         direction * (t.arrived_at IS NOT NULL)::int,
         direction * coalesce(round(extract(epoch FROM t.arrived_at - t.requested_at) * 1000), 0)::bigint,
         direction * coalesce(round(extract(epoch FROM coalesce(t.completed_at, t.cancelled_at) - t.assigned_at) * 1000), 0)::bigint
$$;

-- A trip's share of trip_driver_day_rollup (none before a driver is assigned).
CREATE FUNCTION "trips"."trip_driver_day_share"(t "trips"."trips", direction int) RETURNS SETOF "trips"."trip_driver_day_rollup"
LANGUAGE sql STABLE AS $$
  SELECT date_trunc('day', t.requested_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
         coalesce(t.fleet_id, '00000000-0000-0000-0000-000000000000'::uuid),
         coalesce(t.pricing_rule_id, '00000000-0000-0000-0000-000000000000'::uuid),
         t.driver_id,
         direction
  WHERE t.driver_id IS NOT NULL
$$;

-- An offer's share of offer_hourly_rollup; `rule` is its trip's pricing rule (fixed when the trip is requested).
CREATE FUNCTION "trips"."offer_hourly_share"(o "trips"."dispatch_offers", rule uuid, direction int) RETURNS SETOF "trips"."offer_hourly_rollup"
LANGUAGE sql STABLE AS $$
  SELECT date_trunc('hour', o.offered_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
         o.fleet_id,
         coalesce(rule, '00000000-0000-0000-0000-000000000000'::uuid),
         direction,
         direction * (o.status = 'ACCEPTED')::int,
         direction * (o.status IN ('ACCEPTED', 'DECLINED', 'EXPIRED'))::int
$$;

-- Adds shares to the rollups: summed per key, zero sums skipped, upserted in key order.
CREATE FUNCTION "trips"."add_trip_hourly_shares"(shares "trips"."trip_hourly_rollup"[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "trips"."trip_hourly_rollup" AS r
  SELECT s.hour, s.fleet_id, s.pricing_rule_id, s.currency, s.status, sum(s.trips), sum(s.cancelled_by_rider),
         sum(s.cancelled_by_driver), sum(s.cancelled_by_operations), sum(s.cancelled_by_system), sum(s.revenue_minor),
         sum(s.pickups), sum(s.pickup_ms), sum(s.on_trip_ms)
  FROM unnest(shares) s
  GROUP BY s.hour, s.fleet_id, s.pricing_rule_id, s.currency, s.status
  HAVING sum(s.trips) <> 0 OR sum(s.cancelled_by_rider) <> 0 OR sum(s.cancelled_by_driver) <> 0
      OR sum(s.cancelled_by_operations) <> 0 OR sum(s.cancelled_by_system) <> 0 OR sum(s.revenue_minor) <> 0
      OR sum(s.pickups) <> 0 OR sum(s.pickup_ms) <> 0 OR sum(s.on_trip_ms) <> 0
  ORDER BY s.hour, s.fleet_id, s.pricing_rule_id, s.currency, s.status
  ON CONFLICT (hour, fleet_id, pricing_rule_id, currency, status) DO UPDATE SET
    trips = r.trips + excluded.trips,
    cancelled_by_rider = r.cancelled_by_rider + excluded.cancelled_by_rider,
    cancelled_by_driver = r.cancelled_by_driver + excluded.cancelled_by_driver,
    cancelled_by_operations = r.cancelled_by_operations + excluded.cancelled_by_operations,
    cancelled_by_system = r.cancelled_by_system + excluded.cancelled_by_system,
    revenue_minor = r.revenue_minor + excluded.revenue_minor,
    pickups = r.pickups + excluded.pickups,
    pickup_ms = r.pickup_ms + excluded.pickup_ms,
    on_trip_ms = r.on_trip_ms + excluded.on_trip_ms
$$;

CREATE FUNCTION "trips"."add_trip_driver_day_shares"(shares "trips"."trip_driver_day_rollup"[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "trips"."trip_driver_day_rollup" AS r
  SELECT s.day, s.fleet_id, s.pricing_rule_id, s.driver_id, sum(s.trips)
  FROM unnest(shares) s
  GROUP BY s.day, s.fleet_id, s.pricing_rule_id, s.driver_id
  HAVING sum(s.trips) <> 0
  ORDER BY s.day, s.fleet_id, s.pricing_rule_id, s.driver_id
  ON CONFLICT (day, fleet_id, pricing_rule_id, driver_id) DO UPDATE SET trips = r.trips + excluded.trips
$$;

CREATE FUNCTION "trips"."add_offer_hourly_shares"(shares "trips"."offer_hourly_rollup"[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "trips"."offer_hourly_rollup" AS r
  SELECT s.hour, s.fleet_id, s.pricing_rule_id, sum(s.made), sum(s.accepted), sum(s.answered)
  FROM unnest(shares) s
  GROUP BY s.hour, s.fleet_id, s.pricing_rule_id
  HAVING sum(s.made) <> 0 OR sum(s.accepted) <> 0 OR sum(s.answered) <> 0
  ORDER BY s.hour, s.fleet_id, s.pricing_rule_id
  ON CONFLICT (hour, fleet_id, pricing_rule_id) DO UPDATE SET
    made = r.made + excluded.made, accepted = r.accepted + excluded.accepted, answered = r.answered + excluded.answered
$$;

-- One function for the INSERT, UPDATE and DELETE triggers of trips; each reads only the transition tables its
-- trigger has. Tables in a fixed order (trip hours, then driver days) so transactions lock them alike.
CREATE FUNCTION "trips"."roll_up_trip_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  hours "trips"."trip_hourly_rollup"[] := '{}';
  days "trips"."trip_driver_day_rollup"[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    hours := hours || ARRAY(SELECT s FROM old_rows o CROSS JOIN LATERAL "trips"."trip_hourly_share"(o, -1) s);
    days := days || ARRAY(SELECT s FROM old_rows o CROSS JOIN LATERAL "trips"."trip_driver_day_share"(o, -1) s);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    hours := hours || ARRAY(SELECT s FROM new_rows n CROSS JOIN LATERAL "trips"."trip_hourly_share"(n, 1) s);
    days := days || ARRAY(SELECT s FROM new_rows n CROSS JOIN LATERAL "trips"."trip_driver_day_share"(n, 1) s);
  END IF;
  IF cardinality(hours) > 0 THEN
    PERFORM "trips"."add_trip_hourly_shares"(hours);
  END IF;
  IF cardinality(days) > 0 THEN
    PERFORM "trips"."add_trip_driver_day_shares"(days);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "trips"."roll_up_offer_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  hours "trips"."offer_hourly_rollup"[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    hours := hours || ARRAY(SELECT s FROM old_rows o LEFT JOIN "trips"."trips" t ON t.id = o.trip_id
                            CROSS JOIN LATERAL "trips"."offer_hourly_share"(o, t.pricing_rule_id, -1) s);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    hours := hours || ARRAY(SELECT s FROM new_rows n LEFT JOIN "trips"."trips" t ON t.id = n.trip_id
                            CROSS JOIN LATERAL "trips"."offer_hourly_share"(n, t.pricing_rule_id, 1) s);
  END IF;
  IF cardinality(hours) > 0 THEN
    PERFORM "trips"."add_offer_hourly_shares"(hours);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "trips_roll_up_inserts" AFTER INSERT ON "trips"."trips"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "trips"."roll_up_trip_changes"();
CREATE TRIGGER "trips_roll_up_updates" AFTER UPDATE ON "trips"."trips"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "trips"."roll_up_trip_changes"();
CREATE TRIGGER "trips_roll_up_deletes" AFTER DELETE ON "trips"."trips"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "trips"."roll_up_trip_changes"();
CREATE TRIGGER "dispatch_offers_roll_up_inserts" AFTER INSERT ON "trips"."dispatch_offers"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "trips"."roll_up_offer_changes"();
CREATE TRIGGER "dispatch_offers_roll_up_updates" AFTER UPDATE ON "trips"."dispatch_offers"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "trips"."roll_up_offer_changes"();
CREATE TRIGGER "dispatch_offers_roll_up_deletes" AFTER DELETE ON "trips"."dispatch_offers"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "trips"."roll_up_offer_changes"();

-- Refills the three rollups from trips and dispatch_offers: the backfill below, and the bench after its seed
-- (which loads with triggers off). Set-based: one aggregate per table, not the triggers' arrays.
CREATE FUNCTION "trips"."rebuild_operations_rollups"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "trips"."trip_hourly_rollup";
  DELETE FROM "trips"."trip_driver_day_rollup";
  DELETE FROM "trips"."offer_hourly_rollup";
  INSERT INTO "trips"."trip_hourly_rollup"
  SELECT s.hour, s.fleet_id, s.pricing_rule_id, s.currency, s.status, sum(s.trips), sum(s.cancelled_by_rider),
         sum(s.cancelled_by_driver), sum(s.cancelled_by_operations), sum(s.cancelled_by_system), sum(s.revenue_minor),
         sum(s.pickups), sum(s.pickup_ms), sum(s.on_trip_ms)
  FROM "trips"."trips" t CROSS JOIN LATERAL "trips"."trip_hourly_share"(t, 1) s
  GROUP BY s.hour, s.fleet_id, s.pricing_rule_id, s.currency, s.status;
  INSERT INTO "trips"."trip_driver_day_rollup"
  SELECT s.day, s.fleet_id, s.pricing_rule_id, s.driver_id, sum(s.trips)
  FROM "trips"."trips" t CROSS JOIN LATERAL "trips"."trip_driver_day_share"(t, 1) s
  GROUP BY s.day, s.fleet_id, s.pricing_rule_id, s.driver_id;
  INSERT INTO "trips"."offer_hourly_rollup"
  SELECT s.hour, s.fleet_id, s.pricing_rule_id, sum(s.made), sum(s.accepted), sum(s.answered)
  FROM "trips"."dispatch_offers" o LEFT JOIN "trips"."trips" t ON t.id = o.trip_id
  CROSS JOIN LATERAL "trips"."offer_hourly_share"(o, t.pricing_rule_id, 1) s
  GROUP BY s.hour, s.fleet_id, s.pricing_rule_id;
$$;

SELECT "trips"."rebuild_operations_rollups"();
