-- CreateEnum
CREATE TYPE "TripActorRole" AS ENUM ('RIDER', 'DRIVER', 'OPERATIONS', 'SYSTEM');

-- CreateEnum
CREATE TYPE "OfferStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "SupplyStatus" AS ENUM ('OFFLINE', 'AVAILABLE', 'ON_TRIP', 'ON_BREAK');

-- AlterTable
ALTER TABLE "trips" ADD COLUMN     "active_driver_id" UUID,
ADD COLUMN     "active_rider_id" UUID,
ADD COLUMN     "arrived_at" TIMESTAMPTZ(3),
ADD COLUMN     "assigned_at" TIMESTAMPTZ(3),
ADD COLUMN     "cancellation_fee_minor" INTEGER,
ADD COLUMN     "cancellation_reason" TEXT,
ADD COLUMN     "cancelled_at" TIMESTAMPTZ(3),
ADD COLUMN     "cancelled_by" "TripActorRole",
ADD COLUMN     "cancelled_by_user_id" UUID,
ADD COLUMN     "dropoff_latitude" DOUBLE PRECISION,
ADD COLUMN     "dropoff_longitude" DOUBLE PRECISION,
ADD COLUMN     "duration_seconds" INTEGER,
ADD COLUMN     "estimated_distance_meters" INTEGER,
ADD COLUMN     "estimated_duration_seconds" INTEGER,
ADD COLUMN     "estimated_fare_minor" INTEGER,
ADD COLUMN     "pickup_latitude" DOUBLE PRECISION,
ADD COLUMN     "pickup_longitude" DOUBLE PRECISION,
ADD COLUMN     "pricing_rule_id" UUID,
ADD COLUMN     "quote_id" UUID,
ADD COLUMN     "started_at" TIMESTAMPTZ(3),
ADD COLUMN     "surge_tenths" INTEGER NOT NULL DEFAULT 10;

-- CreateTable
CREATE TABLE "trip_status_changes" (
    "id" UUID NOT NULL,
    "trip_id" UUID NOT NULL,
    "from_status" "TripStatus",
    "to_status" "TripStatus" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_user_id" UUID,
    "actor_role" "TripActorRole" NOT NULL,
    "reason" TEXT,

    CONSTRAINT "trip_status_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cities" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "center_latitude" DOUBLE PRECISION NOT NULL,
    "center_longitude" DOUBLE PRECISION NOT NULL,
    "radius_meters" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "road_factor_percent" INTEGER NOT NULL,
    "average_speed_kph" INTEGER NOT NULL,
    "max_surge_tenths" INTEGER NOT NULL,

    CONSTRAINT "cities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pricing_rules" (
    "id" UUID NOT NULL,
    "city_id" UUID NOT NULL,
    "category" "VehicleCategory" NOT NULL,
    "base_fare_minor" INTEGER NOT NULL,
    "per_km_minor" INTEGER NOT NULL,
    "per_minute_minor" INTEGER NOT NULL,
    "minimum_fare_minor" INTEGER NOT NULL,
    "cancellation_fee_minor" INTEGER NOT NULL,
    "free_cancellation_seconds" INTEGER NOT NULL,

    CONSTRAINT "pricing_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fare_quotes" (
    "id" UUID NOT NULL,
    "rider_user_id" UUID NOT NULL,
    "pricing_rule_id" UUID NOT NULL,
    "category" "VehicleCategory" NOT NULL,
    "pickup_latitude" DOUBLE PRECISION NOT NULL,
    "pickup_longitude" DOUBLE PRECISION NOT NULL,
    "dropoff_latitude" DOUBLE PRECISION NOT NULL,
    "dropoff_longitude" DOUBLE PRECISION NOT NULL,
    "distance_meters" INTEGER NOT NULL,
    "duration_seconds" INTEGER NOT NULL,
    "surge_tenths" INTEGER NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "fare_quotes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispatch_offers" (
    "id" UUID NOT NULL,
    "trip_id" UUID NOT NULL,
    "driver_id" UUID NOT NULL,
    "driver_user_id" UUID NOT NULL,
    "fleet_id" UUID NOT NULL,
    "status" "OfferStatus" NOT NULL DEFAULT 'PENDING',
    "offered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "responded_at" TIMESTAMPTZ(3),
    "pending_driver_id" UUID,
    "pending_trip_id" UUID,

    CONSTRAINT "dispatch_offers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trip_ratings" (
    "id" UUID NOT NULL,
    "trip_id" UUID NOT NULL,
    "by" "TripActorRole" NOT NULL,
    "rater_user_id" UUID NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trip_ratings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "driver_supply" (
    "driver_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "fleet_id" UUID NOT NULL,
    "vehicle_id" UUID,
    "category" "VehicleCategory",
    "status" "SupplyStatus" NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "position_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "driver_supply_pkey" PRIMARY KEY ("driver_id")
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
CREATE INDEX "trip_status_changes_trip_id_at_idx" ON "trip_status_changes"("trip_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "cities_name_key" ON "cities"("name");

-- CreateIndex
CREATE UNIQUE INDEX "pricing_rules_city_id_category_key" ON "pricing_rules"("city_id", "category");

-- CreateIndex
CREATE INDEX "fare_quotes_expires_at_idx" ON "fare_quotes"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "dispatch_offers_pending_driver_id_key" ON "dispatch_offers"("pending_driver_id");

-- CreateIndex
CREATE UNIQUE INDEX "dispatch_offers_pending_trip_id_key" ON "dispatch_offers"("pending_trip_id");

-- CreateIndex
CREATE INDEX "dispatch_offers_trip_id_driver_id_idx" ON "dispatch_offers"("trip_id", "driver_id");

-- CreateIndex
CREATE INDEX "dispatch_offers_status_expires_at_idx" ON "dispatch_offers"("status", "expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "trip_ratings_trip_id_by_key" ON "trip_ratings"("trip_id", "by");

-- CreateIndex
CREATE UNIQUE INDEX "driver_supply_user_id_key" ON "driver_supply"("user_id");

-- CreateIndex
CREATE INDEX "driver_supply_status_category_latitude_longitude_idx" ON "driver_supply"("status", "category", "latitude", "longitude");

-- CreateIndex
CREATE INDEX "outbox_events_published_at_occurred_at_idx" ON "outbox_events"("published_at", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "trips_quote_id_key" ON "trips"("quote_id");

-- CreateIndex
CREATE UNIQUE INDEX "trips_active_rider_id_key" ON "trips"("active_rider_id");

-- CreateIndex
CREATE UNIQUE INDEX "trips_active_driver_id_key" ON "trips"("active_driver_id");

-- CreateIndex
CREATE INDEX "trips_driver_id_requested_at_id_idx" ON "trips"("driver_id", "requested_at", "id");

-- AddForeignKey
ALTER TABLE "trip_status_changes" ADD CONSTRAINT "trip_status_changes_trip_id_fkey" FOREIGN KEY ("trip_id") REFERENCES "trips"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pricing_rules" ADD CONSTRAINT "pricing_rules_city_id_fkey" FOREIGN KEY ("city_id") REFERENCES "cities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch_offers" ADD CONSTRAINT "dispatch_offers_trip_id_fkey" FOREIGN KEY ("trip_id") REFERENCES "trips"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trip_ratings" ADD CONSTRAINT "trip_ratings_trip_id_fkey" FOREIGN KEY ("trip_id") REFERENCES "trips"("id") ON DELETE CASCADE ON UPDATE CASCADE;
