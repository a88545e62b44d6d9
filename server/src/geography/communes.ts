import { badRequest } from '../common/errors';
import { departementLabel, normalizeName, type Commune } from '../rules/postal';

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  codesPostaux?: string[];
}

let byPostalCode: Map<string, Commune[]> | null = null;
let byName: Map<string, string[]> | null = null;

/**
 * Postal code → communes, from @etalab/decoupage-administratif (8 MB of JSON, read once, on first
 * use: about 0.4 s and 10 MB). Delegated and associated communes carry no postal code of their own;
 * the municipal arrondissements of Paris, Lyon and Marseille are left to their city, whose INSEE
 * code is the one addresses use.
 */
function index(): Map<string, Commune[]> {
  if (byPostalCode) return byPostalCode;
  // require, not import: TypeScript would type the 8 MB file at every build.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as EtalabCommune[];
  const map = new Map<string, Commune[]>();
  for (const c of communes) {
    if (c.type !== 'commune-actuelle') continue;
    for (const postalCode of c.codesPostaux ?? []) {
      const list = map.get(postalCode) ?? [];
      list.push({ codeInsee: c.code, nom: c.nom, departement: c.departement });
      map.set(postalCode, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
  const names = new Map<string, string[]>();
  for (const list of map.values()) {
    for (const c of list) {
      const key = normalizeName(c.nom);
      const same = names.get(key) ?? [];
      if (!same.includes(c.nom)) same.push(c.nom);
      names.set(key, same);
    }
  }
  byPostalCode = map;
  byName = names;
  return map;
}

/** How the official split spells a commune typed without accents or capitals ("merignac" → ["Mérignac"]). */
export function communeNamesLike(name: string): string[] {
  index();
  return byName!.get(normalizeName(name)) ?? [];
}

/** The communes of a postal code (none for a CEDEX or unknown code), by name. */
export function communesOf(postalCode: string): Commune[] {
  return index().get(postalCode.replace(/\s+/g, '')) ?? [];
}

/** What a postal code of the département starts with: "33", "20" for 2A and 2B, "974" overseas. */
const prefixOf = (departement: string) => (departement === '2A' || departement === '2B' ? '20' : departement);

/**
 * Why this postal code cannot be in this département, in French, with the communes it does serve;
 * null when it is. A code no commune has (a CEDEX, a company's own code) is accepted when it
 * starts like the département's codes.
 */
export function postalCodeMismatch(postalCode: string, departement: string): { message: string; communes: Commune[] } | null {
  const code = postalCode.replace(/\s+/g, '');
  const communes = communesOf(code);
  if (communes.length === 0) {
    return code.startsWith(prefixOf(departement)) ? null : { message: `aucune commune du département ${departementLabel(departement)} n’a le code postal ${code}`, communes: [] };
  }
  if (communes.some((c) => c.departement === departement)) return null;
  const names = communes.slice(0, 5).map((c) => `${c.nom} (${c.departement})`);
  const more = communes.length > 5 ? ` et ${communes.length - 5} autre(s)` : '';
  return { message: `le code postal ${code} est celui de ${names.join(', ')}${more}, pas du département ${departementLabel(departement)}`, communes };
}

/**
 * Refuses (400) a postal code that is not in the given département, naming the field and proposing
 * the communes of that code. `prefix` names nested fields ("organisation.").
 */
export function assertPostalCodeInDepartement(postalCode: string, departement: string, prefix = ''): void {
  const mismatch = postalCodeMismatch(postalCode, departement);
  if (!mismatch) return;
  throw badRequest(`Adresse incohérente : ${mismatch.message}.`, { fields: { [`${prefix}postalCode`]: [mismatch.message] }, communes: mismatch.communes });
}
