// npm run bench:endorsement — not part of npm test. B3: preparing and closing a month of
// BENCH_SCANS accepted scans over BENCH_STRUCTURES structures (October 2026, Paris) through the
// product, against the floor: hand-written SQL doing the same work, in the same run, on a copy of
// the same data.
//
// For each scale (BENCH_SCANS, default 100,000 then 1,000,000):
//  1. a scratch PostgreSQL database: migrations, demo data, then the month loaded by set-based SQL
//     (generate_series; see endorsement-data.ts), indexes built, VACUUM ANALYZE;
//  2. a copy of it (CREATE DATABASE … TEMPLATE): the floor prepares and closes the month there
//     (one INSERT … SELECT of the lines, one UPDATE of the totals, numbering, passes ENDORSED,
//     payouts, MONTH_CLOSED ledger lines; the close in one transaction);
//  3. the server in a process of its own on the original: FINANCE calls POST /api/endorsements/prepare
//     {period}, then POST /api/endorsements/:id/close {revision}; each timed from the request to
//     the job run SUCCEEDED or FAILED (JobRun polled every 100 ms, which also gives the time of
//     each step); the server's RSS is read from /proc/<pid>/status every 100 ms (VmRSS) and its
//     peak (VmHWM, reset before each phase through /proc/<pid>/clear_refs);
//  4. both runs compared figure by figure and statement by statement (numbers, passes, gross, fee,
//     kit, net, lines; endorsed passes, ledger lines, payouts), and against what the generated data
//     must give. A difference, or a job failing (the report is printed first), exits 1; durations
//     are only printed.
// Before each measured phase: CHECKPOINT and sync. During each one, a stand-in for autovacuum
// (off on these machines' PostgreSQL, on in production) analyzes every BENCH_AUTOANALYZE seconds
// (60, production's autovacuum_naptime) the tables changed past autovacuum's threshold: the
// product's plans depend on it (see the report). PostgreSQL only: PGlite (one in-process
// connection, WASM) would take far too long at this size. The default run takes about 20 minutes
// (the 1,000,000 scale ~18); BENCH_SCANS=100000 about 2.
//
// Settings: BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres; scratch
// databases are created beside it and dropped at the end), BENCH_SCANS (comma-separated scales,
// default 100000,1000000), BENCH_STRUCTURES (2000), BENCH_AUTOANALYZE (seconds, 60; off = none),
// BENCH_REDIS_URL (default redis://127.0.0.1:6379; "none" for none), JOB_CHUNK_SIZE (the
// server's, default 1000), BENCH_KEEP_DATABASE=true (keep the closed database of the last scale,
// e.g. for BENCH_DATABASE_URL of bench:pdf; drop it yourself).
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';
import { loadConfig } from '../../server/src/config/app-config';
import { issuerFrom } from '../../server/src/documents/issuer';
import { startServerProcess, ServerProcess } from '../support/server-process';
import { autoanalyze, cloneDatabase, connect, differences, expectedProblems, floorClose, floorPrepare, int, monthDatabase, monthPeriod, PERIOD, runFigures, seconds, StepTimes } from './endorsement-data';
import { onServer, SERVER_URL } from './scratch';

