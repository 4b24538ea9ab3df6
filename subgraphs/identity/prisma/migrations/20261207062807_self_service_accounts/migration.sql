-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SessionRevocationReason" ADD VALUE 'PASSWORD_CHANGED';
ALTER TYPE "SessionRevocationReason" ADD VALUE 'SESSION_LIMIT';

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "avatar_url" TEXT,
ADD COLUMN     "locale" TEXT,
ADD COLUMN     "referral_code" TEXT,
ADD COLUMN     "referred_by_user_id" UUID,
ADD COLUMN     "time_zone" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "users_referral_code_key" ON "users"("referral_code");

-- CreateIndex
CREATE INDEX "otp_challenges_expires_at_idx" ON "otp_challenges"("expires_at");

-- CreateIndex
CREATE INDEX "sessions_expires_at_idx" ON "sessions"("expires_at");

-- CreateIndex
CREATE INDEX "sessions_revoked_at_idx" ON "sessions"("revoked_at");

-- CreateIndex
CREATE INDEX "password_reset_tokens_expires_at_idx" ON "password_reset_tokens"("expires_at");

-- CreateIndex
CREATE INDEX "email_verification_tokens_expires_at_idx" ON "email_verification_tokens"("expires_at");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_referred_by_user_id_fkey" FOREIGN KEY ("referred_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Every account gets its own referral code, whichever way it is made (phone sign-in, registration, staff, the demo
-- seed): 8 characters from an alphabet without look-alikes (no I, O, 0, 1), 32^8 ≈ 10^12 codes. Referral codes are
-- shared on purpose, not secrets, so random() is enough; the loop retries the rare collision (the unique index
-- catches the even rarer race). Also fills a code set back to null, which is how existing accounts get theirs below.
CREATE FUNCTION "fill_referral_code"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  candidate text;
  taken boolean;
BEGIN
  LOOP
    SELECT string_agg(substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 1 + floor(random() * 32)::int, 1), '')
      INTO candidate FROM generate_series(1, 8);
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.users WHERE referral_code = $1)', TG_TABLE_SCHEMA) INTO taken USING candidate;
    EXIT WHEN NOT taken;
  END LOOP;
  NEW.referral_code := candidate;
  RETURN NEW;
END
$$;

CREATE TRIGGER "users_fill_referral_code" BEFORE INSERT OR UPDATE OF "referral_code" ON "users"
  FOR EACH ROW WHEN (NEW."referral_code" IS NULL) EXECUTE FUNCTION "fill_referral_code"();

UPDATE "users" SET "referral_code" = NULL WHERE "referral_code" IS NULL;

-- user.registered now carries the referral code the account signed up with (the referrer's code; null when none).
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
    payload := payload || jsonb_build_object('referralCode', used_code);
  END IF;
  -- Qualified by the trigger's own schema: the session's search_path is not identity's at run time.
  EXECUTE format('INSERT INTO %I.outbox_events (id, type, payload, occurred_at) VALUES (gen_random_uuid(), $1, $2, now())', TG_TABLE_SCHEMA)
    USING event_type, payload;
  RETURN NULL;
END
$$;
