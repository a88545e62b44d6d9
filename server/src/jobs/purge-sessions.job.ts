import type { JobDefinition } from './job-definition';
import { parseDayKey, todayKey } from './job-keys';

interface PurgeParams {
  /** Sessions that expired or were revoked before this instant are deleted. */
  dayStart: Date;
}

/**
 * Nightly housekeeping: staff sessions that expired or were revoked before the key's day
 * (Paris) can never authenticate again; deleting them keeps the session lookup small. Runs in
 * chunks ordered by id: a chunk replayed after a crash only finds what is still there.
 */
export const purgeSessionsJob: JobDefinition<PurgeParams> = {
  name: 'purge-sessions',
  label: 'Purge des sessions expirées',
  keyDescription: 'un jour AAAA-MM-JJ : les sessions expirées ou révoquées avant ce jour sont supprimées',
  cronSetting: 'JOB_PURGE_SESSIONS_CRON',
  defaultKey: todayKey,
  parseKey: parseDayKey,
  steps: [
    {
      name: 'sessions',
      label: 'Sessions supprimées',
      async total(tx, { dayStart }) {
        const [{ n }] = await tx.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM "StaffSession" WHERE "expiresAt" < ${dayStart} OR "revokedAt" < ${dayStart}`;
        return n;
      },
      async chunk({ tx, params: { dayStart }, cursor, limit }) {
        const [{ n, last }] = await tx.$queryRaw<{ n: number; last: string | null }[]>`
          WITH doomed AS (
            SELECT id FROM "StaffSession"
             WHERE ("expiresAt" < ${dayStart} OR "revokedAt" < ${dayStart}) AND id > ${cursor ?? ''}
             ORDER BY id LIMIT ${limit}
          ), gone AS (
            DELETE FROM "StaffSession" s USING doomed WHERE s.id = doomed.id RETURNING s.id
          )
          SELECT count(*)::int AS n, max(id) AS last FROM gone`;
        return { processed: n, cursor: last ?? cursor, finished: n < limit, counts: { sessions: n } };
      },
    },
  ],
};
