-- Lists at 1,000,000 rows (issue 9 §5): indexes for the sorts and filters the console's lists use.
-- Every list orders by its sort column then "id" in the same direction, so one (column, id)
-- index serves both directions; where the console sorts DESC by default the index is DESC.
-- Indexes that a new composite index starts with are dropped (the composite serves them).

-- Trigram search (`q` is an ILIKE '%…%' on each searched column, OR'ed): GIN gin_trgm_ops.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Order: default sort createdAt DESC, filter by status.
DROP INDEX IF EXISTS "Order_status_idx";
CREATE INDEX "Order_status_createdAt_id_idx" ON "Order"("status", "createdAt" DESC, "id" DESC);
CREATE INDEX "Order_createdAt_id_idx" ON "Order"("createdAt" DESC, "id" DESC);

-- Booklet: default sort number (unique index); `q` on number.
CREATE INDEX "Booklet_number_trgm_idx" ON "Booklet" USING GIN ("number" gin_trgm_ops);

-- Pass: default sort barcode (unique index), filtered by status; sorted by redemption date.
DROP INDEX IF EXISTS "Pass_status_idx";
CREATE INDEX "Pass_status_barcode_idx" ON "Pass"("status", "barcode");
CREATE INDEX "Pass_status_redeemedAt_id_idx" ON "Pass"("status", "redeemedAt", "id");
CREATE INDEX "Pass_redeemedAt_id_idx" ON "Pass"("redeemedAt", "id");
CREATE INDEX "Pass_barcode_trgm_idx" ON "Pass" USING GIN ("barcode" gin_trgm_ops);

-- Application: default sort submittedAt DESC ((status, submittedAt) serves the status filter).
CREATE INDEX "Application_submittedAt_id_idx" ON "Application"("submittedAt" DESC, "id" DESC);

-- Offer: default sort submittedAt DESC, filter by status.
DROP INDEX IF EXISTS "Offer_status_idx";
CREATE INDEX "Offer_status_submittedAt_id_idx" ON "Offer"("status", "submittedAt" DESC, "id" DESC);
CREATE INDEX "Offer_submittedAt_id_idx" ON "Offer"("submittedAt" DESC, "id" DESC);

-- Subscription: default sort orderedAt DESC.
CREATE INDEX "Subscription_orderedAt_id_idx" ON "Subscription"("orderedAt" DESC, "id" DESC);

-- Redemption: default sort createdAt DESC, filters structureId and status; `q` on idempotencyKey.
DROP INDEX IF EXISTS "Redemption_createdAt_idx";
CREATE INDEX "Redemption_createdAt_id_idx" ON "Redemption"("createdAt" DESC, "id" DESC);
CREATE INDEX "Redemption_structureId_createdAt_id_idx" ON "Redemption"("structureId", "createdAt" DESC, "id" DESC);
CREATE INDEX "Redemption_status_createdAt_id_idx" ON "Redemption"("status", "createdAt" DESC, "id" DESC);
CREATE INDEX "Redemption_idempotencyKey_trgm_idx" ON "Redemption" USING GIN ("idempotencyKey" gin_trgm_ops);

-- Scan: default sort scannedAt DESC, filters structureId, outcome, offerId; `q` on barcode and reasonDetail.
DROP INDEX IF EXISTS "Scan_structureId_scannedAt_idx";
DROP INDEX IF EXISTS "Scan_outcome_scannedAt_idx";
CREATE INDEX "Scan_scannedAt_id_idx" ON "Scan"("scannedAt" DESC, "id" DESC);
CREATE INDEX "Scan_structureId_scannedAt_id_idx" ON "Scan"("structureId", "scannedAt" DESC, "id" DESC);
CREATE INDEX "Scan_outcome_scannedAt_id_idx" ON "Scan"("outcome", "scannedAt" DESC, "id" DESC);
CREATE INDEX "Scan_offerId_scannedAt_id_idx" ON "Scan"("offerId", "scannedAt" DESC, "id" DESC);
CREATE INDEX "Scan_barcode_trgm_idx" ON "Scan" USING GIN ("barcode" gin_trgm_ops);
CREATE INDEX "Scan_reasonDetail_trgm_idx" ON "Scan" USING GIN ("reasonDetail" gin_trgm_ops);

-- Dispute: default sort createdAt DESC.
CREATE INDEX "Dispute_createdAt_id_idx" ON "Dispute"("createdAt" DESC, "id" DESC);

-- Comment: sorted by createdAt (ascending in threads, descending in the console's list).
CREATE INDEX "Comment_createdAt_id_idx" ON "Comment"("createdAt", "id");

-- AuditEvent: default sort createdAt DESC, filter by resource; `q` on its four searched columns.
DROP INDEX IF EXISTS "AuditEvent_createdAt_idx";
CREATE INDEX "AuditEvent_createdAt_id_idx" ON "AuditEvent"("createdAt" DESC, "id" DESC);
CREATE INDEX "AuditEvent_resource_createdAt_id_idx" ON "AuditEvent"("resource", "createdAt" DESC, "id" DESC);
CREATE INDEX "AuditEvent_actorName_trgm_idx" ON "AuditEvent" USING GIN ("actorName" gin_trgm_ops);
CREATE INDEX "AuditEvent_action_trgm_idx" ON "AuditEvent" USING GIN ("action" gin_trgm_ops);
CREATE INDEX "AuditEvent_resource_trgm_idx" ON "AuditEvent" USING GIN ("resource" gin_trgm_ops);
CREATE INDEX "AuditEvent_recordId_trgm_idx" ON "AuditEvent" USING GIN ("recordId" gin_trgm_ops);
