import { DateTime } from 'luxon';
import { BUSINESS_ZONE } from '../rules/dates';
import type { KeyCheck } from '../jobs/job-definition';

/**
 * An endorsement's period (SPEC §3 "Endorsement"): a calendar month in Europe/Paris, "AAAA-MM".
 * Its bounds are Paris midnights: a scan at 00:30 on 1 November in Paris (23:30 UTC on
 * 31 October) belongs to November.
 */
export interface Period {
  /** "2026-11" */
  period: string;
  /** First instant of the month in Paris. */
  periodStart: Date;
  /** First instant of the next month in Paris (excluded). */
  periodEnd: Date;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** A preparation's job key: the month, then ".r2", ".r3", … for each recomputation. */
const PREPARATION = /^(\d{4}-\d{2})(?:\.r([2-9]|[1-9]\d{1,3}))?$/;

export function monthOf(at: Date): string {
  return DateTime.fromJSDate(at, { zone: BUSINESS_ZONE }).toFormat('yyyy-MM');
}

/** The month before the one under way in Paris: what the schedule prepares on the 1st. */
export function previousMonth(now: Date): string {
  return DateTime.fromJSDate(now, { zone: BUSINESS_ZONE }).startOf('month').minus({ months: 1 }).toFormat('yyyy-MM');
}

/** A month "AAAA-MM" that has ended (Paris), from 2000 on. */
export function parsePeriod(key: string, now: Date): KeyCheck<Period> {
  const match = MONTH.exec(key);
  if (!match) return { ok: false, error: `« ${key.slice(0, 40)} » n’est pas un mois AAAA-MM (par exemple ${previousMonth(now)}).` };
  const start = DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: 1 }, { zone: BUSINESS_ZONE });
  if (start.year < 2000) return { ok: false, error: `Le mois ${key} est antérieur à 2000.` };
  const end = start.plus({ months: 1 });
  if (end.toMillis() > now.getTime()) return { ok: false, error: `Le mois ${key} n’est pas terminé : il s’endosse à partir du 1er du mois suivant.` };
  return { ok: true, params: { period: key, periodStart: start.toJSDate(), periodEnd: end.toJSDate() } };
}

/** The key of a month's n-th preparation (1 = the first, the schedule's). */
export const preparationKey = (period: string, revision: number): string => (revision <= 1 ? period : `${period}.r${revision}`);

/** A preparation key: the month and which preparation it is. */
export function parsePreparationKey(key: string, now: Date): KeyCheck<Period & { revision: number }> {
  const match = PREPARATION.exec(key);
  const month = parsePeriod(match ? match[1] : key, now);
  if (!month.ok) return month;
  if (!match) return { ok: false, error: `« ${key.slice(0, 40)} » n’est pas une préparation AAAA-MM ou AAAA-MM.rN.` };
  return { ok: true, params: { ...month.params, revision: match[2] ? Number(match[2]) : 1 } };
}
