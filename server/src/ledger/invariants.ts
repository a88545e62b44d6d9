import { Prisma, PrismaClient } from '../generated/prisma/client';
import { formatEuros } from '../rules/money';
import { sponsorAccount, structureAccount } from './rules';

/**
 * The ledger's invariants (SPEC §3 "Ledger"), as queries a test, the nightly reconciliation
 * job and the reconciliation report can all run: each compares the books with the states of
 * the tables they account for. Read-only; works on a client or inside a transaction.
 */
export type LedgerReader = PrismaClient | Prisma.TransactionClient;

export type LedgerInvariant = 'TRANSACTION_BALANCED' | 'PASS_FLOAT' | 'STRUCTURE' | 'SPONSOR';

export interface LedgerDifference {
  invariant: LedgerInvariant;
  /** The account or transaction concerned. */
  subject: string;
  /** What the states say the balance should be (for a transaction: its credits). */
  expectedCents: number;
  /** What the ledger says (for a transaction: its debits). */
  ledgerCents: number;
  message: string;
}

const num = (v: unknown) => Number(v ?? 0);

/** Transactions whose debits and credits differ (none, while the balance trigger is in place). */
export async function unbalancedTransactions(db: LedgerReader) {
  const rows = await db.$queryRaw<{ transactionId: string; debit: bigint; credit: bigint }[]>`
    SELECT "transactionId", sum("debitCents") AS debit, sum("creditCents") AS credit
      FROM "LedgerEntry" GROUP BY "transactionId" HAVING sum("debitCents") <> sum("creditCents") ORDER BY "transactionId"`;
  return rows.map((r) => ({ transactionId: r.transactionId, debitCents: num(r.debit), creditCents: num(r.credit) }));
}

/**
 * Σ debits and Σ credits per account, optionally up to an instant (a month's end). The balance
 * of an asset-like account (SPONSOR, BANK) is debit − credit; of a liability or revenue
 * (PASS_FLOAT, STRUCTURE, fees, VAT) credit − debit.
 */
export async function accountTotals(db: LedgerReader, options: { until?: Date; accountPrefix?: string } = {}) {
  const until = options.until ?? null;
  const prefix = options.accountPrefix ? `${options.accountPrefix}%` : '%';
  const rows = await db.$queryRaw<{ account: string; debit: bigint; credit: bigint }[]>`
    SELECT account, sum("debitCents") AS debit, sum("creditCents") AS credit FROM "LedgerEntry"
     WHERE account LIKE ${prefix} AND (${until}::timestamp IS NULL OR "createdAt" <= ${until}::timestamp)
     GROUP BY account ORDER BY account`;
  return new Map(rows.map((r) => [r.account, { debitCents: num(r.debit), creditCents: num(r.credit) }]));
}

function compare(invariant: LedgerInvariant, expected: Map<string, number>, ledger: Map<string, number>, describe: (subject: string) => string, out: LedgerDifference[]) {
  for (const subject of [...new Set([...expected.keys(), ...ledger.keys()])].sort()) {
    const e = expected.get(subject) ?? 0;
    const l = ledger.get(subject) ?? 0;
    if (e !== l) out.push({ invariant, subject, expectedCents: e, ledgerCents: l, message: `${describe(subject)} : ${formatEuros(l)} au grand livre, ${formatEuros(e)} attendus.` });
  }
}

/**
 * Every difference between the books and the states; empty when the ledger is right:
 * - every transaction balances;
 * - PASS_FLOAT = face value of ACTIVE passes;
 * - each STRUCTURE:<id> = value of its accepted, non-voided scans − downstream fees and
 *   subscriptions its closed statements charged − its transfers paid (a returned one is owed
 *   again); so after a month is paid it is the negative balance carried, or the withheld and
 *   returned payouts not yet paid again;
 * - each SPONSOR:<id> = owed (face value + upstream fee + VAT on the fee of its activated orders)
 *   − received (no payment table yet) − credited (face value of its activated passes since
 *   expired or cancelled).
 * Extend it here as the money issues add tables (payments, adjustments, carried balances).
 */
