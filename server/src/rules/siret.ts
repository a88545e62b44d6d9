export const SIRET_MESSAGE = 'SIRET invalide : 14 chiffres dont la clé de contrôle (Luhn) doit être juste';

/** La Poste's SIREN: its establishments' SIRETs follow a digit-sum rule instead of Luhn. */
export const LA_POSTE_SIREN = '356000000';

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * SIRET check (SPEC §3): 14 digits, Luhn; La Poste (SIREN 356000000) establishments are valid
 * when the sum of their digits is a multiple of 5. (The npm "siret" package ignores La Poste's
 * rule and accepts non-digit strings, hence this small, table-tested function.)
 */
export function isValidSiret(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN)) {
    if (value === '35600000000048') return true; // La Poste's head office follows Luhn
    const digitSum = [...value].reduce((s, c) => s + Number(c), 0);
    return digitSum % 5 === 0;
  }
  return luhnValid(value);
}

/** SIREN (9 digits, Luhn). */
export function isValidSiren(value: unknown): boolean {
  return typeof value === 'string' && /^\d{9}$/.test(value) && luhnValid(value);
}

/** The SIRET of establishment `establishment` of a SIREN, with the final digit that makes it valid. */
export function siretFor(siren: string, establishment = 1): string {
  const base = siren + String(establishment).padStart(4, '0');
  for (let d = 0; d <= 9; d++) if (isValidSiret(base + d)) return base + d;
  throw new Error(`no valid SIRET for ${siren}`);
}
