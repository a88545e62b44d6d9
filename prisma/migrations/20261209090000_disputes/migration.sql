-- Disputes (issue 15): support opens, assigns, investigates, resolves (UPHOLD, VOID_SCAN,
-- FORCE_REDEEM, with an explanation) or cancels them. References are numbered per year; a scan
-- accepted by staff for a pass wrongly refused is flagged, and so is its statement line.
ALTER TYPE "DocumentKind" ADD VALUE 'DISPUTE';

ALTER TABLE "Dispute" ADD COLUMN "resolvedByName" TEXT;
ALTER TABLE "Scan" ADD COLUMN "forced" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "StatementLine" ADD COLUMN "forced" BOOLEAN NOT NULL DEFAULT false;

-- The live queue: by status, assignee, category or structure, newest (or oldest) first.
DROP INDEX "Dispute_status_idx";
DROP INDEX "Dispute_assigneeId_idx";
DROP INDEX "Dispute_structureId_idx";
CREATE INDEX "Dispute_status_createdAt_id_idx" ON "Dispute"("status", "createdAt" DESC, "id" DESC);
CREATE INDEX "Dispute_assigneeId_createdAt_id_idx" ON "Dispute"("assigneeId", "createdAt" DESC, "id" DESC);
CREATE INDEX "Dispute_structureId_createdAt_id_idx" ON "Dispute"("structureId", "createdAt" DESC, "id" DESC);
CREATE INDEX "Dispute_category_createdAt_id_idx" ON "Dispute"("category", "createdAt" DESC, "id" DESC);
