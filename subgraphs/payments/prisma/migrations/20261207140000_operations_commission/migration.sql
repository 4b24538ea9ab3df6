-- The operations summary's commission (OperationsSummary.commission, services/operations-commission.ts): the trip's
-- service area kept on its payment (settlement copies trip.completed / trip.cancelled `city`; earlier payments stay
-- null and so outside any city scope).
-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "city" TEXT;

-- Hand-written (hand-written.json): Prisma cannot express INCLUDE or a partial index. The summary reads a range of
-- trip ends of the payments the ledger booked and sums per currency from the index alone (an index-only scan: no
-- visit to the table's rows); the statuses are the index's predicate, so they cost the scan no filter.
CREATE INDEX "payments_trip_end_summary_idx" ON "payments" ("trip_completed_at") INCLUDE ("fleet_id", "city", "currency", "amount_minor", "commission_bps") WHERE "trip_id" IS NOT NULL AND "status" IN ('SUCCEEDED', 'OWED', 'PARTIALLY_REFUNDED', 'REFUNDED');
