-- AlterTable
ALTER TABLE "hubs" ADD COLUMN     "retired_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "vehicles" ADD COLUMN     "colour" TEXT;

-- AlterTable
ALTER TABLE "drivers" ADD COLUMN     "home_hub_id" UUID,
ADD COLUMN     "licence_expires_on" DATE,
ADD COLUMN     "suspended_at" TIMESTAMPTZ(3),
ADD COLUMN     "suspension_reason" TEXT;

-- AddForeignKey
ALTER TABLE "drivers" ADD CONSTRAINT "drivers_home_hub_id_fkey" FOREIGN KEY ("home_hub_id") REFERENCES "hubs"("id") ON DELETE SET NULL ON UPDATE CASCADE;
