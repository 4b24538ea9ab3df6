-- Events notifications needs (platform/events/catalogue.ts), written by triggers in the transaction of the change,
-- like user.registered: every code path that signs in, ends a session, changes a password or a contact emits them.
--   user.contact.changed  — an account's phone or email as it is now (on insert and on change): where to send
--                           email and SMS.
--   session.started       — a device signed in (security notice "new sign-in", push devices tied to it).
--   session.ended         — a session was revoked, with the reason (its push devices stop; security notices).
--   user.password.changed — a password that existed was replaced (security notice).
CREATE FUNCTION "emit_user_contact_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('INSERT INTO %I.outbox_events (id, type, payload, occurred_at) VALUES (gen_random_uuid(), $1, $2, now())', TG_TABLE_SCHEMA)
    USING 'user.contact.changed', jsonb_build_object(
      'userId', NEW.id::text,
      'phone', NEW.phone,
      'email', NEW.email,
      'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
  RETURN NULL;
END
$$;

CREATE TRIGGER "users_emit_contact_registered" AFTER INSERT ON "users"
  FOR EACH ROW EXECUTE FUNCTION "emit_user_contact_event"();

CREATE TRIGGER "users_emit_contact_changed" AFTER UPDATE OF "phone", "email" ON "users"
  FOR EACH ROW WHEN (OLD."phone" IS DISTINCT FROM NEW."phone" OR OLD."email" IS DISTINCT FROM NEW."email")
  EXECUTE FUNCTION "emit_user_contact_event"();

CREATE FUNCTION "emit_password_changed_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('INSERT INTO %I.outbox_events (id, type, payload, occurred_at) VALUES (gen_random_uuid(), $1, $2, now())', TG_TABLE_SCHEMA)
    USING 'user.password.changed', jsonb_build_object(
      'userId', NEW.id::text,
      'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
  RETURN NULL;
END
$$;

CREATE TRIGGER "users_emit_password_changed" AFTER UPDATE OF "password_hash" ON "users"
  FOR EACH ROW WHEN (OLD."password_hash" IS NOT NULL AND OLD."password_hash" IS DISTINCT FROM NEW."password_hash")
  EXECUTE FUNCTION "emit_password_changed_event"();

CREATE FUNCTION "emit_session_event"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  first_session boolean;
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- The account's first session is its sign-up: no "new sign-in" notice for that one.
    EXECUTE format('SELECT NOT EXISTS (SELECT 1 FROM %I.sessions s WHERE s.user_id = $1 AND s.id <> $2)', TG_TABLE_SCHEMA)
      INTO first_session USING NEW.user_id, NEW.id;
    EXECUTE format('INSERT INTO %I.outbox_events (id, type, payload, occurred_at) VALUES (gen_random_uuid(), $1, $2, now())', TG_TABLE_SCHEMA)
      USING 'session.started', jsonb_build_object(
        'sessionId', NEW.id::text,
        'userId', NEW.user_id::text,
        'deviceName', NEW.device_name,
        'devicePlatform', NEW.device_platform::text,
        'firstSession', first_session,
        'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
  ELSE
    EXECUTE format('INSERT INTO %I.outbox_events (id, type, payload, occurred_at) VALUES (gen_random_uuid(), $1, $2, now())', TG_TABLE_SCHEMA)
      USING 'session.ended', jsonb_build_object(
        'sessionId', NEW.id::text,
        'userId', NEW.user_id::text,
        'reason', NEW.revocation_reason::text,
        'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "sessions_emit_started" AFTER INSERT ON "sessions"
  FOR EACH ROW EXECUTE FUNCTION "emit_session_event"();

CREATE TRIGGER "sessions_emit_ended" AFTER UPDATE OF "revoked_at" ON "sessions"
  FOR EACH ROW WHEN (OLD."revoked_at" IS NULL AND NEW."revoked_at" IS NOT NULL)
  EXECUTE FUNCTION "emit_session_event"();

-- Contacts of accounts made before this event existed, once, so notifications knows where to write to everyone.
INSERT INTO "outbox_events" (id, type, payload, occurred_at)
SELECT gen_random_uuid(), 'user.contact.changed',
       jsonb_build_object('userId', id::text, 'phone', phone, 'email', email,
                          'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
       now()
FROM "users";
