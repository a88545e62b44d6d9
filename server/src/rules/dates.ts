import { DateTime } from 'luxon';

/** Months and days are Europe/Paris (SPEC §3). */
export const BUSINESS_ZONE = 'Europe/Paris';

/** The day of an instant in Paris, "2026-12-03". */
export const parisDay = (at: Date): string => DateTime.fromJSDate(at, { zone: BUSINESS_ZONE }).toISODate()!;

/**
 * The dates the product deals with (orders, scans, statements, the audit log) all fall well
 * inside these years. Outside them a date is a typing mistake or a probe, and some of them
 * (year 0001, JavaScript's extreme instants) cannot be stored or compared by PostgreSQL.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 9999;

const EXPECTED = `une date ISO 8601 entre ${FIRST_YEAR} et ${LAST_YEAR} (par exemple 2026-11-26 ou 2026-11-26T14:30:00Z)`;

/** ISO 8601 in its extended form: a day, or a day and a time (minutes at least) with an optional offset. */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;

export type DateInput = { ok: true; date: Date } | { ok: false; expected: string };

/**
 * A date sent by a client: an ISO 8601 text (a bare day is that whole day in Paris, from its first
 * instant for `start`, to its last for `end`; a time without offset is Paris time) or a number of
 * milliseconds since 1970. Anything else, or a year outside FIRST_YEAR–LAST_YEAR, is refused.
 */
export function parseDateInput(value: unknown, bound: 'start' | 'end' = 'start'): DateInput {
  let parsed: DateTime;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, expected: EXPECTED };
    parsed = DateTime.fromMillis(value, { zone: BUSINESS_ZONE });
  } else if (typeof value === 'string' && (ISO_DAY.test(value.trim()) || ISO_INSTANT.test(value.trim()))) {
    const text = value.trim();
    parsed = DateTime.fromISO(text, { zone: BUSINESS_ZONE, setZone: true });
    if (parsed.isValid && ISO_DAY.test(text)) parsed = bound === 'end' ? parsed.endOf('day') : parsed.startOf('day');
  } else {
    return { ok: false, expected: EXPECTED };
  }
  if (!parsed.isValid) return { ok: false, expected: EXPECTED };
  // The year as a person in Paris reads it (1900-01-01 began at 23:50:39 UTC the day before).
  const year = parsed.setZone(BUSINESS_ZONE).year;
  if (year < FIRST_YEAR || year > LAST_YEAR) return { ok: false, expected: EXPECTED };
  return { ok: true, date: parsed.toJSDate() };
}
