-- CreateEnum
CREATE TYPE "PaymentMethodType" AS ENUM ('CARD', 'WALLET', 'CASH');

-- AlterTable
ALTER TABLE "trips" ADD COLUMN     "payment_card_id" UUID,
ADD COLUMN     "payment_method" "PaymentMethodType";

-- CreateTable
CREATE TABLE "rider_balances_due" (
    "user_id" UUID NOT NULL,
    "due_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "sequence" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rider_balances_due_pkey" PRIMARY KEY ("user_id")
);

-- Hand-written (prisma/hand-written.json): a card id goes with CARD and only with CARD.
ALTER TABLE "trips" ADD CONSTRAINT "trips_payment_card_only_for_card"
  CHECK ((payment_method = 'CARD' AND payment_card_id IS NOT NULL) OR (payment_method IS DISTINCT FROM 'CARD' AND payment_card_id IS NULL));
