// npm run bench:lists — not part of npm test. Lists at 1,000,000 rows (issue 9 §5): loads 1 M
// passes and 1 M scans (with the sponsors, orders, booklets, structures and offers they need)
// into a scratch PostgreSQL database, applies the list-index migration to the loaded tables,
// then measures the console's list queries through the API (HTTP, auth, parsing, count, JSON)
// against the same SQL run directly on the same database in the same run, and prints p50/p95
// of each and their ratio. The scratch database is dropped at the end.
//
// Settings: BENCH_POSTGRES_URL (a database of the server to create the scratch one beside;
// default postgresql://postgres@127.0.0.1:5432/postgres), BENCH_ROUNDS (requests per query, 60),
// BENCH_PASSES / BENCH_SCANS (1,000,000 each), BENCH_KEEP_DATABASE=true (keep the scratch
// database to look at plans; drop it yourself).
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import { openDatabase } from '../../server/src/database/database';
import { migrate, MIGRATIONS_DIR, readMigrations } from '../../server/src/database/migrator';
import { seedDemoData } from '../../server/src/seed/seed';
import { startTestApp } from '../support/test-app';
import { onServer, SERVER_URL } from './scratch';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const PASSES = Number(process.env.BENCH_PASSES ?? 1_000_000);
const SCANS = Number(process.env.BENCH_SCANS ?? 1_000_000);
/** The migration under test is applied after the load, as it would be on a live database. */
const INDEX_MIGRATION = '20261203120000_list_indexes';

const STRUCTURES = 3000;
const OFFERS = 6000;
const SPONSORS = 200;
const PASSES_PER_BOOKLET = 10;
const BOOKLETS_PER_ORDER = 100;

