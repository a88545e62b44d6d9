// npm run bench:pdf — not part of npm test. B5: the statement PDFs of a closed month.
//  - one 500-line statement (1,000,000 scans over 2,000 structures: 500 lines each), rendered
//    BENCH_RUNS times after two warm-ups (median): by pdfmake in this thread, by the server's
//    renderer in its worker thread (PdfRenderer), and downloaded (DocumentsService.statementPdf:
//    the PDF the closing stored); the baseline, in the same run: the same statement cut to its
//    first 10 lines, rendered by pdfmake in this thread (target: the 500-line one under 1 s);
//  - every statement of the run (2,000) rendered in the background by the closing's « Relevés
//    PDF » step, started as « Reprendre la clôture » starts it (POST /api/endorsements/:id/close
//    on the closed month whose run stopped at that step, its PDFs deleted first): the job path,
//    the worker thread, each PDF stored; total and per-PDF time;
//  - whether the console stays responsive meanwhile: GET /api/endorsements sent to the server
//    every 100 ms by a client in another process (as a browser would), latency before the
//    renders and during them (p95 ratio), and the server thread's event-loop delay during them.
// The month is loaded by set-based SQL (endorsement-data.ts) into a scratch PostgreSQL database and
// closed by the floor's SQL (bench:endorsement), each statement's snapshot then written as the
// close job writes it (issuer of the configuration, masked IBAN, totals). BENCH_CLOSE=product
// closes it through the API and the jobs instead (in this process, with the autovacuum stand-in
// of bench:endorsement, BENCH_AUTOANALYZE, 60 s). Or BENCH_DATABASE_URL names a database with
// October 2026 already closed (bench:endorsement with BENCH_KEEP_DATABASE=true leaves one); its
// stored PDFs are rendered again. A PDF that is not one, or a close failing, exits 1.
// Takes about 13 minutes by default (load ~2, the floor's close ~5, the 2,000 renders ~5).
//
// Settings: BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres), BENCH_SCANS
// (1000000), BENCH_STRUCTURES (2000), BENCH_RUNS (5), BENCH_PDFS (how many of the run's statements
// to render, default all), BENCH_CLOSE (floor | product), BENCH_DATABASE_URL, BENCH_AUTOANALYZE (60).
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Client } from 'pg';
import type { AppConfig } from '../../server/src/config/app-config';
import { issuerFrom } from '../../server/src/documents/issuer';
import { DocumentsService } from '../../server/src/documents/documents.service';
import { maskIban } from '../../server/src/rest/masking';
import { FEE_RATE_BP } from '../../server/src/rules/money';
import { renderStatement, type StatementSnapshot } from '../../server/src/documents/statement.pdf';
import { JobRunner } from '../../server/src/jobs/job-runner';
import { PdfRenderer } from '../../server/src/documents/pdf-renderer';
import { startTestApp } from '../support/test-app';
import { autoanalyze, connect, floorClose, floorPrepare, int, monthDatabase, monthPeriod, PERIOD, seconds } from './endorsement-data';

