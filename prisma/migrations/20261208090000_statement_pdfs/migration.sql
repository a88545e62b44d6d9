-- Statement PDFs rendered in the background when a month is closed (issue 14, B5): stored once,
-- served as stored; rendered again when the statement's payout moves on (its payment sentence).
CREATE TABLE "StatementPdf" (
    "statementId" TEXT NOT NULL,
    "payment" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "renderedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatementPdf_pkey" PRIMARY KEY ("statementId")
);
ALTER TABLE "StatementPdf" ADD CONSTRAINT "StatementPdf_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
