-- The operations summary's online numbers (OperationsSummary.driversOnline / driverHoursOnline, store/
-- shift-summary-store.ts) find the shifts and the breaks overlapping a range: GiST indexes on each attendance's span,
-- check-in to check-out, and each break's, start to end (unbounded while open), so a month of a year's shifts is read
-- without the others and open ones of any age are found. The same expressions are in the store's WHERE. `least`
-- keeps a row whose end precedes its start (nothing forbids one) an empty span instead of an error. Hand-written
-- (hand-written.json): Prisma's schema cannot express an expression index; the snapshot equals schema.prisma.
CREATE INDEX "attendances_shift_span_idx" ON "attendances" USING gist (tstzrange(least("created_at", "check_out_at"), "check_out_at", '[)'));
CREATE INDEX "breaks_span_idx" ON "breaks" USING gist (tstzrange(least("started_at", "ended_at"), "ended_at", '[)'));
