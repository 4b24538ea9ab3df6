-- AlterTable
ALTER TABLE "points_entries" ADD COLUMN     "fleet_id" UUID;

-- CreateTable
CREATE TABLE "driver_fleets" (
    "user_id" UUID NOT NULL,
    "fleet_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "driver_fleets_pkey" PRIMARY KEY ("user_id")
);
