-- CreateIndex
CREATE INDEX "dispatch_offers_offered_at_idx" ON "dispatch_offers"("offered_at");

-- CreateIndex
CREATE INDEX "dispatch_offers_fleet_id_offered_at_idx" ON "dispatch_offers"("fleet_id", "offered_at");
