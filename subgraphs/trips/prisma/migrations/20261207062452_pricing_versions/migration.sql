-- Pricing versions: a pricing rule is never changed in place any more; a change of price is a new row (version) of
-- its (city, category) with the instant it takes effect. Every existing rule becomes version 1 of its (city,
-- category), in force since 2000-01-01, with its city's surge cap: nothing is priced differently after this.
-- Quotes and trips already point at the rule (version) that priced them (pricing_rule_id).

-- DropIndex
DROP INDEX "pricing_rules_city_id_category_key";

-- AlterTable: added without NOT NULL first, filled from the existing rows, then required.
ALTER TABLE "pricing_rules" ADD COLUMN     "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "created_by_user_id" UUID,
ADD COLUMN     "effective_from" TIMESTAMPTZ(3),
ADD COLUMN     "surge_cap_tenths" INTEGER,
ADD COLUMN     "version" INTEGER;

UPDATE "pricing_rules" r
SET "version" = 1,
    "effective_from" = TIMESTAMPTZ '2000-01-01 00:00:00+00',
    "surge_cap_tenths" = c."max_surge_tenths"
FROM "cities" c
WHERE c."id" = r."city_id";

ALTER TABLE "pricing_rules" ALTER COLUMN "effective_from" SET NOT NULL,
ALTER COLUMN "surge_cap_tenths" SET NOT NULL,
ALTER COLUMN "version" SET NOT NULL;

-- AlterTable: the surge cap now belongs to each version (copied above).
ALTER TABLE "cities" DROP COLUMN "max_surge_tenths";

-- CreateIndex
CREATE UNIQUE INDEX "pricing_rules_city_id_category_effective_from_key" ON "pricing_rules"("city_id", "category", "effective_from");

-- CreateIndex
CREATE UNIQUE INDEX "pricing_rules_city_id_category_version_key" ON "pricing_rules"("city_id", "category", "version");
