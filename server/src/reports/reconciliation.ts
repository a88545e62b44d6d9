import { DateTime } from 'luxon';
import { csvSections, euros } from '../documents/csv';
import type { PrismaClient } from '../generated/prisma/client';
import { ledgerDifferences, type LedgerDifference, type LedgerInvariant, type LedgerReader } from '../ledger/invariants';
import { BUSINESS_ZONE } from '../rules/dates';
import type { ReportMonth } from './report-month';

/**
 * The reconciliation report (SPEC §3 "Ledger"): for a Paris month, each account family's opening
 * balance, movements and closing balance, read from the ledger only; and each invariant as the
 * books and the states stand now (the states tables hold only the present), with its expected
 * and actual value and the difference, zero when all is right.
 */

/** The account families, as split_part(account, ':', 1) names them. */
export const LEDGER_FAMILIES = ['SPONSOR', 'PASS_FLOAT', 'STRUCTURE', 'FEES_UPSTREAM', 'FEES_DOWNSTREAM', 'SUBSCRIPTIONS', 'VAT_COLLECTED', 'BANK'] as const;
export type LedgerFamily = (typeof LEDGER_FAMILIES)[number];

export const FAMILY_LABELS: Record<LedgerFamily, string> = {
  SPONSOR: 'Commanditaires (ce qu’ils doivent)',
  PASS_FLOAT: 'Pass en circulation',
  STRUCTURE: 'Structures (ce que l’APTIC leur doit)',
  FEES_UPSTREAM: 'Frais amont',
  FEES_DOWNSTREAM: 'Frais aval',
  SUBSCRIPTIONS: 'Abonnements au kit',
  VAT_COLLECTED: 'TVA collectée',
  BANK: 'Banque',
};

/** What is owed to APTIC or held by it: its balance is debit − credit; every other family's, credit − debit. */
const DEBIT_BALANCE: ReadonlySet<LedgerFamily> = new Set(['SPONSOR', 'BANK']);

export const INVARIANTS: readonly LedgerInvariant[] = ['TRANSACTION_BALANCED', 'PASS_FLOAT', 'STRUCTURE', 'SPONSOR'];

export const INVARIANT_LABELS: Record<LedgerInvariant, string> = {
  TRANSACTION_BALANCED: 'Chaque transaction est équilibrée (total des débits = total des crédits)',
  PASS_FLOAT: 'Pass en circulation = valeur faciale des pass actifs',
  STRUCTURE: 'Chaque compte structure = passages acceptés − frais et abonnements facturés − virements payés',
  SPONSOR: 'Chaque compte commanditaire = montants dus − paiements reçus − valeur créditée',
};

/** At most this many difference messages per invariant in a report (the count says how many there are). */
export const MAX_DETAILS = 50;

export interface FamilyBalance {
  family: LedgerFamily;
  label: string;
  /** Balance at the month's first instant, in the family's natural sign. */
  openingCents: number;
  /** Debits and credits posted within the month (to date for the current month). */
  debitCents: number;
  creditCents: number;
  /** Balance at the month's end (now for the current month): opening + movements. */
  closingCents: number;
}

export interface InvariantCheck {
  invariant: LedgerInvariant;
  label: string;
  /** What the states say, over every subject (for the balance of transactions: their credits). */
  expectedCents: number;
  /** What the ledger says (for the balance of transactions: their debits). */
  actualCents: number;
  /** actual − expected: zero when all is right. */
  differenceCents: number;
  /** Accounts (or transactions) whose own figures differ. */
  subjects: number;
  /** The first MAX_DETAILS of their differences, in French. */
  details: string[];
}

export interface Reconciliation {
  /** "2026-11" */
  month: string;
  /** First instant of the month (ISO 8601). */
  from: string;
  /** End of what the movements cover (excluded): the next month's first instant, or the report's time for the current month. */
  to: string;
  /** When the report was made: the invariants are those of that moment. */
  generatedAt: string;
  families: FamilyBalance[];
  invariants: InvariantCheck[];
  /** No difference on any invariant. */
  ok: boolean;
}

interface FamilyRow {
  family: string;
  openingDebit: bigint | number | string;
  openingCredit: bigint | number | string;
  debit: bigint | number | string;
  credit: bigint | number | string;
  allDebit: bigint | number | string;
  allCredit: bigint | number | string;
}

/** A sum of cents read as a JavaScript number, refused rather than rounded past 2^53. */
function cents(value: bigint | number | string | null | undefined): number {
  const big = BigInt(value ?? 0);
  if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < -BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`montant hors des entiers exacts : ${big} centimes`);
  return Number(big);
}

/**
 * The report for `period`, read from `db` as it stands. Set-based: one grouped pass over the
 * ledger for the families, the invariants' grouped queries (ledgerDifferences) for the rest.
 * Call it on a consistent snapshot (readReconciliation) when others may be writing.
 */
