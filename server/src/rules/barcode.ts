/** Restricted-circulation GS1 prefix used by every pass barcode. */
export const BARCODE_PREFIX = '2';

/** GS1 mod-10 check digit of the first 12 digits of an EAN-13. */
export function gs1CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new Error('12 digits expected');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (first12.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/** "2" + 11-digit serial + check digit. */
export function barcodeFromSerial(serial: string): string {
  if (!/^\d{11}$/.test(serial)) throw new Error('11-digit serial expected');
  const first12 = BARCODE_PREFIX + serial;
  return first12 + gs1CheckDigit(first12);
}

/** A well-formed pass barcode: 13 digits, prefix 2, right check digit (a mistyped one fails here). */
export function isValidBarcode(value: unknown): boolean {
  return typeof value === 'string' && /^2\d{12}$/.test(value) && gs1CheckDigit(value.slice(0, 12)) === Number(value[12]);
}

/**
 * A uniform integer in [0, maxExclusive < 2^32) from the platform's cryptographic generator (Web
 * Crypto: Node and browsers alike, so this file also runs in the structure space), without modulo bias.
 */
function cryptoInt(maxExclusive: number): number {
  const limit = Math.floor(0x1_0000_0000 / maxExclusive) * maxExclusive;
  const word = new Uint32Array(1);
  do globalThis.crypto.getRandomValues(word);
  while (word[0] >= limit);
  return word[0] % maxExclusive;
}

/** A random serial: serials are drawn, not counted, so one pass's number tells nothing of another's. */
export function randomSerial(random: (maxExclusive: number) => number = cryptoInt): string {
  // Two draws of at most a million each.
  return String(random(1_000_000)).padStart(6, '0') + String(random(100_000)).padStart(5, '0');
}
