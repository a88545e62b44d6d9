-- Four-eyes bank details: a change of a structure's IBAN/BIC/holder waits here until a second
-- staff member (ADMIN or FINANCE, not the requester) confirms it; the structure keeps its old
-- details (the ones payouts use) until then.
CREATE TYPE "BankDetailsChangeStatus" AS ENUM ('PENDING', 'CONFIRMED', 'REJECTED');

CREATE TABLE "BankDetailsChange" (
    "id" TEXT NOT NULL,
    "structureId" TEXT NOT NULL,
    "bankHolder" TEXT NOT NULL,
    "iban" TEXT NOT NULL,
    "bic" TEXT NOT NULL,
    "status" "BankDetailsChangeStatus" NOT NULL DEFAULT 'PENDING',
    "requestedById" TEXT NOT NULL,
    "requestedByName" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedByName" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionComment" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BankDetailsChange_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "BankDetailsChange_structureId_idx" ON "BankDetailsChange"("structureId");

ALTER TABLE "BankDetailsChange" ADD CONSTRAINT "BankDetailsChange_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One pending change per structure, whoever requests it at the same time.
CREATE UNIQUE INDEX "BankDetailsChange_structureId_pending_key" ON "BankDetailsChange"("structureId") WHERE "status" = 'PENDING';
