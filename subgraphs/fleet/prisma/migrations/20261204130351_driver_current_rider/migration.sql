-- AlterTable
ALTER TABLE "drivers" ADD COLUMN     "current_rider_user_id" UUID;
