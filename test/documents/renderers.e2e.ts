import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BookletSheet, passBarcodePng, renderBookletSheet } from '../../server/src/documents/booklet-sheet.pdf';
import { issuerFrom } from '../../server/src/documents/issuer';
import { renderSponsorDocument } from '../../server/src/documents/sponsor-document.pdf';
import { renderStatement, type StatementSnapshot } from '../../server/src/documents/statement.pdf';
import type { SponsorDocumentSnapshot } from '../../server/src/documents/sponsor-documents';
import { startTestApp, TestApp } from '../support/test-app';
import { decodeEan13, pdfImages, pdfPages, pdfText, withTempDir } from './support';

let t: TestApp;
let sheet: BookletSheet;

beforeAll(async () => {
  t = await startTestApp();
  const booklet = await t.started.deps.db.prisma.booklet.findFirstOrThrow({
    where: { order: { reference: 'CMD-2026-0001' } },
    orderBy: { number: 'asc' },
    include: { order: { include: { sponsor: true } }, passes: { orderBy: { barcode: 'asc' } } },
  });
  sheet = {
    issuerName: t.config.ISSUER_NAME,
    bookletNumber: booklet.number,
    orderReference: booklet.order.reference,
    sponsorName: booklet.order.sponsor.name,
    validityYear: booklet.order.validityYear,
    allowedDepartements: booklet.order.allowedDepartements,
    passes: booklet.passes.map((p) => ({ barcode: p.barcode, faceValueCents: p.faceValueCents })),
    issuedAt: (booklet.order.issuedAt ?? booklet.createdAt).toISOString(),
  };
});
afterAll(() => t.close());

/** Amounts of an order of 120 booklets: 12 000 € face value, fee 4 % = 480 €, VAT 20 % on it = 96 €. */
function feeSnapshot(overrides: Partial<SponsorDocumentSnapshot> = {}): SponsorDocumentSnapshot {
  return {
    kind: 'SPONSOR_FEE_INVOICE',
    number: '2026-000042',
    issuedAt: '2026-09-22T08:15:00.000Z',
    issuer: issuerFrom(t.config),
    sponsor: { id: 's1', name: 'Département de la Gironde', siret: '22330001300016', addressLine: '1 esplanade Charles-de-Gaulle', postalCode: '33000', city: 'Bordeaux', contactName: 'Hélène Dupré', contactEmail: 'helene.dupre@gironde.example' },
    order: { id: 'o1', reference: 'CMD-2026-0042', bookletCount: 120, passesPerBooklet: 10, passValueCents: 1000, validityYear: 2026, paymentOrderNumber: 'OP-33-2026-004512', faceValueCents: 1_200_000, upstreamFeeRateBp: 400, upstreamFeeCents: 48_000, vatRateBp: 2000, vatCents: 9_600, totalCents: 1_257_600 },
    ...overrides,
  };
}

const creditSnapshot = () =>
  feeSnapshot({ kind: 'SPONSOR_CREDIT_NOTE', number: '2027-000007', issuedAt: '2027-02-03T09:00:00.000Z', credited: { expiredCount: 231, expiredCents: 231_000, cancelledCount: 10, cancelledCents: 10_000, totalCents: 241_000 } });

/** The fonts a PDF embeds (poppler's pdffonts): a missing glyph would mean a fallback font. */
function fontsOf(pdf: Buffer): string {
  return withTempDir((dir) => {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync('pdffonts', [file], { encoding: 'utf8' });
  });
}

describe('pass barcodes', () => {
  it('decode (ZXing) to the barcode of each pass of a demo booklet', async () => {
    expect(sheet.passes).toHaveLength(10);
    for (const pass of sheet.passes) expect(decodeEan13(await passBarcodePng(pass.barcode))).toBe(pass.barcode);
  });

  it('are the pictures of the printed sheet, one per pass, in barcode order, each decoding to its pass', async () => {
    const images = pdfImages(await renderBookletSheet(sheet));
    expect(images.map(decodeEan13)).toEqual(sheet.passes.map((p) => p.barcode));
  });

  it('refuse anything but 13 digits', async () => {
    await expect(passBarcodePng('12345')).rejects.toThrow('EAN-13');
  });
});

