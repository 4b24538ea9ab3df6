-- AlterTable
ALTER TABLE "drivers" ADD COLUMN     "name" TEXT;

-- CreateTable
CREATE TABLE "user_names" (
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "name_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_names_pkey" PRIMARY KEY ("user_id")
);

-- Hand-written below (Prisma's schema does not describe triggers).
-- A new driver profile takes its user's name from user_names, whichever way it is made (createDriverProfile,
-- driver.onboarded, the demo seed, anything later), so a name that arrived before the profile is not lost. The
-- transaction-scoped advisory lock on the user id is also taken by the name consumer before it writes
-- (store/user-name-store.ts): a profile made while a rename is being applied either sees the new name here or is
-- seen by the consumer's update of drivers — never neither (READ COMMITTED: each statement after the lock reads what
-- the other committed).
CREATE FUNCTION "driver_name_from_user_names"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('fleet.user_names:' || NEW.user_id::text, 0));
  -- Qualified by the trigger's own schema: the session's search_path is not fleet's at run time.
  EXECUTE format('SELECT name FROM %I.user_names WHERE user_id = $1', TG_TABLE_SCHEMA) INTO NEW.name USING NEW.user_id;
  RETURN NEW;
END
$$;

CREATE TRIGGER "drivers_name_from_user_names" BEFORE INSERT ON "drivers"
  FOR EACH ROW EXECUTE FUNCTION "driver_name_from_user_names"();
