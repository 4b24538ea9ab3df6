-- user.name.changed (platform/events/catalogue.ts): an account's display name as it is now, on creation and on
-- every change of it, written by triggers in the transaction of the change like user.registered — phone sign-in,
-- registration, onboarding, updateMe, the demo seed and anything added later emit it, none can forget it. fleet keeps
-- the names of drivers from it, so `Driver.name` needs no hop to identity. Hand-written: Prisma's schema does not
-- describe triggers, so the schema snapshot is the previous migration's.
--
-- The time is clock_timestamp(), not now() (the transaction's start) as the older events use: consumers keep the
-- newest name by this time, and of two transactions renaming one account the one that started first can commit last
-- (it waited for the row lock) — with now() its newer name would carry the older time and lose.
CREATE FUNCTION "emit_user_name_event"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- Whole milliseconds: occurred_at keeps 3 digits (rounding) and the payload prints 3 (cutting); both the same value.
  changed_at timestamptz := date_trunc('milliseconds', clock_timestamp());
BEGIN
  -- Qualified by the trigger's own schema: the session's search_path is not identity's at run time.
  EXECUTE format('INSERT INTO %I.outbox_events (id, type, payload, occurred_at) VALUES (gen_random_uuid(), $1, $2, $3)', TG_TABLE_SCHEMA)
    USING 'user.name.changed', jsonb_build_object(
      'userId', NEW.id::text,
      'name', NEW.name,
      'occurredAt', to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), changed_at;
  RETURN NULL;
END
$$;

CREATE TRIGGER "users_emit_name_registered" AFTER INSERT ON "users"
  FOR EACH ROW EXECUTE FUNCTION "emit_user_name_event"();

CREATE TRIGGER "users_emit_name_changed" AFTER UPDATE OF "name" ON "users"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name")
  EXECUTE FUNCTION "emit_user_name_event"();

-- Names of accounts made before this event existed, once, so fleet learns every name (of drivers to come too).
INSERT INTO "outbox_events" (id, type, payload, occurred_at)
SELECT gen_random_uuid(), 'user.name.changed',
       jsonb_build_object('userId', id::text, 'name', name,
                          'occurredAt', to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
       changed_at
FROM "users", LATERAL (SELECT date_trunc('milliseconds', clock_timestamp()) AS changed_at) AS t;
