import { DateTime } from 'luxon';
import { BUSINESS_ZONE, parisDay } from '../rules/dates';
import type { KeyCheck } from './job-definition';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today in Paris, "2026-12-03". */
export const todayKey = parisDay;

/** A day key "AAAA-MM-JJ", not after today (Paris), from 2000 on; gives the first instant of that day in Paris. */
export function parseDayKey(key: string, now: Date): KeyCheck<{ dayStart: Date }> {
  const day = DAY.test(key) ? DateTime.fromISO(key, { zone: BUSINESS_ZONE }) : null;
  if (!day?.isValid) return { ok: false, error: `« ${key.slice(0, 40)} » n’est pas un jour AAAA-MM-JJ (par exemple ${todayKey(now)}).` };
  if (day.year < 2000) return { ok: false, error: `Le jour ${key} est antérieur à 2000.` };
  if (key > todayKey(now)) return { ok: false, error: `Le jour ${key} n’est pas encore arrivé.` };
  return { ok: true, params: { dayStart: day.startOf('day').toJSDate() } };
}
