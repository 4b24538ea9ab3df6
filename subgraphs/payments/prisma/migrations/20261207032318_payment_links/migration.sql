-- CreateEnum
CREATE TYPE "PaymentLinkPurpose" AS ENUM ('DRIVER_DEPOSIT', 'DRIVER_DUES', 'RIDER_BALANCE', 'TRIP_FARE');

-- CreateEnum
CREATE TYPE "PaymentLinkStatus" AS ENUM ('PENDING', 'PAID', 'EXPIRED', 'CANCELED');

-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "paid_by_link_id" UUID,
ADD COLUMN     "vehicle_id" UUID;

-- CreateTable
CREATE TABLE "payment_links" (
    "id" UUID NOT NULL,
    "purpose" "PaymentLinkPurpose" NOT NULL,
    "payer_user_id" UUID NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "PaymentLinkStatus" NOT NULL DEFAULT 'PENDING',
    "provider" TEXT NOT NULL,
    "provider_link_id" TEXT,
    "url" TEXT,
    "trip_id" UUID,
    "payment_id" UUID,
    "vehicle_id" UUID,
    "driver_user_id" UUID,
    "driver_id" UUID,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "paid_at" TIMESTAMPTZ(3),
    "entry_id" UUID,
    "created_by_user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_links_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "payment_links_provider_link_id_key" ON "payment_links"("provider_link_id");

-- CreateIndex
CREATE INDEX "payment_links_payer_user_id_created_at_id_idx" ON "payment_links"("payer_user_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "payment_links_payment_id_idx" ON "payment_links"("payment_id");

-- CreateIndex
CREATE INDEX "payment_links_created_at_id_idx" ON "payment_links"("created_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "payments_paid_by_link_id_key" ON "payments"("paid_by_link_id");

-- CreateIndex
CREATE INDEX "payments_payer_user_id_vehicle_id_created_at_idx" ON "payments"("payer_user_id", "vehicle_id", "created_at");

-- Hand-written (prisma/hand-written.json): a link moves a positive amount.
ALTER TABLE "payment_links" ADD CONSTRAINT "payment_links_amount_positive" CHECK (amount_minor > 0);
