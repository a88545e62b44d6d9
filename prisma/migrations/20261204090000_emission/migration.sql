-- Emission (issue 11): order amounts frozen at creation (fee, VAT, total), sponsor payments,
-- numbered sponsor documents, booklet sequences for handed-out ranges, and the sponsor on each
-- pass so the passes list filters by sponsor on an index.
ALTER TYPE "DocumentKind" ADD VALUE 'BOOKLET';
ALTER TYPE "DocumentKind" ADD VALUE 'ORDER';

ALTER TABLE "Order" ADD COLUMN "vatRateBp" INTEGER NOT NULL DEFAULT 2000,
    ADD COLUMN "vatCents" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "totalCents" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "paidCents" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "creditedCents" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "firstBookletSequence" INTEGER;

-- Orders created before: VAT at 20 % on the fee, rounded half-up to the cent (integers only).
UPDATE "Order" SET "vatCents" = ("upstreamFeeCents" * 2000 + 5000) / 10000,
                   "totalCents" = "faceValueCents" + "upstreamFeeCents" + ("upstreamFeeCents" * 2000 + 5000) / 10000;

ALTER TABLE "Booklet" ADD COLUMN "sequence" INTEGER;
UPDATE "Booklet" SET "sequence" = substring("number" from '(\d+)$')::int WHERE "number" ~ '\d+$';

DROP INDEX "Booklet_orderId_idx";
CREATE INDEX "Booklet_orderId_number_idx" ON "Booklet"("orderId", "number");
CREATE INDEX "Booklet_handedOutAt_number_idx" ON "Booklet"("handedOutAt", "number");

ALTER TABLE "Pass" ADD COLUMN "sponsorId" TEXT;
UPDATE "Pass" p SET "sponsorId" = o."sponsorId" FROM "Order" o WHERE o.id = p."orderId";
ALTER TABLE "Pass" ALTER COLUMN "sponsorId" SET NOT NULL;
ALTER TABLE "Pass" ADD CONSTRAINT "Pass_sponsorId_fkey" FOREIGN KEY ("sponsorId") REFERENCES "Sponsor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
DROP INDEX "Pass_orderId_idx";
CREATE INDEX "Pass_orderId_barcode_idx" ON "Pass"("orderId", "barcode");
CREATE INDEX "Pass_sponsorId_status_barcode_idx" ON "Pass"("sponsorId", "status", "barcode");

CREATE TABLE "SponsorPayment" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "sponsorId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "receivedOn" TIMESTAMP(3) NOT NULL,
    "bankReference" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SponsorPayment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "SponsorPayment_amount_check" CHECK ("amountCents" > 0)
);
CREATE UNIQUE INDEX "SponsorPayment_orderId_bankReference_key" ON "SponsorPayment"("orderId", "bankReference");
CREATE INDEX "SponsorPayment_orderId_receivedOn_idx" ON "SponsorPayment"("orderId", "receivedOn");
CREATE INDEX "SponsorPayment_sponsorId_receivedOn_idx" ON "SponsorPayment"("sponsorId", "receivedOn");
CREATE INDEX "SponsorPayment_createdAt_id_idx" ON "SponsorPayment"("createdAt" DESC, "id" DESC);
ALTER TABLE "SponsorPayment" ADD CONSTRAINT "SponsorPayment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SponsorPayment" ADD CONSTRAINT "SponsorPayment_sponsorId_fkey" FOREIGN KEY ("sponsorId") REFERENCES "Sponsor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "SponsorDocument" (
    "id" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "number" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "sponsorId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SponsorDocument_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "SponsorDocument_kind_number_key" ON "SponsorDocument"("kind", "number");
CREATE UNIQUE INDEX "SponsorDocument_kind_orderId_key" ON "SponsorDocument"("kind", "orderId");
CREATE INDEX "SponsorDocument_sponsorId_issuedAt_idx" ON "SponsorDocument"("sponsorId", "issuedAt");
CREATE INDEX "SponsorDocument_issuedAt_id_idx" ON "SponsorDocument"("issuedAt" DESC, "id" DESC);
ALTER TABLE "SponsorDocument" ADD CONSTRAINT "SponsorDocument_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SponsorDocument" ADD CONSTRAINT "SponsorDocument_sponsorId_fkey" FOREIGN KEY ("sponsorId") REFERENCES "Sponsor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A pass barcode is 13 digits with the restricted-circulation prefix 2 (the check digit is the
-- application's rule; the shape is the database's).
ALTER TABLE "Pass" ADD CONSTRAINT "Pass_barcode_check" CHECK ("barcode" ~ '^2[0-9]{12}$');

-- The nightly expiry looks for ACTIVE passes past their grace date: a small index of those only.
CREATE INDEX "Pass_active_acceptedUntil_idx" ON "Pass"("acceptedUntil", "id") WHERE "status" = 'ACTIVE';
