-- user.registered also carries the referrer's user id (`referrerUserId`, null when none) beside the code the account
-- signed up with: gamification awards the referrer and cannot map a code to an account (codes live here only).
CREATE OR REPLACE FUNCTION "emit_user_event"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event_type text := CASE TG_OP WHEN 'INSERT' THEN 'user.registered' ELSE 'user.changed' END;
  payload jsonb;
  used_code text;
BEGIN
  payload := jsonb_build_object(
    'userId', NEW.id::text,
    'roles', COALESCE(to_jsonb(NEW.roles), '[]'::jsonb),
    'active', NEW.active,
    'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
  IF TG_OP = 'INSERT' THEN
    IF NEW.referred_by_user_id IS NOT NULL THEN
      EXECUTE format('SELECT referral_code FROM %I.users WHERE id = $1', TG_TABLE_SCHEMA) INTO used_code USING NEW.referred_by_user_id;
    END IF;
    payload := payload || jsonb_build_object('referralCode', used_code, 'referrerUserId', NEW.referred_by_user_id::text);
  END IF;
  -- Qualified by the trigger's own schema: the session's search_path is not identity's at run time.
  EXECUTE format('INSERT INTO %I.outbox_events (id, type, payload, occurred_at) VALUES (gen_random_uuid(), $1, $2, now())', TG_TABLE_SCHEMA)
    USING event_type, payload;
  RETURN NULL;
END
$$;