const SCALES = (process.env.BENCH_SCANS ?? '100000,1000000').split(',').map((s) => Number(s.replace(/_/g, '')));
const STRUCTURES = Number(process.env.BENCH_STRUCTURES ?? 2000);
const REDIS_URL = process.env.BENCH_REDIS_URL === 'none' ? undefined : (process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379');
const KEEP = process.env.BENCH_KEEP_DATABASE === 'true';
/** Seconds between two passes of the autovacuum stand-in (endorsement-data.ts autoanalyze); 0 or "off": none. */
const AUTOANALYZE = ['off', 'false', '0'].includes(process.env.BENCH_AUTOANALYZE ?? '') ? 0 : Number(process.env.BENCH_AUTOANALYZE ?? 60);

const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;
const total = (steps: StepTimes) => steps.reduce((sum, [, ms]) => sum + ms, 0);
const list = (steps: StepTimes) => steps.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)}`).join(', ');

/**
 * Before each measured phase: PostgreSQL's dirty buffers written (CHECKPOINT), then the kernel's
 * (sync: a copy made by CREATE DATABASE … TEMPLATE leaves gigabytes to flush, which would slow
 * whichever phase comes next).
 */
async function settle() {
  await onServer('CHECKPOINT');
  execFileSync('sync');
}

/** Runs a measured phase with the autovacuum stand-in on the database it works on. */
async function phase<T>(url: string, fn: () => Promise<T>): Promise<{ result: T; analyzed: string[] }> {
  const analyzer = autoanalyze(url, AUTOANALYZE);
  try {
    return { result: await fn(), analyzed: await analyzer.stop() };
  } finally {
    await analyzer.stop();
  }
}

/** VmRSS and VmHWM of a process, in kB. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

/** Samples a process's RSS every 100 ms from now on; stop() gives the highest sample and the kernel's peak (VmHWM, reset here). */
function watchMemory(pid: number) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
  } catch {
    // not allowed here: VmHWM is then the peak since the process started
  }
  let peak = memoryOf(pid).rss;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, memoryOf(pid).rss);
    } catch {
      // the process ended
    }
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      const now = memoryOf(pid);
      return { sampled: Math.max(peak, now.rss), hwm: now.hwm };
    },
  };
}

interface RunTiming {
  ms: number;
  steps: StepTimes;
  counts: unknown;
  /** The run's error when it FAILED. */
  error?: string;
}

/** Polls a job run every 100 ms until it ends; the time of each step from when it was first seen. */
async function waitForRun(c: Client, runId: string, since: number): Promise<RunTiming> {
  const steps: StepTimes = [];
  let step: string | null = null;
  let stepStart = since;
  for (;;) {
    const { rows } = await c.query(`SELECT status, step, counts, error FROM "JobRun" WHERE id = $1`, [runId]);
    const run = rows[0];
    const now = performance.now();
    if (!run) throw new Error(`job run ${runId} not found`);
    if (run.step !== step || run.status === 'SUCCEEDED' || run.status === 'FAILED') {
      // The first step counts from the request; each next one from when it was first seen.
      if (step !== null) {
        steps.push([step, now - stepStart]);
        stepStart = now;
      }
      step = run.step;
    }
    if (run.status === 'SUCCEEDED') return { ms: now - since, steps, counts: run.counts };
    if (run.status === 'FAILED') return { ms: now - since, steps, counts: run.counts, error: String(run.error) };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface ScaleResult {
  scans: number;
  analyzed: { floorPrepare: string[]; floorClose: string[]; prepare: string[]; close: string[] };
  floorPrepare: StepTimes;
  floorClose: StepTimes;
  prepare: RunTiming;
  close: RunTiming;
  rss: { idle: number; prepare: { sampled: number; hwm: number }; close: { sampled: number; hwm: number } };
  problems: string[];
}

async function scale(scans: number, keep: boolean): Promise<ScaleResult> {
  const period = monthPeriod();
  console.log(`\n── ${int(scans)} scans over ${int(STRUCTURES)} structures (${PERIOD}, Paris) ──`);
  const month = await monthDatabase('endorsement', scans, STRUCTURES, console.log);
  let server: ServerProcess | undefined;
  let keepIt = false;
  try {
    // The floor, on a copy.
    const t0 = performance.now();
    const copy = await cloneDatabase(month.name, 'endorsement_floor');
    console.log(`  copy for the floor: ${seconds(performance.now() - t0)}`);
    let floor: { prepare: StepTimes; close: StepTimes; analyzed: string[][]; figures: Awaited<ReturnType<typeof runFigures>> };
    try {
      const c = await connect(copy.url);
      try {
        await settle();
        const prepare = await phase(copy.url, () => floorPrepare(c, period));
        await settle();
        const close = await phase(copy.url, () => floorClose(c, period, issuerFrom(loadConfig({}))));
        floor = { prepare: prepare.result, close: close.result, analyzed: [prepare.analyzed, close.analyzed], figures: await runFigures(c, PERIOD) };
      } finally {
        await c.end().catch(() => undefined);
      }
    } finally {
      await copy.drop();
    }
    console.log(`  floor: prepare ${seconds(total(floor.prepare))} (${list(floor.prepare)})`);
    console.log(`  floor: close ${seconds(total(floor.close))} (${list(floor.close)})`);

    // The product: the server in its own process, called as FINANCE calls it.
    server = await startServerProcess({ DATABASE_URL: month.url, REDIS_URL, REDIS_PREFIX: `aptic-bench-${randomBytes(3).toString('hex')}`, SEED_ON_START: 'false', LOG_LEVEL: 'warn' });
    const token = await server.token('FINANCE');
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const idle = memoryOf(server.pid).rss;
    const c = await connect(month.url);
    try {
      await settle();
      let memory = watchMemory(server.pid);
      const { result: prepare, analyzed: prepareAnalyzed } = await phase(month.url, async () => {
        const start = performance.now();
        const res = await fetch(`${server!.baseUrl}/api/endorsements/prepare`, { method: 'POST', headers, body: JSON.stringify({ period: PERIOD }) });
        if (res.status !== 202) throw new Error(`prepare: ${res.status} ${await res.text()}`);
        return waitForRun(c, ((await res.json()) as { run: { id: string } }).run.id, start);
      });
      const prepareMemory = memory.stop();
      console.log(`  product: prepare ${seconds(prepare.ms)} (${list(prepare.steps)})`);
      if (prepare.error) throw new Error(`the preparation failed: ${prepare.error}`);

      const { rows } = await c.query(`SELECT id, revision FROM "Endorsement" WHERE period = $1`, [PERIOD]);
      await settle();
      memory = watchMemory(server.pid);
      const { result: close, analyzed: closeAnalyzed } = await phase(month.url, async () => {
        const start = performance.now();
        const res = await fetch(`${server!.baseUrl}/api/endorsements/${rows[0].id}/close`, { method: 'POST', headers, body: JSON.stringify({ revision: rows[0].revision }) });
        if (res.status !== 202) throw new Error(`close: ${res.status} ${await res.text()}`);
        return waitForRun(c, ((await res.json()) as { run: { id: string } }).run.id, start);
      });
      const closeMemory = memory.stop();
      console.log(`  product: close ${close.error ? 'FAILED after ' : ''}${seconds(close.ms)} (${list(close.steps)})${close.error ? `: ${close.error.replace(/\s+/g, ' ')}` : ''}`);

      const product = await runFigures(c, PERIOD);
      const closed = !close.error;
      // A failed close leaves the draft: its figures are still compared with the floor's (numbers, passes, ledger and payouts aside).
      const problems = [
        ...(closed ? [] : [`the close failed: ${close.error!.replace(/\s+/g, ' ').slice(0, 300)}`]),
        ...differences(product, floor.figures, closed),
        ...(closed ? expectedProblems(product, scans, STRUCTURES).map((p) => `product: ${p}`) : []),
        ...expectedProblems(floor.figures, scans, STRUCTURES).map((p) => `floor: ${p}`),
      ];
      const agree = differences(product, floor.figures, closed).length === 0;
      console.log(
        `  ${closed ? 'closed' : 'still a draft'}: ${int(product.statementCount)} statements, ${int(product.passCount)} passes${closed ? ' endorsed' : ''}, gross ${int(product.grossCents / 100)} €, ` +
          `${int(product.ledgerLines)} MONTH_CLOSED ledger lines, ${int(product.payouts)} payouts — ` +
          (agree ? `product and floor agree on every ${closed ? 'figure and statement' : 'figure of the draft and every statement'}` : 'DIFFERENCES'),
      );
      for (const p of problems) console.log(`    ✗ ${p}`);
      keepIt = keep && problems.length === 0;
      const analyzed = { floorPrepare: floor.analyzed[0], floorClose: floor.analyzed[1], prepare: prepareAnalyzed, close: closeAnalyzed };
      return { scans, analyzed, floorPrepare: floor.prepare, floorClose: floor.close, prepare, close, rss: { idle, prepare: prepareMemory, close: closeMemory }, problems };
    } finally {
      await c.end().catch(() => undefined);
    }
  } finally {
    await server?.stop().catch(() => undefined);
    if (keepIt) console.log(`  kept the closed database: BENCH_DATABASE_URL=${month.url} (drop it yourself)`);
    else await month.drop();
  }
}

function report(results: ScaleResult[]) {
  const pad = (s: string, n: number) => s.padStart(n);
  console.log(`\nB3 — endorsement of ${PERIOD} (Paris), ${int(STRUCTURES)} structures, PostgreSQL (PGlite not measured: far too slow at this size). Durations in seconds; ratio = product / floor (target ≤ 2).`);
  console.log(`${'scans'.padStart(10)} │ ${pad('floor prep', 10)} ${pad('floor close', 11)} ${pad('floor', 7)} │ ${pad('prepare', 8)} ${pad('close', 7)} ${pad('product', 8)} │ ${pad('prep ×', 7)} ${pad('close ×', 7)} ${pad('total ×', 7)} │ server RSS: idle, peak prepare, peak close (VmHWM)`);
  for (const r of results) {
    const fp = total(r.floorPrepare);
    const fc = total(r.floorClose);
    const failed = Boolean(r.close.error);
    // A failed close is shown as "✗ <seconds until it failed>", and no ratio.
    const closeCell = failed ? `✗${(r.close.ms / 1000).toFixed(0)}` : (r.close.ms / 1000).toFixed(1);
    console.log(
      `${int(r.scans).padStart(10)} │ ${pad((fp / 1000).toFixed(1), 10)} ${pad((fc / 1000).toFixed(1), 11)} ${pad(((fp + fc) / 1000).toFixed(1), 7)} │ ${pad((r.prepare.ms / 1000).toFixed(1), 8)} ${pad(closeCell, 7)} ${pad(failed ? '—' : ((r.prepare.ms + r.close.ms) / 1000).toFixed(1), 8)} │ ` +
        `${pad((r.prepare.ms / fp).toFixed(2), 7)} ${pad(failed ? '—' : (r.close.ms / fc).toFixed(2), 7)} ${pad(failed ? '—' : ((r.prepare.ms + r.close.ms) / (fp + fc)).toFixed(2), 7)} │ ` +
        `${mb(r.rss.idle)}, ${mb(Math.max(r.rss.prepare.sampled, r.rss.prepare.hwm))}, ${mb(Math.max(r.rss.close.sampled, r.rss.close.hwm))}`,
    );
  }
  for (const r of results) for (const p of r.problems) console.log(`  ✗ ${int(r.scans)} scans: ${p}`);
  console.log(
    `\nWhere the time goes (seconds; product steps as seen by polling JobRun every 100 ms). ` +
      (AUTOANALYZE ? `Autovacuum stand-in: ANALYZE of the tables changed past autovacuum's threshold every ${AUTOANALYZE} s (BENCH_AUTOANALYZE).` : 'No ANALYZE during the phases (BENCH_AUTOANALYZE=off).'),
  );
  // "Statement at 5 s", … → "Statement ×3 (first at 5 s)"
  const analyzed = (xs: string[]) => {
    const byTable = new Map<string, { n: number; first: string }>();
    for (const x of xs) {
      const [table, , when] = x.split(' ');
      const seen = byTable.get(table);
      byTable.set(table, { n: (seen?.n ?? 0) + 1, first: seen?.first ?? when });
    }
    return byTable.size ? ` [ANALYZE: ${[...byTable].map(([table, { n, first }]) => `${table}${n > 1 ? ` ×${n}` : ''} (first at ${first} s)`).join(', ')}]` : '';
  };
  for (const r of results) {
    console.log(`  ${int(r.scans)} scans`);
    console.log(`    floor prepare:   ${list(r.floorPrepare)}${analyzed(r.analyzed.floorPrepare)}`);
    console.log(`    product prepare: ${list(r.prepare.steps)}${analyzed(r.analyzed.prepare)}`);
    console.log(`    floor close:     ${list(r.floorClose)}${analyzed(r.analyzed.floorClose)}`);
    console.log(`    product close:   ${list(r.close.steps)} (endorse: staleness check, then passes ENDORSED in chunks of whole statements; close: one transaction with numbers, snapshots, payouts, ledger, audit)${analyzed(r.analyzed.close)}`);
  }
}

async function main() {
  (globalThis as any).expect ??= () => ({ toEqual: () => undefined, toBeGreaterThan: () => undefined });
  const server = await connect(SERVER_URL);
  const { rows } = await server.query(`SELECT current_setting('server_version') AS version, current_setting('autovacuum') AS autovacuum, current_setting('shared_buffers') AS buffers`);
  await server.end();
  console.log(
    `PostgreSQL ${rows[0].version} (shared_buffers ${rows[0].buffers}, autovacuum ${rows[0].autovacuum}); ` +
      (AUTOANALYZE ? `autovacuum stand-in: ANALYZE every ${AUTOANALYZE} s of the tables past its threshold, during each measured phase` : 'no ANALYZE during the measured phases'),
  );
  const results: ScaleResult[] = [];
  for (const [i, scans] of SCALES.entries()) results.push(await scale(scans, KEEP && i === SCALES.length - 1));
  report(results);
  if (results.some((r) => r.problems.length)) throw new Error('the product and the floor do not agree (see ✗ above)');
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