function dbUrl(name: string) {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Deterministic ids, so each table is generated without joining the one it references. */
const uid = (kind: string, n: string) => `md5('${kind}' || (${n}))::uuid::text`;

/** Set-based load: generate_series, a few statuses in realistic proportions, dates over a year. */
function loadScript(): string[] {
  const booklets = Math.ceil(PASSES / PASSES_PER_BOOKLET);
  const orders = Math.ceil(booklets / BOOKLETS_PER_ORDER);
  return [
    `INSERT INTO "Sponsor" (id, name, kind, siret, "addressLine", "postalCode", city, departement, "contactName", "contactEmail", "updatedAt")
     SELECT ${uid('sponsor', 'i')}, 'Financeur ' || i, 'DEPARTEMENT', '8' || lpad(i::text, 13, '0'), i || ' rue des Financeurs', '33000', 'Bordeaux', '33',
            'Contact ' || i, 'financeur' || i || '@example.org', now()
       FROM generate_series(1, ${SPONSORS}) i`,
    `INSERT INTO "Order" (id, reference, "sponsorId", status, "bookletCount", "faceValueCents", "upstreamFeeCents", "validityYear", "createdAt", "updatedAt")
     SELECT ${uid('order', 'i')}, 'CMD-B-' || lpad(i::text, 6, '0'), ${uid('sponsor', `1 + i % ${SPONSORS}`)},
            (ARRAY['ACTIVE','ACTIVE','ACTIVE','CLOSED','AWAITING_PAYMENT']::"OrderStatus"[])[1 + i % 5],
            ${BOOKLETS_PER_ORDER}, ${BOOKLETS_PER_ORDER * PASSES_PER_BOOKLET * 1000}, ${BOOKLETS_PER_ORDER * PASSES_PER_BOOKLET * 40},
            2026, now() - (i % 365) * interval '1 day', now()
       FROM generate_series(0, ${orders - 1}) i`,
    `INSERT INTO "Booklet" (id, number, "orderId", "handedOutAt", "handedOutBy", "updatedAt")
     SELECT ${uid('booklet', 'b')}, 'C-B' || lpad(b::text, 7, '0'), ${uid('order', `b / ${BOOKLETS_PER_ORDER}`)},
            CASE WHEN b % 3 > 0 THEN now() - (b % 365) * interval '1 day' END,
            CASE WHEN b % 3 > 0 THEN 'Travailleur social ' || (b % 500) END, now()
       FROM generate_series(0, ${booklets - 1}) b`,
    // Status by a hash of the number: 5 % inactive, 30 % active, 35 % redeemed, 15 % endorsed,
    // 10 % paid, 3 % expired, 2 % cancelled; redeemed ones over the past year.
    `INSERT INTO "Pass" (id, barcode, "bookletId", "orderId", "sponsorId", "faceValueCents", status, "validityYear", "acceptedUntil", "redeemedAt", "updatedAt")
     SELECT ${uid('pass', 'p')}, '2' || lpad(p::text, 12, '0'), ${uid('booklet', `p / ${PASSES_PER_BOOKLET}`)},
            ${uid('order', `p / ${PASSES_PER_BOOKLET * BOOKLETS_PER_ORDER}`)}, ${uid('sponsor', `1 + (p / ${PASSES_PER_BOOKLET * BOOKLETS_PER_ORDER}) % ${SPONSORS}`)}, 1000, s.status, 2026, '2027-01-31 22:59:59',
            CASE WHEN s.status IN ('REDEEMED','ENDORSED','PAID') THEN now() - (h % 525600) * interval '1 minute' END, now()
       FROM generate_series(0, ${PASSES - 1}) p,
            LATERAL (SELECT abs(hashtext(p::text)::bigint) AS h) hh,
            LATERAL (SELECT CASE WHEN h % 100 < 5 THEN 'INACTIVE' WHEN h % 100 < 35 THEN 'ACTIVE' WHEN h % 100 < 70 THEN 'REDEEMED'
                                 WHEN h % 100 < 85 THEN 'ENDORSED' WHEN h % 100 < 95 THEN 'PAID' WHEN h % 100 < 98 THEN 'EXPIRED'
                                 ELSE 'CANCELLED' END::"PassStatus" AS status) s`,
    `INSERT INTO "Structure" (id, name, siret, "legalForm", "addressLine", "postalCode", city, departement, email, "legalRepName", "bankHolder", iban, bic, status, "updatedAt")
     SELECT ${uid('structure', 'i')}, 'Structure ' || i, '9' || lpad(i::text, 13, '0'), 'Association', i || ' avenue du Numérique',
            lpad((1000 + i % 95000)::text, 5, '0'), 'Ville ' || (i % 700), lpad((1 + i % 95)::text, 2, '0'), 'structure' || i || '@example.org',
            'Représentant ' || i, 'Structure ' || i, 'FR76' || lpad(i::text, 23, '0'), 'AGRIFRPPXXX',
            (ARRAY['ELIGIBLE','ELIGIBLE','ELIGIBLE','APPLICANT','SUSPENDED']::"StructureStatus"[])[1 + i % 5], now()
       FROM generate_series(0, ${STRUCTURES - 1}) i`,
    `INSERT INTO "Offer" (id, "structureId", "serviceId", title, "priceCents", "durationMinutes", status, "submittedAt", "updatedAt")
     SELECT ${uid('offer', 'i')}, ${uid('structure', `i % ${STRUCTURES}`)}, svc.ids[1 + i % array_length(svc.ids, 1)],
            'Atelier ' || i, 2000, 60, 'APPROVED', now() - (i % 365) * interval '1 day', now()
       FROM generate_series(0, ${OFFERS - 1}) i, (SELECT array_agg(id ORDER BY code) AS ids FROM "ReferentialService") svc`,
    // Scans: 85 % accepted, 12 % rejected (with a reason and its detail), 3 % voided; over a year.
    `INSERT INTO "Scan" (id, "structureId", "offerId", "passId", barcode, outcome, reason, "reasonDetail", "valueCents", "scannedAt")
     SELECT ${uid('scan', 'i')}, ${uid('structure', `k % ${STRUCTURES}`)}, ${uid('offer', `k % ${OFFERS}`)}, ${uid('pass', 'k')},
            '2' || lpad(k::text, 12, '0'), o.outcome,
            CASE WHEN o.outcome = 'REJECTED' THEN 'PASS_ALREADY_USED'::"ScanRejectionReason" END,
            CASE WHEN o.outcome = 'REJECTED' THEN 'Pass déjà utilisé par la structure ' || (h % ${STRUCTURES}) END,
            CASE WHEN o.outcome = 'ACCEPTED' THEN 1000 ELSE 0 END, now() - (h % 31536000) * interval '1 second'
       FROM generate_series(0, ${SCANS - 1}) i,
            LATERAL (SELECT (i::bigint * 7919) % ${PASSES} AS k, abs(hashtext('scan' || i)::bigint) AS h) kk,
            LATERAL (SELECT CASE WHEN h % 100 < 85 THEN 'ACCEPTED' WHEN h % 100 < 97 THEN 'REJECTED' ELSE 'VOIDED' END::"ScanOutcome" AS outcome) o`,
  ];
}

interface Timing {
  p50: number;
  p95: number;
}

async function measure(fn: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 5; i++) await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * q))];
  return { p50: at(0.5), p95: at(0.95) };
}

