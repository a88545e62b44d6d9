-- Issue 9 §3 and §4: the ledger, immutable history, and a schema ready for money at scale.
-- Objects Prisma's schema cannot describe (partial index, CHECK constraints, triggers) are also
-- declared in prisma/raw-objects.ts, which the drift test compares with the database.

-- CreateEnum
CREATE TYPE "LedgerEvent" AS ENUM ('ORDER_ACTIVATED', 'SPONSOR_PAYMENT_RECEIVED', 'REDEMPTION_ACCEPTED', 'SCAN_VOIDED', 'MONTH_CLOSED', 'PAYOUT_PAID', 'PASSES_EXPIRED', 'PASSES_CANCELLED', 'REVERSAL');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('STATEMENT', 'SPONSOR_FEE_INVOICE', 'SPONSOR_CREDIT_NOTE');

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" TEXT NOT NULL,
    "transactionId" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "debitCents" INTEGER NOT NULL DEFAULT 0,
    "creditCents" INTEGER NOT NULL DEFAULT 0,
    "event" "LedgerEvent" NOT NULL,
    "resource" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id"),
    -- One side per line, a positive amount on it: the same rule as post() (server/src/ledger/rules.ts).
    CONSTRAINT "LedgerEntry_amount_check" CHECK (("debitCents" > 0 AND "creditCents" = 0) OR ("debitCents" = 0 AND "creditCents" > 0)),
    CONSTRAINT "LedgerEntry_account_check" CHECK ("account" ~ '^(PASS_FLOAT|FEES_UPSTREAM|FEES_DOWNSTREAM|SUBSCRIPTIONS|VAT_COLLECTED|BANK|(SPONSOR|STRUCTURE):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$')
);

-- CreateIndex
CREATE INDEX "LedgerEntry_transactionId_idx" ON "LedgerEntry"("transactionId");

-- CreateIndex: an account's lines in time order, and its balance.
CREATE INDEX "LedgerEntry_account_createdAt_idx" ON "LedgerEntry"("account", "createdAt");

-- CreateIndex: the console list's default order.
CREATE INDEX "LedgerEntry_createdAt_idx" ON "LedgerEntry"("createdAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_event_createdAt_idx" ON "LedgerEntry"("event", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_resource_recordId_idx" ON "LedgerEntry"("resource", "recordId");

-- Every transaction balances, whoever writes it (post() or a job's set-based INSERT … SELECT):
-- checked after each INSERT statement over the transactions it touched. A transaction's lines
-- are therefore written by one statement.
CREATE FUNCTION "ledger_refuse_unbalanced"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unbalanced TEXT;
BEGIN
  SELECT e."transactionId" INTO unbalanced FROM "LedgerEntry" e
   WHERE e."transactionId" IN (SELECT DISTINCT i."transactionId" FROM inserted i)
   GROUP BY e."transactionId" HAVING sum(e."debitCents") <> sum(e."creditCents") LIMIT 1;
  IF unbalanced IS NOT NULL THEN
    RAISE EXCEPTION 'Transaction comptable % déséquilibrée : la somme des débits diffère de celle des crédits.', unbalanced
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "LedgerEntry_balanced" AFTER INSERT ON "LedgerEntry" REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_refuse_unbalanced"();

-- CreateTable
CREATE TABLE "DocumentCounter" (
    "kind" "DocumentKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "lastNumber" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DocumentCounter_pkey" PRIMARY KEY ("kind","year")
);

-- History is append-only: no code path, and no future bug, can rewrite it. A mistake in the
-- books is corrected by a reversing transaction; the journal is never edited.
CREATE FUNCTION "refuse_history_rewrite"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'La table "%" est en ajout seul : % refusé.', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Corrigez par une écriture inverse, jamais en modifiant l''historique.';
END
$$;

CREATE TRIGGER "LedgerEntry_append_only" BEFORE UPDATE OR DELETE ON "LedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_rewrite"();
CREATE TRIGGER "LedgerEntry_no_truncate" BEFORE TRUNCATE ON "LedgerEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_rewrite"();
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_rewrite"();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_rewrite"();

-- A pass is redeemed exactly once: at most one accepted, non-voided scan per pass, even under
-- concurrent requests on several instances.
CREATE UNIQUE INDEX "Scan_passId_accepted_key" ON "Scan"("passId") WHERE "outcome" = 'ACCEPTED' AND "voidedAt" IS NULL;

-- Month totals past 21 M€ (the 32-bit limit).
ALTER TABLE "Endorsement" ALTER COLUMN "grossCents" SET DATA TYPE BIGINT,
                          ALTER COLUMN "feeCents" SET DATA TYPE BIGINT,
                          ALTER COLUMN "netCents" SET DATA TYPE BIGINT;

-- A withheld payout has no valid bank details to freeze, and says why.
ALTER TABLE "Payout" ALTER COLUMN "bankHolder" DROP NOT NULL,
                     ALTER COLUMN "iban" DROP NOT NULL,
                     ALTER COLUMN "bic" DROP NOT NULL,
                     ADD CONSTRAINT "Payout_withheld_check" CHECK (
                       ("status" = 'WITHHELD' AND "withheldReason" IS NOT NULL)
                       OR ("status" <> 'WITHHELD' AND "bankHolder" IS NOT NULL AND "iban" IS NOT NULL AND "bic" IS NOT NULL));
