// npm run bench:scans — not part of npm test. B1, ingestion (issue 12): N scanner clients
// (1, 16, 64), each its own structure and partner key, post one-pass redemptions back to back to
// POST /api/partner/redemptions on a server process (real HTTP, auth, validation, the write path,
// Prisma, the ledger, the audit event, the scans/live event through Redis). The baseline, in the
// same run on the same database at the same concurrency: the same statements the service sends,
// written by hand and sent with `pg` (key lookup; BEGIN; structure row lock; structure, offer and
// kit reads; passes FOR UPDATE; INSERT redemption; INSERT scan; UPDATE pass; INSERT ledger lines;
// INSERT audit event; COMMIT), through a pool of 10 connections like the server's. Prints
// redemptions/s and p50/p99 latency of each, and the throughput ratio (target: ≥ 0.5× at 16
// clients, p99 < 100 ms). Every redemption must be accepted: a refusal stops the run.
// A third column, to tell where the time goes: RedemptionsService.redeem called in this process
// (after the guard's key lookup through Prisma), i.e. the same Prisma calls and write path
// without HTTP, Nest's pipeline or the server process (BENCH_SERVICE=false to leave it out).
//
// Settings: BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres; a scratch
// database is created beside it and dropped at the end), BENCH_REDIS_URL (default
// redis://127.0.0.1:6379; "none" for none), BENCH_CLIENTS (1,16,64), BENCH_SECONDS (per
// measurement, 10), BENCH_PASSES (active passes prepared, 60000), BENCH_PROFILE_DIR (the server
// process writes a V8 CPU profile there when it stops).
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { hashToken } from '../../server/src/auth/tokens';
import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { RedemptionsService } from '../../server/src/scanning/redemptions.service';
import { startServerProcess, ServerProcess } from '../support/server-process';
import { startTestApp, TestApp } from '../support/test-app';
import { barcodePool, makeActivePasses, makeScanners, ms, scratchDatabase, Scanner, summary, withoutJest } from './scanners';

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
}

/** `clients` loops, each its own scanner, redeeming one pass after another for SECONDS. */
async function measure(clients: number, scanners: Scanner[], pool: ReturnType<typeof barcodePool>, redeem: Redeem): Promise<Measure> {
  const latencies: number[] = [];
  const end = performance.now() + SECONDS * 1000;
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
  const s = summary(latencies);
  return { clients, perSecond: s.count / elapsed, p50: s.p50, p99: s.p99, count: s.count };
}

/** Through the API, as a scanner calls it. */
function overHttp(server: ServerProcess): Redeem {
  return async (scanner, barcode) => {
    const res = await fetch(`${server.baseUrl}/api/partner/redemptions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${scanner.key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ offerId: scanner.offerId, barcodes: [barcode] }),
    });
    const body = await res.text();
    if (res.status !== 201) throw new Error(`redemption of ${barcode} by ${scanner.name}: ${res.status} ${body}`);
  };
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
      const structure = (await c.query(`SELECT id, name, status, departement FROM "Structure" WHERE id = $1`, [scanner.structureId])).rows[0];
      const offer = (await c.query(`SELECT id, "structureId", status, "priceCents", title FROM "Offer" WHERE id = $1`, [scanner.offerId])).rows[0];
      await c.query(
        `SELECT id, status, "startedAt" FROM "Subscription" WHERE "structureId" = $1 AND status IN ('PENDING', 'ACTIVE') ORDER BY "orderedAt" DESC LIMIT 1`,
        [scanner.structureId],
      );
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
      await c.query(
        `INSERT INTO "Redemption" (id, "structureId", "offerId", "locationId", status, "passCount", "totalValueCents", "idempotencyKey", "requestHash", response, "responseStatus", "createdAt")
         VALUES ($1, $2, $3, NULL, 'ACCEPTED', 1, 1000, NULL, $4, $5, 201, $6) RETURNING *`,
        [redemptionId, structure.id, offer.id, randomBytes(32).toString('hex'), JSON.stringify(response), now],
      );
      await c.query(
        `INSERT INTO "Scan" (id, "redemptionId", "structureId", "offerId", "passId", barcode, outcome, reason, "reasonDetail", "valueCents", "scannedAt")
         VALUES ($1, $2, $3, $4, $5, $6, 'ACCEPTED', NULL, NULL, 1000, $7)`,
        [scanId, redemptionId, structure.id, offer.id, pass.id, barcode, now],
      );
      const moved = await c.query(`UPDATE "Pass" SET status = 'REDEEMED', "redeemedAt" = $1, "updatedAt" = $1 WHERE id = ANY($2::text[]) AND status = 'ACTIVE'`, [now, [pass.id]]);
      if (moved.rowCount !== 1) throw new Error('pass changed');
      await c.query(
        `INSERT INTO "LedgerEntry" (id, "transactionId", account, "debitCents", "creditCents", event, resource, "recordId", "createdAt")
         VALUES ($1, $3, 'PASS_FLOAT', 1000, 0, 'REDEMPTION_ACCEPTED', 'redemptions', $4, $5),
                ($2, $3, 'STRUCTURE:' || $6, 0, 1000, 'REDEMPTION_ACCEPTED', 'redemptions', $4, $5)`,
        [randomUUID(), randomUUID(), randomUUID(), redemptionId, now, structure.id],
      );
      await c.query(
        `INSERT INTO "AuditEvent" (id, "actorType", "actorId", "actorName", action, resource, "recordId", before, after, "requestId", "createdAt")
         VALUES ($1, 'PARTNER', $2, $3, 'redeem', 'redemptions', $4, NULL, $5, $6, now()) RETURNING *`,
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
      const viaApi = await measure(clients, scanners, barcodes, api);
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