const PASS_COLUMNS = `id, barcode, "bookletId", "orderId", "faceValueCents", status, "validityYear", "acceptedUntil", "redeemedAt", "cancelledAt", "cancelReason", "createdAt", "updatedAt"`;
const SCAN_COLUMNS = `id, "redemptionId", "structureId", "offerId", "passId", barcode, outcome, reason, "reasonDetail", "valueCents", "scannedAt", "voidedAt", "voidReason"`;
const COUNT_LIMIT = 10_000;
const estimate = (table: string) => `SELECT reltuples::float8 AS estimate FROM pg_class WHERE oid = to_regclass('"${table}"')`;
/** The count that stops at the limit, in the page's order (as the API runs it). */
const capped = (table: string, where: string, order: string) =>
  `SELECT count(*) FROM (SELECT id FROM "${table}" WHERE ${where} ORDER BY ${order} LIMIT ${COUNT_LIMIT + 1}) s`;

interface Case {
  name: string;
  /** Path and query string of the API request. */
  api: string;
  /** The statements the API runs for it (page, then count), run side by side as the API does. */
  sql: string[];
}

function cases(sample: { structureId: string; barcode: string }): Case[] {
  const enc = (v: unknown) => encodeURIComponent(JSON.stringify(v));
  // What someone types from a pass in hand: the last seven digits of its barcode.
  const fragment = sample.barcode.slice(-7);
  const like = `'%${fragment}%'`;
  return [
    {
      name: 'passes, page 1 (by barcode)',
      api: `/api/passes?sort=${enc(['barcode', 'ASC'])}&range=${enc([0, 24])}`,
      sql: [`SELECT ${PASS_COLUMNS} FROM "Pass" ORDER BY barcode ASC, id ASC LIMIT 25`, estimate('Pass')],
    },
    {
      name: 'passes REDEEMED by redemption date',
      api: `/api/passes?sort=${enc(['redeemedAt', 'DESC'])}&range=${enc([0, 24])}&filter=${enc({ status: 'REDEEMED' })}`,
      sql: [
        `SELECT ${PASS_COLUMNS} FROM "Pass" WHERE status = 'REDEEMED' ORDER BY "redeemedAt" DESC, id DESC LIMIT 25`,
        capped('Pass', `status = 'REDEEMED'`, `"redeemedAt" DESC, id DESC`),
      ],
    },
    {
      name: 'passes, q = part of a barcode',
      api: `/api/passes?sort=${enc(['barcode', 'ASC'])}&range=${enc([0, 24])}&filter=${enc({ q: fragment })}`,
      sql: [`SELECT ${PASS_COLUMNS} FROM "Pass" WHERE barcode ILIKE ${like} ORDER BY barcode ASC, id ASC LIMIT 25`, capped('Pass', `barcode ILIKE ${like}`, 'barcode ASC, id ASC')],
    },
    {
      name: 'passes, barcode lookup',
      api: `/api/passes?range=${enc([0, 24])}&filter=${enc({ barcode: sample.barcode })}`,
      sql: [`SELECT ${PASS_COLUMNS} FROM "Pass" WHERE barcode = '${sample.barcode}' ORDER BY barcode ASC, id ASC LIMIT 25`, capped('Pass', `barcode = '${sample.barcode}'`, 'barcode ASC, id ASC')],
    },
    {
      name: 'scans, page 1 (by date)',
      api: `/api/scans?sort=${enc(['scannedAt', 'DESC'])}&range=${enc([0, 24])}`,
      sql: [`SELECT ${SCAN_COLUMNS} FROM "Scan" ORDER BY "scannedAt" DESC, id DESC LIMIT 25`, estimate('Scan')],
    },
    {
      name: 'scans, page 40 (by date)',
      api: `/api/scans?sort=${enc(['scannedAt', 'DESC'])}&range=${enc([975, 999])}`,
      sql: [`SELECT ${SCAN_COLUMNS} FROM "Scan" ORDER BY "scannedAt" DESC, id DESC LIMIT 25 OFFSET 975`, estimate('Scan')],
    },
    {
      name: 'scans REJECTED by date',
      api: `/api/scans?sort=${enc(['scannedAt', 'DESC'])}&range=${enc([0, 24])}&filter=${enc({ outcome: ['REJECTED'] })}`,
      sql: [
        `SELECT ${SCAN_COLUMNS} FROM "Scan" WHERE outcome IN ('REJECTED') ORDER BY "scannedAt" DESC, id DESC LIMIT 25`,
        capped('Scan', `outcome IN ('REJECTED')`, `"scannedAt" DESC, id DESC`),
      ],
    },
    {
      name: 'scans of one structure by date',
      api: `/api/scans?sort=${enc(['scannedAt', 'DESC'])}&range=${enc([0, 24])}&filter=${enc({ structureId: sample.structureId })}`,
      sql: [
        `SELECT ${SCAN_COLUMNS} FROM "Scan" WHERE "structureId" = '${sample.structureId}' ORDER BY "scannedAt" DESC, id DESC LIMIT 25`,
        capped('Scan', `"structureId" = '${sample.structureId}'`, `"scannedAt" DESC, id DESC`),
      ],
    },
    {
      name: 'scans, q = part of a barcode',
      api: `/api/scans?sort=${enc(['scannedAt', 'DESC'])}&range=${enc([0, 24])}&filter=${enc({ q: fragment })}`,
      sql: [
        `SELECT ${SCAN_COLUMNS} FROM "Scan" WHERE barcode ILIKE ${like} OR "reasonDetail" ILIKE ${like} ORDER BY "scannedAt" DESC, id DESC LIMIT 25`,
        capped('Scan', `barcode ILIKE ${like} OR "reasonDetail" ILIKE ${like}`, `"scannedAt" DESC, id DESC`),
      ],
    },
    {
      name: 'booklets, page 1 (by number)',
      api: `/api/booklets?sort=${enc(['number', 'ASC'])}&range=${enc([0, 24])}`,
      sql: [`SELECT id, number, "orderId", "handedOutAt", "handedOutBy", "createdAt", "updatedAt" FROM "Booklet" ORDER BY number ASC, id ASC LIMIT 25`, estimate('Booklet')],
    },
  ];
}

