import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from './support';

/** The schedule on, firing every second: it only triggers; the run key makes it one run per day. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { JOBS_SCHEDULE_ENABLED: 'true', JOB_PURGE_SESSIONS_CRON: '* * * * * *' } });
});
afterAll(() => t.close());

describe('scheduled jobs', () => {
  it('run on their cron as "Planification", once per key however often the cron fires', async () => {
    const prisma = t.started.deps.db.prisma;
    const run = await waitUntil(() => prisma.jobRun.findFirst({ where: { name: 'purge-sessions', status: 'SUCCEEDED', startedByName: 'Planification' } }));
    expect(run).toEqual(expect.objectContaining({ startedById: null, attempts: 1 }));
    await new Promise((r) => setTimeout(r, 1500)); // more ticks: each is told the day is done
    expect(await prisma.jobRun.count({ where: { name: 'purge-sessions' } })).toBe(1);
  });

  it('take up a run a dead instance left behind', async () => {
    const prisma = t.started.deps.db.prisma;
    const left = await prisma.jobRun.create({
      data: { name: 'purge-sessions', key: '2026-01-02', step: 'sessions', owner: 'dead-host:1:x', startedByName: 'Planification', heartbeatAt: new Date(Date.now() - 3600_000) },
    });
    const done = await waitUntil(async () => {
      const run = await prisma.jobRun.findUniqueOrThrow({ where: { id: left.id } });
      return run.status === 'SUCCEEDED' && run;
    });
    expect(done).toEqual(expect.objectContaining({ attempts: 2, owner: null }));
  });
});
