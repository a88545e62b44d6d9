/** Rate in basis points (400 = 4 %) of an amount in cents, rounded half-up to the cent (SPEC §3). */
export function percentOfCents(amountCents: number, rateBp: number): number {
  if (!Number.isSafeInteger(amountCents) || !Number.isSafeInteger(rateBp)) throw new Error('integer cents and basis points expected');
  const sign = amountCents < 0 ? -1 : 1;
  const product = Math.abs(amountCents) * rateBp; // exact in integers
  const quotient = Math.floor(product / 10_000);
  const remainder = product - quotient * 10_000;
  return sign * (remainder * 2 >= 10_000 ? quotient + 1 : quotient);
}

/** Upstream (sponsor) and downstream (structure) fee: 4 %. */
export const FEE_RATE_BP = 400;
export const PASS_VALUE_CENTS = 1000;
export const PASSES_PER_BOOKLET = 10;

/** VAT on fees (SPEC §3: 20 %, from configuration once emission reads it there), in basis points. */
export const VAT_RATE_BP = 2000;

/** An amount in cents as French people read it ("1 234,50 €"), for messages only: no arithmetic. */
export function formatEuros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return `${sign}${units},${String(abs % 100).padStart(2, '0')} €`;
}
