import { stringify } from 'csv-stringify/sync';

/**
 * The spreadsheets the back-office exports (payouts, reconciliation): what French spreadsheet
 * software opens as it is — UTF-8 with a byte-order mark, semicolon-separated, CRLF, amounts in
 * euros with a decimal comma — and safe to open: a text cell a spreadsheet would read as a formula
 * (=, +, -, @, a tab or a carriage return first) is written as text, with a leading quote.
 */
export type CsvCell = string | number | null | undefined;

export interface CsvTable {
  columns: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

export interface CsvSection extends CsvTable {
  /** The section's title, on a line of its own above its header. */
  title: string;
}

const BOM = '\uFEFF';
const FORMULA = /^[=+\-@\t\r]/;
/** A number as the export writes it (an amount "-1,23", a count "12"): a value, never a formula. */
const PLAIN_NUMBER = /^-?\d+(,\d+)?$/;

/** Cents as euros with a decimal comma and no thousands separator: -123 → "-1,23", 5 → "0,05". */
export function euros(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** One cell as written: numbers as they are, text that could run as a formula behind a quote. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : value;
  return FORMULA.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

const lines = (rows: readonly (readonly CsvCell[])[]) => stringify(rows.map((row) => row.map(csvCell)), { delimiter: ';', record_delimiter: '\r\n' });

/** A spreadsheet of one table: its header, then its rows. */
export function csvDocument(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return BOM + lines([columns, ...rows]);
}

/** A spreadsheet of several tables one under the other: each its title, its header and its rows, an empty line between two. */
export function csvSections(sections: readonly CsvSection[]): string {
  return BOM + sections.map((s) => lines([[s.title], s.columns, ...s.rows])).join('\r\n');
}
