-- CreateEnum
CREATE TYPE "CashCorrectionKind" AS ENUM ('LATE_HANDOVER', 'DEDUCT_FROM_EARNINGS', 'WRITE_OFF');

-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "trip_completed_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "cash_shifts" (
    "attendance_id" UUID NOT NULL,
    "driver_id" UUID NOT NULL,
    "driver_user_id" UUID NOT NULL,
    "fleet_id" UUID NOT NULL,
    "checked_in_at" TIMESTAMPTZ(3) NOT NULL,
    "checked_out_at" TIMESTAMPTZ(3) NOT NULL,
    "deposited_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "entry_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cash_shifts_pkey" PRIMARY KEY ("attendance_id")
);

-- CreateTable
CREATE TABLE "cash_corrections" (
    "id" UUID NOT NULL,
    "driver_id" UUID NOT NULL,
    "driver_user_id" UUID NOT NULL,
    "fleet_id" UUID NOT NULL,
    "attendance_id" UUID,
    "kind" "CashCorrectionKind" NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "entry_id" UUID NOT NULL,
    "actor_user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cash_corrections_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "cash_shifts_fleet_id_checked_out_at_attendance_id_idx" ON "cash_shifts"("fleet_id", "checked_out_at", "attendance_id");

-- CreateIndex
CREATE INDEX "cash_shifts_driver_id_checked_out_at_attendance_id_idx" ON "cash_shifts"("driver_id", "checked_out_at", "attendance_id");

-- CreateIndex
CREATE INDEX "cash_corrections_attendance_id_idx" ON "cash_corrections"("attendance_id");

-- CreateIndex
CREATE INDEX "cash_corrections_driver_id_created_at_id_idx" ON "cash_corrections"("driver_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "payments_driver_user_id_trip_completed_at_idx" ON "payments"("driver_user_id", "trip_completed_at");

-- Hand-written (hand-written.json): what schema.prisma cannot express.
ALTER TABLE "cash_shifts" ADD CONSTRAINT "cash_shifts_deposited_not_negative" CHECK (deposited_minor >= 0);
ALTER TABLE "cash_shifts" ADD CONSTRAINT "cash_shifts_window" CHECK (checked_out_at >= checked_in_at);
ALTER TABLE "cash_corrections" ADD CONSTRAINT "cash_corrections_amount_positive" CHECK (amount_minor > 0);
ALTER TABLE "cash_corrections" ADD CONSTRAINT "cash_corrections_reason_length" CHECK (char_length(reason) BETWEEN 1 AND 500);
