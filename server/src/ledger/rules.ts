import { LedgerEvent } from '../generated/prisma/enums';
import { formatEuros } from '../rules/money';

/**
 * The ledger's pure rules (SPEC §3 "Ledger"): account names and what makes a transaction
 * postable. No I/O here; post.ts applies them before writing, the tables in rules.spec.ts
 * pin them down.
 */

/** Accounts that exist once. */
export const FIXED_ACCOUNTS = ['PASS_FLOAT', 'FEES_UPSTREAM', 'FEES_DOWNSTREAM', 'SUBSCRIPTIONS', 'VAT_COLLECTED', 'BANK'] as const;
export type FixedAccount = (typeof FIXED_ACCOUNTS)[number];
/** Accounts per party: what a sponsor owes or is owed, what APTIC owes a structure. */
export type PartyAccountKind = 'SPONSOR' | 'STRUCTURE';
export type LedgerAccount = FixedAccount | `${PartyAccountKind}:${string}`;

// Same shape as the database's CHECK "LedgerEntry_account_check": ids are Prisma's lowercase UUIDs.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const sponsorAccount = (sponsorId: string): LedgerAccount => partyAccount('SPONSOR', sponsorId);
export const structureAccount = (structureId: string): LedgerAccount => partyAccount('STRUCTURE', structureId);

function partyAccount(kind: PartyAccountKind, id: string): LedgerAccount {
  if (!UUID.test(id)) throw new Error(`${kind}: identifiant invalide « ${id} »`);
  return `${kind}:${id}`;
}

export type ParsedAccount = { kind: FixedAccount } | { kind: PartyAccountKind; id: string };

/** "STRUCTURE:<uuid>" → { kind: 'STRUCTURE', id }; null for anything that is not an account. */
export function parseAccount(name: unknown): ParsedAccount | null {
  if (typeof name !== 'string') return null;
  if ((FIXED_ACCOUNTS as readonly string[]).includes(name)) return { kind: name as FixedAccount };
  const match = /^(SPONSOR|STRUCTURE):(.*)$/.exec(name);
  return match && UUID.test(match[2]) ? { kind: match[1] as PartyAccountKind, id: match[2] } : null;
}

/** One line: exactly one of debitCents / creditCents, a positive integer of cents. */
export type LedgerLine = { account: LedgerAccount } & ({ debitCents: number; creditCents?: never } | { creditCents: number; debitCents?: never });

/** A balanced set of lines for one money event, and the record it comes from. */
export interface LedgerTransaction {
  event: LedgerEvent;
  /** Resource name of the record the money movement comes from ("orders", "redemptions", …). */
  resource: string;
  recordId: string;
  lines: LedgerLine[];
  /** When the money moved; now by default. */
  at?: Date;
}

/** Largest amount of one line: the column is a 32-bit integer (21 474 836,47 €). */
export const MAX_LINE_CENTS = 2_147_483_647;

const EVENTS = new Set<string>(Object.values(LedgerEvent));


/**
 * Every reason the transaction cannot be posted, in French; empty when it is postable: a known
 * event, a source record, at least one line, each line on a known account with exactly one
 * positive integer amount, and Σ debits = Σ credits.
 */
