// Shared by bench:endorsement (B3) and bench:pdf (B5): a month of scans loaded with set-based SQL
// into a scratch PostgreSQL database, the hand-written SQL "floor" of preparing and closing it,
// and the figures of a closed run, to compare the product's with the floor's.
//
// The month: October 2026 (Paris). BENCH structures (2,000 by default), each eligible, with an
// approved 10 € offer and a monthly kit started in October (840 ¢ due); SCANS passes already
// REDEEMED, one ACCEPTED scan each (its Redemption, and its REDEMPTION_ACCEPTED ledger pair, balanced
// per transaction id), spread over the month and over the structures round-robin (SCANS / 2,000
// lines per statement). The passes come from orders of 1,000 booklets of one sponsor, each with its
// ORDER_ACTIVATED ledger transaction. The demo data (staff to log in, referential, a few demo
// structures with their own October/November scans and one held by a dispute) is loaded first, as
// in every benchmark: both the product and the floor endorse it too.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { openDatabase } from '../../server/src/database/database';
import { migrate } from '../../server/src/database/migrator';
import { parsePeriod, type Period } from '../../server/src/endorsement/period';
import { acceptedUntilOf, orderAmounts } from '../../server/src/rules/orders';
import { seedDemoData } from '../../server/src/seed/seed';
import { onServer, SERVER_URL } from './scratch';

export const PERIOD = '2026-10';
export const BOOKLETS_PER_ORDER = 1000;

export function monthPeriod(): Period {
  const p = parsePeriod(PERIOD, new Date());
  if (!p.ok) throw new Error(p.error);
  return p.params;
}

