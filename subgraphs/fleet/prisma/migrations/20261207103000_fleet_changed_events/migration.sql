-- fleet.changed (platform/events/catalogue.ts), written by triggers in the transaction of the change (an insert; a
-- change of name or city): createFleet, updateFleet, the demo seed and anything added later emit it, none can forget
-- it. identity keeps which fleets exist from it (onboardDriver refuses an unknown fleet). Hand-written: Prisma's
-- schema does not describe triggers, so the schema snapshot is the previous migration's.
CREATE FUNCTION "emit_fleet_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Qualified by the trigger's own schema: the session's search_path is not fleet's at run time.
  EXECUTE format('INSERT INTO %I.outbox_events (id, type, payload, occurred_at) VALUES (gen_random_uuid(), $1, $2, now())', TG_TABLE_SCHEMA)
    USING 'fleet.changed', jsonb_build_object(
      'fleetId', NEW.id::text,
      'name', NEW.name,
      'city', NEW.city,
      'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
  RETURN NULL;
END
$$;

CREATE TRIGGER "fleets_emit_created" AFTER INSERT ON "fleets"
  FOR EACH ROW EXECUTE FUNCTION "emit_fleet_changed"();

CREATE TRIGGER "fleets_emit_changed" AFTER UPDATE OF "name", "city" ON "fleets"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."city" IS DISTINCT FROM NEW."city")
  EXECUTE FUNCTION "emit_fleet_changed"();

-- Fleets made before this event existed: announce them once, so identity knows every fleet.
INSERT INTO "outbox_events" (id, type, payload, occurred_at)
SELECT gen_random_uuid(), 'fleet.changed',
       jsonb_build_object('fleetId', id::text, 'name', name, 'city', city,
                          'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
       now()
FROM "fleets";
