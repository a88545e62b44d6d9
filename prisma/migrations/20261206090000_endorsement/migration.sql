-- Monthly endorsement (issue 14): a run is prepared (and recomputed) as a draft, then closed in
-- one transaction; CLOSING marks that transaction's window so nothing recomputes the draft meanwhile.
ALTER TYPE "EndorsementStatus" ADD VALUE 'CLOSING' AFTER 'PREPARED';

ALTER TABLE "Endorsement" ADD COLUMN "revision" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "subscriptionCents" BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN "adjustmentsCents" BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN "carriedCents" BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN "payableCents" BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN "preparedByName" TEXT,
    ADD COLUMN "closedByName" TEXT;

-- What a closed statement says, frozen at closing: its PDF is rendered from it (and its lines).
ALTER TABLE "Statement" ADD COLUMN "snapshot" JSONB;
