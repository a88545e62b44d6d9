import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openDatabase, type Database } from '../../server/src/database/database';
import { ledgerDifferences } from '../../server/src/ledger/invariants';
import { migrate } from '../../server/src/database/migrator';
import { previousMonth } from '../../server/src/endorsement/period';
import { seedDemoData } from '../../server/src/seed/seed';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { freshDatabase, usingPostgres } from '../support/test-app';
import { waitUntil } from '../jobs/support';

/**
 * Issue 14, "Done means": real server processes on one database (a PGlite folder, or a fresh
 * PostgreSQL database) seeded with the demo data (October and November 2026 redemptions).
 * - The schedule firing every second on two instances: one preparation of last month.
 * - A process killed (SIGKILL) while closing endorses the passes: nothing numbered nor posted,
 *   and « Clôturer » again on another instance resumes and closes it.
 */
const ENV = { JOB_STALE_SECONDS: '2', SEED_ON_START: 'false', REDIS_PREFIX: `aptic-endorse-${randomBytes(4).toString('hex')}` };
const MONTH = '2026-10';

let dbEnv: Record<string, string>;
let cleanup: () => Promise<void>;
const processes: ServerProcess[] = [];

async function prepareDatabase() {
  const fresh = await freshDatabase();
  const dataDir = usingPostgres ? 'memory' : mkdtempSync(path.join(tmpdir(), 'aptic-endorse-'));
  const db = await openDatabase({ databaseUrl: fresh.databaseUrl, dataDir });
  await migrate(db);
  await seedDemoData(db.prisma, { bcryptRounds: 4 });
  await db.close();
  dbEnv = usingPostgres ? { DATABASE_URL: fresh.databaseUrl! } : { DATA_DIR: dataDir, DATABASE_URL: '' };
  cleanup = async () => {
    await fresh.drop();
    if (!usingPostgres) rmSync(dataDir, { recursive: true, force: true });
  };
}

/** Reads the shared database once no process holds it (PGlite is one process's folder). */
async function readDatabase<T>(read: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ databaseUrl: dbEnv.DATABASE_URL || undefined, dataDir: dbEnv.DATA_DIR ?? 'memory' });
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}

async function start(extra: Record<string, string> = {}) {
  const p = await startServerProcess({ ...dbEnv, ...ENV, ...extra });
  processes.push(p);
  return p;
}
/** A fresh database whose October is prepared (by a process stopped since): the draft. */
async function preparedMonth() {
  await prepareDatabase();
  const p0 = await start();
  const prepare = await p0.http.post('/api/endorsements/prepare').set(await finance(p0)).send({ period: MONTH });
  expect(prepare.status).toBe(202);
  const draft = await waitUntil(async () => {
    const e = await endorsementOf(p0, MONTH);
    return e?.status === 'PREPARED' && e;
  });
  await p0.stop();
  return draft;
}

/** « Clôturer » again after a kill: refused as running while the dead instance's heartbeat is fresh, then taken up. */
async function closeAgain(p: ServerProcess, draft: { id: string; revision: number }) {
  const again = await waitUntil(async () => {
    const res = await p.http.post(`/api/endorsements/${draft.id}/close`).set(await finance(p)).send({ revision: draft.revision });
    if (res.status === 409) expect(res.body.message).toMatch(/est déjà en cours/);
    else return res;
  });
  expect(again.status).toBe(202);
  expect(again.body.run).toEqual(expect.objectContaining({ name: 'endorsement-close', key: MONTH, attempts: 2 }));
}

const closeRun = async (p: ServerProcess) =>
  (await p.http.get(`/api/job-runs?filter=${encodeURIComponent(JSON.stringify({ name: 'endorsement-close' }))}`).set(await finance(p))).body[0];

const finance = async (p: ServerProcess) => ({ Authorization: `Bearer ${await p.token('FINANCE')}` });
const endorsementOf = async (p: ServerProcess, period: string) =>
  ((await p.http.get(`/api/endorsements?filter=${encodeURIComponent(JSON.stringify({ period }))}`).set(await finance(p))).body as any[])[0];

afterEach(async () => {
  for (const p of processes.splice(0)) await p.kill();
  await cleanup?.();
});