const SCANS = Number((process.env.BENCH_SCANS ?? '1000000').replace(/_/g, ''));
const STRUCTURES = Number(process.env.BENCH_STRUCTURES ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PDFS = process.env.BENCH_PDFS ? Number(process.env.BENCH_PDFS) : Infinity;
const EXISTING = process.env.BENCH_DATABASE_URL;
const CLOSE = process.env.BENCH_CLOSE === 'product' ? 'product' : 'floor';
/** The autovacuum stand-in while the jobs run (see endorsement-data.ts): seconds, 0 or "off" for none. */
const AUTOANALYZE = ['off', 'false', '0'].includes(process.env.BENCH_AUTOANALYZE ?? '') ? 0 : Number(process.env.BENCH_AUTOANALYZE ?? 60);

/** Each closed statement's snapshot as the close job freezes it (server/src/endorsement/close-endorsement.job.ts). */
async function writeSnapshots(c: Client, config: AppConfig) {
  const issuer = issuerFrom(config);
  const { rows } = await c.query(
    `SELECT st.id, st.number, st."issuedAt" AT TIME ZONE 'UTC' AS "issuedAt", e."periodStart" AT TIME ZONE 'UTC' AS "periodStart", e."periodEnd" AT TIME ZONE 'UTC' AS "periodEnd",
            st."passCount", st."grossCents", st."feeCents", st."subscriptionCents", st."adjustmentsCents", st."carriedCents", st."netCents",
            s.name, s.siret, s."addressLine", s."postalCode", s.city, s."bankHolder", s.iban, s.bic
       FROM "Statement" st JOIN "Endorsement" e ON e.id = st."endorsementId" JOIN "Structure" s ON s.id = st."structureId" WHERE e.period = $1`,
    [PERIOD],
  );
  const snapshots = rows.map(
    (r): StatementSnapshot => ({
      number: r.number,
      issuedAt: r.issuedAt.toISOString(),
      period: PERIOD,
      periodStart: r.periodStart.toISOString(),
      periodEnd: r.periodEnd.toISOString(),
      issuer,
      structure: { name: r.name, siret: r.siret, addressLine: r.addressLine, postalCode: r.postalCode, city: r.city, bankHolder: r.bankHolder, ibanMasked: String(maskIban(r.iban)), bic: r.bic },
      totals: { passCount: r.passCount, grossCents: r.grossCents, feeRateBp: FEE_RATE_BP, feeCents: r.feeCents, subscriptionCents: r.subscriptionCents, adjustmentsCents: r.adjustmentsCents, carriedCents: r.carriedCents, netCents: r.netCents, payableCents: Math.max(0, r.netCents) },
    }),
  );
  await c.query(`UPDATE "Statement" st SET snapshot = v.snap::jsonb FROM unnest($1::text[], $2::text[]) AS v(id, snap) WHERE st.id = v.id`, [rows.map((r) => r.id), snapshots.map((x) => JSON.stringify(x))]);
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const at = (xs: number[], q: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const median = (xs: number[]) => at(xs, 0.5);
const ms = (x: number) => `${x.toFixed(0)} ms`;

function checkPdf(bytes: Buffer, what: string) {
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-' || bytes.subarray(-6).toString('latin1').trim() !== '%%EOF') throw new Error(`${what}: not a PDF`);
}

/** Renders timed in rounds, one of each per round (so drift and noise fall on all alike), after two warm-up rounds: the median of each. */
async function timeRounds(cases: { what: string; render: () => Promise<Buffer> }[]): Promise<{ median: number; bytes: number }[]> {
  const samples = cases.map(() => [] as number[]);
  const bytes = cases.map(() => 0);
  for (let round = -2; round < RUNS; round++) {
    for (const [i, { what, render }] of cases.entries()) {
      const t0 = performance.now();
      const pdf = await render();
      if (round >= 0) samples[i].push(performance.now() - t0);
      checkPdf(pdf, what);
      bytes[i] = pdf.length;
    }
  }
  return cases.map((_, i) => ({ median: median(samples[i]), bytes: bytes[i] }));
}

/**
 * A client in another process (as a browser is): GET /api/endorsements every 100 ms until stopped;
 * stop() gives each request's latency.
 */
function probe(baseUrl: string, token: string) {
  const code = `
    const [url, token] = process.argv.slice(1);
    let stop = false;
    process.on('SIGTERM', () => { stop = true; });
    (async () => {
      while (!stop) {
        const t0 = performance.now();
        const res = await fetch(url, { headers: { Authorization: 'Bearer ' + token } });
        await res.arrayBuffer();
        process.stdout.write((performance.now() - t0).toFixed(2) + ' ' + res.status + '\\n');
        await new Promise((r) => setTimeout(r, 100));
      }
      process.exit(0);
    })();`;
  const child = spawn(process.execPath, ['-e', code, `${baseUrl}/api/endorsements?range=[0,24]`, token], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_OPTIONS: '' } });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  return {
    stop: () =>
      new Promise<number[]>((resolve, reject) => {
        child.once('exit', () => {
          const lines = out.trim().split('\n').filter(Boolean).map((l) => l.split(' '));
          const failed = lines.filter(([, status]) => status !== '200');
          if (failed.length) return reject(new Error(`GET /api/endorsements answered ${failed[0][1]} during the probe`));
          resolve(lines.map(([latency]) => Number(latency)));
        });
        child.kill('SIGTERM');
      }),
  };
}

const latencyLine = (label: string, xs: number[]) => `${label.padEnd(40)} ${String(xs.length).padStart(6)} ${ms(at(xs, 0.5)).padStart(8)} ${ms(at(xs, 0.95)).padStart(8)} ${ms(Math.max(...xs)).padStart(8)}`;

async function main() {
  (globalThis as any).expect ??= () => ({ toEqual: () => undefined, toBeGreaterThan: () => undefined });
  const month = EXISTING ? null : await monthDatabase('pdf', SCANS, STRUCTURES, console.log);
  const url = EXISTING ?? month!.url;
  const app = await startTestApp({ databaseUrl: url, seed: false });
  const c = await connect(url);
  try {
    const token = await app.token('FINANCE');
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    if (!EXISTING && CLOSE === 'floor') {
      const t0 = performance.now();
      const steps = [...(await floorPrepare(c, monthPeriod())), ...(await floorClose(c, monthPeriod(), issuerFrom(app.config)))];
      await writeSnapshots(c, app.config);
      console.log(`  prepared and closed by the floor's SQL in ${seconds(performance.now() - t0)} (${steps.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)}`).join(', ')}), snapshots as the close job writes them`);
    } else if (!EXISTING) {
      // The month closed by the product, as FINANCE does it (the jobs run in this process).
      const runner = app.started.app.get(JobRunner);
      const analyzer = autoanalyze(url, AUTOANALYZE);
      let t0 = performance.now();
      let res = await fetch(`${app.baseUrl}/api/endorsements/prepare`, { method: 'POST', headers, body: JSON.stringify({ period: PERIOD }) });
      if (res.status !== 202) throw new Error(`prepare: ${res.status} ${await res.text()}`);
      await runner.idle();
      const prepared = (await c.query(`SELECT id, status, revision FROM "Endorsement" WHERE period = $1`, [PERIOD])).rows[0];
      if (prepared?.status !== 'PREPARED') throw new Error(`prepare did not finish: ${JSON.stringify((await c.query(`SELECT status, error FROM "JobRun" ORDER BY "startedAt" DESC LIMIT 1`)).rows[0])}`);
      console.log(`  prepared in ${seconds(performance.now() - t0)}`);
      t0 = performance.now();
      res = await fetch(`${app.baseUrl}/api/endorsements/${prepared.id}/close`, { method: 'POST', headers, body: JSON.stringify({ revision: prepared.revision }) });
      if (res.status !== 202) throw new Error(`close: ${res.status} ${await res.text()}`);
      await runner.idle();
      const closed = (await c.query(`SELECT status FROM "Endorsement" WHERE period = $1`, [PERIOD])).rows[0];
      if (closed?.status !== 'CLOSED') throw new Error(`close did not finish: ${JSON.stringify((await c.query(`SELECT status, error FROM "JobRun" ORDER BY "startedAt" DESC LIMIT 1`)).rows[0])}`);
      console.log(`  closed in ${seconds(performance.now() - t0)}${AUTOANALYZE ? ` (autovacuum stand-in: ${(await analyzer.stop()).join(', ') || 'nothing analyzed'})` : ''}`);
      await analyzer.stop();
    }
    const { rows: statements } = await c.query<{ id: string; number: string; passCount: number }>(
      `SELECT st.id, st.number, st."passCount" FROM "Statement" st JOIN "Endorsement" e ON e.id = st."endorsementId"
        WHERE e.period = $1 AND e.status NOT IN ('PREPARING', 'PREPARED', 'CLOSING') AND st.status = 'FINAL' ORDER BY st.number`,
      [PERIOD],
    );
    if (!statements.length) throw new Error(`no closed statement of ${PERIOD} in ${url}`);
    const documents = app.started.app.get(DocumentsService);
    const renderer = app.started.app.get(PdfRenderer);

    // One big statement, and the same one cut to 10 lines (the baseline).
    const big = statements.reduce((a, b) => (b.passCount > a.passCount ? b : a));
    const snapshot = (await c.query(`SELECT snapshot FROM "Statement" WHERE id = $1`, [big.id])).rows[0].snapshot as StatementSnapshot;
    const lines = (await c.query(`SELECT barcode, "scannedAt", "serviceLabel", "valueCents" FROM "StatementLine" WHERE "statementId" = $1 ORDER BY "scannedAt", id`, [big.id])).rows.map(
      (l) => ({ barcode: l.barcode, scannedAt: (l.scannedAt as Date).toISOString(), serviceLabel: l.serviceLabel, valueCents: l.valueCents }),
    );
    const small = { ...snapshot, totals: { ...snapshot.totals, passCount: 10, grossCents: 10_000 } };
    const [baseline, render, worker] = await timeRounds([
      { what: '10-line render', render: () => renderStatement(small, lines.slice(0, 10), null) },
      { what: `${lines.length}-line render`, render: () => renderStatement(snapshot, lines, null) },
      { what: `${lines.length}-line render in the worker`, render: () => renderer.statement(snapshot, lines, null) },
    ]);

    // The closing's « Relevés PDF » step, as « Reprendre la clôture » starts it: its PDFs not stored yet, its run stopped at that step.
    await c.query(`DELETE FROM "StatementPdf" st USING "Statement" s WHERE s.id = st."statementId" AND s."endorsementId" = (SELECT id FROM "Endorsement" WHERE period = $1)`, [PERIOD]);
    await c.query(
      `INSERT INTO "JobRun" (id, name, key, status, step, "startedByName", "updatedAt", "finishedAt", error) VALUES (gen_random_uuid()::text, 'endorsement-close', $1, 'FAILED', 'pdfs', 'bench', now(), now(), 'bench')
       ON CONFLICT (name, key) DO UPDATE SET status = 'FAILED', step = 'pdfs', cursor = NULL, done = 0, total = NULL, owner = NULL`,
      [PERIOD],
    );
    if (PDFS < statements.length) {
      // Only the last BENCH_PDFS statements by id are left to render: the step's cursor starts after the others.
      const { rows } = await c.query(`SELECT st.id FROM "Statement" st JOIN "Endorsement" e ON e.id = st."endorsementId" WHERE e.period = $1 ORDER BY st.id`, [PERIOD]);
      await c.query(`UPDATE "JobRun" SET cursor = $2 WHERE name = 'endorsement-close' AND key = $1`, [PERIOD, rows[rows.length - PDFS - 1].id]);
    }
    const runner = app.started.app.get(JobRunner);
    const endorsementId = (await c.query(`SELECT id, revision FROM "Endorsement" WHERE period = $1`, [PERIOD])).rows[0];

    // The console before the renders, then during them (another process asks every 100 ms).
    let p = probe(app.baseUrl, token);
    await new Promise((r) => setTimeout(r, 6000));
    const before = await p.stop();

    const loop = monitorEventLoopDelay({ resolution: 10 });
    p = probe(app.baseUrl, token);
    await new Promise((r) => setTimeout(r, 300)); // the probe's process is up
    loop.enable();
    const t0 = performance.now();
    const res = await fetch(`${app.baseUrl}/api/endorsements/${endorsementId.id}/close`, { method: 'POST', headers, body: JSON.stringify({ revision: endorsementId.revision }) });
    if (res.status !== 202) throw new Error(`« Reprendre la clôture »: ${res.status} ${await res.text()}`);
    await runner.idle();
    const all = performance.now() - t0;
    loop.disable();
    const during = await p.stop();
    const run = (await c.query(`SELECT status, error, counts FROM "JobRun" WHERE name = 'endorsement-close' AND key = $1`, [PERIOD])).rows[0];
    if (run.status !== 'SUCCEEDED') throw new Error(`the PDF step did not finish: ${run.error}`);
    const { rows: pdfs } = await c.query<{ n: number; bytes: string }>(
      `SELECT count(*)::int AS n, sum(length(bytes))::bigint AS bytes FROM "StatementPdf" sp JOIN "Statement" st ON st.id = sp."statementId" JOIN "Endorsement" e ON e.id = st."endorsementId" WHERE e.period = $1`,
      [PERIOD],
    );
    const todo = Math.min(PDFS, statements.length);
    if (pdfs[0].n !== todo) throw new Error(`${pdfs[0].n} PDFs stored for ${todo} statements`);
    for (const { bytes } of (await c.query(`SELECT bytes FROM "StatementPdf" ORDER BY random() LIMIT 5`)).rows) checkPdf(bytes, 'a stored PDF');
    // The big statement's download once stored, timed like the renders (same rounds, its own baseline kept).
    const bigStored = (await c.query(`SELECT 1 FROM "StatementPdf" WHERE "statementId" = $1`, [big.id])).rowCount === 1;
    const [stored] = bigStored ? await timeRounds([{ what: `statement ${big.number}`, render: async () => (await documents.statementPdf(big.id)).bytes }]) : [null];

    console.log(`\nB5 — statement PDFs of ${PERIOD}: ${int(statements.length)} statements (the biggest ${int(big.passCount)} lines), PostgreSQL; closed by ${EXISTING ? 'an earlier run' : CLOSE === 'floor' ? 'the floor’s SQL' : 'the close job'}.`);
    console.log(`Medians of ${RUNS} rounds (one render of each per round) after 2 warm-up rounds; ratio against the baseline measured in this run (target: 500 lines < 1 s).\n`);
    console.log(`${'render'.padEnd(56)} ${'median'.padStart(8)} ${'size'.padStart(9)} ${'× baseline'.padStart(10)}`);
    const row = (label: string, r: { median: number; bytes: number }) =>
      console.log(`${label.padEnd(56)} ${ms(r.median).padStart(8)} ${`${Math.round(r.bytes / 1024)} kB`.padStart(9)} ${(r.median / baseline.median).toFixed(2).padStart(10)}`);
    row('baseline: 10 lines (pdfmake, this thread)', baseline);
    row(`${lines.length} lines (pdfmake, this thread)`, render);
    row(`${lines.length} lines (the renderer's worker thread)`, worker);
    if (stored) row(`${lines.length} lines (download: the stored PDF)`, stored);
    console.log(
      `\nthe closing's « Relevés PDF » step (job path, worker thread, stored): ${int(todo)} PDFs in ${seconds(all)}, ${ms(all / todo)} per PDF, ` +
        `${Math.round(Number(pdfs[0].bytes) / 1024 / 1024)} MB stored; ${(all / todo / baseline.median).toFixed(2)} × the 10-line baseline per PDF`,
    );
    console.log(`\nGET /api/endorsements from another process, every 100 ms:`);
    console.log(`${''.padEnd(40)} ${'count'.padStart(6)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}`);
    console.log(latencyLine('before the renders', before));
    console.log(latencyLine(`during the ${int(todo)} renders`, during));
    console.log(`p95 during / before: ${(at(during, 0.95) / at(before, 0.95)).toFixed(2)}`);
    console.log(`event-loop delay of the server's thread during the renders: p50 ${ms(loop.percentile(50) / 1e6)}, p99 ${ms(loop.percentile(99) / 1e6)}, max ${ms(loop.max / 1e6)}`);
  } finally {
    await c.end().catch(() => undefined);
    await app.close().catch(() => undefined);
    await month?.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
