import {
  Adresse,
  Contact,
  FraisACharge,
  Frais,
  Id,
  Localisation,
  ModelError,
  Nom,
  Pivot,
  Service,
  Services,
  Url,
  fromSchemaLieuDeMediationNumerique,
  toSchemaLieuMediationNumerique,
  type LieuMediationNumerique,
  type SchemaLieuMediationNumerique,
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import { stringify } from 'csv-stringify/sync';
import { communesOf } from '../geography/communes';
import { parisDay } from '../rules/dates';
import { normalizeName } from '../rules/postal';
import { remainingChargeCents } from '../rules/places';
import { publicWebAddress } from '../rules/web';
import type { PlaceOffers, PlaceRow } from './places.service';

/** Who publishes the records (the schema's `source`). */
export const OPEN_DATA_SOURCE = 'APTIC';

/**
 * The columns of the national schema of digital-mediation places, in the order the ANCT library
 * writes them (toSchemaLieuMediationNumerique): the CSV header, whichever of them a place fills.
 */
export const SCHEMA_COLUMNS = [
  'id', 'nom', 'pivot', 'services', 'typologie', 'structure_parente', 'commune', 'code_postal', 'adresse', 'code_insee',
  'complement_adresse', 'latitude', 'longitude', 'telephone', 'courriels', 'site_web', 'presentation_resume', 'presentation_detail',
  'publics_specifiquement_adresses', 'prise_en_charge_specifique', 'frais_a_charge', 'itinerance', 'modalites_acces', 'modalites_accompagnement',
  'fiche_acces_libre', 'dispositif_programmes_nationaux', 'formations_labels', 'autres_formations_labels', 'horaires', 'prise_rdv', 'source', 'date_maj',
] as const;

/**
 * The schema's nine services are the referential's nine categories, by their code (a label edited
 * in the console does not drop a service from the export; a category added later has none).
 */
export const SERVICE_OF_CATEGORY: ReadonlyMap<string, Service> = new Map([
  ['MATERIEL-SOLIDAIRE', Service.MaterielInformatiqueAPrixSolidaire],
  ['DEMARCHES', Service.AideAuxDemarchesAdministratives],
  ['OUTILS-QUOTIDIEN', Service.MaitriseDesOutilsNumeriquesDuQuotidien],
  ['INSERTION-PRO', Service.InsertionProfessionnelleViaLeNumerique],
  ['SECURITE', Service.UtilisationSecuriseeDuNumerique],
  ['PARENTALITE', Service.ParentaliteEtEducationAvecLeNumerique],
  ['LOISIRS-CREATION', Service.LoisirsEtCreationsNumeriques],
  ['COMPRENDRE-NUMERIQUE', Service.ComprehensionDuMondeNumerique],
  ['ACCES-INTERNET', Service.AccesInternetEtMaterielInformatique],
]);

/** The commune as the official split names it, with its INSEE code, when the postal code and the city agree. */
function communeOf(row: PlaceRow) {
  const communes = communesOf(row.postalCode).filter((c) => c.departement === row.departement);
  const city = normalizeName(row.city);
  return communes.find((c) => normalizeName(c.nom) === city) ?? (communes.length === 1 ? communes[0] : undefined);
}

/** An optional part of a place that the schema refuses (a phone in another format) is left out, not the place. */
function optional<T>(build: () => T): T | undefined {
  try {
    return build();
  } catch (error) {
    if (error instanceof ModelError) return undefined;
    throw error;
  }
}

/**
 * One place in the ANCT model, built with the library's own checks (they throw a ModelError on
 * what the national map would refuse). `id` is ours, stable: `aptic-<location id>`.
 */
export function toLieu(row: PlaceRow, offers: PlaceOffers): LieuMediationNumerique {
  const own = offers.at(row);
  const services = [...new Set(own.flatMap((o) => SERVICE_OF_CATEGORY.get(o.service.category.code) ?? []))];
  const commune = communeOf(row);
  const updated = [row.updatedAt, row.structure.updatedAt, ...own.map((o) => o.updatedAt)].reduce((a, b) => (a > b ? a : b));
  const telephone = row.structure.phone ? optional(() => Contact({ telephone: row.structure.phone!.replace(/[\s.]/g, '') })) : undefined;
  const website = publicWebAddress(row.structure.website);
  const site = website ? optional(() => Url(website)) : undefined;
  const contact = telephone || site ? optional(() => Contact({ ...(telephone ?? {}), ...(site ? { site_web: [site] } : {}) })) : undefined;
  return {
    id: Id(`aptic-${row.id}`),
    pivot: Pivot(row.structure.siret),
    nom: Nom(row.name),
    adresse: Adresse({ voie: row.addressLine, code_postal: row.postalCode, commune: commune?.nom ?? row.city, ...(commune ? { code_insee: commune.codeInsee } : {}) }),
    ...(services.length ? { services: Services(services) } : {}),
    ...(contact ? { contact } : {}),
    ...(row.latitude !== null && row.longitude !== null ? { localisation: Localisation({ latitude: row.latitude, longitude: row.longitude }) } : {}),
    // With a pass: free when the pass covers the price, else something is left to pay.
    frais_a_charge: FraisACharge(own.some((o) => remainingChargeCents(o.priceCents) > 0) ? [Frais.GratuitSousCondition, Frais.Payant] : [Frais.GratuitSousCondition]),
    presentation: { resume: `Accepte le pass numérique #APTIC : ${own.length} service${own.length > 1 ? 's' : ''} (${row.structure.name}).` },
    source: OPEN_DATA_SOURCE,
    // The day of the last change in Paris (the library writes a Date's UTC day: midnight UTC of that day).
    date_maj: new Date(`${parisDay(updated)}T00:00:00Z`),
  } as LieuMediationNumerique;
}

/** The records of the export, each one valid for the library (read back with fromSchemaLieuDeMediationNumerique); a place it refuses is counted, not published. */
export function openDataRecords(rows: PlaceRow[], offers: PlaceOffers): { records: SchemaLieuMediationNumerique[]; refused: { id: string; reason: string }[] } {
  const records: SchemaLieuMediationNumerique[] = [];
  const refused: { id: string; reason: string }[] = [];
  for (const row of rows) {
    try {
      const record = toSchemaLieuMediationNumerique(toLieu(row, offers));
      fromSchemaLieuDeMediationNumerique(record);
      records.push(record);
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      refused.push({ id: row.id, reason: error.message });
    }
  }
  return { records, refused };
}

/**
 * A cell a spreadsheet would run as a formula (a name typed as "=HYPERLINK(…)") starts with a
 * quote; numbers and phone numbers ("+33…", "-0.57") are left as they are.
 */
export const inertCell = (value: string) => (/^[=@\t\r]/.test(value) || (/^[+-]/.test(value) && !/^[+-][\d\s.]+$/.test(value)) ? `'${value}` : value);

/** The same records as CSV (comma, UTF-8 with BOM for spreadsheets), every column of the schema in its order. */
export const openDataCsv = (records: SchemaLieuMediationNumerique[]) =>
  '\uFEFF' +
  stringify(records as unknown as Record<string, unknown>[], { header: true, columns: [...SCHEMA_COLUMNS], cast: { number: (n) => String(n), string: inertCell } });
