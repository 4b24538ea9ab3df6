-- CreateEnum
CREATE TYPE "AuditSource" AS ENUM ('identity', 'fleet', 'trips', 'payments', 'gamification', 'notifications');

-- CreateTable
CREATE TABLE "audit_entries" (
    "id" UUID NOT NULL,
    "source" "AuditSource" NOT NULL,
    "actor_id" UUID NOT NULL,
    "actor_roles" "Role"[],
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,
    "request_id" TEXT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_events" (
    "consumer" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_events_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateIndex
CREATE INDEX "audit_entries_occurred_at_id_idx" ON "audit_entries"("occurred_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_entries_actor_id_occurred_at_id_idx" ON "audit_entries"("actor_id", "occurred_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_entries_target_type_target_id_occurred_at_id_idx" ON "audit_entries"("target_type", "target_id", "occurred_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_entries_action_occurred_at_id_idx" ON "audit_entries"("action", "occurred_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_entries_source_occurred_at_id_idx" ON "audit_entries"("source", "occurred_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_entries_request_id_idx" ON "audit_entries"("request_id");
