// npm run bench:scans — not part of npm test. B1, ingestion (issue 12): N scanner clients
// (1, 16, 64), each its own structure and partner key, post one-pass redemptions back to back to
// POST /api/partner/redemptions on a server process (real HTTP, auth, validation, the write path
// and its pg transaction, the ledger, the audit event, the scans/live event through Redis). The
// baseline, in the same run on the same database at the same concurrency: the same statements the
// service sends, written by hand and sent with `pg` (key lookup; BEGIN; structure row lock;
// structure, offer and kit reads; passes FOR UPDATE; INSERT redemption + INSERT scan + UPDATE pass
// in one statement; INSERT ledger lines; INSERT audit event; COMMIT), through a pool of 10
// connections like the server's. Prints redemptions/s and p50/p99 latency of each, the throughput
// ratio (target: ≥ 0.5× at 16 clients, p99 < 100 ms), and the CPU milliseconds per redemption of
// the server process, PostgreSQL and the clients. Every redemption must be accepted: a refusal
// stops the run.
// A third column, to tell where the time goes: RedemptionsService.redeem called in this process
// (after the guard's key lookup), i.e. the same statements and write path without HTTP, Nest's
// pipeline or the server process (BENCH_SERVICE=false to leave it out).
//
// Settings: BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres; a scratch
// database is created beside it and dropped at the end), BENCH_REDIS_URL (default
// redis://127.0.0.1:6379; "none" for none), BENCH_CLIENTS (1,16,64), BENCH_SECONDS (per
// measurement, 10), BENCH_PASSES (active passes prepared, 60000), BENCH_PROFILE_DIR (the server
// process writes a V8 CPU profile there when it stops).
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { hashToken } from '../../server/src/auth/tokens';
import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { RedemptionsService } from '../../server/src/scanning/redemptions.service';
import { startServerProcess, ServerProcess } from '../support/server-process';
import { startTestApp, TestApp } from '../support/test-app';
import { barcodePool, cpuSecondsOf, makeActivePasses, makeScanners, ms, postgresCpuSeconds, postgresCpuSince, scratchDatabase, Scanner, summary, withoutJest } from './scanners';

