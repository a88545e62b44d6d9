import { Socket } from 'socket.io-client';
import { WritePath } from '../../server/src/writes/write-path';
import { AppException } from '../../server/src/common/errors';
import { AppConfig } from '../../server/src/config/app-config';
import { PrismaClient } from '../../server/src/generated/prisma/client';
import { JobDefinition } from '../../server/src/jobs/job-definition';
import { JobRunner } from '../../server/src/jobs/job-runner';
import { RealtimeService } from '../../server/src/realtime/realtime.service';
import { collect, connect, connected, subscribe } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The runner on its own, with jobs written for the test over a scratch table: 25 items, chunks
 * of 10. Step "copy" copies them (INSERT … SELECT), step "double" doubles each copy once
 * (UPDATE … FROM): a chunk replayed or counted twice would show in the values.
 */
let t: TestApp;
let prisma: PrismaClient;
const sockets: Socket[] = [];
const ITEMS = 25;
let failOnce: { step: string; atCursor: number } | null = null;

function makeRunner(definitions: JobDefinition<any>[]) {
  const app = t.started.app;
  return new JobRunner(prisma, app.get(WritePath), app.get(RealtimeService), app.get(AppConfig), definitions);
}

const copyAndDouble = (name: string): JobDefinition<{ table: string }> => ({
  name,
  label: 'Copie puis double',
  keyDescription: 'un nom de lot',
  defaultKey: () => 'lot',
  parseKey: (key) => (/^[a-z0-9-]+$/.test(key) ? { ok: true, params: { table: 'job_test_copy' } } : { ok: false, error: 'nom de lot attendu' }),
  steps: [
    {
      name: 'copy',
      label: 'Éléments copiés',
      total: async (tx) => (await tx.$queryRawUnsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM job_test_source'))[0].n,
      async chunk({ tx, cursor, limit }) {
        if (failOnce?.step === 'copy' && Number(cursor ?? 0) >= failOnce.atCursor) {
          failOnce = null;
          throw new Error('panne simulée');
        }
        const rows = await tx.$queryRawUnsafe<{ n: number; last: number | null; value: number | null }[]>(
          `WITH batch AS (SELECT id, value FROM job_test_source WHERE id > $1 ORDER BY id LIMIT $2),
                copied AS (INSERT INTO job_test_copy (run, id, value) SELECT $3, id, value FROM batch RETURNING id, value)
           SELECT count(*)::int AS n, max(id) AS last, sum(value)::int AS value FROM copied`,
          Number(cursor ?? 0),
          limit,
          name,
        );
        const { n, last, value } = rows[0];
        return { processed: n, cursor: last === null ? cursor : String(last), finished: n < limit, counts: { items: n, valueTotal: value ?? 0 } };
      },
    },
    {
      name: 'double',
      label: 'Copies doublées',
      async chunk({ tx, cursor, limit }) {
        if (failOnce?.step === 'double' && Number(cursor ?? 0) >= failOnce.atCursor) {
          failOnce = null;
          throw new Error('panne simulée');
        }
        const rows = await tx.$queryRawUnsafe<{ id: number }[]>(
          `UPDATE job_test_copy c SET value = c.value * 2
             FROM (SELECT id FROM job_test_copy WHERE run = $3 AND id > $1 ORDER BY id LIMIT $2) batch
            WHERE c.run = $3 AND c.id = batch.id RETURNING c.id`,
          Number(cursor ?? 0),
          limit,
          name,
        );
        const last = rows.length ? Math.max(...rows.map((r) => r.id)) : null;
        return {
          processed: rows.length,
          cursor: last === null ? cursor : String(last),
          finished: rows.length < limit,
          counts: { doubled: rows.length },
          // Pretend these are passes: the console's pass list hears one event per chunk.
          changed: { resource: 'passes', type: 'updated', ids: rows.map((r) => `item-${r.id}`) },
        };
      },
    },
  ],
});

beforeAll(async () => {
  t = await startTestApp({ env: { JOB_CHUNK_SIZE: '10' } });
  prisma = t.started.deps.db.prisma;
  await t.started.deps.db.exec(`
    CREATE TABLE job_test_source (id INT PRIMARY KEY, value INT NOT NULL);
    CREATE TABLE job_test_copy (run TEXT NOT NULL, id INT NOT NULL, value INT NOT NULL, PRIMARY KEY (run, id));
    INSERT INTO job_test_source SELECT g, g FROM generate_series(1, ${ITEMS}) g;`);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await t.close();
});

async function copies(name: string) {
  return t.started.deps.db.query<{ id: number; value: number }>('SELECT id, value FROM job_test_copy WHERE run = $1 ORDER BY id', [name]);
}

async function stepSummaries(runId: string) {
  return prisma.auditEvent.findMany({ where: { resource: 'job-runs', recordId: runId, action: 'job-step' }, orderBy: { createdAt: 'asc' } });
}

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppException);
  return error as AppException;
};