export async function reconciliation(db: LedgerReader, period: ReportMonth, now = new Date()): Promise<Reconciliation> {
  const to = period.end.getTime() < now.getTime() ? period.end : now;
  const rows = await db.$queryRaw<FamilyRow[]>`
    SELECT split_part(account, ':', 1) AS family,
           coalesce(sum("debitCents") FILTER (WHERE "createdAt" < ${period.start}::timestamp), 0) AS "openingDebit",
           coalesce(sum("creditCents") FILTER (WHERE "createdAt" < ${period.start}::timestamp), 0) AS "openingCredit",
           coalesce(sum("debitCents") FILTER (WHERE "createdAt" >= ${period.start}::timestamp AND "createdAt" < ${to}::timestamp), 0) AS debit,
           coalesce(sum("creditCents") FILTER (WHERE "createdAt" >= ${period.start}::timestamp AND "createdAt" < ${to}::timestamp), 0) AS credit,
           coalesce(sum("debitCents"), 0) AS "allDebit",
           coalesce(sum("creditCents"), 0) AS "allCredit"
      FROM "LedgerEntry" GROUP BY 1`;
  const byFamily = new Map(rows.map((r) => [r.family, r]));
  /** Balance in the family's natural sign, from BigInt sums. */
  const balance = (family: LedgerFamily, debit: bigint | number | string, credit: bigint | number | string) =>
    cents(DEBIT_BALANCE.has(family) ? BigInt(debit) - BigInt(credit) : BigInt(credit) - BigInt(debit));

  const families = LEDGER_FAMILIES.map((family): FamilyBalance => {
    const r = byFamily.get(family);
    const openingCents = r ? balance(family, r.openingDebit, r.openingCredit) : 0;
    const debitCents = cents(r?.debit);
    const creditCents = cents(r?.credit);
    const movement = DEBIT_BALANCE.has(family) ? debitCents - creditCents : creditCents - debitCents;
    return { family, label: FAMILY_LABELS[family], openingCents, debitCents, creditCents, closingCents: openingCents + movement };
  });

  // What the ledger says today for each invariant, over all its subjects.
  const today = (family: LedgerFamily) => {
    const r = byFamily.get(family);
    return r ? balance(family, r.allDebit, r.allCredit) : 0;
  };
  const allDebits = cents(rows.reduce((s, r) => s + BigInt(r.allDebit), 0n));
  const actualToday: Record<LedgerInvariant, number> = {
    TRANSACTION_BALANCED: allDebits,
    PASS_FLOAT: today('PASS_FLOAT'),
    STRUCTURE: today('STRUCTURE'),
    SPONSOR: today('SPONSOR'),
  };

  const differences = await ledgerDifferences(db);
  const invariants = INVARIANTS.map((invariant): InvariantCheck => {
    const own = differences.filter((d) => d.invariant === invariant);
    // A subject not listed agrees with the states: the totals differ by the listed subjects' differences only.
    const differenceCents = own.reduce((s, d) => s + (d.ledgerCents - d.expectedCents), 0);
    const actualCents = actualToday[invariant];
    return {
      invariant,
      label: INVARIANT_LABELS[invariant],
      expectedCents: actualCents - differenceCents,
      actualCents,
      differenceCents,
      subjects: own.length,
      details: own.slice(0, MAX_DETAILS).map((d: LedgerDifference) => d.message),
    };
  });

  return {
    month: period.month,
    from: period.start.toISOString(),
    to: to.toISOString(),
    generatedAt: now.toISOString(),
    families,
    invariants,
    ok: differences.length === 0,
  };
}

/**
 * The report on one consistent snapshot of the database (a read-only REPEATABLE READ
 * transaction): a payment or a scan committed while it reads can never show as a difference.
 */
export function readReconciliation(prisma: PrismaClient, period: ReportMonth, now = new Date()): Promise<Reconciliation> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`;
      return reconciliation(tx, period, now);
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** Differences found (accounts or transactions concerned), over every invariant. */
export const differenceCount = (report: Pick<Reconciliation, 'invariants'>) => report.invariants.reduce((n, i) => n + i.subjects, 0);

/** The file name of a month's report: "rapprochement-2026-11.csv". */
export const reconciliationFileName = (month: string) => `rapprochement-${month}.csv`;

const parisTime = (iso: string) => DateTime.fromISO(iso, { zone: BUSINESS_ZONE }).toFormat('dd/LL/yyyy HH:mm');

/** The report as a spreadsheet: what it covers, the families, the invariants, then each difference found. */
export function reconciliationCsv(report: Reconciliation): string {
  return csvSections([
    {
      title: `Rapprochement du grand livre — ${report.month}`,
      columns: ['Mois', 'Du', 'Au (exclu)', 'Établi le', 'Résultat'],
      rows: [[report.month, parisTime(report.from), parisTime(report.to), parisTime(report.generatedAt), report.ok ? 'Aucun écart' : `${differenceCount(report)} écart(s)`]],
    },
    {
      title: 'Familles de comptes',
      columns: ['Famille', 'Libellé', 'Solde d’ouverture (€)', 'Débits du mois (€)', 'Crédits du mois (€)', 'Solde de clôture (€)'],
      rows: report.families.map((f) => [f.family, f.label, euros(f.openingCents), euros(f.debitCents), euros(f.creditCents), euros(f.closingCents)]),
    },
    {
      title: `Invariants (au ${parisTime(report.generatedAt)})`,
      columns: ['Invariant', 'Libellé', 'Attendu (€)', 'Constaté (€)', 'Écart (€)', 'Comptes ou transactions en écart'],
      rows: report.invariants.map((i) => [i.invariant, i.label, euros(i.expectedCents), euros(i.actualCents), euros(i.differenceCents), i.subjects]),
    },
    {
      title: 'Écarts constatés',
      columns: ['Invariant', 'Détail'],
      rows: report.invariants.flatMap((i) => i.details.map((d) => [i.invariant, d])),
    },
  ]);
}
