-- AlterTable
ALTER TABLE "users" ADD COLUMN     "email_verified_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "email_verification_tokens" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "email_verification_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "email_verification_tokens_token_hash_key" ON "email_verification_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "email_verification_tokens_user_id_idx" ON "email_verification_tokens"("user_id");

-- AddForeignKey
ALTER TABLE "email_verification_tokens" ADD CONSTRAINT "email_verification_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Emails proven before this column existed: the account completed a password reset (a reset token is only ever
-- spent by a successful reset, which spends all of the account's tokens), or a super admin created it as staff.
UPDATE "users" AS u
SET "email_verified_at" = COALESCE(
  (SELECT MIN(t."used_at") FROM "password_reset_tokens" AS t WHERE t."user_id" = u."id" AND t."used_at" IS NOT NULL),
  CASE WHEN u."roles" && ARRAY['SUPER_ADMIN', 'OPERATIONS', 'FLEET_MANAGER']::"Role"[] THEN u."created_at" END
)
WHERE u."email" IS NOT NULL;
