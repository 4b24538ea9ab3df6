-- CreateEnum
CREATE TYPE "RentalPeriod" AS ENUM ('DAILY', 'WEEKLY');

-- CreateEnum
CREATE TYPE "DepositCollection" AS ENUM ('PAYMENT_LINK', 'FROM_EARNINGS');

-- CreateTable
CREATE TABLE "rental_plans" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "vehicle_category" TEXT NOT NULL,
    "period" "RentalPeriod" NOT NULL,
    "rent_minor" BIGINT NOT NULL,
    "deposit_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "deposit_collection" "DepositCollection" NOT NULL,
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "valid_to" TIMESTAMPTZ(3),
    "auto_assign" BOOLEAN NOT NULL,
    "retired_at" TIMESTAMPTZ(3),
    "created_by_user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rental_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "driver_rental_plans" (
    "id" UUID NOT NULL,
    "driver_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "fleet_id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "charged_periods" INTEGER NOT NULL DEFAULT 0,
    "deposit_required_minor" BIGINT NOT NULL,
    "assigned_by_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "driver_rental_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rent_charges" (
    "id" UUID NOT NULL,
    "assignment_id" UUID NOT NULL,
    "driver_id" UUID NOT NULL,
    "period_index" INTEGER NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "entry_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rent_charges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "driver_exits" (
    "id" UUID NOT NULL,
    "driver_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "assignment_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "deposit_returned_minor" BIGINT NOT NULL,
    "rent_charged_at_exit_minor" BIGINT NOT NULL,
    "rent_charged_total_minor" BIGINT NOT NULL,
    "cash_netted_minor" BIGINT NOT NULL,
    "final_balance_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "actor_user_id" UUID NOT NULL,
    "settled_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "driver_exits_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "rental_plans_vehicle_category_auto_assign_idx" ON "rental_plans"("vehicle_category", "auto_assign");

-- CreateIndex
CREATE INDEX "driver_rental_plans_driver_id_starts_at_idx" ON "driver_rental_plans"("driver_id", "starts_at");

-- CreateIndex
CREATE INDEX "driver_rental_plans_ends_at_id_idx" ON "driver_rental_plans"("ends_at", "id");

-- CreateIndex
CREATE INDEX "rent_charges_driver_id_period_start_id_idx" ON "rent_charges"("driver_id", "period_start", "id");

-- CreateIndex
CREATE UNIQUE INDEX "rent_charges_assignment_id_period_start_key" ON "rent_charges"("assignment_id", "period_start");

-- CreateIndex
CREATE INDEX "driver_exits_driver_id_idx" ON "driver_exits"("driver_id");

-- AddForeignKey
ALTER TABLE "driver_rental_plans" ADD CONSTRAINT "driver_rental_plans_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "rental_plans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rent_charges" ADD CONSTRAINT "rent_charges_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "driver_rental_plans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (declared in prisma/hand-written.json): what schema.prisma cannot express.
-- At most one current plan per driver: a second concurrent assignment fails (or does nothing with ON CONFLICT).
CREATE UNIQUE INDEX "driver_rental_plans_one_current" ON "driver_rental_plans"("driver_id") WHERE "ends_at" IS NULL;
ALTER TABLE "rental_plans" ADD CONSTRAINT "rental_plans_rent_positive" CHECK ("rent_minor" > 0);
ALTER TABLE "rental_plans" ADD CONSTRAINT "rental_plans_deposit_not_negative" CHECK ("deposit_minor" >= 0);
ALTER TABLE "rental_plans" ADD CONSTRAINT "rental_plans_validity" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");
ALTER TABLE "rent_charges" ADD CONSTRAINT "rent_charges_amount_positive" CHECK ("amount_minor" > 0);
