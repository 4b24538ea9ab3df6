-- CreateEnum
CREATE TYPE "AnnouncementAudience" AS ENUM ('ALL_RIDERS', 'ALL_DRIVERS', 'FLEET_DRIVERS');

-- CreateTable
CREATE TABLE "known_users" (
    "user_id" UUID NOT NULL,
    "roles" TEXT[],
    "active" BOOLEAN NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "known_users_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "driver_fleets" (
    "user_id" UUID NOT NULL,
    "fleet_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "driver_fleets_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "announcements" (
    "id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "audience" "AnnouncementAudience" NOT NULL,
    "fleet_id" UUID,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "channels" "DeliveryChannel"[],
    "created_by" UUID NOT NULL,
    "cursor" UUID,
    "recipient_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "announcements_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "driver_fleets_fleet_id_idx" ON "driver_fleets"("fleet_id");

-- CreateIndex
CREATE UNIQUE INDEX "announcements_idempotency_key_key" ON "announcements"("idempotency_key");

-- CreateIndex
CREATE INDEX "announcements_completed_at_idx" ON "announcements"("completed_at");
