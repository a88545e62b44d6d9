-- Payouts (issue 14): created PENDING at closing for each statement with a positive net; the
-- export freezes the bank details (or withholds the payout, with its reason) and the SEPA
-- message; « Marquer payé » posts PAYOUT_PAID; a transfer the bank returns is RETURNED and, like
-- a withheld payout, its amount is carried into the structure's next statement.
ALTER TYPE "PayoutStatus" ADD VALUE 'RETURNED';

ALTER TABLE "Payout" ADD COLUMN "carriedIntoId" TEXT,
    ADD COLUMN "returnedAt" TIMESTAMP(3),
    ADD COLUMN "returnedReason" TEXT;
ALTER TABLE "Payout" ADD CONSTRAINT "Payout_carriedIntoId_fkey" FOREIGN KEY ("carriedIntoId") REFERENCES "Statement"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Payout_carriedIntoId_idx" ON "Payout"("carriedIntoId");
-- The payouts list (by status, newest first) and the dashboard's "awaiting export or payment".
CREATE INDEX "Payout_status_createdAt_idx" ON "Payout"("status", "createdAt");
-- A withheld or returned payout not yet carried, per structure (the preparation's look-up).
CREATE INDEX "Payout_structureId_status_idx" ON "Payout"("structureId", "status") WHERE "carriedIntoId" IS NULL;

-- The SEPA message as exported: its id, the debtor and the creation time, frozen so a re-export gives the same bytes.
ALTER TABLE "Endorsement" ADD COLUMN "sepaExport" JSONB,
    ADD COLUMN "exportedByName" TEXT,
    ADD COLUMN "paidByName" TEXT;
