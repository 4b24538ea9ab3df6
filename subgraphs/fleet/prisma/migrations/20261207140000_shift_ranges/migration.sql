-- The operations summary's online numbers (OperationsSummary.driversOnline / driverHoursOnline, store/
-- shift-summary-store.ts) find the shifts overlapping a range: a GiST index on each attendance's span, check-in to
-- check-out (unbounded while open), so a month of a year's shifts is read without the others and open shifts of any
-- age are found. The same expression is in the store's WHERE. `least` keeps a row whose check-out precedes its
-- check-in (nothing forbids one) an empty span instead of an error. Hand-written (hand-written.json): Prisma's
-- schema cannot express an expression index; the snapshot equals schema.prisma, unchanged.
CREATE INDEX "attendances_shift_span_idx" ON "attendances" USING gist (tstzrange(least("created_at", "check_out_at"), "check_out_at", '[)'));