describe('the booklet sheet', () => {
  it('is one A4 page with each pass’s value, the booklet, the order, the sponsor, its validity and its départements', async () => {
    const pdf = await renderBookletSheet(sheet);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPages(pdf)).toBe(1);
    const text = pdfText(pdf);
    expect(text.match(/10,00 €/g)).toHaveLength(10);
    expect(text.match(/Pass #APTIC/g)).toHaveLength(10);
    expect(text).toContain(`Carnet ${sheet.bookletNumber}`);
    expect(text).toContain(`commande ${sheet.orderReference}`);
    expect(text).toContain(sheet.sponsorName);
    expect(text).toContain('Valable jusqu’au 31/12/2026 — accepté jusqu’au 31/01/2027');
    expect(text).toContain('Uniquement dans les départements : 33');
  });

  it('says nothing of départements when the order is valid everywhere', async () => {
    expect(pdfText(await renderBookletSheet({ ...sheet, allowedDepartements: [] }))).not.toContain('départements');
  });

  it('gives the same bytes for the same booklet', async () => {
    expect((await renderBookletSheet(sheet)).equals(await renderBookletSheet(sheet))).toBe(true);
  });
});

describe('the sponsor fee document', () => {
  it('shows the issuer, the sponsor, the order and every amount in French', async () => {
    const text = pdfText(await renderSponsorDocument(feeSnapshot())).replace(/ +/g, ' ');
    for (const expected of [
      'FACTURE',
      'N° 2026-000042',
      'Date d’émission : 22/09/2026',
      'Association #APTIC',
      `SIRET ${t.config.ISSUER_SIRET}`,
      `TVA intracommunautaire ${t.config.ISSUER_VAT_NUMBER}`,
      'Département de la Gironde',
      'SIRET 22330001300016',
      'Référence : CMD-2026-0042',
      'N° d’ordre de paiement : OP-33-2026-004512',
      '120 carnet(s) × 10 pass × 10,00 €',
      '1 200 10,00 € 12 000,00 €',
      'Frais d’intermédiation HT (4 %) 480,00 €',
      'TVA sur les frais (20 %) 96,00 €',
      'Frais TTC 576,00 €',
      'Total à payer 12 576,00 €',
    ])
      expect(text).toContain(expected);
  });

  it('leaves out the payment order number until it is known', async () => {
    const o = feeSnapshot().order;
    expect(pdfText(await renderSponsorDocument(feeSnapshot({ order: { ...o, paymentOrderNumber: null } })))).not.toContain('ordre de paiement :');
  });

  it('gives the same bytes for the same snapshot, and other bytes for another issue date', async () => {
    const first = await renderSponsorDocument(feeSnapshot());
    expect(first.equals(await renderSponsorDocument(feeSnapshot()))).toBe(true);
    expect(first.equals(await renderSponsorDocument(feeSnapshot({ issuedAt: '2026-09-23T08:15:00.000Z' })))).toBe(false);
  });

  it('embeds only the Roboto fonts, which carry the accents, “’” and “€”', async () => {
    const fonts = fontsOf(await renderSponsorDocument(feeSnapshot()));
    const names = fonts.split('\n').slice(2).filter(Boolean).map((line) => line.split(/\s+/)[0]);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^[A-Z]{6}\+Roboto-/);
  });

  it('renders a snapshot frozen before the issuer had more than a name', async () => {
    const text = pdfText(await renderSponsorDocument(feeSnapshot({ issuer: { name: 'Association #APTIC' } })));
    expect(text).toContain('Association #APTIC');
    expect(text).not.toContain('SIRET 9');
  });
});

describe('the sponsor credit note', () => {
  it('lists the expired and cancelled passes credited, with counts, amounts and the total', async () => {
    const text = pdfText(await renderSponsorDocument(creditSnapshot())).replace(/ +/g, ' ');
    for (const expected of ['AVOIR', 'N° 2027-000007', 'Date d’émission : 03/02/2027', 'Pass expirés 231 2 310,00 €', 'Pass annulés 10 100,00 €', 'Total 241 2 410,00 €', 'Total crédité 2 410,00 €', 'Département de la Gironde'])
      expect(text).toContain(expected);
  });

  it('gives the same bytes for the same snapshot', async () => {
    expect((await renderSponsorDocument(creditSnapshot())).equals(await renderSponsorDocument(creditSnapshot()))).toBe(true);
  });
});

describe('the statement', () => {
  /** S in December: 2 passes, one redeemed by staff after a dispute; a 10 € adjustment for a voided scan already paid. */
  const snapshot = (): StatementSnapshot => ({
    number: '2027-000003',
    issuedAt: '2027-01-02T09:00:00.000Z',
    period: '2026-12',
    periodStart: '2026-11-30T23:00:00.000Z',
    periodEnd: '2026-12-31T23:00:00.000Z',
    issuer: issuerFrom(t.config),
    structure: { name: 'Espace numérique du Lac', siret: '73282932000074', addressLine: '1 rue du Lac', postalCode: '33000', city: 'Bordeaux', bankHolder: 'Espace du Lac', ibanMasked: 'FR76 **** **** **** **** ***0 189', bic: 'CCOPFRPPXXX' },
    totals: { passCount: 2, grossCents: 2000, feeRateBp: 400, feeCents: 80, subscriptionCents: 0, adjustmentsCents: 1000, carriedCents: 0, netCents: 920, payableCents: 920 },
    adjustments: [{ reason: 'Litige LIT-2026-0007 : scan du pass 2000707924140 du 14/10/2026 annulé', amountCents: 1000 }],
  });
  const lines = [
    { barcode: '2000000000015', scannedAt: '2026-12-03T10:00:00.000Z', serviceLabel: 'Atelier smartphone', valueCents: 1000 },
    { barcode: '2000000000022', scannedAt: '2026-12-04T11:00:00.000Z', serviceLabel: 'Atelier smartphone', valueCents: 1000, forced: true as const },
  ];

  it('lists each adjustment with its reason under the total, and says which line staff redeemed after a dispute', async () => {
    const text = pdfText(await renderStatement(snapshot(), lines, null));
    expect(text).toMatch(/Régularisations\s+-10,00 €/);
    expect(text).toMatch(/Litige LIT-2026-0007 : scan du pass 2000707924140 du 14\/10\/2026 annulé\s+-10,00 €/);
    expect(text).toMatch(/Net du mois\s+9,20 €/);
    // The forced line says so; the other does not.
    const forced = text.split('\n').findIndex((l) => l.includes('2000000000022'));
    expect(text.split('\n').slice(forced, forced + 2).join(' ')).toContain('Encaissé par l’équipe #APTIC (litige)');
    expect(text.match(/Encaissé par l’équipe #APTIC/g)).toHaveLength(1);
  });
});
