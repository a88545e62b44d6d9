import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Socket } from 'socket.io-client';
import { openDatabase } from '../../server/src/database/database';
import { migrate } from '../../server/src/database/migrator';
import { seedDemoData } from '../../server/src/seed/seed';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { collect, connect, connected, subscribe, waitFor } from '../support/sockets';
import { freshDatabase, usingPostgres } from '../support/test-app';
import { todayKey } from '../../server/src/jobs/job-keys';
import { countExpiredSessions, expiredSessionsSql, waitUntil } from './support';

/**
 * Real server processes on one database (a PGlite folder, or a fresh PostgreSQL database),
 * prepared beforehand with the demo accounts and expired sessions for purge-sessions to delete.
 * Small chunks and a pause after each (JOB_CHUNK_DELAY_MS) let a kill land mid-run.
 */
const JOB_ENV = { JOB_CHUNK_SIZE: '4', JOB_CHUNK_DELAY_MS: '150', JOB_STALE_SECONDS: '2', SEED_ON_START: 'false', REDIS_PREFIX: `aptic-jobs-${randomBytes(4).toString('hex')}` };

let dbEnv: Record<string, string>;
let cleanup: () => Promise<void>;
const processes: ServerProcess[] = [];
const sockets: Socket[] = [];

async function prepare(expiredSessions: number) {
  const fresh = await freshDatabase();
  const dataDir = usingPostgres ? 'memory' : mkdtempSync(path.join(tmpdir(), 'aptic-jobs-'));
  const db = await openDatabase({ databaseUrl: fresh.databaseUrl, dataDir });
  await migrate(db);
  await seedDemoData(db.prisma, { bcryptRounds: 4 });
  await db.exec(expiredSessionsSql(expiredSessions));
  await db.close();
  dbEnv = usingPostgres ? { DATABASE_URL: fresh.databaseUrl! } : { DATA_DIR: dataDir, DATABASE_URL: '' };
  cleanup = async () => {
    await fresh.drop();
    if (!usingPostgres) rmSync(dataDir, { recursive: true, force: true });
  };
}

/** Reads the shared database once no process holds it (PGlite is one process's folder). */
async function expiredLeft() {
  const db = await openDatabase({ databaseUrl: dbEnv.DATABASE_URL || undefined, dataDir: dbEnv.DATA_DIR ?? 'memory' });
  try {
    return await countExpiredSessions(db);
  } finally {
    await db.close();
  }
}

async function start(extra: Record<string, string> = {}) {
  const p = await startServerProcess({ ...dbEnv, ...JOB_ENV, ...extra });
  processes.push(p);
  return p;
}

const admin = async (p: ServerProcess) => ({ Authorization: `Bearer ${await p.token('ADMIN')}` });

async function auditOf(p: ServerProcess, runId: string, action: string) {
  const filter = encodeURIComponent(JSON.stringify({ resource: 'job-runs', recordId: runId, action }));
  return (await p.http.get(`/api/audit-events?filter=${filter}`).set(await admin(p))).body as any[];
}

afterEach(async () => {
  sockets.splice(0).forEach((s) => s.disconnect());
  for (const p of processes.splice(0)) await p.kill();
  await cleanup?.();
});

describe('a job whose process is killed mid-run', () => {
  it('is resumed by the next trigger at its last committed chunk, and finishes with nothing done twice', async () => {
    await prepare(60);
    const a = await start();
    const socket = connect(a.baseUrl, await a.token('ADMIN'));
    sockets.push(socket);
    await connected(socket);
    const events = collect(socket);
    expect((await subscribe(socket, 'job/purge-sessions')).ok).toBe(true);

    const started = await a.http.post('/api/jobs/purge-sessions/runs').set(await admin(a)).send({});
    expect(started.status).toBe(202);
    const runId = started.body.run.id;
    await waitFor(events, (e) => e.type === 'progress' && e.payload.run.done >= 12, 30_000);
    await a.kill();

    const b = await start();
    const crashed = (await b.http.get(`/api/job-runs/${runId}`).set(await admin(b))).body;
    // The kill landed mid-run: some chunks committed, not all.
    expect(crashed.status).toBe('RUNNING');
    expect(crashed.done).toBeGreaterThanOrEqual(12);
    expect(crashed.done).toBeLessThan(60);

    // While the dead instance's heartbeat is fresh the run counts as in progress (409); then it is taken up.
    const resumed = await waitUntil(async () => {
      const res = await b.http.post('/api/jobs/purge-sessions/runs').set(await admin(b)).send({});
      if (res.status === 409) expect(res.body.message).toMatch(/est déjà en cours/);
      else return res;
    });
    expect(resumed.status).toBe(202);
    expect(resumed.body).toEqual(expect.objectContaining({ outcome: 'resumed', run: expect.objectContaining({ id: runId, done: crashed.done }) }));

    const finished = await waitUntil(async () => {
      const run = (await b.http.get(`/api/job-runs/${runId}`).set(await admin(b))).body;
      return run.status === 'SUCCEEDED' && run;
    });
    expect(finished).toEqual(expect.objectContaining({ done: 60, total: 60, attempts: 2, counts: { sessions: { sessions: 60 } }, error: null }));
    expect(await auditOf(b, runId, 'job-step')).toHaveLength(1);
    expect(await auditOf(b, runId, 'resume')).toHaveLength(1);
    await b.stop();
    expect(await expiredLeft()).toBe(0);
  });
});

// Two instances on one database need a real PostgreSQL; on PGlite this is reported as skipped.
const onPostgres = usingPostgres ? describe : describe.skip;
onPostgres('two instances triggering the same run at once', () => {
  it('lets exactly one do the work; the other is told it is already running', async () => {
    await prepare(40);
    // Today (Paris): the 40 sessions expired 3 days ago are before it, whatever the date the test runs.
    const key = todayKey(new Date());
    const [a, b] = await Promise.all([start(), start()]);
    const [ta, tb] = await Promise.all([admin(a), admin(b)]);
    const answers = await Promise.all([
      a.http.post('/api/jobs/purge-sessions/runs').set(ta).send({ key }),
      b.http.post('/api/jobs/purge-sessions/runs').set(tb).send({ key }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([202, 409]);
    const refusal = answers.find((r) => r.status === 409)!;
    expect(refusal.body.message).toContain(`La tâche « Purge des sessions expirées » pour ${key} est déjà en cours`);
    const runId = answers.find((r) => r.status === 202)!.body.run.id;

    const finished = await waitUntil(async () => {
      const run = (await a.http.get(`/api/job-runs/${runId}`).set(ta)).body;
      return run.status === 'SUCCEEDED' && run;
    });
    expect(finished).toEqual(expect.objectContaining({ done: 40, total: 40, attempts: 1, counts: { sessions: { sessions: 40 } } }));
    const runs = (await a.http.get(`/api/job-runs?filter=${encodeURIComponent('{"name":"purge-sessions"}')}`).set(ta)).body;
    expect(runs).toHaveLength(1);
    expect(await auditOf(a, runId, 'start')).toHaveLength(1);
    expect(await auditOf(a, runId, 'job-step')).toHaveLength(1);
    await Promise.all([a.stop(), b.stop()]);
    expect(await expiredLeft()).toBe(0);
  });
});