export function transactionProblems(transaction: LedgerTransaction): string[] {
  const problems: string[] = [];
  const t = transaction as unknown as Record<string, unknown>;
  if (!EVENTS.has(t.event as string)) problems.push(`Événement comptable inconnu « ${String(t.event)} ».`);
  if (typeof t.resource !== 'string' || !t.resource) problems.push("L'écriture doit indiquer la ressource d'origine.");
  if (typeof t.recordId !== 'string' || !t.recordId) problems.push("L'écriture doit indiquer l'enregistrement d'origine.");
  if (t.at !== undefined && !(t.at instanceof Date && !Number.isNaN(t.at.getTime()))) problems.push("La date de l'écriture n'est pas une date valide.");
  const lines = t.lines;
  if (!Array.isArray(lines) || lines.length === 0) {
    problems.push('Une transaction comptable sans ligne ne peut pas être passée.');
    return problems;
  }
  let debit = 0;
  let credit = 0;
  lines.forEach((raw: unknown, i: number) => {
    const line = (raw ?? {}) as Record<string, unknown>;
    const n = i + 1;
    if (!parseAccount(line.account)) problems.push(`Ligne ${n} : compte inconnu « ${String(line.account)} ».`);
    const hasDebit = line.debitCents !== undefined;
    const hasCredit = line.creditCents !== undefined;
    if (hasDebit === hasCredit) {
      problems.push(`Ligne ${n} : un débit ou un crédit, exactement un des deux.`);
      return;
    }
    const amount = hasDebit ? line.debitCents : line.creditCents;
    if (typeof amount !== 'number' || !Number.isInteger(amount)) problems.push(`Ligne ${n} : le montant doit être un nombre entier de centimes.`);
    else if (amount <= 0) problems.push(`Ligne ${n} : le montant doit être positif (le sens est donné par débit ou crédit).`);
    else if (amount > MAX_LINE_CENTS) problems.push(`Ligne ${n} : montant trop grand pour une ligne (au plus ${formatEuros(MAX_LINE_CENTS)}).`);
    else if (hasDebit) debit += amount;
    else credit += amount;
  });
  if (problems.length === 0 && debit !== credit) {
    problems.push(`Transaction déséquilibrée : débits ${formatEuros(debit)}, crédits ${formatEuros(credit)}.`);
  }
  return problems;
}

/** The transaction that cancels another one: the same lines, debit and credit swapped. */
export function reversalOf(lines: readonly { account: string; debitCents: number; creditCents: number }[]): LedgerLine[] {
  return lines.map((l) =>
    l.debitCents > 0 ? { account: l.account as LedgerAccount, creditCents: l.debitCents } : { account: l.account as LedgerAccount, debitCents: l.creditCents },
  );
}

// ── The lines of each emission event (SPEC §3 "Ledger"), one builder per event ──

/** Order activated: the sponsor owes face value + fee + VAT; float, fee and VAT are credited. */
export function orderActivatedLines(order: { sponsorId: string; faceValueCents: number; upstreamFeeCents: number; vatCents: number }): LedgerLine[] {
  const lines: LedgerLine[] = [
    { account: sponsorAccount(order.sponsorId), debitCents: order.faceValueCents + order.upstreamFeeCents + order.vatCents },
    { account: 'PASS_FLOAT', creditCents: order.faceValueCents },
  ];
  if (order.upstreamFeeCents > 0) lines.push({ account: 'FEES_UPSTREAM', creditCents: order.upstreamFeeCents });
  if (order.vatCents > 0) lines.push({ account: 'VAT_COLLECTED', creditCents: order.vatCents });
  return lines;
}

/** A sponsor's payment reaches the bank: BANK ← SPONSOR. */
export const sponsorPaymentLines = (sponsorId: string, amountCents: number): LedgerLine[] => [
  { account: 'BANK', debitCents: amountCents },
  { account: sponsorAccount(sponsorId), creditCents: amountCents },
];

/** Active passes cancelled or expired: their value leaves the float and is credited to the sponsor. */
export const passesCreditedLines = (sponsorId: string, faceValueCents: number): LedgerLine[] => [
  { account: 'PASS_FLOAT', debitCents: faceValueCents },
  { account: sponsorAccount(sponsorId), creditCents: faceValueCents },
];

// ── Scanning ──

/** A redemption accepted: the passes' value leaves the float and is owed to the structure. */
export const redemptionAcceptedLines = (structureId: string, valueCents: number): LedgerLine[] => [
  { account: 'PASS_FLOAT', debitCents: valueCents },
  { account: structureAccount(structureId), creditCents: valueCents },
];

// ── Disputes ──

/**
 * A scan voided (dispute outcome VOID_SCAN): the reverse of its redemption, the value is no
 * longer owed to the structure. It goes back to the float when its pass is ACTIVE again, or to
 * its sponsor when the pass is past its validity (EXPIRED, credited as the nightly expiry does).
 */
export const scanVoidedLines = (structureId: string, valueCents: number, backTo: 'PASS_FLOAT' | { sponsorId: string }): LedgerLine[] => [
  { account: structureAccount(structureId), debitCents: valueCents },
  { account: backTo === 'PASS_FLOAT' ? 'PASS_FLOAT' : sponsorAccount(backTo.sponsorId), creditCents: valueCents },
];
