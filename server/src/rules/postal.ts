/** French postal code: five digits (spaces are removed before the check). */
export const POSTAL_CODE_PATTERN = /^\d{5}$/;
export const POSTAL_CODE_MESSAGE = 'code postal : 5 chiffres';

export function isValidPostalCode(value: unknown): boolean {
  return typeof value === 'string' && POSTAL_CODE_PATTERN.test(value.replace(/\s+/g, ''));
}

/** Département code: 01–95 (20 is split into 2A and 2B), 971–976. */
export const DEPARTEMENT_PATTERN = /^(0[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5]|2A|2B|97[1-6])$/;
export const DEPARTEMENT_MESSAGE = 'code de département inconnu (01–95, 2A, 2B, 971–976)';

export function isValidDepartement(value: unknown): boolean {
  return typeof value === 'string' && DEPARTEMENT_PATTERN.test(value.trim());
}
