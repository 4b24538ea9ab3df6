-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PointsReason" ADD VALUE 'REFERRAL';
ALTER TYPE "PointsReason" ADD VALUE 'RIDER_RATED';
ALTER TYPE "PointsReason" ADD VALUE 'FIVE_STAR_WEEK';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RuleTrigger" ADD VALUE 'REFERRAL';
ALTER TYPE "RuleTrigger" ADD VALUE 'DRIVER_RATING_GIVEN';
ALTER TYPE "RuleTrigger" ADD VALUE 'FIVE_STAR_WEEK';

-- DropIndex
DROP INDEX "user_badges_user_id_badge_key";

-- AlterTable
ALTER TABLE "earning_rules" ADD COLUMN     "min_ratings" INTEGER;

-- AlterTable
ALTER TABLE "user_badges" ADD COLUMN     "occasion" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "driver_profiles" (
    "driver_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "learnt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "driver_profiles_pkey" PRIMARY KEY ("driver_id")
);

-- CreateTable
CREATE TABLE "trip_ratings" (
    "trip_id" UUID NOT NULL,
    "by" TEXT NOT NULL,
    "driver_id" UUID NOT NULL,
    "rider_user_id" UUID NOT NULL,
    "rating" INTEGER NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "trip_ratings_pkey" PRIMARY KEY ("trip_id","by")
);

-- CreateTable
CREATE TABLE "payment_refunds" (
    "refund_id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "refunded_total_minor" INTEGER NOT NULL,
    "paid_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payment_refunds_pkey" PRIMARY KEY ("refund_id")
);

-- CreateTable
CREATE TABLE "referrals" (
    "user_id" UUID NOT NULL,
    "referrer_user_id" UUID NOT NULL,
    "registered_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "referrals_pkey" PRIMARY KEY ("user_id")
);

-- CreateIndex
CREATE INDEX "trip_ratings_occurred_at_idx" ON "trip_ratings"("occurred_at");

-- CreateIndex
CREATE INDEX "trip_ratings_driver_id_by_idx" ON "trip_ratings"("driver_id", "by");

-- CreateIndex
CREATE INDEX "payment_refunds_payment_id_idx" ON "payment_refunds"("payment_id");

-- CreateIndex
CREATE UNIQUE INDEX "user_badges_user_id_badge_occasion_key" ON "user_badges"("user_id", "badge", "occasion");
