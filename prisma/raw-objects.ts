// Database objects that prisma/schema.prisma cannot describe, created by raw SQL in the
// migrations beside this file: partial and expression indexes, CHECK constraints, triggers and
// the functions they call. The drift test (test/database/drift.e2e.ts) compares this list with
// the migrated database both ways, so a missing, changed or undeclared one is a failure.
//
// `definition` is PostgreSQL's own text for the object (pg_get_indexdef, pg_get_constraintdef,
// pg_get_triggerdef, pg_get_functiondef), whitespace collapsed, without the "public." prefix:
// when adding one, run the drift test and copy the text it reports.
import type { RawObject } from '../server/src/database/schema-drift';

export const RAW_OBJECTS: readonly RawObject[] = [
  // 20261203130000_bank_details_changes: one pending bank details change per structure.
  {
    kind: 'index',
    name: 'BankDetailsChange_structureId_pending_key',
    table: 'BankDetailsChange',
    definition: `CREATE UNIQUE INDEX "BankDetailsChange_structureId_pending_key" ON "BankDetailsChange" USING btree ("structureId") WHERE (status = 'PENDING'::"BankDetailsChangeStatus")`,
  },
  // 20261126120000_eligibility: one pending application per SIRET.
  {
    kind: 'index',
    name: 'Application_siret_pending_key',
    table: 'Application',
    definition: `CREATE UNIQUE INDEX "Application_siret_pending_key" ON "Application" USING btree (siret) WHERE (status = ANY (ARRAY['SUBMITTED'::"ApplicationStatus", 'IN_REVIEW'::"ApplicationStatus", 'ON_HOLD'::"ApplicationStatus"]))`,
  },

  // 20261205090000_subscriptions: at most one open kit (PENDING or ACTIVE) per structure.
  {
    kind: 'index',
    name: 'Subscription_structureId_open_key',
    table: 'Subscription',
    definition: `CREATE UNIQUE INDEX "Subscription_structureId_open_key" ON "Subscription" USING btree ("structureId") WHERE (status = ANY (ARRAY['PENDING'::"SubscriptionStatus", 'ACTIVE'::"SubscriptionStatus"]))`,
  },

  // 20261203100000_ledger: a pass is redeemed exactly once.
  {
    kind: 'index',
    name: 'Scan_passId_accepted_key',
    table: 'Scan',
    definition: `CREATE UNIQUE INDEX "Scan_passId_accepted_key" ON "Scan" USING btree ("passId") WHERE ((outcome = 'ACCEPTED'::"ScanOutcome") AND ("voidedAt" IS NULL))`,
  },
  // 20261203100000_ledger: ledger lines have one positive side and a known account shape.
  {
    kind: 'check',
    name: 'LedgerEntry_account_check',
    table: 'LedgerEntry',
    definition: `CHECK ((account ~ '^(PASS_FLOAT|FEES_UPSTREAM|FEES_DOWNSTREAM|SUBSCRIPTIONS|VAT_COLLECTED|BANK|(SPONSOR|STRUCTURE):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$'::text))`,
  },
  {
    kind: 'check',
    name: 'LedgerEntry_amount_check',
    table: 'LedgerEntry',
    definition: `CHECK (((("debitCents" > 0) AND ("creditCents" = 0)) OR (("debitCents" = 0) AND ("creditCents" > 0))))`,
  },
  // 20261203100000_ledger: every transaction balances, whoever inserts its lines.
  {
    kind: 'function',
    name: 'ledger_refuse_unbalanced',
    table: '',
    definition: `CREATE OR REPLACE FUNCTION ledger_refuse_unbalanced() RETURNS trigger LANGUAGE plpgsql AS $function$ DECLARE unbalanced TEXT; BEGIN SELECT e."transactionId" INTO unbalanced FROM "LedgerEntry" e WHERE e."transactionId" IN (SELECT DISTINCT i."transactionId" FROM inserted i) GROUP BY e."transactionId" HAVING sum(e."debitCents") <> sum(e."creditCents") LIMIT 1; IF unbalanced IS NOT NULL THEN RAISE EXCEPTION 'Transaction comptable % déséquilibrée : la somme des débits diffère de celle des crédits.', unbalanced USING ERRCODE = 'check_violation'; END IF; RETURN NULL; END $function$`,
  },
  {
    kind: 'trigger',
    name: 'LedgerEntry_balanced',
    table: 'LedgerEntry',
    definition: `CREATE TRIGGER "LedgerEntry_balanced" AFTER INSERT ON "LedgerEntry" REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_unbalanced()`,
  },
  // 20261203100000_ledger: a withheld payout says why; any other has its bank details.
  {
    kind: 'check',
    name: 'Payout_withheld_check',
    table: 'Payout',
    definition: `CHECK ((((status = 'WITHHELD'::"PayoutStatus") AND ("withheldReason" IS NOT NULL)) OR ((status <> 'WITHHELD'::"PayoutStatus") AND ("bankHolder" IS NOT NULL) AND (iban IS NOT NULL) AND (bic IS NOT NULL))))`,
  },
  // 20261207090000_payouts: a structure's withheld or returned payouts not yet carried (the preparation's look-up).
  {
    kind: 'index',
    name: 'Payout_structureId_status_idx',
    table: 'Payout',
    definition: `CREATE INDEX "Payout_structureId_status_idx" ON "Payout" USING btree ("structureId", status) WHERE ("carriedIntoId" IS NULL)`,
  },
  // 20261204090000_emission: the nightly expiry's ACTIVE passes by grace date.
  {
    kind: 'index',
    name: 'Pass_active_acceptedUntil_idx',
    table: 'Pass',
    definition: `CREATE INDEX "Pass_active_acceptedUntil_idx" ON "Pass" USING btree ("acceptedUntil", id) WHERE (status = 'ACTIVE'::"PassStatus")`,
  },
  // 20261204090000_emission: a payment is a positive amount; a barcode has the pass shape.
  {
    kind: 'check',
    name: 'SponsorPayment_amount_check',
    table: 'SponsorPayment',
    definition: `CHECK (("amountCents" > 0))`,
  },
  {
    kind: 'check',
    name: 'Pass_barcode_check',
    table: 'Pass',
    definition: `CHECK ((barcode ~ '^2[0-9]{12}$'::text))`,
  },
  // 20261203100000_ledger: the ledger and the audit log are append-only.
  {
    kind: 'function',
    name: 'refuse_history_rewrite',
    table: '',
    definition: `CREATE OR REPLACE FUNCTION refuse_history_rewrite() RETURNS trigger LANGUAGE plpgsql AS $function$ BEGIN RAISE EXCEPTION 'La table "%" est en ajout seul : % refusé.', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege', HINT = 'Corrigez par une écriture inverse, jamais en modifiant l''historique.'; END $function$`,
  },
  ...(['LedgerEntry', 'AuditEvent'] as const).flatMap((table): RawObject[] => [
    {
      kind: 'trigger',
      name: `${table}_append_only`,
      table,
      definition: `CREATE TRIGGER "${table}_append_only" BEFORE DELETE OR UPDATE ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite()`,
    },
    {
      kind: 'trigger',
      name: `${table}_no_truncate`,
      table,
      definition: `CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite()`,
    },
  ]),
];
