-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "gamification";

-- CreateEnum
CREATE TYPE "PointsReason" AS ENUM ('TRIP_COMPLETED', 'TRIP_RATED', 'PROMOTION', 'REDEMPTION', 'ADJUSTMENT');

-- CreateTable
CREATE TABLE "points_entries" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "delta" INTEGER NOT NULL,
    "reason" "PointsReason" NOT NULL,
    "source_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "points_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "points_entries_user_id_idx" ON "points_entries"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "points_entries_reason_source_id_user_id_key" ON "points_entries"("reason", "source_id", "user_id");