describe('the job runner', () => {
  it('runs the steps in order, chunk by chunk, and records one summary per step with its counts', async () => {
    const runner = makeRunner([copyAndDouble('ordered')]);
    const { run, outcome } = await runner.trigger('ordered', 'lot', { type: 'SCHEDULE' });
    expect(outcome).toBe('started');
    await runner.idle();

    expect((await copies('ordered')).map((c) => c.value)).toEqual(Array.from({ length: ITEMS }, (_, i) => 2 * (i + 1)));
    const done = await prisma.jobRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(done).toEqual(expect.objectContaining({ status: 'SUCCEEDED', step: null, error: null, owner: null, startedByName: 'Planification', attempts: 1 }));
    expect(done.counts).toEqual({ copy: { items: 25, valueTotal: 325 }, double: { doubled: 25 } });
    const summaries = await stepSummaries(run.id);
    expect(summaries.map((e) => (e.after as any).step)).toEqual(['copy', 'double']);
    expect(summaries[0].after).toEqual(expect.objectContaining({ done: 25, total: 25, counts: { items: 25, valueTotal: 325 } }));
    expect(summaries[0]).toEqual(expect.objectContaining({ actorType: 'SYSTEM', actorName: 'Planification' }));
    // No event per row anywhere in the log: 25 items, two steps, one start.
    expect(await prisma.auditEvent.count({ where: { recordId: run.id } })).toBe(3);
  });

  it('publishes the rows a chunk changed as one list event per chunk, not one per row', async () => {
    const socket = connect(t.baseUrl, await t.token('ADMIN'));
    sockets.push(socket);
    await connected(socket);
    const events = collect(socket);
    expect((await subscribe(socket, 'resource/passes')).ok).toBe(true);
    const runner = makeRunner([copyAndDouble('merged')]);
    await runner.trigger('merged', 'lot', { type: 'SCHEDULE' });
    await runner.idle();
    await new Promise((r) => setTimeout(r, 300));
    const lists = events.filter((e) => e.topic === 'resource/passes');
    // 25 rows in chunks of 10: 10 + 10 + 5.
    expect(lists.map((e) => e.payload.ids.length)).toEqual([10, 10, 5]);
    expect(events.filter((e) => e.topic.startsWith('resource/passes/'))).toEqual([]);
  });

  it('keeps the chunks committed before a failure, says why in French, and resumes there without doing anything twice', async () => {
    const runner = makeRunner([copyAndDouble('failing')]);
    failOnce = { step: 'double', atCursor: 10 };
    const { run } = await runner.trigger('failing', 'lot', { type: 'SCHEDULE' });
    await runner.idle();
    const failed = await prisma.jobRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(failed).toEqual(expect.objectContaining({ status: 'FAILED', step: 'double', done: 10, cursor: '10', owner: null }));
    expect(failed.error).toMatch(/^Échec à l’étape « Copies doublées » : panne simulée\. Relancez la tâche/);
    expect((await copies('failing')).filter((c) => c.value === 2 * c.id)).toHaveLength(10);

    const again = await runner.trigger('failing', 'lot', { type: 'SCHEDULE' });
    expect(again.outcome).toBe('resumed');
    await runner.idle();
    expect((await copies('failing')).map((c) => c.value)).toEqual(Array.from({ length: ITEMS }, (_, i) => 2 * (i + 1)));
    const finished = await prisma.jobRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(finished).toEqual(expect.objectContaining({ status: 'SUCCEEDED', attempts: 2, error: null }));
    expect(finished.counts).toEqual({ copy: { items: 25, valueTotal: 325 }, double: { doubled: 25 } });
    expect((await stepSummaries(run.id)).map((e) => (e.after as any).step)).toEqual(['copy', 'double']);
  });

  it('refuses a second run of the same key while one is at work, and once it is done', async () => {
    const runner = makeRunner([copyAndDouble('once')]);
    await runner.trigger('once', 'lot', { type: 'SCHEDULE' });
    const busy = await refusal(runner.trigger('once', 'lot', { type: 'SCHEDULE' }));
    expect(busy.status).toBe(409);
    expect(busy.message).toMatch(/est déjà en cours/);
    await runner.idle();
    const done = await refusal(runner.trigger('once', 'lot', { type: 'SCHEDULE' }));
    expect(done.status).toBe(409);
    expect(done.message).toMatch(/a déjà été faite/);
    expect(await prisma.jobRun.count({ where: { name: 'once' } })).toBe(1);
    expect((await copies('once')).map((c) => c.value)).toEqual(Array.from({ length: ITEMS }, (_, i) => 2 * (i + 1)));
  });

  it('lets go of a run another instance took over, without writing another chunk', async () => {
    const runner = makeRunner([copyAndDouble('taken')]);
    const { run } = await runner.trigger('taken', 'lot', { type: 'SCHEDULE' });
    await prisma.jobRun.update({ where: { id: run.id }, data: { owner: 'another-instance' } });
    await runner.idle();
    const after = await prisma.jobRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(after.owner).toBe('another-instance');
    expect(after.status).toBe('RUNNING');
    // At most the chunk already in flight when the owner changed.
    expect((await copies('taken')).length).toBeLessThanOrEqual(10);
  });
});
