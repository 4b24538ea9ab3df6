-- AlterTable
ALTER TABLE "users" ADD COLUMN     "phone_verified_at" TIMESTAMPTZ(3);

-- Until now `register` attached any phone without a code. Phones that can only have been used through a code
-- (accounts without a password: phone sign-ups, staff before they set one, the demo seed) and phones of staff and
-- drivers (vouched for by whoever granted the role) count as proven. A phone on a password-only RIDER account may
-- belong to someone else: it stays an unproven claim, which never signs in and is dropped when the phone's owner
-- proves it with a code.
UPDATE "users"
SET "phone_verified_at" = "created_at"
WHERE "phone" IS NOT NULL
  AND ("password_hash" IS NULL OR "roles" && ARRAY['SUPER_ADMIN', 'OPERATIONS', 'FLEET_MANAGER', 'DRIVER']::"Role"[]);