const CLIENTS = (process.env.BENCH_CLIENTS ?? '1,16,64').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PASSES = Number(process.env.BENCH_PASSES ?? 60_000);
/** Where the server process writes a V8 CPU profile (.cpuprofile, open it in Chrome DevTools) when it stops. */
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
const WITH_SERVICE = process.env.BENCH_SERVICE !== 'false';
const REDIS_URL = process.env.BENCH_REDIS_URL === 'none' ? undefined : (process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379');

type Redeem = (scanner: Scanner, barcode: string) => Promise<void>;

interface Measure {
  clients: number;
  perSecond: number;
  p50: number;
  p99: number;
  count: number;
  /** CPU milliseconds per redemption: the server process (API only), PostgreSQL, this process (the clients, and the pg or in-process work). */
  cpu: { server: number; postgres: number; here: number };
}

/** `clients` loops, each its own scanner, redeeming one pass after another for SECONDS. */
async function measure(clients: number, scanners: Scanner[], pool: ReturnType<typeof barcodePool>, redeem: Redeem, serverPid?: number): Promise<Measure> {
  const latencies: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  const cpu0 = { server: serverPid ? cpuSecondsOf(serverPid) : 0, postgres: postgresCpuSeconds(), here: process.cpuUsage() };
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      const scanner = scanners[i % scanners.length];
      while (performance.now() < end) {
        const barcode = pool.take();
        if (!barcode) throw new Error('out of passes: raise BENCH_PASSES');
        const start = performance.now();
        await redeem(scanner, barcode);
        latencies.push(performance.now() - start);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const here = process.cpuUsage(cpu0.here);
  const s = summary(latencies);
  const perRedemption = (seconds: number) => (1000 * seconds) / s.count;
  const cpu = {
    server: serverPid ? perRedemption(cpuSecondsOf(serverPid) - cpu0.server) : 0,
    postgres: perRedemption(postgresCpuSince(cpu0.postgres)),
    here: perRedemption((here.user + here.system) / 1e6),
  };
  return { clients, perSecond: s.count / elapsed, p50: s.p50, p99: s.p99, count: s.count, cpu };
}

/**
 * Through the API, as a scanner calls it: node:http with kept-alive connections (fetch, i.e.
 * undici, costs this 2-core machine about 1 ms of CPU per request, taken from the server measured).
 */
function overHttp(server: ServerProcess): Redeem {
  const url = new URL(server.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  return (scanner, barcode) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ offerId: scanner.offerId, barcodes: [barcode] });
      const req = httpRequest(
        { agent, host: url.hostname, port: url.port, path: '/api/partner/redemptions', method: 'POST', headers: { Authorization: `Bearer ${scanner.key}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`redemption of ${barcode} by ${scanner.name}: ${res.statusCode} ${text}`))));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

/** The service itself, in this process: the guard's key lookup, then RedemptionsService.redeem (Prisma, write path). */
function inProcess(app: TestApp): Redeem {
  const prisma: PrismaClient = app.started.deps.db.prisma;
  const service = app.started.app.get(RedemptionsService);
  return async (scanner, barcode) => {
    const key = await prisma.partnerApiKey.findUnique({ where: { keyHash: hashToken(scanner.key) }, include: { structure: { select: { id: true, name: true, status: true } } } });
    if (!key) throw new Error('unknown key');
    const partner = { keyId: key.id, structureId: key.structure.id, structureName: key.structure.name, structureStatus: key.structure.status };
    const answer = await service.redeem(partner, { offerId: scanner.offerId, barcodes: [barcode] }, null);
    if (answer.statusCode !== 201) throw new Error(`redemption of ${barcode} in process: ${JSON.stringify(answer.body)}`);
  };
}

/** The service's statements for one accepted one-pass redemption, by hand with pg. */
function directSql(pool: Pool): Redeem {
  return async (scanner, barcode) => {
    const key = await pool.query(
      `SELECT k.id, k."revokedAt", k."lastUsedAt", s.id AS "structureId", s.name, s.status
         FROM "PartnerApiKey" k JOIN "Structure" s ON s.id = k."structureId" WHERE k."keyHash" = $1`,
      [hashToken(scanner.key)],
    );
    if (key.rowCount !== 1) throw new Error('unknown key');
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SELECT 1 FROM "Structure" WHERE "id" = $1 FOR UPDATE`, [scanner.structureId]);
      const context = (
        await c.query(
          `SELECT s.id, s.name, s.status, s.departement,
                  (SELECT l.departement FROM "Location" l WHERE l.id = $3 AND l."structureId" = s.id) AS "locationDepartement",
                  o.id AS "offerId", o."structureId" AS "offerStructureId", o.status AS "offerStatus", o."priceCents", o.title AS "offerTitle",
                  k.id AS "subscriptionId", k.status AS "subscriptionStatus", k."startedAt" AS "subscriptionStartedAt"
             FROM "Structure" s
             LEFT JOIN "Offer" o ON o.id = $2
             LEFT JOIN LATERAL (SELECT id, status, "startedAt" FROM "Subscription" WHERE "structureId" = s.id AND status IN ('PENDING', 'ACTIVE') ORDER BY "orderedAt" DESC LIMIT 1) k ON true
            WHERE s.id = $1`,
          [scanner.structureId, scanner.offerId, ''],
        )
      ).rows[0];
      const structure = { id: context.id, name: context.name };
      const offer = { id: context.offerId, title: context.offerTitle };
      const { rows } = await c.query(
        `SELECT p.id, p.barcode, p."bookletId", p.status, p."faceValueCents", p."acceptedUntil", o."allowedDepartements", o."validFrom", o."validUntil"
           FROM "Pass" p JOIN "Order" o ON o.id = p."orderId"
          WHERE p.barcode = ANY($1::text[]) ORDER BY p.id FOR UPDATE OF p`,
        [[barcode]],
      );
      const pass = rows[0];
      if (!pass || pass.status !== 'ACTIVE') throw new Error(`pass ${barcode} not active`);
      const now = new Date();
      const redemptionId = randomUUID();
      const scanId = randomUUID();
      const scan = { id: scanId, barcode, outcome: 'ACCEPTED', reason: null, reasonLabel: null, message: 'Pass accepté : 10,00 €.', valueCents: 1000 };
      const response = { id: redemptionId, status: 'ACCEPTED', offerId: offer.id, offerTitle: offer.title, locationId: null, passCount: 1, totalValueCents: 1000, createdAt: now.toISOString(), message: 'Passage accepté : 1 pass, 10,00 €.', scans: [scan] };
      const moved = await c.query(
        `WITH r AS (
           INSERT INTO "Redemption" (id, "structureId", "offerId", "locationId", status, "passCount", "totalValueCents", "idempotencyKey", "requestHash", response, "responseStatus", "createdAt")
           VALUES ($1, $2, $3, NULL, 'ACCEPTED', 1, 1000, NULL, $4, $5::jsonb, 201, $6) RETURNING id
         ), s AS (
           INSERT INTO "Scan" (id, "redemptionId", "structureId", "offerId", "passId", barcode, outcome, reason, "reasonDetail", "valueCents", "scannedAt")
           SELECT x.id, r.id, $2, $3, x.pass, x.barcode, 'ACCEPTED', x.reason::"ScanRejectionReason", x.detail, x.value, $6
             FROM r, unnest($7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::int[]) AS x(id, pass, barcode, reason, detail, value)
         ), p AS (
           UPDATE "Pass" SET status = 'REDEEMED', "redeemedAt" = $6, "updatedAt" = $6 WHERE id = ANY($8::text[]) AND status = 'ACTIVE' RETURNING 1
         )
         SELECT (SELECT count(*) FROM p)::int AS moved`,
        [redemptionId, structure.id, offer.id, randomBytes(32).toString('hex'), JSON.stringify(response), now, [scanId], [pass.id], [barcode], [null], [null], [1000]],
      );
      if (moved.rows[0].moved !== 1) throw new Error('pass changed');
      await c.query(
        `INSERT INTO "LedgerEntry" (id, "transactionId", account, "debitCents", "creditCents", event, resource, "recordId", "createdAt")
         VALUES ($1, $3, 'PASS_FLOAT', 1000, 0, 'REDEMPTION_ACCEPTED', 'redemptions', $4, $5),
                ($2, $3, 'STRUCTURE:' || $6, 0, 1000, 'REDEMPTION_ACCEPTED', 'redemptions', $4, $5)`,
        [randomUUID(), randomUUID(), randomUUID(), redemptionId, now, structure.id],
      );
      await c.query(
        `INSERT INTO "AuditEvent" (id, "actorType", "actorId", "actorName", action, resource, "recordId", before, after, "requestId", "createdAt")
         VALUES ($1, 'PARTNER', $2, $3, 'redeem', 'redemptions', $4, NULL, $5, $6, now())`,
        [
          randomUUID(),
          structure.id,
          structure.name,
          redemptionId,
          JSON.stringify({ status: 'ACCEPTED', offerId: offer.id, locationId: null, barcodes: [barcode], passCount: 1, totalValueCents: 1000, reasons: [], idempotencyKey: null }),
          randomUUID(),
        ],
      );
      await c.query('COMMIT');
    } catch (error) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      c.release();
    }
  };
}

