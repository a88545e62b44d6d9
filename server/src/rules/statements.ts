/**
 * A structure's monthly statement (SPEC §3 "Endorsement"), as pure arithmetic on integer cents:
 *
 *   net = gross − downstream fee − subscription fees − adjustments + carried
 *
 * - gross: the value of the passes endorsed this month (Σ of the lines);
 * - downstream fee: 4 % of gross, rounded half-up to the cent (percentOfCents);
 * - subscription fees: the kit fees due up to the month's last day that no earlier closed
 *   statement charged yet (so a month missed or a kit started mid-month is caught up exactly);
 * - adjustments: corrections landing on this statement (positive = deducted);
 * - carried: a negative net of the structure's previous closed statement, plus the payouts
 *   of earlier statements that never reached the structure (withheld for want of valid bank
 *   details, or returned by the bank). A positive net that was paid is not carried.
 * A negative net pays nothing and is carried to the next statement.
 */
import { FEE_RATE_BP, percentOfCents } from './money';

export interface StatementInput {
  grossCents: number;
  /** Kit fees due from the billing start up to the month's last day (feesDueCents), all kits of the structure. */
  subscriptionDueCents: number;
  /** Kit fees already charged on the structure's earlier closed statements. */
  subscriptionChargedCents: number;
  /** Σ of the adjustments landing on this statement (positive = deducted from the structure). */
  adjustmentsCents: number;
  /** Net of the structure's previous closed statement (null when none). */
  previousNetCents: number | null;
  /** Σ of the withheld or returned payouts of earlier statements, not carried yet (0 when none). */
  unpaidPayoutsCents?: number;
}

export interface StatementTotals {
  grossCents: number;
  feeCents: number;
  subscriptionCents: number;
  adjustmentsCents: number;
  carriedCents: number;
  netCents: number;
  /** What is transferred to the structure: the net when positive, else nothing. */
  payableCents: number;
}

const cents = (name: string, value: number) => {
  if (!Number.isSafeInteger(value)) throw new Error(`${name} : un nombre entier de centimes est attendu (${value}).`);
  return value;
};

/** A negative net of the previous statement is carried; a positive one was paid. */
export const carriedFrom = (previousNetCents: number | null): number => (previousNetCents !== null && previousNetCents < 0 ? previousNetCents : 0);

export function statementTotals(input: StatementInput, feeRateBp: number = FEE_RATE_BP): StatementTotals {
  const grossCents = cents('brut', input.grossCents);
  if (grossCents < 0) throw new Error(`brut négatif (${grossCents}) : la valeur des pass endossés ne peut pas l’être.`);
  const feeCents = percentOfCents(grossCents, feeRateBp);
  // Never charge a fee twice: what earlier statements charged beyond what is due (a kit ended early) is not refunded here.
  const subscriptionCents = Math.max(0, cents('abonnement dû', input.subscriptionDueCents) - cents('abonnement facturé', input.subscriptionChargedCents));
  const adjustmentsCents = cents('ajustements', input.adjustmentsCents);
  const unpaid = cents('virements non parvenus', input.unpaidPayoutsCents ?? 0);
  if (unpaid < 0) throw new Error(`virements non parvenus négatifs (${unpaid}) : un virement est un montant positif.`);
  const carriedCents = carriedFrom(input.previousNetCents === null ? null : cents('net précédent', input.previousNetCents)) + unpaid;
  const netCents = grossCents - feeCents - subscriptionCents - adjustmentsCents + carriedCents;
  return { grossCents, feeCents, subscriptionCents, adjustmentsCents, carriedCents, netCents, payableCents: Math.max(0, netCents) };
}

/**
 * A statement says something: passes endorsed, fees or adjustments to charge, or money owed to
 * the structure (a withheld or returned payout) to pay again. A negative balance alone waits.
 */
export const statementHasContent = (t: Pick<StatementTotals, 'grossCents' | 'subscriptionCents' | 'adjustmentsCents' | 'netCents'>): boolean =>
  t.grossCents !== 0 || t.subscriptionCents !== 0 || t.adjustmentsCents !== 0 || t.netCents > 0;

/** GET /api/statements/:id/adjustments: what a statement deducts besides its lines, and why (a voided scan's dispute). */
export interface StatementAdjustment {
  id: string;
  /** Positive = deducted from the statement's net, in cents. */
  amountCents: number;
  reason: string;
  disputeId: string | null;
  disputeReference: string | null;
  /** ISO 8601. */
  createdAt: string;
}