export function databaseUrl(name: string) {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const int = (n: number) => n.toLocaleString('en');

/** A client that ignores the error a dropped database sends its idle sessions. */
export async function connect(url: string) {
  const c = new Client({ connectionString: url });
  c.on('error', () => undefined);
  await c.connect();
  return c;
}

/** Deterministic ids: each table generated without joining the one it references. */
const uid = (kind: string, n: string) => `md5('bench-${kind}-' || (${n}))::uuid::text`;
const structureId = (n: string) => uid('structure', n);

/** '2' + 11-digit serial + GS1 check digit, as issued passes have (serials 9xxxxxxxxxx: none of the demo's collide). */
const barcodeOf = (n: string) => {
  const f = `('2' || '9' || lpad((${n})::text, 10, '0'))`;
  const at = (i: number) => `substr(${f}, ${i}, 1)::int`;
  return `${f} || ((10 - ((${[1, 3, 5, 7, 9, 11].map(at).join(' + ')}) + 3 * (${[2, 4, 6, 8, 10, 12].map(at).join(' + ')})) % 10) % 10)::text`;
};

/** An instant of October 2026 in Paris for scan n: the month is 2,682,000 s long (31 days and the hour of the DST change). */
const instantOf = (n: string) => `(timestamp '2026-09-30 22:00:00' + (((${n})::bigint * 7919) % 2681999) * interval '1 second')`;

export interface MonthDatabase {
  name: string;
  url: string;
  /** Seconds spent: schema and demo data, bulk load, index builds, VACUUM ANALYZE. */
  timings: { schema: number; load: number; indexes: number; vacuum: number };
  drop(): Promise<void>;
}

/**
 * A new database beside BENCH_POSTGRES_URL's: migrated, the demo data, then the month's bulk
 * data. The bulk tables' secondary indexes are dropped during the load and built again after it
 * (same definitions as the migrations: the schema ends identical), then VACUUM ANALYZE.
 */
export async function monthDatabase(kind: string, scans: number, structures: number, log: (line: string) => void): Promise<MonthDatabase> {
  const name = `aptic_bench_${kind}_${randomBytes(4).toString('hex')}`;
  await onServer(`CREATE DATABASE "${name}"`);
  await onServer(`ALTER DATABASE "${name}" SET maintenance_work_mem = '512MB'`);
  const url = databaseUrl(name);
  const drop = () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  try {
    let t0 = performance.now();
    const db = await openDatabase({ databaseUrl: url, dataDir: 'memory' });
    await migrate(db);
    await seedDemoData(db.prisma, { bcryptRounds: 4 });
    await db.close();
    const schema = performance.now() - t0;

    const c = await connect(url);
    try {
      const tables = ['Booklet', 'Pass', 'Redemption', 'Scan', 'LedgerEntry'];
      const { rows: indexes } = await c.query<{ indexname: string; indexdef: string }>(
        `SELECT i.indexname, i.indexdef FROM pg_indexes i
          WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
            AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)`,
        [tables],
      );
      t0 = performance.now();
      for (const i of indexes) await c.query(`DROP INDEX "${i.indexname}"`);
      // Foreign keys and triggers off for the load (ids are built to match; each ledger transaction balances).
      await c.query(`SET session_replication_role = replica`);
      for (const statement of loadScript(scans, structures)) await c.query(statement);
      await c.query(`SET session_replication_role = DEFAULT`);
      const load = performance.now() - t0;
      t0 = performance.now();
      await c.query(`SET maintenance_work_mem = '1GB'`);
      for (const i of indexes) await c.query(i.indexdef);
      const built = performance.now() - t0;
      t0 = performance.now();
      await c.query('VACUUM ANALYZE');
      const vacuum = performance.now() - t0;
      const { rows } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Scan" WHERE outcome = 'ACCEPTED'`);
      log(`  ${name}: demo data ${seconds(schema)}, bulk load ${seconds(load)}, ${indexes.length} indexes built ${seconds(built)}, VACUUM ANALYZE ${seconds(vacuum)} (${int(rows[0].n)} accepted scans in all)`);
      return { name, url, timings: { schema: schema / 1000, load: load / 1000, indexes: built / 1000, vacuum: vacuum / 1000 }, drop };
    } finally {
      await c.end().catch(() => undefined);
    }
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
}

/** A copy of a database (no session may be connected to it): PostgreSQL copies its files. */
export async function cloneDatabase(source: string, kind: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `aptic_bench_${kind}_${randomBytes(4).toString('hex')}`;
  await onServer(`CREATE DATABASE "${name}" TEMPLATE "${source}" STRATEGY = FILE_COPY`);
  return { name, url: databaseUrl(name), drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

function loadScript(scans: number, structures: number): string[] {
  const booklets = Math.ceil(scans / 10);
  const orders = Math.ceil(booklets / BOOKLETS_PER_ORDER);
  const amounts = orderAmounts(BOOKLETS_PER_ORDER, 1000);
  const sponsor = uid('sponsor', '0');
  return [
    `INSERT INTO "Sponsor" (id, name, kind, siret, "addressLine", "postalCode", city, departement, "contactName", "contactEmail", "updatedAt")
     VALUES (${sponsor}, 'Financeur du banc d’essai', 'DEPARTEMENT', '80000000000017', '1 rue du Banc', '33000', 'Bordeaux', '33', 'Contact banc', 'banc@example.org', now())`,
    // The structures: identity made up, bank details of a demo structure (valid, so payouts are PENDING).
    `INSERT INTO "Structure" (id, name, siret, "legalForm", "addressLine", "postalCode", city, departement, email, "legalRepName", "bankHolder", iban, bic, status, "eligibleAt", "updatedAt")
     SELECT ${structureId('i')}, 'Structure banc ' || lpad(i::text, 5, '0'), '7' || lpad(i::text, 13, '0'), 'Association', i || ' avenue du Numérique',
            lpad((1000 + i % 95000)::text, 5, '0'), 'Ville ' || (i % 700), lpad((1 + i % 95)::text, 2, '0'), 'banc' || i || '@example.org',
            'Représentant ' || i, 'Structure banc ' || lpad(i::text, 5, '0'), t.iban, t.bic, 'ELIGIBLE', timestamp '2026-06-01', now()
       FROM generate_series(0, ${structures - 1}) i,
            (SELECT iban, bic FROM "Structure" WHERE status = 'ELIGIBLE' ORDER BY name LIMIT 1) t`,
    `INSERT INTO "Offer" (id, "structureId", "serviceId", title, "priceCents", "durationMinutes", status, validation, "submittedAt", "moderatedAt", "updatedAt")
     SELECT ${uid('offer', 'i')}, ${structureId('i')}, svc.ids[1 + i % array_length(svc.ids, 1)], svc.labels[1 + i % array_length(svc.ids, 1)] || ' (10 €)',
            1000, 60, 'APPROVED', 'AUTO', timestamp '2026-06-01', timestamp '2026-06-01', now()
       FROM generate_series(0, ${structures - 1}) i, (SELECT array_agg(id ORDER BY code) AS ids, array_agg(label ORDER BY code) AS labels FROM "ReferentialService") svc`,
    // A monthly kit each, started (first scan) on an October day: one period due for the month.
    `INSERT INTO "Subscription" (id, "structureId", plan, status, "feeCents", "orderedAt", "startedAt", "updatedAt")
     SELECT ${uid('kit', 'i')}, ${structureId('i')}, 'MONTHLY', 'ACTIVE', 840, timestamp '2026-09-15 08:00', timestamp '2026-10-01' + (i % 28) * interval '1 day', now()
       FROM generate_series(0, ${structures - 1}) i`,
    `INSERT INTO "Order" (id, reference, "sponsorId", status, "bookletCount", "faceValueCents", "upstreamFeeCents", "vatCents", "totalCents", "paymentOrderNumber",
                          "validityYear", "issuedAt", "activatedAt", "createdAt", "updatedAt")
     SELECT ${uid('order', 'o')}, 'CMD-BANC-' || lpad(o::text, 6, '0'), ${sponsor}, 'ACTIVE', ${BOOKLETS_PER_ORDER}, ${amounts.faceValueCents}, ${amounts.upstreamFeeCents},
            ${amounts.vatCents}, ${amounts.totalCents}, 'OP-BANC', 2026, timestamp '2026-09-10', timestamp '2026-09-20', timestamp '2026-09-05', now()
       FROM generate_series(0, ${orders - 1}) o`,
    `INSERT INTO "LedgerEntry" (id, "transactionId", account, "debitCents", "creditCents", event, resource, "recordId", "createdAt")
     SELECT ${uid('ledger-order', "o || '-' || x.k")}, ${uid('tx-order', 'o')}, x.account, x.debit, x.credit, 'ORDER_ACTIVATED', 'orders', ${uid('order', 'o')}, timestamp '2026-09-20'
       FROM generate_series(0, ${orders - 1}) o,
            (VALUES (1, 'SPONSOR:' || ${sponsor}, ${amounts.totalCents}, 0), (2, 'PASS_FLOAT', 0, ${amounts.faceValueCents}),
                    (3, 'FEES_UPSTREAM', 0, ${amounts.upstreamFeeCents}), (4, 'VAT_COLLECTED', 0, ${amounts.vatCents})) AS x(k, account, debit, credit)
      WHERE x.debit > 0 OR x.credit > 0`,
    `INSERT INTO "Booklet" (id, number, "orderId", "handedOutAt", "handedOutBy", "createdAt", "updatedAt")
     SELECT ${uid('booklet', 'b')}, 'C-BANC-' || lpad(b::text, 7, '0'), ${uid('order', `b / ${BOOKLETS_PER_ORDER}`)}, timestamp '2026-09-25', 'CCAS — banc', timestamp '2026-09-10', now()
       FROM generate_series(0, ${booklets - 1}) b`,
    `INSERT INTO "Pass" (id, barcode, "bookletId", "orderId", "sponsorId", "faceValueCents", status, "validityYear", "acceptedUntil", "redeemedAt", "createdAt", "updatedAt")
     SELECT ${uid('pass', 'p')}, ${barcodeOf('p')}, ${uid('booklet', 'p / 10')}, ${uid('order', `p / ${10 * BOOKLETS_PER_ORDER}`)}, ${sponsor}, 1000, 'REDEEMED', 2026,
            '${acceptedUntilOf(2026).toISOString()}', ${instantOf('p')}, timestamp '2026-09-10', ${instantOf('p')}
       FROM generate_series(0, ${scans - 1}) p`,
    `INSERT INTO "Redemption" (id, "structureId", "offerId", status, "passCount", "totalValueCents", "createdAt")
     SELECT ${uid('redemption', 'p')}, ${structureId(`p % ${structures}`)}, ${uid('offer', `p % ${structures}`)}, 'ACCEPTED', 1, 1000, ${instantOf('p')}
       FROM generate_series(0, ${scans - 1}) p`,
    `INSERT INTO "Scan" (id, "redemptionId", "structureId", "offerId", "passId", barcode, outcome, "valueCents", "scannedAt")
     SELECT ${uid('scan', 'p')}, ${uid('redemption', 'p')}, ${structureId(`p % ${structures}`)}, ${uid('offer', `p % ${structures}`)}, ${uid('pass', 'p')},
            ${barcodeOf('p')}, 'ACCEPTED', 1000, ${instantOf('p')}
       FROM generate_series(0, ${scans - 1}) p`,
    // REDEMPTION_ACCEPTED: PASS_FLOAT → STRUCTURE, one balanced transaction per redemption.
    `INSERT INTO "LedgerEntry" (id, "transactionId", account, "debitCents", "creditCents", event, resource, "recordId", "createdAt")
     SELECT ${uid('ledger', "p || '-' || x.k")}, ${uid('tx', 'p')}, CASE WHEN x.k = 1 THEN 'PASS_FLOAT' ELSE 'STRUCTURE:' || ${structureId(`p % ${structures}`)} END,
            CASE WHEN x.k = 1 THEN 1000 ELSE 0 END, CASE WHEN x.k = 1 THEN 0 ELSE 1000 END, 'REDEMPTION_ACCEPTED', 'redemptions', ${uid('redemption', 'p')}, ${instantOf('p')}
       FROM generate_series(0, ${scans - 1}) p, (VALUES (1), (2)) AS x(k)`,
  ];
}

/**
 * A stand-in for autovacuum's ANALYZE, which is off on the PostgreSQL of these machines
 * (`autovacuum = off`) but on in production: every `everySeconds` (production's
 * autovacuum_naptime is 60 s) the tables changed past autovacuum's default threshold
 * (50 rows + 10 %) since their last ANALYZE are analyzed. 0 = nothing (as the server is set).
 * stop() gives what was analyzed, and when (seconds since start).
 */
export function autoanalyze(url: string, everySeconds: number) {
  const analyzed: string[] = [];
  if (!everySeconds) return { stop: async () => analyzed };
  const t0 = performance.now();
  let running: Promise<void> = Promise.resolve();
  const pass = async () => {
    const c = await connect(url);
    try {
      const { rows } = await c.query<{ relname: string }>(
        `SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class k ON k.oid = s.relid
          WHERE s.n_mod_since_analyze > 50 + 0.1 * greatest(k.reltuples, 0) ORDER BY s.relname`,
      );
      for (const { relname } of rows) {
        await c.query(`ANALYZE "${relname}"`);
        analyzed.push(`${relname} at ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      }
    } finally {
      await c.end().catch(() => undefined);
    }
  };
  const timer = setInterval(() => {
    running = running.then(pass).catch(() => undefined);
  }, everySeconds * 1000);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      return analyzed;
    },
  };
}

// ───────────────────────────── The floor ─────────────────────────────

/** Held out of endorsement by an open dispute (the same rule as the product's). */
const NOT_HELD = `NOT EXISTS (SELECT 1 FROM "DisputeItem" di JOIN "Dispute" d ON d.id = di."disputeId" WHERE di."scanId" = sc.id AND d.status IN ('OPEN', 'INVESTIGATING'))
              AND NOT EXISTS (SELECT 1 FROM "DisputeItem" di JOIN "Dispute" d ON d.id = di."disputeId" WHERE di."passId" = sc."passId" AND d.status IN ('OPEN', 'INVESTIGATING'))`;

/** Statements of a timed step of the floor. */
export type StepTimes = [string, number][];

async function timed(steps: StepTimes, label: string, fn: () => Promise<unknown>) {
  const t0 = performance.now();
  const result = await fn();
  steps.push([label, performance.now() - t0]);
  return result;
}

/**
 * The floor of preparing a month: hand-written SQL doing the draft's work in a few set-based
 * statements, with no chunks, no job bookkeeping, no audit. It covers what this data set has:
 * no earlier closed month (nothing carried), no adjustment, no unpaid payout, kits without plan
 * change (periods begun counted in SQL, as rules/subscriptions.ts does for those).
 */
export async function floorPrepare(c: Client, period: Period): Promise<StepTimes> {
  const steps: StepTimes = [];
  // Instants as UTC ISO strings: the columns are timestamp(3) holding UTC, whatever this process's TZ.
  const periodStart = period.periodStart.toISOString();
  const periodEnd = period.periodEnd.toISOString();
  const lastInstant = new Date(period.periodEnd.getTime() - 1).toISOString();
  let runId = '';
  await timed(steps, 'run + statements', async () => {
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO "Endorsement" (id, period, "periodStart", "periodEnd", status, revision, "preparedByName", "updatedAt")
       VALUES (gen_random_uuid()::text, $1, $2, $3, 'PREPARING', 1, 'Plancher SQL', now()) RETURNING id`,
      [period.period, periodStart, periodEnd],
    );
    runId = rows[0].id;
    await c.query(
      `INSERT INTO "Statement" (id, "endorsementId", "structureId", status, "updatedAt")
       SELECT gen_random_uuid()::text, $1, s.id, 'DRAFT', now() FROM "Structure" s
        WHERE EXISTS (SELECT 1 FROM "Scan" sc JOIN "Pass" p ON p.id = sc."passId"
                       WHERE sc."structureId" = s.id AND sc.outcome = 'ACCEPTED' AND sc."voidedAt" IS NULL AND p.status = 'REDEEMED' AND sc."scannedAt" < $2)
           OR EXISTS (SELECT 1 FROM "Subscription" k WHERE k."structureId" = s.id AND k."startedAt" < $2)`,
      [runId, periodEnd],
    );
  });
  await timed(steps, 'lines (one INSERT … SELECT)', () =>
    c.query(
      `INSERT INTO "StatementLine" (id, "statementId", "scanId", "passId", barcode, "scannedAt", "serviceLabel", "valueCents")
       SELECT gen_random_uuid()::text, st.id, sc.id, sc."passId", sc.barcode, sc."scannedAt", coalesce(o.title, ''), sc."valueCents"
         FROM "Scan" sc
         JOIN "Pass" p ON p.id = sc."passId"
         JOIN "Statement" st ON st."endorsementId" = $1 AND st."structureId" = sc."structureId"
         LEFT JOIN "Offer" o ON o.id = sc."offerId"
        WHERE sc.outcome = 'ACCEPTED' AND sc."voidedAt" IS NULL AND sc."scannedAt" < $2
          AND p.status = 'REDEEMED' AND p."redeemedAt" < $2 AND ${NOT_HELD}`,
      [runId, periodEnd],
    ),
  );
  await timed(steps, 'totals (one UPDATE) + empty ones', async () => {
    // Kit fees: periods begun from the Paris date of the start up to the month's last day (or the end date), × the fee.
    await c.query(
      `WITH lines AS (
         SELECT l."statementId" AS id, count(*)::int AS n, sum(l."valueCents")::int AS gross
           FROM "StatementLine" l JOIN "Statement" st ON st.id = l."statementId" WHERE st."endorsementId" = $1 GROUP BY l."statementId"
       ), kits AS (
         SELECT k."structureId", sum(k."earlierPlansFeesCents" + k."feeCents" * (
                  SELECT count(*) FROM generate_series(0, (extract(year FROM age(u.d, a.d)) * 12 + extract(month FROM age(u.d, a.d)))::int + 1) n
                   WHERE a.d + n * CASE k.plan WHEN 'MONTHLY' THEN interval '1 month' ELSE interval '1 year' END <= u.d))::int AS due
           FROM "Subscription" k
           CROSS JOIN LATERAL (SELECT (coalesce(k."planFrom", k."startedAt") AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Paris')::date AS d) a
           CROSS JOIN LATERAL (SELECT (least(coalesce(k."cancelledAt", $2::timestamp), $2::timestamp) AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Paris')::date AS d) u
          WHERE k."startedAt" < $3 AND u.d >= a.d
          GROUP BY k."structureId"
       ), charged AS (
         SELECT f."structureId", sum(f."subscriptionCents")::int AS cents FROM "Statement" f WHERE f.status = 'FINAL' GROUP BY f."structureId"
       ), v AS (
         SELECT st.id, coalesce(l.n, 0) AS n, coalesce(l.gross, 0) AS gross, ((coalesce(l.gross, 0) * 400 + 5000) / 10000) AS fee,
                greatest(0, coalesce(k.due, 0) - coalesce(ch.cents, 0)) AS sub
           FROM "Statement" st LEFT JOIN lines l ON l.id = st.id LEFT JOIN kits k ON k."structureId" = st."structureId"
           LEFT JOIN charged ch ON ch."structureId" = st."structureId"
          WHERE st."endorsementId" = $1
       )
       UPDATE "Statement" st SET "passCount" = v.n, "grossCents" = v.gross, "feeCents" = v.fee, "subscriptionCents" = v.sub,
              "adjustmentsCents" = 0, "carriedCents" = 0, "netCents" = v.gross - v.fee - v.sub, "updatedAt" = now()
         FROM v WHERE st.id = v.id`,
      [runId, lastInstant, periodEnd],
    );
    await c.query(`DELETE FROM "Statement" WHERE "endorsementId" = $1 AND "grossCents" = 0 AND "subscriptionCents" = 0 AND "adjustmentsCents" = 0 AND "netCents" <= 0`, [runId]);
  });
  await timed(steps, 'month totals', () =>
    c.query(
      `UPDATE "Endorsement" e SET status = 'PREPARED', "preparedAt" = now(), "updatedAt" = now(),
              "statementCount" = t.statements, "passCount" = t.passes, "grossCents" = t.gross, "feeCents" = t.fee,
              "subscriptionCents" = t.sub, "adjustmentsCents" = t.adj, "carriedCents" = t.carried, "netCents" = t.net, "payableCents" = t.payable
         FROM (SELECT count(*)::int AS statements, coalesce(sum("passCount"), 0)::int AS passes, coalesce(sum("grossCents"), 0) AS gross,
                      coalesce(sum("feeCents"), 0) AS fee, coalesce(sum("subscriptionCents"), 0) AS sub, coalesce(sum("adjustmentsCents"), 0) AS adj,
                      coalesce(sum("carriedCents"), 0) AS carried, coalesce(sum("netCents"), 0) AS net, coalesce(sum(greatest("netCents", 0)), 0) AS payable
                 FROM "Statement" WHERE "endorsementId" = $1) t
        WHERE e.id = $1`,
      [runId],
    ),
  );
  return steps;
}

/**
 * The floor of closing it, in one transaction: numbering (the year's counter, in the structures'
 * name order), FINAL with a snapshot, passes ENDORSED, payouts, MONTH_CLOSED ledger lines (the
 * balance trigger runs, as for the product), the month CLOSED. No staleness check, no audit.
 */
export async function floorClose(c: Client, period: Period, issuer: object): Promise<StepTimes> {
  const steps: StepTimes = [];
  const closedAt = new Date().toISOString();
  await c.query('BEGIN');
  try {
    const { rows } = await c.query<{ id: string; n: number }>(
      `SELECT e.id, (SELECT count(*)::int FROM "Statement" st WHERE st."endorsementId" = e.id AND st.status = 'DRAFT') AS n FROM "Endorsement" e WHERE e.period = $1 FOR UPDATE`,
      [period.period],
    );
    const run = rows[0];
    // The year of the closing in Paris, as the product numbers.
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date(closedAt)));
    await timed(steps, 'numbers + FINAL + snapshot', async () => {
      const counter = await c.query<{ lastNumber: number }>(
        `INSERT INTO "DocumentCounter" (kind, year, "lastNumber", "updatedAt") VALUES ('STATEMENT', $1, $2, now())
         ON CONFLICT (kind, year) DO UPDATE SET "lastNumber" = "DocumentCounter"."lastNumber" + $2, "updatedAt" = now() RETURNING "lastNumber"`,
        [year, run.n],
      );
      const first = counter.rows[0].lastNumber - run.n + 1;
      await c.query(
        `UPDATE "Statement" st SET status = 'FINAL', year = $2::int, sequence = $3::int - 1 + r.rn, number = $2::int::text || '-' || lpad(($3::int - 1 + r.rn)::text, 6, '0'),
                "issuedAt" = $4::timestamp, "updatedAt" = $4::timestamp,
                snapshot = jsonb_build_object('number', $2::int::text || '-' || lpad(($3::int - 1 + r.rn)::text, 6, '0'), 'issuedAt', $4::timestamptz, 'period', $5::text,
                  'periodStart', $6::timestamptz, 'periodEnd', $7::timestamptz, 'issuer', $8::jsonb,
                  'structure', jsonb_build_object('name', r.name, 'siret', r.siret, 'addressLine', r."addressLine", 'postalCode', r."postalCode", 'city', r.city,
                                                 'bankHolder', r."bankHolder", 'ibanMasked', left(r.iban, 4) || ' **** ' || right(r.iban, 4), 'bic', r.bic),
                  'totals', jsonb_build_object('passCount', st."passCount", 'grossCents', st."grossCents", 'feeRateBp', 400, 'feeCents', st."feeCents",
                                               'subscriptionCents', st."subscriptionCents", 'adjustmentsCents', st."adjustmentsCents", 'carriedCents', st."carriedCents",
                                               'netCents', st."netCents", 'payableCents', greatest(st."netCents", 0)))
           FROM (SELECT st2.id, s.name, s.siret, s."addressLine", s."postalCode", s.city, s."bankHolder", s.iban, s.bic,
                        row_number() OVER (ORDER BY s.name, st2.id)::int AS rn
                   FROM "Statement" st2 JOIN "Structure" s ON s.id = st2."structureId" WHERE st2."endorsementId" = $1 AND st2.status = 'DRAFT') r
          WHERE st.id = r.id`,
        [run.id, year, first, closedAt, period.period, period.periodStart.toISOString(), period.periodEnd.toISOString(), JSON.stringify(issuer)],
      );
    });
    await timed(steps, 'passes ENDORSED (one UPDATE)', () =>
      c.query(
        `UPDATE "Pass" p SET status = 'ENDORSED', "updatedAt" = $2
           FROM "StatementLine" l JOIN "Statement" st ON st.id = l."statementId"
          WHERE st."endorsementId" = $1 AND p.id = l."passId" AND p.status = 'REDEEMED'`,
        [run.id, closedAt],
      ),
    );
    await timed(steps, 'payouts', () =>
      c.query(
        `INSERT INTO "Payout" (id, "statementId", "endorsementId", "structureId", "amountCents", status, "withheldReason", "bankHolder", iban, bic, "endToEndId", "createdAt", "updatedAt")
         SELECT gen_random_uuid()::text, st.id, st."endorsementId", st."structureId", st."netCents",
                (CASE WHEN s.iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$' THEN 'PENDING' ELSE 'WITHHELD' END)::"PayoutStatus",
                CASE WHEN s.iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$' THEN NULL ELSE 'Coordonnées bancaires à corriger.' END,
                s."bankHolder", s.iban, s.bic, 'APTIC-' || st.number, $2, $2
           FROM "Statement" st JOIN "Structure" s ON s.id = st."structureId" WHERE st."endorsementId" = $1 AND st."netCents" > 0`,
        [run.id, closedAt],
      ),
    );
    await timed(steps, 'MONTH_CLOSED ledger (one INSERT)', () =>
      c.query(
        `WITH t AS MATERIALIZED (
           SELECT st.id, st."structureId", st."feeCents" AS fee, st."subscriptionCents" AS sub, gen_random_uuid()::text AS tid
             FROM "Statement" st WHERE st."endorsementId" = $1 AND st."feeCents" + st."subscriptionCents" > 0
         )
         INSERT INTO "LedgerEntry" (id, "transactionId", account, "debitCents", "creditCents", event, resource, "recordId", "createdAt")
         SELECT gen_random_uuid()::text, t.tid, x.account, x.debit, x.credit, 'MONTH_CLOSED', 'statements', t.id, $2
           FROM t CROSS JOIN LATERAL (VALUES ('STRUCTURE:' || t."structureId", t.fee + t.sub, 0), ('FEES_DOWNSTREAM', 0, t.fee), ('SUBSCRIPTIONS', 0, t.sub)) AS x(account, debit, credit)
          WHERE x.debit > 0 OR x.credit > 0`,
        [run.id, closedAt],
      ),
    );
    await timed(steps, 'month CLOSED + COMMIT', async () => {
      await c.query(`UPDATE "Endorsement" SET status = 'CLOSED', "closedAt" = $2, "closedByName" = 'Plancher SQL', "updatedAt" = $2 WHERE id = $1`, [run.id, closedAt]);
      await c.query('COMMIT');
    });
  } catch (error) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return steps;
}

// ───────────────────────────── Figures of a closed run ─────────────────────────────

export interface RunFigures {
  status: string;
  statementCount: number;
  passCount: number;
  grossCents: number;
  feeCents: number;
  subscriptionCents: number;
  netCents: number;
  payableCents: number;
  lines: number;
  endorsedPasses: number;
  ledgerLines: number;
  ledgerCents: number;
  payouts: number;
  payoutCents: number;
  /** Per structure: "number passCount gross fee sub net", to compare statement by statement. */
  statements: Map<string, string>;
  /** The statements of the bench structures (SCANS / structures lines each). */
  benchStatements: { count: number; minLines: number; maxLines: number };
}

export async function runFigures(c: Client, period: string): Promise<RunFigures> {
  const { rows: [e] } = await c.query(`SELECT * FROM "Endorsement" WHERE period = $1`, [period]);
  if (!e) throw new Error(`no endorsement for ${period}`);
  const { rows: statements } = await c.query(
    `SELECT st."structureId", st.number, st."passCount", st."grossCents", st."feeCents", st."subscriptionCents", st."netCents", s.name LIKE 'Structure banc %' AS bench,
            (SELECT count(*)::int FROM "StatementLine" l WHERE l."statementId" = st.id) AS lines
       FROM "Statement" st JOIN "Structure" s ON s.id = st."structureId" WHERE st."endorsementId" = $1`,
    [e.id],
  );
  const one = async (sql: string) => (await c.query(sql, [e.id])).rows[0];
  const endorsed = await one(`SELECT count(*)::int AS n FROM "Pass" p JOIN "StatementLine" l ON l."passId" = p.id JOIN "Statement" st ON st.id = l."statementId" WHERE st."endorsementId" = $1 AND p.status = 'ENDORSED'`);
  const ledger = await one(`SELECT count(*)::int AS n, coalesce(sum(le."debitCents"), 0)::bigint AS cents FROM "LedgerEntry" le JOIN "Statement" st ON st.id = le."recordId" WHERE le.event = 'MONTH_CLOSED' AND st."endorsementId" = $1`);
  const payouts = await one(`SELECT count(*)::int AS n, coalesce(sum("amountCents"), 0)::bigint AS cents FROM "Payout" WHERE "endorsementId" = $1`);
  const bench = statements.filter((s) => s.bench);
  return {
    status: e.status,
    statementCount: e.statementCount,
    passCount: e.passCount,
    grossCents: Number(e.grossCents),
    feeCents: Number(e.feeCents),
    subscriptionCents: Number(e.subscriptionCents),
    netCents: Number(e.netCents),
    payableCents: Number(e.payableCents),
    lines: statements.reduce((sum, s) => sum + s.lines, 0),
    endorsedPasses: endorsed.n,
    ledgerLines: ledger.n,
    ledgerCents: Number(ledger.cents),
    payouts: payouts.n,
    payoutCents: Number(payouts.cents),
    statements: new Map(statements.map((s) => [s.structureId, [s.number, s.passCount, s.grossCents, s.feeCents, s.subscriptionCents, s.netCents, s.lines].join(' ')])),
    benchStatements: { count: bench.length, minLines: Math.min(...bench.map((s) => s.lines)), maxLines: Math.max(...bench.map((s) => s.lines)) },
  };
}

/** What differs between two closed runs (empty when they agree on every figure and every statement). */
/**
 * What differs between two runs (empty when they agree on every figure and every statement).
 * `closed` false: `a` is still a draft (its close failed): only the draft's figures are compared.
 */
export function differences(a: RunFigures, b: RunFigures, closed = true, names = ['product', 'floor']): string[] {
  const out: string[] = [];
  const draft = ['statementCount', 'passCount', 'grossCents', 'feeCents', 'subscriptionCents', 'netCents', 'payableCents', 'lines'] as const;
  const keys = closed ? (['status', ...draft, 'endorsedPasses', 'ledgerLines', 'ledgerCents', 'payouts', 'payoutCents'] as const) : draft;
  for (const k of keys) {
    if (a[k] !== b[k]) out.push(`${k}: ${names[0]} ${a[k]}, ${names[1]} ${b[k]}`);
  }
  // Per structure: "number passes gross fee kit net lines"; a draft has no number yet.
  const of = (f: RunFigures, key: string) => (closed ? f.statements.get(key) : f.statements.get(key)?.split(' ').slice(1).join(' '));
  let shown = 0;
  for (const key of new Set([...a.statements.keys(), ...b.statements.keys()])) {
    if (of(a, key) !== of(b, key) && shown++ < 5) out.push(`structure ${key}: ${names[0]} [${of(a, key) ?? '—'}], ${names[1]} [${of(b, key) ?? '—'}] (${closed ? 'number ' : ''}passes gross fee kit net lines)`);
  }
  return out;
}

/** What the generated month must give, whoever computes it: each bench structure SCANS / STRUCTURES lines, 10 € each. */
export function expectedProblems(f: RunFigures, scans: number, structures: number): string[] {
  const out: string[] = [];
  const per = scans / structures;
  if (f.status !== 'CLOSED') out.push(`status ${f.status}`);
  if (f.benchStatements.count !== structures) out.push(`${f.benchStatements.count} statements of bench structures, ${structures} expected`);
  if (f.benchStatements.minLines !== Math.floor(per) || f.benchStatements.maxLines !== Math.ceil(per)) out.push(`bench statements have ${f.benchStatements.minLines}–${f.benchStatements.maxLines} lines, ${per} expected`);
  if (f.passCount < scans || f.lines !== f.passCount || f.endorsedPasses !== f.passCount) out.push(`passes ${f.passCount}, lines ${f.lines}, endorsed ${f.endorsedPasses} (≥ ${scans} expected, all equal)`);
  if (f.grossCents !== f.passCount * 1000) out.push(`gross ${f.grossCents} ≠ ${f.passCount} × 1000`);
  if (f.netCents !== f.grossCents - f.feeCents - f.subscriptionCents) out.push('net ≠ gross − fee − kit');
  if (f.ledgerCents !== f.feeCents + f.subscriptionCents) out.push(`MONTH_CLOSED debits ${f.ledgerCents} ≠ fee + kit ${f.feeCents + f.subscriptionCents}`);
  if (f.payoutCents !== f.payableCents) out.push(`payouts ${f.payoutCents} ≠ payable ${f.payableCents}`);
  return out;
}
