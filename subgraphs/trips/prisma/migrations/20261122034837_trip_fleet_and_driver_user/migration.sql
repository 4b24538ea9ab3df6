-- AlterTable
ALTER TABLE "trips" ADD COLUMN     "driver_user_id" UUID,
ADD COLUMN     "fleet_id" UUID;

-- CreateIndex
CREATE INDEX "trips_fleet_id_requested_at_id_idx" ON "trips"("fleet_id", "requested_at", "id");

-- CreateIndex
CREATE INDEX "trips_fleet_id_status_requested_at_id_idx" ON "trips"("fleet_id", "status", "requested_at", "id");
