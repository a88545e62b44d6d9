import { Logger } from '@nestjs/common';
import type { PrismaClient } from '../generated/prisma/client';
import type { JobDefinition } from '../jobs/job-definition';
import type { LastReconciliation } from '../rules/dashboards';
import { parseDayKey, todayKey } from '../jobs/job-keys';
import { differenceCount, reconciliation } from './reconciliation';
import { monthOfDay, parseReportMonth, ReportMonth } from './report-month';

export const RECONCILE_JOB = 'reconcile-ledger';
const STEP = 'reconcile';

const logger = new Logger('Ledger');

/**
 * The nightly reconciliation (SPEC §3 "Ledger"), key = a day AAAA-MM-JJ (Paris): the report of
 * that day's month, its invariants as they stand when it runs. One step, one chunk: its counts
 * ({ differences, ok }) stay with the run, so the last finished run is what the FINANCE
 * dashboard shows (lastReconciliation); the figures go to the audit log, and any difference to
 * the error log too.
 */
export const reconcileLedgerJob: JobDefinition<ReportMonth> = {
  name: RECONCILE_JOB,
  label: 'Rapprochement du grand livre',
  keyDescription:
    'un jour AAAA-MM-JJ : le grand livre de ce mois-là est rapproché des états (pass, passages, relevés, commandes) tels qu’ils sont au moment du passage ; AAAA-MM-JJ.2, .3… le rapproche à nouveau le même jour (après une correction)',
  cronSetting: 'JOB_RECONCILE_CRON',
  defaultKey: todayKey,
  parseKey(key, now) {
    // A day runs once; a further run of the same day (the dashboard turns green after a fix without waiting for the night) is "AAAA-MM-JJ.N".
    const again = /^(.*)\.([2-9]|[1-9][0-9])$/.exec(key);
    const dayKey = again ? again[1] : key;
    const day = parseDayKey(dayKey, now);
    if (!day.ok) return again ? { ok: false, error: `« ${key.slice(0, 40)} » n’est pas un jour AAAA-MM-JJ suivi de .2, .3… (${day.error})` } : day;
    return parseReportMonth(monthOfDay(dayKey), now);
  },
  steps: [
    {
      name: STEP,
      label: 'Rapprochement des comptes et des états',
      async chunk({ tx, params, record }) {
        // The run's transaction has begun (READ COMMITTED): holding back new postings while it reads
        // gives it one consistent view, since every money event posts beside its state change.
        await tx.$executeRaw`LOCK TABLE "LedgerEntry" IN SHARE MODE`;
        const report = await reconciliation(tx, params);
        const differences = differenceCount(report);
        await record({
          action: 'reconcile',
          resource: 'reports',
          recordId: `reconciliation:${report.month}`,
          after: {
            month: report.month,
            generatedAt: report.generatedAt,
            ok: report.ok,
            differences,
            invariants: report.invariants.map(({ invariant, expectedCents, actualCents, differenceCents, subjects, details }) => ({
              invariant,
              expectedCents,
              actualCents,
              differenceCents,
              subjects,
              details: details.slice(0, 10),
            })),
          },
          change: null,
        });
        if (!report.ok) {
          logger.error({
            message: `rapprochement du grand livre : ${differences} écart(s)`,
            month: report.month,
            differences: report.invariants.filter((i) => i.subjects).map(({ invariant, differenceCents, subjects, details }) => ({ invariant, differenceCents, subjects, details })),
          });
        }
        return { processed: 1, cursor: null, finished: true, counts: { differences, ok: report.ok ? 1 : 0 } };
      },
    },
  ],
};

/** The latest finished nightly reconciliation, for the dashboard; null before the first. */
export async function lastReconciliation(prisma: Pick<PrismaClient, 'jobRun'>): Promise<LastReconciliation | null> {
  const run = await prisma.jobRun.findFirst({
    where: { name: RECONCILE_JOB, status: 'SUCCEEDED', finishedAt: { not: null } },
    orderBy: [{ finishedAt: 'desc' }, { id: 'desc' }],
    select: { key: true, finishedAt: true, counts: true },
  });
  if (!run?.finishedAt) return null;
  const counts = ((run.counts ?? {}) as Record<string, Record<string, number> | undefined>)[STEP] ?? {};
  const differences = Number(counts.differences ?? 0);
  return { at: run.finishedAt.toISOString(), key: run.key, ok: counts.ok === 1 && differences === 0, differences };
}
