-- CreateTable
CREATE TABLE "outbox_events" (
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbox_events_published_at_occurred_at_idx" ON "outbox_events"("published_at", "occurred_at");

-- user.registered / user.changed (platform/events/catalogue.ts), written by triggers in the transaction of the
-- change (an insert; a change of roles or of active): every way an account is made or changed (phone sign-in,
-- registration, staff creation, setUserRoles, deactivateUser, the demo seed, anything added later) emits the event,
-- and none can forget it. The payload is what outboxEvent() would write.
CREATE FUNCTION "emit_user_event"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event_type text := CASE TG_OP WHEN 'INSERT' THEN 'user.registered' ELSE 'user.changed' END;
BEGIN
  -- Qualified by the trigger's own schema: the session's search_path is not identity's at run time.
  EXECUTE format('INSERT INTO %I.outbox_events (id, type, payload, occurred_at) VALUES (gen_random_uuid(), $1, $2, now())', TG_TABLE_SCHEMA)
    USING event_type, jsonb_build_object(
      'userId', NEW.id::text,
      'roles', COALESCE(to_jsonb(NEW.roles), '[]'::jsonb),
      'active', NEW.active,
      'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
  RETURN NULL;
END
$$;

CREATE TRIGGER "users_emit_registered" AFTER INSERT ON "users"
  FOR EACH ROW EXECUTE FUNCTION "emit_user_event"();

CREATE TRIGGER "users_emit_changed" AFTER UPDATE OF "roles", "active" ON "users"
  FOR EACH ROW WHEN (OLD."roles" IS DISTINCT FROM NEW."roles" OR OLD."active" IS DISTINCT FROM NEW."active")
  EXECUTE FUNCTION "emit_user_event"();

-- Accounts made before these events existed: announce them once, so consumers know every user.
INSERT INTO "outbox_events" (id, type, payload, occurred_at)
SELECT gen_random_uuid(), 'user.registered',
       jsonb_build_object('userId', id::text, 'roles', COALESCE(to_jsonb(roles), '[]'::jsonb), 'active', active,
                          'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
       now()
FROM "users";
