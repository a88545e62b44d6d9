import bwipjs from 'bwip-js';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { euros, frenchDate, renderPdf } from './pdf';
import { flattenToGrayPng } from './png';

/** What a booklet's printable sheet shows: everything read once, so the sheet is a pure function of it. */
export interface BookletSheet {
  issuerName: string;
  bookletNumber: string;
  orderReference: string;
  sponsorName: string;
  validityYear: number;
  /** Empty: valid everywhere. */
  allowedDepartements: string[];
  /** ISO instants of the order's optional validity window. */
  validFrom?: string | null;
  validUntil?: string | null;
  /** The booklet's passes, in barcode order. */
  passes: { barcode: string; faceValueCents: number }[];
  /** ISO instant the booklet was issued: the PDF's date (a reprint gives the same bytes). */
  issuedAt: string;
}

/**
 * A pass's EAN-13 barcode as a PNG, with its digits under the bars (what a handheld reader and a
 * person both read). White background and quiet zones, so it decodes once printed; grayscale
 * without transparency, so the sheet's bytes do not vary (see flattenToGrayPng).
 */
export async function passBarcodePng(barcode: string): Promise<Buffer> {
  if (!/^\d{13}$/.test(barcode)) throw new Error(`EAN-13 attendu : ${barcode}`);
  const rgba = await bwipjs.toBuffer({
    bcid: 'ean13',
    text: barcode,
    includetext: true,
    scale: 3,
    height: 14,
    paddingwidth: 8,
    paddingheight: 2,
    backgroundcolor: 'FFFFFF',
  });
  return flattenToGrayPng(rgba);
}

const GREY = '#555555';
const TICKET_HEIGHT = 134;
const cut = { dash: { length: 4, space: 3 } };

function ellipsis(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function ticket(sheet: BookletSheet, pass: BookletSheet['passes'][number], index: number, image: string): Content {
  const y = sheet.validityYear;
  const restrictions: string[] = [];
  if (sheet.allowedDepartements.length) restrictions.push(`Uniquement dans les départements : ${sheet.allowedDepartements.join(', ')}`);
  if (sheet.validFrom || sheet.validUntil) {
    const from = sheet.validFrom ? `du ${frenchDate(sheet.validFrom)} ` : '';
    const until = sheet.validUntil ? `au ${frenchDate(sheet.validUntil)}` : '';
    restrictions.push(`Utilisable ${from}${until}`.trim());
  }
  return {
    margin: [8, 5, 8, 3],
    stack: [
      {
        columns: [
          { width: '*', text: 'Pass #APTIC', bold: true, fontSize: 14 },
          { width: 'auto', text: euros(pass.faceValueCents), bold: true, fontSize: 16, alignment: 'right' },
        ],
      },
      { text: ellipsis(sheet.sponsorName, 60), fontSize: 8, margin: [0, 2, 0, 0] },
      { text: `Carnet ${sheet.bookletNumber} · pass ${index + 1}/${sheet.passes.length} · commande ${sheet.orderReference}`, fontSize: 7, color: GREY },
      { image, fit: [190, 52], alignment: 'center', margin: [0, 3, 0, 1] },
      { text: `Valable jusqu’au 31/12/${y} — accepté jusqu’au 31/01/${y + 1}`, fontSize: 7.5, alignment: 'center' },
      ...restrictions.map((text): Content => ({ text, fontSize: 7.5, bold: true, alignment: 'center' })),
    ],
  };
}

/** The definition of a booklet's A4 sheet: its passes as tickets, two per row, with dashed cut lines. */
export async function bookletSheetDefinition(sheet: BookletSheet): Promise<TDocumentDefinitions> {
  const images: Record<string, string> = {};
  const cells: Content[] = [];
  for (const [i, pass] of sheet.passes.entries()) {
    const name = `pass-${i}`;
    images[name] = `data:image/png;base64,${(await passBarcodePng(pass.barcode)).toString('base64')}`;
    cells.push(ticket(sheet, pass, i, name));
  }
  const rows: TableCell[][] = [];
  for (let i = 0; i < cells.length; i += 2) rows.push([cells[i] as TableCell, (cells[i + 1] ?? { text: '' }) as TableCell]);
  return {
    info: { title: `Carnet ${sheet.bookletNumber}`, author: sheet.issuerName, subject: `Carnet ${sheet.bookletNumber} — commande ${sheet.orderReference} — ${sheet.sponsorName}` },
    pageMargins: [28, 24, 28, 20],
    images,
    content: [
      {
        columns: [
          { width: '*', stack: [{ text: `Carnet ${sheet.bookletNumber}`, bold: true, fontSize: 14 }, { text: `Commande ${sheet.orderReference} — ${ellipsis(sheet.sponsorName, 70)}`, fontSize: 9 }] },
          { width: 'auto', stack: [{ text: sheet.issuerName, fontSize: 9, alignment: 'right' }, { text: `${sheet.passes.length} pass · découper selon les pointillés`, fontSize: 8, color: GREY, alignment: 'right' }] },
        ],
        margin: [0, 0, 0, 8],
      },
      {
        table: { widths: ['*', '*'], heights: TICKET_HEIGHT, dontBreakRows: true, body: rows },
        layout: {
          hLineWidth: () => 0.6,
          vLineWidth: () => 0.6,
          hLineColor: () => '#888888',
          vLineColor: () => '#888888',
          hLineStyle: () => cut,
          vLineStyle: () => cut,
          paddingLeft: () => 0,
          paddingRight: () => 0,
          paddingTop: () => 0,
          paddingBottom: () => 0,
        },
      },
      {
        text: 'Pass à remettre à un APTICulteur après un service de médiation numérique. Deux pass d’un même carnet ne peuvent pas payer le même service.',
        fontSize: 7,
        color: GREY,
        margin: [0, 6, 0, 0],
      },
    ],
  };
}

/** A booklet's printable sheet as PDF bytes: the same booklet always gives the same bytes. */
export async function renderBookletSheet(sheet: BookletSheet): Promise<Buffer> {
  return renderPdf(await bookletSheetDefinition(sheet), new Date(sheet.issuedAt));
}