// Two instances on one database need a real PostgreSQL; on PGlite one instance shows the same rule.
const instances = usingPostgres ? 2 : 1;

describe('the monthly schedule', () => {
  it(`prepares last month once, on ${instances} instance(s) whose cron fires every second`, async () => {
    await prepareDatabase();
    const all = await Promise.all(Array.from({ length: instances }, () => start({ JOBS_SCHEDULE_ENABLED: 'true', JOB_ENDORSEMENT_PREPARE_CRON: '* * * * * *' })));
    const month = previousMonth(new Date());
    const prepared = await waitUntil(async () => {
      const e = await endorsementOf(all[0], month);
      return e?.status === 'PREPARED' && e;
    });
    expect(prepared.revision).toBe(1);
    await new Promise((r) => setTimeout(r, 2500)); // more ticks on every instance: each is told the month is done
    const runs = (await all[0].http.get(`/api/job-runs?filter=${encodeURIComponent(JSON.stringify({ name: 'endorsement-prepare' }))}`).set(await finance(all[0]))).body;
    expect(runs).toEqual([expect.objectContaining({ key: month, status: 'SUCCEEDED', attempts: 1, startedByName: 'Planification' })]);
    expect((await endorsementOf(all[0], month)).revision).toBe(1);
  });
});

describe('a process killed in the middle of closing', () => {
  it('leaves the month CLOSING with nothing numbered nor posted; « Clôturer » again resumes and closes it fully, once', async () => {
    const draft = await preparedMonth();
    // At least three statements with passes: at least three chunks of the endorsing step.
    const withPasses = await readDatabase(async (db) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Statement" WHERE "passCount" > 0`))[0].n);
    expect(withPasses).toBeGreaterThanOrEqual(3);
    // One statement per chunk, each held 1.5 s before it commits: the process dies while its passes are being endorsed.
    // (On PGlite, one connection, the answers wait for the chunk in flight: the close request is not awaited.)
    const a = await start({ JOB_CHUNK_SIZE: '1', JOB_CHUNK_HOLD_MS: '1500' });
    const close = a.http.post(`/api/endorsements/${draft.id}/close`).set(await finance(a)).send({ revision: draft.revision }).then(
      (res) => res.status,
      () => 'no answer',
    );
    await waitUntil(async () => {
      const run = await closeRun(a);
      return run?.step === 'endorse' && run.done > 0;
    });
    await a.kill();
    expect([202, 'no answer']).toContain(await close);

    const midway = await readDatabase(async (db) => {
      const [e] = await db.query<{ status: string }>(`SELECT status::text FROM "Endorsement" WHERE period = '${MONTH}'`);
      const [s] = await db.query<{ final: number; numbered: number }>(
        `SELECT count(*) FILTER (WHERE status = 'FINAL')::int AS final, count(number)::int AS numbered FROM "Statement"`,
      );
      const [p] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Pass" WHERE status = 'ENDORSED'`);
      const [l] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "LedgerEntry" WHERE event = 'MONTH_CLOSED'`);
      const [c] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "DocumentCounter" WHERE kind = 'STATEMENT'`);
      const [po] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Payout"`);
      return { status: e.status, final: s.final, numbered: s.numbered, endorsed: p.n, ledger: l.n, counters: c.n, payouts: po.n };
    });
    // No money moved: no statement numbered or final, no ledger line, no payout; only some passes already endorsed.
    expect(midway).toEqual({ status: 'CLOSING', final: 0, numbered: 0, endorsed: midway.endorsed, ledger: 0, counters: 0, payouts: 0 });
    expect(midway.endorsed).toBeGreaterThan(0);
    expect(midway.endorsed).toBeLessThan(draft.passCount);

    const b = await start();
    await closeAgain(b, draft);
    const closed = await waitUntil(async () => {
      const e = await endorsementOf(b, MONTH);
      return e?.status === 'CLOSED' && e;
    });
    await b.stop();

    const after = await readDatabase(async (db) => {
      const [s] = await db.query<{ n: number; first: number; last: number }>(
        `SELECT count(*)::int AS n, min(sequence)::int AS first, max(sequence)::int AS last FROM "Statement" WHERE status = 'FINAL'`,
      );
      const [p] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Pass" WHERE status = 'ENDORSED'`);
      const [t] = await db.query<{ n: number }>(`SELECT count(DISTINCT "transactionId")::int AS n FROM "LedgerEntry" WHERE event = 'MONTH_CLOSED'`);
      return { statements: s, endorsed: p.n, transactions: t.n, differences: (await ledgerDifferences(db.prisma)).map((d) => d.message) };
    });
    expect(after.statements).toEqual({ n: closed.statementCount, first: 1, last: closed.statementCount });
    expect(after.endorsed).toBe(closed.passCount);
    expect(after.transactions).toBe(closed.statementCount);
    expect(after.differences).toEqual([]);
  });

  it('while rendering the PDFs leaves the month CLOSED with its books complete; « Clôturer » again renders the rest', async () => {
    const draft = await preparedMonth();
    // One statement per chunk, each held 0.3 s: the process dies once some PDFs are stored.
    const a = await start({ JOB_CHUNK_SIZE: '1', JOB_CHUNK_HOLD_MS: '300' });
    const close = a.http.post(`/api/endorsements/${draft.id}/close`).set(await finance(a)).send({ revision: draft.revision }).then(
      (res) => res.status,
      () => 'no answer',
    );
    await waitUntil(async () => {
      const run = await closeRun(a);
      return run?.step === 'pdfs' && run.done > 0;
    }, 120_000);
    await a.kill();
    expect([202, 'no answer']).toContain(await close);

    const figures = (db: Database) =>
      Promise.all([
        db.query<{ status: string }>(`SELECT status::text FROM "Endorsement" WHERE period = '${MONTH}'`),
        db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "StatementPdf"`),
        db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "LedgerEntry" WHERE event = 'MONTH_CLOSED'`),
      ]).then(async ([[e], [pdfs], [ledger]]) => ({ status: e.status, pdfs: pdfs.n, ledger: ledger.n, differences: (await ledgerDifferences(db.prisma)).map((d) => d.message) }));
    const midway = await readDatabase(figures);
    // The month is closed and its books complete; some of its PDFs are stored, not all.
    expect(midway).toEqual({ status: 'CLOSED', pdfs: midway.pdfs, ledger: midway.ledger, differences: [] });
    expect(midway.ledger).toBeGreaterThan(0);
    expect(midway.pdfs).toBeGreaterThan(0);
    expect(midway.pdfs).toBeLessThan(draft.statementCount);

    const b = await start();
    await closeAgain(b, draft);
    const done = await waitUntil(async () => {
      const run = await closeRun(b);
      return run?.status === 'SUCCEEDED' && run;
    });
    expect(done.counts.pdfs.pdfs).toBe(draft.statementCount);
    await b.stop();
    // Every statement has its PDF now, and nothing was posted twice.
    expect(await readDatabase(figures)).toEqual({ status: 'CLOSED', pdfs: draft.statementCount, ledger: midway.ledger, differences: [] });
  });
  it('stopped gracefully while rendering the PDFs, hands the run back unfailed; the next « Clôturer » renders the rest at once', async () => {
    const draft = await preparedMonth();
    const a = await start({ JOB_CHUNK_SIZE: '1', JOB_CHUNK_HOLD_MS: '300' });
    await a.http.post(`/api/endorsements/${draft.id}/close`).set(await finance(a)).send({ revision: draft.revision }).expect(202);
    await waitUntil(async () => {
      const run = await closeRun(a);
      return run?.step === 'pdfs' && run.done > 0;
    }, 120_000);
    // SIGTERM: the render and chunk in flight finish, then the run is handed back (the renderer's worker stops last).
    await a.stop();
    const [run] = await readDatabase((db) => db.query<{ status: string; owner: string | null; error: string | null; step: string }>(`SELECT status::text, owner, error, step FROM "JobRun" WHERE name = 'endorsement-close'`));
    expect(run).toEqual({ status: 'RUNNING', owner: null, error: null, step: 'pdfs' });

    const b = await start();
    await closeAgain(b, draft);
    const done = await waitUntil(async () => {
      const r = await closeRun(b);
      return r?.status === 'SUCCEEDED' && r;
    });
    expect(done.counts.pdfs.pdfs).toBe(draft.statementCount);
    await b.stop();
    expect(await readDatabase((db) => db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "StatementPdf"`))).toEqual([{ n: draft.statementCount }]);
  });
});
