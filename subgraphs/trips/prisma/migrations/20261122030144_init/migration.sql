-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "trips";

-- CreateEnum
CREATE TYPE "TripStatus" AS ENUM ('REQUESTED', 'DRIVER_ASSIGNED', 'DRIVER_ARRIVED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "VehicleCategory" AS ENUM ('ECONOMY', 'COMFORT', 'XL', 'AUTO', 'BIKE');

-- CreateTable
CREATE TABLE "trips" (
    "id" UUID NOT NULL,
    "rider_user_id" UUID NOT NULL,
    "driver_id" UUID,
    "vehicle_id" UUID,
    "category" "VehicleCategory" NOT NULL,
    "status" "TripStatus" NOT NULL DEFAULT 'REQUESTED',
    "fare_minor" INTEGER,
    "currency" CHAR(3) NOT NULL,
    "distance_meters" INTEGER,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "trips_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "trips_requested_at_id_idx" ON "trips"("requested_at", "id");

-- CreateIndex
CREATE INDEX "trips_rider_user_id_requested_at_id_idx" ON "trips"("rider_user_id", "requested_at", "id");

-- CreateIndex
CREATE INDEX "trips_driver_id_status_idx" ON "trips"("driver_id", "status");

-- CreateIndex
CREATE INDEX "trips_status_requested_at_id_idx" ON "trips"("status", "requested_at", "id");
