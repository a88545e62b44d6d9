/**
 * French postal codes and départements. The départements (codes and names) come from
 * @etalab/decoupage-administratif, the official split published by Etalab, not from a pattern:
 * this file is shared with the console (10 kB of JSON). Which communes a postal code serves is
 * the server's (server/src/geography, 8 MB of communes).
 */
import departementsData from '@etalab/decoupage-administratif/data/departements.json';

/** French postal code: five digits (spaces are removed before the check). */
export const POSTAL_CODE_PATTERN = /^\d{5}$/;
export const POSTAL_CODE_MESSAGE = 'code postal : 5 chiffres';

export function isValidPostalCode(value: unknown): boolean {
  return typeof value === 'string' && POSTAL_CODE_PATTERN.test(value.replace(/\s+/g, ''));
}

export interface Departement {
  /** INSEE code: "33", "2A", "974". */
  code: string;
  nom: string;
}

/** Every département and overseas collectivity of the official split, in code order. */
export const DEPARTEMENTS: readonly Departement[] = (departementsData as { code: string; nom: string }[]).map(({ code, nom }) => ({ code, nom }));

const BY_CODE = new Map(DEPARTEMENTS.map((d) => [d.code, d]));

export const DEPARTEMENT_MESSAGE = 'code de département inconnu (par exemple 33, 2A, 974)';

export function isValidDepartement(value: unknown): boolean {
  return typeof value === 'string' && BY_CODE.has(value.trim());
}

/** "Gironde" for "33"; null for a code that is no département. */
export const departementName = (code: string): string | null => BY_CODE.get(code)?.nom ?? null;

/** "33 — Gironde" (the code alone when unknown): how the console and the messages name a département. */
export const departementLabel = (code: string): string => {
  const nom = departementName(code);
  return nom ? `${code} — ${nom}` : code;
};

/** A commune a postal code serves (Etalab's split: the communes of today, Paris, Lyon and Marseille whole),
 * as GET /api/public/communes gives it. */
export interface Commune {
  /** INSEE code: "33281", "2A004", "97209". */
  codeInsee: string;
  nom: string;
  departement: string;
}

/** "Mérignac", "MERIGNAC", " mérignac " → "merignac"; "Saint-Denis" → "saint denis" (to compare
 * commune names as people type them). */
export const normalizeName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-'’\s]+/g, ' ')
    .trim();
