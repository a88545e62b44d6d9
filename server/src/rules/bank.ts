import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';

export const IBAN_MESSAGE = 'IBAN invalide : longueur du pays ou clé de contrôle incorrecte';
export const BIC_MESSAGE = 'BIC invalide : 8 ou 11 caractères (banque, pays, ville, agence)';

/** "fr76 3000 4000 0312 3456 7890 143" → "FR7630004000031234567890143" (what we store). */
export function normalizeIban(value: unknown): string | undefined {
  return typeof value === 'string' ? (electronicFormatIBAN(value) ?? undefined) : undefined;
}

/** IBAN: country length and mod-97 (and the national check where ibantools knows it, e.g. the French RIB key). */
export function isValidIban(value: unknown): boolean {
  const iban = normalizeIban(value);
  return !!iban && isValidIBAN(iban);
}

/** BIC: 8 or 11 characters, bank, country, location (and branch) codes well formed. */
export function isValidBic(value: unknown): boolean {
  return typeof value === 'string' && /^[A-Z0-9]{8}([A-Z0-9]{3})?$/.test(value) && isValidBIC(value);
}

export function normalizeBic(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : value;
}

/** Why a payout to these bank details cannot go in the bank file (SPEC "Statements and payouts"), or null when it can. */
export function payoutWithheldReason(s: { bankHolder: string | null; iban: string | null; bic: string | null }): string | null {
  const reasons: string[] = [];
  if (!s.bankHolder?.trim()) reasons.push('titulaire du compte absent');
  if (!s.iban) reasons.push('IBAN absent');
  else if (!isValidIban(s.iban) || normalizeIban(s.iban) !== s.iban) reasons.push(IBAN_MESSAGE);
  if (!s.bic) reasons.push('BIC absent');
  else if (!isValidBic(s.bic)) reasons.push(BIC_MESSAGE);
  return reasons.length ? `Coordonnées bancaires à corriger : ${reasons.join(' ; ')}.` : null;
}