async function main() {
  withoutJest();
  const db = await scratchDatabase('scans');
  let server: ServerProcess | undefined;
  let app: TestApp | undefined;
  const pool = new Pool({ connectionString: db.url, max: 10 });
  try {
    // Migrated and seeded by an in-process app, closed before measuring: the server measured is a process of its own.
    const setup = await startTestApp({ databaseUrl: db.url });
    const prisma = setup.started.deps.db.prisma;
    const t0 = performance.now();
    const scanners = await makeScanners(prisma, Math.max(...CLIENTS));
    const barcodes = barcodePool(await makeActivePasses(prisma, db.url, PASSES));
    console.log(`prepared ${scanners.length} scanner structures and ${barcodes.left} active passes in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // Kept open only for the in-process column.
    if (WITH_SERVICE) app = setup;
    else await setup.close();
    await pool.query('ANALYZE');

    server = await startServerProcess({ DATABASE_URL: db.url, REDIS_URL, REDIS_PREFIX: `aptic-bench-${randomBytes(3).toString('hex')}`, SEED_ON_START: 'false', LOG_LEVEL: 'warn', ...(PROFILE_DIR ? { NODE_OPTIONS: `--require ${require.resolve('./cpu-profile.js')}`, CPU_PROFILE_DIR: PROFILE_DIR } : {}) });
    const api = overHttp(server);
    const sql = directSql(pool);
    // Warm-up of both paths (JIT, connections, plans).
    for (let i = 0; i < 100; i++) await api(scanners[i % scanners.length], barcodes.take()!);
    for (let i = 0; i < 100; i++) await sql(scanners[i % scanners.length], barcodes.take()!);
    const service = app ? inProcess(app) : null;
    if (service) for (let i = 0; i < 100; i++) await service(scanners[i % scanners.length], barcodes.take()!);

    const rows: { clients: number; api: Measure; sql: Measure; service: Measure | null }[] = [];
    for (const clients of CLIENTS) {
      const viaApi = await measure(clients, scanners, barcodes, api, server.pid);
      const viaSql = await measure(clients, scanners, barcodes, sql);
      const viaService = service ? await measure(clients, scanners, barcodes, service) : null;
      rows.push({ clients, api: viaApi, sql: viaSql, service: viaService });
      console.log(
        `${String(clients).padStart(3)} clients: API ${viaApi.perSecond.toFixed(0)}/s (p50 ${ms(viaApi.p50)}, p99 ${ms(viaApi.p99)}), ` +
          `SQL ${viaSql.perSecond.toFixed(0)}/s (p50 ${ms(viaSql.p50)}, p99 ${ms(viaSql.p99)})` +
          (viaService ? `, service in process ${viaService.perSecond.toFixed(0)}/s (p50 ${ms(viaService.p50)}, p99 ${ms(viaService.p99)})` : ''),
      );
    }
    console.log(`\nB1 — one-pass redemptions, ${SECONDS} s per cell, PostgreSQL${REDIS_URL ? ' + Redis' : ''}, server in its own process (pool of 10)\n`);
    console.log(`| clients | API redemptions/s | API p50 | API p99 | SQL redemptions/s | SQL p50 | SQL p99 | API / SQL |${service ? ' service in process /s | p50 | p99 | service / SQL |' : ''}`);
    console.log(`|--:|--:|--:|--:|--:|--:|--:|--:|${service ? '--:|--:|--:|--:|' : ''}`);
    for (const r of rows) {
      const s = r.service;
      console.log(
        `| ${r.clients} | ${r.api.perSecond.toFixed(0)} | ${ms(r.api.p50)} | ${ms(r.api.p99)} | ${r.sql.perSecond.toFixed(0)} | ${ms(r.sql.p50)} | ${ms(r.sql.p99)} | ${(r.api.perSecond / r.sql.perSecond).toFixed(2)}× |` +
          (s ? ` ${s.perSecond.toFixed(0)} | ${ms(s.p50)} | ${ms(s.p99)} | ${(s.perSecond / r.sql.perSecond).toFixed(2)}× |` : ''),
      );
    }
    console.log(`\nCPU milliseconds per redemption (server process; PostgreSQL, all its processes; the benchmark process: clients, and pg or the service in process)\n`);
    console.log(`| clients | API: server | API: PostgreSQL | API: clients | SQL: PostgreSQL | SQL: pg clients |${service ? ' service: PostgreSQL | service: in process |' : ''}`);
    console.log(`|--:|--:|--:|--:|--:|--:|${service ? '--:|--:|' : ''}`);
    const cpu = (x: number) => x.toFixed(2);
    for (const r of rows) {
      const s = r.service;
      console.log(`| ${r.clients} | ${cpu(r.api.cpu.server)} | ${cpu(r.api.cpu.postgres)} | ${cpu(r.api.cpu.here)} | ${cpu(r.sql.cpu.postgres)} | ${cpu(r.sql.cpu.here)} |${s ? ` ${cpu(s.cpu.postgres)} | ${cpu(s.cpu.here)} |` : ''}`);
    }
    const at16 = rows.find((r) => r.clients === 16);
    if (at16) {
      const ratio = at16.api.perSecond / at16.sql.perSecond;
      console.log(`\ntarget at 16 clients: API ≥ 0.5× SQL (${ratio.toFixed(2)}×: ${ratio >= 0.5 ? 'met' : 'MISSED'}), p99 < 100 ms (${ms(at16.api.p99)}: ${at16.api.p99 < 100 ? 'met' : 'MISSED'})`);
    }
  } finally {
    await server?.stop().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
