import * as path from 'node:path';
import { DateTime } from 'luxon';
import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatEuros } from '../rules/money';
import { BUSINESS_ZONE } from '../rules/dates';
import type { IssuerIdentity } from './sponsor-documents';

/**
 * pdfmake set up once for every document of the server: the Roboto fonts shipped inside the
 * pdfmake package (read from disk, no network: they carry the French accents, "€", "’", "—"),
 * no URL fetched, no other local file read.
 */
const FONT_DIR = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.dirname(path.resolve(file)) === FONT_DIR);

/**
 * Renders a document definition. `at` (the document's own date, from its snapshot) becomes the
 * PDF's creation and modification dates, which also seed its file identifier: the same input
 * gives the same bytes.
 */
export function renderPdf(definition: TDocumentDefinitions, at: Date): Promise<Buffer> {
  return pdfmake
    .createPdf({
      pageSize: 'A4',
      defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
      ...definition,
      info: { producer: 'APTIC back-office', creator: 'APTIC back-office', ...definition.info, creationDate: at, modDate: at },
    })
    .getBuffer();
}

/** Cents as French people read them; Roboto has no narrow no-break space, so a no-break space instead. */
export function euros(cents: number): string {
  return formatEuros(cents).replace(/\u202f/g, '\u00a0');
}

/** Basis points as a French percentage: 400 → "4 %", 550 → "5,5 %". */
export function percent(bp: number): string {
  return `${(bp / 100).toLocaleString('fr-FR', { maximumFractionDigits: 2 })}\u00a0%`;
}

/** A whole number with French digit grouping ("1 200"). */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

/** An ISO instant as a date in Paris ("03/12/2026"). */
export function frenchDate(iso: string): string {
  return DateTime.fromISO(iso, { zone: BUSINESS_ZONE }).toFormat('dd/MM/yyyy');
}

/** The issuer's block, as every document prints it (older snapshots may hold its name only). */
export function issuerBlock(issuer: IssuerIdentity): Content {
  const lines = [
    issuer.addressLine,
    [issuer.postalCode, issuer.city].filter(Boolean).join(' '),
    issuer.siret ? `SIRET ${issuer.siret}` : '',
    issuer.vatNumber ? `TVA intracommunautaire ${issuer.vatNumber}` : '',
    issuer.email ?? '',
  ].filter((line): line is string => Boolean(line));
  return { stack: [{ text: issuer.name, bold: true, fontSize: 12 }, ...lines.map((text) => ({ text, fontSize: 9, color: '#444444' }))] };
}

export const GREY = '#555555';
export const LINE = '#999999';

/** Thin horizontal rules only, a shaded header row: every table of the documents. */
export const tableLayout = {
  hLineWidth: (i: number) => (i === 0 ? 0 : 0.5),
  vLineWidth: () => 0,
  hLineColor: () => LINE,
  fillColor: (row: number) => (row === 0 ? '#eeeeee' : null),
  paddingTop: () => 4,
  paddingBottom: () => 4,
};

export const right = (text: string, extra: Record<string, unknown> = {}): TableCell => ({ text, alignment: 'right', ...extra });
export const head = (text: string, alignment: 'left' | 'right' = 'left'): TableCell => ({ text, bold: true, alignment });
