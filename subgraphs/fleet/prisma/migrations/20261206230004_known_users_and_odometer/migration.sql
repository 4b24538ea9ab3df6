-- AlterTable
ALTER TABLE "vehicles" ADD COLUMN     "odometer_km" INTEGER;

-- CreateTable
CREATE TABLE "known_users" (
    "user_id" UUID NOT NULL,
    "roles" TEXT[],
    "active" BOOLEAN NOT NULL,
    "roles_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "known_users_pkey" PRIMARY KEY ("user_id")
);

-- Vehicles driven before readings were kept: their highest reading so far.
UPDATE "vehicles" AS v SET "odometer_km" = m.km
FROM (SELECT "vehicle_id", max(greatest("check_in_odometer_km", coalesce("check_out_odometer_km", 0))) AS km
      FROM "attendances" WHERE "vehicle_id" IS NOT NULL GROUP BY "vehicle_id") AS m
WHERE v."id" = m."vehicle_id";
