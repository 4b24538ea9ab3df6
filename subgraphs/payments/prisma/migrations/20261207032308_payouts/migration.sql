-- CreateEnum
CREATE TYPE "PayoutBatchStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "PayoutItemStatus" AS ENUM ('DRAFT', 'PENDING', 'PAID', 'FAILED');

-- CreateTable
CREATE TABLE "payout_destinations" (
    "user_id" UUID NOT NULL,
    "driver_id" UUID NOT NULL,
    "account_holder_name" TEXT NOT NULL,
    "account_number_encrypted" TEXT NOT NULL,
    "last4" VARCHAR(4) NOT NULL,
    "routing_code" TEXT,
    "country" CHAR(2) NOT NULL,
    "provider_account_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payout_destinations_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "payout_batches" (
    "id" UUID NOT NULL,
    "fleet_id" UUID,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "status" "PayoutBatchStatus" NOT NULL DEFAULT 'DRAFT',
    "currency" CHAR(3) NOT NULL,
    "item_count" INTEGER NOT NULL,
    "total_minor" BIGINT NOT NULL,
    "created_by" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submitted_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "payout_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payout_items" (
    "id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "driver_id" UUID NOT NULL,
    "driver_user_id" UUID NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "PayoutItemStatus" NOT NULL DEFAULT 'DRAFT',
    "reference" TEXT,
    "provider_payout_id" TEXT,
    "failure_code" TEXT,
    "debit_entry_id" UUID,
    "final_entry_id" UUID,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payout_items_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "payout_destinations_driver_id_key" ON "payout_destinations"("driver_id");

-- CreateIndex
CREATE INDEX "payout_batches_created_at_id_idx" ON "payout_batches"("created_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "payout_batches_created_by_idempotency_key_key" ON "payout_batches"("created_by", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "payout_items_provider_payout_id_key" ON "payout_items"("provider_payout_id");

-- CreateIndex
CREATE INDEX "payout_items_batch_id_status_idx" ON "payout_items"("batch_id", "status");

-- CreateIndex
CREATE INDEX "payout_items_batch_id_id_idx" ON "payout_items"("batch_id", "id");

-- CreateIndex
CREATE INDEX "payout_items_driver_id_created_at_id_idx" ON "payout_items"("driver_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "payout_items_status_next_attempt_at_idx" ON "payout_items"("status", "next_attempt_at");

-- AddForeignKey
ALTER TABLE "payout_items" ADD CONSTRAINT "payout_items_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "payout_batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (prisma/hand-written.json): what schema.prisma cannot express.
-- A driver has at most one payout that is not final (DRAFT or PENDING): never paid twice for one balance.
CREATE UNIQUE INDEX "payout_items_one_open_per_driver" ON "payout_items"("driver_id") WHERE status IN ('DRAFT', 'PENDING');
ALTER TABLE "payout_items" ADD CONSTRAINT "payout_items_amount_positive" CHECK (amount_minor > 0);
ALTER TABLE "payout_batches" ADD CONSTRAINT "payout_batches_total_not_negative" CHECK (total_minor >= 0 AND item_count >= 0);
