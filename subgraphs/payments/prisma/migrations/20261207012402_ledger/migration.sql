-- CreateEnum
CREATE TYPE "LedgerAccountKind" AS ENUM ('RIDER_WALLET', 'RIDER_BALANCE_DUE', 'DRIVER_EARNINGS', 'DRIVER_CASH_HELD', 'PLATFORM_REVENUE', 'PROVIDER_CLEARING', 'PROMOTIONS', 'FLEET_CASH', 'DRIVER_DEPOSIT');

-- CreateEnum
CREATE TYPE "LedgerCause" AS ENUM ('TRIP_FARE', 'CANCELLATION_FEE', 'TOP_UP', 'REFUND', 'ADJUSTMENT', 'PROMOTION');

-- CreateEnum
CREATE TYPE "PaymentMethodType" AS ENUM ('CARD', 'WALLET', 'CASH');

-- CreateEnum
CREATE TYPE "PaymentPurpose" AS ENUM ('TRIP_FARE', 'CANCELLATION_FEE', 'TOP_UP');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'OWED', 'FAILED', 'PARTIALLY_REFUNDED', 'REFUNDED');

-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "ledger_accounts" (
    "id" UUID NOT NULL,
    "kind" "LedgerAccountKind" NOT NULL,
    "owner_id" UUID,
    "currency" CHAR(3) NOT NULL,
    "balance_minor" BIGINT NOT NULL DEFAULT 0,
    "version" BIGINT NOT NULL DEFAULT 0,
    "shard" SMALLINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "journal_entries" (
    "id" UUID NOT NULL,
    "cause" "LedgerCause" NOT NULL,
    "payment_id" UUID,
    "refund_id" UUID,
    "trip_id" UUID,
    "actor_user_id" UUID,
    "description" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "journal_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "postings" (
    "id" UUID NOT NULL,
    "entry_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "balance_after_minor" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "postings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_cards" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_method_id" TEXT NOT NULL,
    "brand" TEXT NOT NULL,
    "last4" CHAR(4) NOT NULL,
    "exp_month" INTEGER NOT NULL,
    "exp_year" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMPTZ(3),

    CONSTRAINT "payment_cards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_profiles" (
    "user_id" UUID NOT NULL,
    "default_method" "PaymentMethodType" NOT NULL DEFAULT 'CASH',
    "default_card_id" UUID,
    "provider_customer_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_profiles_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "payments" (
    "id" UUID NOT NULL,
    "purpose" "PaymentPurpose" NOT NULL,
    "payer_user_id" UUID NOT NULL,
    "trip_id" UUID,
    "driver_user_id" UUID,
    "driver_id" UUID,
    "fleet_id" UUID,
    "requested_method" "PaymentMethodType" NOT NULL,
    "method" "PaymentMethodType",
    "card_id" UUID,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "commission_bps" INTEGER NOT NULL DEFAULT 0,
    "status" "PaymentStatus" NOT NULL DEFAULT 'PENDING',
    "refunded_minor" BIGINT NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3),
    "provider_payment_id" TEXT,
    "failure_code" TEXT,
    "failure_message" TEXT,
    "receipt_number" TEXT,
    "receipt_seq" BIGSERIAL NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paid_at" TIMESTAMPTZ(3),
    "actor_user_id" UUID,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refunds" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "RefundStatus" NOT NULL DEFAULT 'PENDING',
    "method" "PaymentMethodType" NOT NULL,
    "provider_refund_id" TEXT,
    "actor_user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refunds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "commission_rules" (
    "id" UUID NOT NULL,
    "city" TEXT,
    "category" TEXT,
    "rate_bps" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "commission_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "user_id" UUID NOT NULL,
    "operation" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "result_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("user_id","operation","key")
);

-- CreateTable
CREATE TABLE "provider_events" (
    "provider" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "provider_events_pkey" PRIMARY KEY ("provider","event_id")
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
CREATE UNIQUE INDEX "ledger_accounts_kind_owner_id_currency_shard_key" ON "ledger_accounts"("kind", "owner_id", "currency", "shard");

-- CreateIndex
CREATE INDEX "journal_entries_payment_id_idx" ON "journal_entries"("payment_id");

-- CreateIndex
CREATE INDEX "postings_entry_id_idx" ON "postings"("entry_id");

-- CreateIndex
CREATE INDEX "postings_account_id_created_at_id_idx" ON "postings"("account_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "payment_cards_user_id_created_at_idx" ON "payment_cards"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "payment_cards_provider_provider_method_id_key" ON "payment_cards"("provider", "provider_method_id");

-- CreateIndex
CREATE UNIQUE INDEX "payments_provider_payment_id_key" ON "payments"("provider_payment_id");

-- CreateIndex
CREATE UNIQUE INDEX "payments_receipt_number_key" ON "payments"("receipt_number");

-- CreateIndex
CREATE INDEX "payments_payer_user_id_created_at_id_idx" ON "payments"("payer_user_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "payments_status_next_attempt_at_idx" ON "payments"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "payments_created_at_id_idx" ON "payments"("created_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "payments_trip_id_purpose_key" ON "payments"("trip_id", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "refunds_provider_refund_id_key" ON "refunds"("provider_refund_id");

-- CreateIndex
CREATE INDEX "refunds_payment_id_created_at_idx" ON "refunds"("payment_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "commission_rules_city_category_key" ON "commission_rules"("city", "category");

-- CreateIndex
CREATE INDEX "outbox_events_published_at_occurred_at_idx" ON "outbox_events"("published_at", "occurred_at");

-- AddForeignKey
ALTER TABLE "postings" ADD CONSTRAINT "postings_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "journal_entries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "postings" ADD CONSTRAINT "postings_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "ledger_accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------------------
-- The ledger's rules, enforced by the database so that no code path (a bug, a hand-written statement) can break
-- them. See subgraphs/payments/MONEY.md.

-- One platform account per (kind, currency) too: owner NULL must collide with owner NULL.
DROP INDEX "ledger_accounts_kind_owner_id_currency_shard_key";
CREATE UNIQUE INDEX "ledger_accounts_kind_owner_id_currency_shard_key" ON "ledger_accounts"("kind", "owner_id", "currency", "shard") NULLS NOT DISTINCT;
DROP INDEX "commission_rules_city_category_key";
CREATE UNIQUE INDEX "commission_rules_city_category_key" ON "commission_rules"("city", "category") NULLS NOT DISTINCT;

ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
-- A wallet is prepaid money: never below zero. Two charges racing for one wallet serialize on its row (the
-- trigger below updates it), and the one that would overdraw it fails on this check (INSUFFICIENT_FUNDS).
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_wallet_not_negative" CHECK ("kind" <> 'RIDER_WALLET' OR "balance_minor" >= 0);
ALTER TABLE "postings" ADD CONSTRAINT "postings_amount_not_zero" CHECK ("amount_minor" <> 0);
ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_positive" CHECK ("amount_minor" > 0);
ALTER TABLE "payments" ADD CONSTRAINT "payments_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "payments" ADD CONSTRAINT "payments_refunded_within_amount" CHECK ("refunded_minor" >= 0 AND "refunded_minor" <= "amount_minor");
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_amount_positive" CHECK ("amount_minor" > 0);
ALTER TABLE "commission_rules" ADD CONSTRAINT "commission_rules_rate_range" CHECK ("rate_bps" >= 0 AND "rate_bps" <= 10000);

-- A posting moves its account's balance in the same statement, so a balance is always the sum of its postings;
-- the posting records the balance after it (statement lines). The currency must be the account's.
CREATE FUNCTION "apply_posting"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  account_currency char(3);
  new_balance bigint;
BEGIN
  -- Static SQL (its plan is cached): these migrations only fit the schema "payments" (platform/db/migrations/README.md).
  UPDATE payments.ledger_accounts SET balance_minor = balance_minor + NEW.amount_minor, version = version + 1, updated_at = now()
    WHERE id = NEW.account_id RETURNING currency, balance_minor INTO account_currency, new_balance;
  IF account_currency IS NULL THEN
    RAISE EXCEPTION 'posting to unknown ledger account %', NEW.account_id USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF account_currency <> NEW.currency THEN
    RAISE EXCEPTION 'posting in % to a % account', NEW.currency, account_currency USING ERRCODE = 'check_violation', CONSTRAINT = 'postings_currency_of_account';
  END IF;
  NEW.balance_after_minor := new_balance;
  RETURN NEW;
END
$$;
CREATE TRIGGER "postings_apply" BEFORE INSERT ON "postings" FOR EACH ROW EXECUTE FUNCTION "apply_posting"();

-- Double entry: after every statement that inserts postings, the entries it touched sum to zero per currency. An
-- entry's postings are therefore inserted together, in one statement (ledger-store.ts does); checked once per
-- statement rather than once per row at commit.
CREATE FUNCTION "check_entries_balanced"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unbalanced uuid;
BEGIN
  SELECT p.entry_id INTO unbalanced FROM payments.postings p
    WHERE p.entry_id IN (SELECT DISTINCT entry_id FROM inserted)
    GROUP BY p.entry_id, p.currency HAVING sum(p.amount_minor) <> 0 LIMIT 1;
  IF unbalanced IS NOT NULL THEN
    RAISE EXCEPTION 'journal entry % does not balance', unbalanced USING ERRCODE = 'check_violation', CONSTRAINT = 'journal_entries_balanced';
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "postings_balanced" AFTER INSERT ON "postings" REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION "check_entries_balanced"();

-- Immutable: a mistake is corrected by a new entry (a reversal or an adjustment), never by editing history.
CREATE FUNCTION "refuse_ledger_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger % are immutable (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "postings_immutable" BEFORE UPDATE OR DELETE ON "postings" FOR EACH ROW EXECUTE FUNCTION "refuse_ledger_change"();
CREATE TRIGGER "journal_entries_immutable" BEFORE UPDATE OR DELETE ON "journal_entries" FOR EACH ROW EXECUTE FUNCTION "refuse_ledger_change"();


-- The default commission (MONEY.md): 20 % of every fare; rules per city and category refine it.
INSERT INTO "commission_rules" (id, city, category, rate_bps) VALUES (gen_random_uuid(), NULL, NULL, 2000);

-- Wallets made before the ledger existed become wallet accounts (same ids) whose balance is explained by an
-- opening entry from the platform's promotions account.
INSERT INTO "ledger_accounts" (id, kind, owner_id, currency, balance_minor, created_at, updated_at)
SELECT id, 'RIDER_WALLET', user_id, currency, 0, created_at, updated_at FROM "wallets";
INSERT INTO "ledger_accounts" (id, kind, owner_id, currency)
SELECT DISTINCT ON (currency) gen_random_uuid(), 'PROMOTIONS'::"LedgerAccountKind", NULL::uuid, currency FROM "wallets" WHERE balance_minor <> 0;
CREATE TEMPORARY TABLE "opening" ON COMMIT DROP AS
  SELECT gen_random_uuid() AS entry_id, w.id AS wallet_id, w.balance_minor, w.currency FROM "wallets" w WHERE w.balance_minor <> 0;
INSERT INTO "journal_entries" (id, cause, description)
SELECT entry_id, 'PROMOTION', 'Opening balance carried over from the wallet before the ledger' FROM "opening";
INSERT INTO "postings" (id, entry_id, account_id, amount_minor, currency, balance_after_minor)
SELECT gen_random_uuid(), o.entry_id, o.wallet_id, o.balance_minor, o.currency, 0 FROM "opening" o
UNION ALL
SELECT gen_random_uuid(), o.entry_id, p.id, -o.balance_minor, o.currency, 0 FROM "opening" o
  JOIN "ledger_accounts" p ON p.kind = 'PROMOTIONS' AND p.owner_id IS NULL AND p.currency = o.currency;

DROP TABLE "wallets";
