import { DateTime } from 'luxon';
import { BUSINESS_ZONE } from './dates';
import { FEE_RATE_BP, PASSES_PER_BOOKLET, percentOfCents, VAT_RATE_BP } from './money';

/**
 * Emission rules (SPEC §3 "Orders", "Pass lifecycle"): the amounts of an order, booklet numbers,
 * and the last instant a pass is accepted. Pure: the server computes with them, the console
 * shows what the server computed.
 */

/** At most this many booklets in one order (5,000 booklets = 50,000 passes is a large order). */
export const MAX_BOOKLETS_PER_ORDER = 20_000;
/** Pass values an order may use, in cents: 1 € to 100 € (10 € by default). */
export const MIN_PASS_VALUE_CENTS = 100;
export const MAX_PASS_VALUE_CENTS = 10_000;

export interface OrderAmounts {
  faceValueCents: number;
  upstreamFeeRateBp: number;
  upstreamFeeCents: number;
  vatRateBp: number;
  vatCents: number;
  /** What the sponsor owes: face value + fee + VAT on the fee. */
  totalCents: number;
}

/**
 * Face value, the 4 % upstream fee on it (half-up to the cent), VAT on the fee only (half-up),
 * and the total. Integer cents throughout.
 */
export function orderAmounts(bookletCount: number, passValueCents: number, feeRateBp = FEE_RATE_BP, vatRateBp = VAT_RATE_BP, passesPerBooklet = PASSES_PER_BOOKLET): OrderAmounts {
  if (![bookletCount, passValueCents, feeRateBp, vatRateBp, passesPerBooklet].every(Number.isSafeInteger)) throw new Error('integers expected');
  const faceValueCents = bookletCount * passesPerBooklet * passValueCents;
  const upstreamFeeCents = percentOfCents(faceValueCents, feeRateBp);
  const vatCents = percentOfCents(upstreamFeeCents, vatRateBp);
  return { faceValueCents, upstreamFeeRateBp: feeRateBp, upstreamFeeCents, vatRateBp, vatCents, totalCents: faceValueCents + upstreamFeeCents + vatCents };
}

/** "C-2027-000123": booklet numbers run per validity year, six digits, so they sort as text. */
export function bookletNumberOf(validityYear: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) throw new Error('booklet sequence out of range');
  return `C-${validityYear}-${String(sequence).padStart(6, '0')}`;
}

const BOOKLET_NUMBER = /^C-(\d{4})-(\d{6})$/;

/** "C-2027-000123" → { year: 2027, sequence: 123 }; null for anything else. */
export function parseBookletNumber(value: unknown): { year: number; sequence: number } | null {
  if (typeof value !== 'string') return null;
  const match = BOOKLET_NUMBER.exec(value.trim().toUpperCase());
  return match && Number(match[2]) > 0 ? { year: Number(match[1]), sequence: Number(match[2]) } : null;
}

/**
 * The last instant a pass of `validityYear` is accepted: valid until 31 December, still accepted
 * until 31 January of the next year, end of that day in Paris (SPEC §1).
 */
export function acceptedUntilOf(validityYear: number): Date {
  return DateTime.fromObject({ year: validityYear + 1, month: 1, day: 31 }, { zone: BUSINESS_ZONE }).endOf('day').toJSDate();
}

/** Whether a pass of `validityYear` is past its grace date at `at`. */
export function isExpiredAt(validityYear: number, at: Date): boolean {
  return at.getTime() > acceptedUntilOf(validityYear).getTime();
}

/** What is still due on an order: total − paid (never below 0; an overpayment shows as 0 due). */
export function dueCents(order: { totalCents: number; paidCents: number }): number {
  return Math.max(0, order.totalCents - order.paidCents);
}