export async function ledgerDifferences(db: LedgerReader): Promise<LedgerDifference[]> {
  const out: LedgerDifference[] = [];
  for (const t of await unbalancedTransactions(db)) {
    out.push({
      invariant: 'TRANSACTION_BALANCED',
      subject: t.transactionId,
      expectedCents: t.creditCents,
      ledgerCents: t.debitCents,
      message: `Transaction ${t.transactionId} déséquilibrée : débits ${formatEuros(t.debitCents)}, crédits ${formatEuros(t.creditCents)}.`,
    });
  }
  const totals = await accountTotals(db);
  const creditBalance = (prefix: string) => new Map([...totals].filter(([a]) => a.startsWith(prefix)).map(([a, t]) => [a, t.creditCents - t.debitCents]));
  const debitBalance = (prefix: string) => new Map([...totals].filter(([a]) => a.startsWith(prefix)).map(([a, t]) => [a, t.debitCents - t.creditCents]));

  const [float] = await db.$queryRaw<{ cents: bigint | null }[]>`SELECT sum("faceValueCents") AS cents FROM "Pass" WHERE status = 'ACTIVE'`;
  compare('PASS_FLOAT', new Map([['PASS_FLOAT', num(float.cents)]]), creditBalance('PASS_FLOAT'), () => 'PASS_FLOAT (valeur des pass actifs)', out);

  // What APTIC owes each structure: the value of its accepted, non-voided scans, less the fees its
  // closed statements charged, less what was transferred to it (a returned transfer is owed again).
  const redeemed = await db.$queryRaw<{ structureId: string; cents: bigint }[]>`
    SELECT s."structureId", sum(s."valueCents") AS cents FROM "Scan" s JOIN "Pass" p ON p.id = s."passId"
     WHERE s.outcome = 'ACCEPTED' AND s."voidedAt" IS NULL AND p.status IN ('REDEEMED', 'ENDORSED', 'PAID') GROUP BY s."structureId"`;
  const charged = await db.$queryRaw<{ structureId: string; cents: bigint }[]>`
    SELECT "structureId", sum("feeCents" + "subscriptionCents") AS cents FROM "Statement" WHERE status = 'FINAL' GROUP BY "structureId"`;
  const transferred = await db.$queryRaw<{ structureId: string; cents: bigint }[]>`
    SELECT "structureId", sum("amountCents") AS cents FROM "Payout" WHERE status = 'PAID' GROUP BY "structureId"`;
  const structures = new Map<string, number>();
  for (const r of redeemed) structures.set(structureAccount(r.structureId), num(r.cents));
  for (const rows of [charged, transferred]) {
    for (const r of rows) structures.set(structureAccount(r.structureId), (structures.get(structureAccount(r.structureId)) ?? 0) - num(r.cents));
  }
  compare('STRUCTURE', structures, creditBalance('STRUCTURE:'), (a) => `${a} (dû à la structure)`, out);

  // What each sponsor owes: its activated orders' totals, less what it paid and what was credited back.
  const owed = await db.$queryRaw<{ sponsorId: string; cents: bigint }[]>`
    SELECT "sponsorId", sum("totalCents") AS cents FROM "Order" WHERE "activatedAt" IS NOT NULL AND status IN ('ACTIVE', 'CLOSED') GROUP BY "sponsorId"`;
  const paid = await db.$queryRaw<{ sponsorId: string; cents: bigint }[]>`
    SELECT "sponsorId", sum("amountCents") AS cents FROM "SponsorPayment" GROUP BY "sponsorId"`;
  const credited = await db.$queryRaw<{ sponsorId: string; cents: bigint }[]>`
    SELECT o."sponsorId", sum(p."faceValueCents") AS cents FROM "Pass" p JOIN "Order" o ON o.id = p."orderId"
     WHERE p.status IN ('EXPIRED', 'CANCELLED') AND o."activatedAt" IS NOT NULL GROUP BY o."sponsorId"`;
  const sponsors = new Map<string, number>();
  const add = (rows: { sponsorId: string; cents: bigint }[], sign: 1 | -1) => {
    for (const r of rows) sponsors.set(sponsorAccount(r.sponsorId), (sponsors.get(sponsorAccount(r.sponsorId)) ?? 0) + sign * num(r.cents));
  };
  add(owed, 1);
  add(paid, -1);
  add(credited, -1);
  compare('SPONSOR', sponsors, debitBalance('SPONSOR:'), (a) => `${a} (dû par le commanditaire)`, out);
  return out;
}
