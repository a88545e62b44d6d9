-- Redemptions (issue 12): what a retried request must match to get the first answer again
-- (Idempotency-Key), and the answer itself with its HTTP status.
ALTER TABLE "Redemption" ADD COLUMN "requestHash" TEXT,
    ADD COLUMN "responseStatus" INTEGER;