const fmt = (n: number) => n.toFixed(1).padStart(7);

async function main() {
  // jest's helpers are not loaded here: give test-app the expect() it uses for error checks.
  (globalThis as any).expect ??= () => ({ toEqual: () => undefined, toBeGreaterThan: () => undefined });
  const name = `aptic_bench_${randomBytes(5).toString('hex')}`;
  await onServer(`CREATE DATABASE "${name}"`);
  // Index builds of the migration get room to sort in memory (scratch database only).
  await onServer(`ALTER DATABASE "${name}" SET maintenance_work_mem = '256MB'`);
  const url = dbUrl(name);
  const earlier = fs.mkdtempSync(path.join(os.tmpdir(), 'aptic-bench-migrations-'));
  let app: Awaited<ReturnType<typeof startTestApp>> | undefined;
  const pool = new Pool({ connectionString: url, max: 4 });
  try {
    // 1. Schema without the list indexes, and the demo data (staff to log in, the referential).
    for (const m of readMigrations().filter((m) => m.name !== INDEX_MIGRATION)) {
      fs.mkdirSync(path.join(earlier, m.name));
      fs.writeFileSync(path.join(earlier, m.name, 'migration.sql'), m.sql);
    }
    const db = await openDatabase({ databaseUrl: url, dataDir: 'memory' });
    await migrate(db, earlier);
    await seedDemoData(db.prisma, { bcryptRounds: 4 });
    await db.close();

    // 2. The bulk load, set-based, foreign keys trusted (the ids are built to match).
    const load = new Client({ connectionString: url });
    load.on('error', () => undefined); // the database is dropped at the end, with whatever is still connected
    await load.connect();
    let t0 = performance.now();
    await load.query(`SET session_replication_role = replica`);
    for (const statement of loadScript()) await load.query(statement);
    await load.end();
    console.log(`loaded ${PASSES.toLocaleString('en')} passes and ${SCANS.toLocaleString('en')} scans in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

    // 3. The list-index migration on the loaded tables, as on a live database; then statistics.
    t0 = performance.now();
    const db2 = await openDatabase({ databaseUrl: url, dataDir: 'memory' });
    const report = await migrate(db2, MIGRATIONS_DIR);
    await db2.close();
    console.log(`applied ${report.applied.join(', ')} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    t0 = performance.now();
    await pool.query('VACUUM ANALYZE');
    console.log(`VACUUM ANALYZE in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

    // 4. The application on that database, and each list through it and as plain SQL.
    app = await startTestApp({ databaseUrl: url, seed: false });
    const token = await app.token('ADMIN');
    const sample = (await pool.query(`SELECT "structureId", barcode FROM "Scan" WHERE barcode > '2000000100000' ORDER BY id LIMIT 1`)).rows[0];
    const headers = { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'gzip' };
    const rows: string[] = [];
    console.log(`\n${ROUNDS} requests each after 5 warm-ups; SQL = the page and count statements the API runs, side by side, on a pool\n`);
    console.log(`${'list'.padEnd(36)} ${'API p50'.padStart(7)} ${'API p95'.padStart(7)} ${'SQL p50'.padStart(7)} ${'SQL p95'.padStart(7)}  p50 ratio  total`);
    for (const c of cases(sample)) {
      let range = '';
      const api = await measure(async () => {
        const res = await fetch(`${app!.baseUrl}${c.api}`, { headers });
        if (res.status !== 200) throw new Error(`${c.api}: ${res.status} ${await res.text()}`);
        range = `${res.headers.get('content-range')?.split('/')[1]} (${res.headers.get('x-total-kind')})`;
        await res.json();
      });
      const sql = await measure(() => Promise.all(c.sql.map((s) => pool.query(s))));
      const line = `${c.name.padEnd(36)} ${fmt(api.p50)} ${fmt(api.p95)} ${fmt(sql.p50)} ${fmt(sql.p95)}  ${(api.p50 / sql.p50).toFixed(2).padStart(8)}  ${range}`;
      rows.push(line);
      console.log(line);
    }
    // Where the API's fixed cost goes: HTTP and Nest alone, then with the session lookup.
    const health = await measure(() => fetch(`${app!.baseUrl}/api/health`).then((r) => r.json()));
    const me = await measure(() => fetch(`${app!.baseUrl}/api/auth/me`, { headers }).then((r) => r.json()));
    console.log(`\nfixed cost per request: GET /api/health (HTTP, no session, SELECT 1) p50 ${health.p50.toFixed(1)} ms; GET /api/auth/me (+ session lookup) p50 ${me.p50.toFixed(1)} ms`);
    // What the count of an unfiltered list cost before (a full count), for reference.
    const fullCount = await measure(() => pool.query('SELECT count(*) FROM (SELECT id FROM "Scan" OFFSET 0) s'));
    console.log(`for reference, a full count of Scan (the count before): p50 ${fullCount.p50.toFixed(1)} ms, p95 ${fullCount.p95.toFixed(1)} ms`);
  } finally {
    await app?.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
    fs.rmSync(earlier, { recursive: true, force: true });
    if (process.env.BENCH_KEEP_DATABASE === 'true') console.log(`kept database ${name}`);
    else await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
