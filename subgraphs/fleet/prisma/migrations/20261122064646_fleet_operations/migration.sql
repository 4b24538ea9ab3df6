-- CreateEnum
CREATE TYPE "AttendanceApproval" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- DropIndex
DROP INDEX "vehicles_fleet_id_idx";

-- AlterTable
ALTER TABLE "drivers" ADD COLUMN     "current_trip_id" UUID,
ADD COLUMN     "event_at" TIMESTAMPTZ(3),
ADD COLUMN     "event_latitude" DOUBLE PRECISION,
ADD COLUMN     "event_longitude" DOUBLE PRECISION,
ADD COLUMN     "heading" DOUBLE PRECISION,
ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "longitude" DOUBLE PRECISION,
ADD COLUMN     "position_at" TIMESTAMPTZ(3),
ADD COLUMN     "rating_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rating_sum" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "speed_kph" DOUBLE PRECISION,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "assignments" (
    "id" UUID NOT NULL,
    "driver_id" UUID NOT NULL,
    "vehicle_id" UUID NOT NULL,
    "fleet_id" UUID NOT NULL,
    "active_driver_id" UUID,
    "active_vehicle_id" UUID,
    "assigned_by_user_id" UUID,
    "ended_by_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attendances" (
    "id" UUID NOT NULL,
    "driver_id" UUID NOT NULL,
    "fleet_id" UUID NOT NULL,
    "vehicle_id" UUID,
    "open_driver_id" UUID,
    "check_in_latitude" DOUBLE PRECISION NOT NULL,
    "check_in_longitude" DOUBLE PRECISION NOT NULL,
    "check_in_odometer_km" INTEGER NOT NULL,
    "selfie_url" TEXT NOT NULL,
    "check_out_at" TIMESTAMPTZ(3),
    "check_out_odometer_km" INTEGER,
    "cash_deposited_minor" INTEGER,
    "cash_currency" TEXT,
    "approval" "AttendanceApproval" NOT NULL DEFAULT 'PENDING',
    "reviewed_by_user_id" UUID,
    "reviewed_at" TIMESTAMPTZ(3),
    "review_note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attendances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "breaks" (
    "id" UUID NOT NULL,
    "attendance_id" UUID NOT NULL,
    "open_attendance_id" UUID,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "breaks_pkey" PRIMARY KEY ("id")
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
CREATE UNIQUE INDEX "assignments_active_driver_id_key" ON "assignments"("active_driver_id");

-- CreateIndex
CREATE UNIQUE INDEX "assignments_active_vehicle_id_key" ON "assignments"("active_vehicle_id");

-- CreateIndex
CREATE INDEX "assignments_driver_id_created_at_id_idx" ON "assignments"("driver_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "assignments_vehicle_id_created_at_id_idx" ON "assignments"("vehicle_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "assignments_fleet_id_created_at_id_idx" ON "assignments"("fleet_id", "created_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "attendances_open_driver_id_key" ON "attendances"("open_driver_id");

-- CreateIndex
CREATE INDEX "attendances_fleet_id_created_at_id_idx" ON "attendances"("fleet_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "attendances_driver_id_created_at_id_idx" ON "attendances"("driver_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "attendances_fleet_id_approval_created_at_id_idx" ON "attendances"("fleet_id", "approval", "created_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "breaks_open_attendance_id_key" ON "breaks"("open_attendance_id");

-- CreateIndex
CREATE INDEX "breaks_attendance_id_started_at_idx" ON "breaks"("attendance_id", "started_at");

-- CreateIndex
CREATE INDEX "outbox_events_published_at_occurred_at_idx" ON "outbox_events"("published_at", "occurred_at");

-- CreateIndex
CREATE INDEX "vehicles_fleet_id_created_at_id_idx" ON "vehicles"("fleet_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "drivers_fleet_id_status_created_at_id_idx" ON "drivers"("fleet_id", "status", "created_at", "id");

-- CreateIndex
CREATE INDEX "drivers_status_latitude_longitude_idx" ON "drivers"("status", "latitude", "longitude");

-- AddForeignKey
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_driver_id_fkey" FOREIGN KEY ("driver_id") REFERENCES "drivers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_vehicle_id_fkey" FOREIGN KEY ("vehicle_id") REFERENCES "vehicles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_driver_id_fkey" FOREIGN KEY ("driver_id") REFERENCES "drivers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_fleet_id_fkey" FOREIGN KEY ("fleet_id") REFERENCES "fleets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "breaks" ADD CONSTRAINT "breaks_attendance_id_fkey" FOREIGN KEY ("attendance_id") REFERENCES "attendances"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
