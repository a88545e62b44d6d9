import { DateTime } from 'luxon';
import type { KeyCheck } from '../jobs/job-definition';
import { BUSINESS_ZONE } from '../rules/dates';

/**
 * The month a report covers: a calendar month in Europe/Paris, "AAAA-MM", ended or under way
 * (then to date). Unlike an endorsement's period (endorsement/period.ts), the current month is
 * allowed: the books can be reconciled any day.
 */
export interface ReportMonth {
  /** "2026-11" */
  month: string;
  /** First instant of the month in Paris. */
  start: Date;
  /** First instant of the next month in Paris (excluded). */
  end: Date;
}

/** "AAAA-MM", months 01 to 12. */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month under way in Paris, "2026-12". */
export function currentMonth(now: Date): string {
  return DateTime.fromJSDate(now, { zone: BUSINESS_ZONE }).toFormat('yyyy-MM');
}

/** The Paris month of a day "AAAA-MM-JJ" (a nightly job's key). */
export const monthOfDay = (day: string): string => day.slice(0, 7);

/** A month "AAAA-MM" from 2000 on, begun (Paris) by `now`; a French reason when it is refused. */
export function parseReportMonth(value: string, now: Date): KeyCheck<ReportMonth> {
  const match = MONTH_PATTERN.exec(value);
  if (!match) return { ok: false, error: `« ${value.slice(0, 40)} » n’est pas un mois AAAA-MM (par exemple ${currentMonth(now)}).` };
  const start = DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: 1 }, { zone: BUSINESS_ZONE });
  if (start.year < 2000) return { ok: false, error: `Le mois ${value} est antérieur à 2000 : aucune écriture n’existe avant.` };
  if (start.toMillis() > now.getTime()) return { ok: false, error: `Le mois ${value} n’a pas encore commencé : choisissez ${currentMonth(now)} ou un mois passé.` };
  return { ok: true, params: { month: value, start: start.toJSDate(), end: start.plus({ months: 1 }).toJSDate() } };
}
