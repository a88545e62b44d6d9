import { Service } from '@gouvfr-anct/lieux-de-mediation-numerique';
import { inertCell, openDataRecords } from './open-data';
import { PlaceOffers, type OfferRow, type PlaceRow } from './places.service';

const row = (over: Partial<PlaceRow> = {}): PlaceRow => ({
  id: '6f1c1a52-0000-4000-8000-000000000001',
  name: 'Cyber-base de Mérignac',
  addressLine: '1 avenue du Maréchal Leclerc',
  postalCode: '33700',
  city: 'Merignac',
  departement: '33',
  latitude: null,
  longitude: null,
  structureId: 'structure-1',
  updatedAt: new Date('2026-06-30T22:30:00Z'),
  structure: { name: 'Cyber-base', siret: '73282932000074', phone: '05 56 00 00 00', website: 'javascript:alert(1)', updatedAt: new Date('2026-01-01T10:00:00Z') },
  ...over,
});

const offer = (code: string, priceCents: number, over: Partial<OfferRow> = {}): OfferRow => ({
  id: `offer-${code}-${priceCents}`,
  locationId: null,
  structureId: 'structure-1',
  title: 'Atelier',
  description: null,
  priceCents,
  durationMinutes: 60,
  updatedAt: new Date('2026-03-01T10:00:00Z'),
  service: { label: 'Service', category: { code, label: 'Un libellé modifié', position: 1 } },
  ...over,
});

describe('an open-data record', () => {
  it('maps categories by code, dates by the Paris day, and never publishes a website that is not http(s)', () => {
    const offers = new PlaceOffers([offer('DEMARCHES', 1000), offer('SECURITE', 1500, { locationId: row().id }), offer('AUTRE', 1000), offer('DEMARCHES', 1000, { structureId: 'other' })]);
    const { records, refused } = openDataRecords([row()], offers);
    expect(refused).toEqual([]);
    const [record] = records;
    expect(record.services?.split('|').sort()).toEqual([Service.AideAuxDemarchesAdministratives, Service.UtilisationSecuriseeDuNumerique].sort());
    // 00:30 in Paris on 1 July, still 30 June in UTC.
    expect(record.date_maj).toBe('2026-07-01');
    expect(record).not.toHaveProperty('site_web');
    expect(record).toEqual(expect.objectContaining({ commune: 'Mérignac', code_insee: '33281', telephone: '0556000000', frais_a_charge: 'Gratuit sous condition|Payant' }));
    const safe = openDataRecords([row({ structure: { ...row().structure, website: 'https://cyber-base.example.fr' } })], offers).records[0];
    expect(safe.site_web).toBe('https://cyber-base.example.fr');
  });

  it('keeps spreadsheet formulas inert in the CSV, numbers and phones as they are', () => {
    expect(inertCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(inertCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(inertCell('-2+3+cmd|x')).toBe(`'-2+3+cmd|x`);
    expect(inertCell('\tcaché')).toBe(`'\tcaché`);
    expect(inertCell('+33556000000')).toBe('+33556000000');
    expect(inertCell('-0.5792')).toBe('-0.5792');
    expect(inertCell('Mérignac')).toBe('Mérignac');
  });
});
