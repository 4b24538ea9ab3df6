-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "LedgerAccountKind" ADD VALUE 'RENT_INCOME';
ALTER TYPE "LedgerAccountKind" ADD VALUE 'PAYOUTS_IN_TRANSIT';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "LedgerCause" ADD VALUE 'CASH_HANDOVER';
ALTER TYPE "LedgerCause" ADD VALUE 'CASH_CORRECTION';
ALTER TYPE "LedgerCause" ADD VALUE 'RENT';
ALTER TYPE "LedgerCause" ADD VALUE 'DEPOSIT';
ALTER TYPE "LedgerCause" ADD VALUE 'DEPOSIT_RETURN';
ALTER TYPE "LedgerCause" ADD VALUE 'PAYOUT';
ALTER TYPE "LedgerCause" ADD VALUE 'PAYOUT_RETURNED';
ALTER TYPE "LedgerCause" ADD VALUE 'LINK_PAYMENT';
ALTER TYPE "LedgerCause" ADD VALUE 'DRIVER_EXIT';

-- CreateTable
CREATE TABLE "driver_profiles" (
    "driver_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "fleet_id" UUID NOT NULL,
    "vehicle_id" UUID,
    "category" TEXT,
    "version" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "driver_profiles_pkey" PRIMARY KEY ("driver_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "driver_profiles_user_id_key" ON "driver_profiles"("user_id");

-- CreateIndex
CREATE INDEX "driver_profiles_fleet_id_driver_id_idx" ON "driver_profiles"("fleet_id", "driver_id");
