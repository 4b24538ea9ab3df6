-- CreateEnum
CREATE TYPE "RuleTrigger" AS ENUM ('TRIP_PAID_RIDER', 'TRIP_PAID_DRIVER', 'RATING_GIVEN', 'FIRST_RIDE', 'RIDE_STREAK');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PointsReason" ADD VALUE 'TRIP_PAID';
ALTER TYPE "PointsReason" ADD VALUE 'TRIP_DRIVEN';
ALTER TYPE "PointsReason" ADD VALUE 'FIRST_RIDE';
ALTER TYPE "PointsReason" ADD VALUE 'RIDE_STREAK';
ALTER TYPE "PointsReason" ADD VALUE 'REFUND';
ALTER TYPE "PointsReason" ADD VALUE 'EXPIRY';

-- DropIndex
DROP INDEX "points_entries_user_id_idx";

-- DropIndex
DROP INDEX "points_entries_reason_source_id_user_id_key";

-- AlterTable
ALTER TABLE "points_entries" ADD COLUMN     "actor_user_id" UUID,
ADD COLUMN     "cause" TEXT,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "payment_id" UUID,
ADD COLUMN     "reverses_entry_id" UUID,
ADD COLUMN     "rule_id" UUID;

-- CreateTable
CREATE TABLE "earning_rules" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "trigger" "RuleTrigger" NOT NULL,
    "points" INTEGER NOT NULL,
    "per_amount_minor" INTEGER,
    "streak_days" INTEGER,
    "badge" TEXT,
    "description" TEXT NOT NULL,
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "retired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" UUID,

    CONSTRAINT "earning_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_badges" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "badge" TEXT NOT NULL,
    "rule_id" UUID,
    "reason" TEXT NOT NULL,
    "awarded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_badges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ride_days" (
    "user_id" UUID NOT NULL,
    "day" DATE NOT NULL,

    CONSTRAINT "ride_days_pkey" PRIMARY KEY ("user_id","day")
);

-- CreateTable
CREATE TABLE "leaderboard_scores" (
    "scope" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "points" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "leaderboard_scores_pkey" PRIMARY KEY ("scope","period","user_id")
);

-- CreateTable
CREATE TABLE "partner_companies" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partner_companies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "coupon_categories" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "coupon_categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "coupons" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "company_id" UUID NOT NULL,
    "category_id" UUID NOT NULL,
    "points_price" INTEGER NOT NULL,
    "stock" INTEGER NOT NULL,
    "per_user_limit" INTEGER NOT NULL,
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "valid_until" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "coupons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "coupon_redemptions" (
    "id" UUID NOT NULL,
    "coupon_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "points_spent" INTEGER NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "coupon_redemptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_events" (
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_events" (
    "consumer" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_events_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateIndex
CREATE INDEX "earning_rules_trigger_effective_from_idx" ON "earning_rules"("trigger", "effective_from");

-- CreateIndex
CREATE INDEX "earning_rules_key_idx" ON "earning_rules"("key");

-- CreateIndex
CREATE UNIQUE INDEX "user_badges_user_id_badge_key" ON "user_badges"("user_id", "badge");

-- CreateIndex
CREATE INDEX "leaderboard_scores_scope_period_points_user_id_idx" ON "leaderboard_scores"("scope", "period", "points" DESC, "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "partner_companies_name_key" ON "partner_companies"("name");

-- CreateIndex
CREATE UNIQUE INDEX "coupon_categories_name_key" ON "coupon_categories"("name");

-- CreateIndex
CREATE INDEX "coupons_created_at_id_idx" ON "coupons"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "coupons_category_id_idx" ON "coupons"("category_id");

-- CreateIndex
CREATE INDEX "coupons_company_id_idx" ON "coupons"("company_id");

-- CreateIndex
CREATE UNIQUE INDEX "coupon_redemptions_code_key" ON "coupon_redemptions"("code");

-- CreateIndex
CREATE INDEX "coupon_redemptions_coupon_id_created_at_id_idx" ON "coupon_redemptions"("coupon_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "coupon_redemptions_user_id_created_at_id_idx" ON "coupon_redemptions"("user_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "coupon_redemptions_user_id_idempotency_key_key" ON "coupon_redemptions"("user_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "outbox_events_published_at_occurred_at_idx" ON "outbox_events"("published_at", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "points_entries_cause_key" ON "points_entries"("cause");

-- CreateIndex
CREATE INDEX "points_entries_user_id_created_at_id_idx" ON "points_entries"("user_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "points_entries_payment_id_idx" ON "points_entries"("payment_id");

-- CreateIndex
CREATE INDEX "points_entries_reverses_entry_id_idx" ON "points_entries"("reverses_entry_id");

-- AddForeignKey
ALTER TABLE "coupons" ADD CONSTRAINT "coupons_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "partner_companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coupons" ADD CONSTRAINT "coupons_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "coupon_categories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coupon_redemptions" ADD CONSTRAINT "coupon_redemptions_coupon_id_fkey" FOREIGN KEY ("coupon_id") REFERENCES "coupons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Default earning rules (README "Loyalty"). In force from the start of time so that events of any age are awarded;
-- operations change them through `changeEarningRule` (a new version from then on).
INSERT INTO "earning_rules" ("id", "key", "trigger", "points", "per_amount_minor", "streak_days", "badge", "description", "effective_from") VALUES
  ('6c0a1d2e-0001-4000-8000-000000000001', 'rider-fare', 'TRIP_PAID_RIDER', 10, 100, NULL, NULL, '10 points per 1.00 of fare paid', '1970-01-01T00:00:00Z'),
  ('6c0a1d2e-0001-4000-8000-000000000002', 'driver-trip', 'TRIP_PAID_DRIVER', 20, NULL, NULL, NULL, '20 points per completed, paid trip', '1970-01-01T00:00:00Z'),
  ('6c0a1d2e-0001-4000-8000-000000000003', 'rating-given', 'RATING_GIVEN', 5, NULL, NULL, NULL, '5 points for rating a trip', '1970-01-01T00:00:00Z'),
  ('6c0a1d2e-0001-4000-8000-000000000004', 'first-ride', 'FIRST_RIDE', 100, NULL, NULL, 'FIRST_RIDE', '100 points and the FIRST_RIDE badge for a first paid ride', '1970-01-01T00:00:00Z'),
  ('6c0a1d2e-0001-4000-8000-000000000005', 'streak-3', 'RIDE_STREAK', 50, NULL, 3, 'STREAK_3', '50 points and the STREAK_3 badge for paid rides on 3 consecutive days', '1970-01-01T00:00:00Z');
