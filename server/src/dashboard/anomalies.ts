import { Prisma, PrismaClient } from '../generated/prisma/client';
import { ANOMALY_RULES, type Anomaly, type AnomalyKind } from '../rules/anomalies';

/** At most this many anomalies on the dashboard (the newest); the live page has the rest as they come. */
export const DASHBOARD_ANOMALIES_MAX = 20;

/** A rule's window as an SQL interval literal (our own constants, never request input). */
const windowOf = (kind: AnomalyKind) => Prisma.raw(`interval '${Math.round(ANOMALY_RULES[kind].windowMs / 1000)} seconds'`);

interface Row {
  subject: string;
  structureId: string;
  structureName: string;
  passId: string | null;
  count: number;
  structureNames: string[] | null;
  firstAt: Date;
  lastAt: Date;
}

/**
 * The anomalies of the scans since `from` (the SUPPORT dashboard: today), by the live page's rules
 * (rules/anomalies.ts), in three set-based queries over the index Scan(outcome, scannedAt) and
 * Scan(scannedAt): a window count per structure or barcode, never the day's scans in Node. `count`
 * is the most events seen within one window of the day.
 */
export async function anomaliesSince(prisma: PrismaClient, from: Date, max = DASHBOARD_ANOMALIES_MAX): Promise<Anomaly[]> {
  const [bursts, passes, invalid] = await Promise.all([
    // Refusals of one structure within a minute.
    prisma.$queryRaw<Row[]>`
      WITH refused AS (
        SELECT s."structureId", s."scannedAt",
               count(*) OVER (PARTITION BY s."structureId" ORDER BY s."scannedAt" RANGE BETWEEN ${windowOf('REFUSAL_BURST')} PRECEDING AND CURRENT ROW) AS n
          FROM "Scan" s WHERE s.outcome = 'REJECTED' AND s."scannedAt" >= ${from}
      )
      SELECT r."structureId" AS subject, r."structureId" AS "structureId", st.name AS "structureName", NULL AS "passId",
             max(r.n)::int AS count, NULL AS "structureNames", min(r."scannedAt") AS "firstAt", max(r."scannedAt") AS "lastAt"
        FROM refused r JOIN "Structure" st ON st.id = r."structureId"
       GROUP BY r."structureId", st.name
      HAVING max(r.n) >= ${ANOMALY_RULES.REFUSAL_BURST.count}`,
    // One barcode presented in two structures within ten minutes (failed check digits are no pass).
    prisma.$queryRaw<Row[]>`
      WITH today AS (
        SELECT s.barcode, s."passId", s."structureId", s."scannedAt" FROM "Scan" s
         WHERE s."scannedAt" >= ${from} AND s.reason IS DISTINCT FROM 'INVALID_BARCODE'
      ), several AS (
        SELECT barcode FROM today GROUP BY barcode HAVING count(DISTINCT "structureId") >= ${ANOMALY_RULES.PASS_IN_SEVERAL_STRUCTURES.count}
      ), pairs AS (
        SELECT a.barcode, a."passId", a."structureId" AS later, b."structureId" AS earlier, b."scannedAt" AS "firstAt", a."scannedAt" AS "lastAt"
          FROM today a JOIN several USING (barcode)
          JOIN today b ON b.barcode = a.barcode AND b."structureId" <> a."structureId"
           AND b."scannedAt" <= a."scannedAt" AND b."scannedAt" >= a."scannedAt" - ${windowOf('PASS_IN_SEVERAL_STRUCTURES')}
      ), involved AS (
        SELECT barcode, later AS "structureId" FROM pairs UNION SELECT barcode, earlier FROM pairs
      )
      SELECT p.barcode AS subject, (array_agg(p.later ORDER BY p."lastAt" DESC))[1] AS "structureId", NULL AS "structureName",
             max(p."passId") AS "passId",
             (SELECT count(*)::int FROM involved i WHERE i.barcode = p.barcode) AS count,
             (SELECT array_agg(st.name ORDER BY st.name) FROM involved i JOIN "Structure" st ON st.id = i."structureId" WHERE i.barcode = p.barcode) AS "structureNames",
             min(p."firstAt") AS "firstAt", max(p."lastAt") AS "lastAt"
        FROM pairs p GROUP BY p.barcode`,
    // One barcode failing its check digit three times within ten minutes.
    prisma.$queryRaw<Row[]>`
      WITH failed AS (
        SELECT s.barcode, s."structureId", s."scannedAt",
               count(*) OVER (PARTITION BY s.barcode ORDER BY s."scannedAt" RANGE BETWEEN ${windowOf('REPEATED_INVALID_BARCODE')} PRECEDING AND CURRENT ROW) AS n
          FROM "Scan" s WHERE s.outcome = 'REJECTED' AND s.reason = 'INVALID_BARCODE' AND s."scannedAt" >= ${from}
      )
      SELECT f.barcode AS subject, (array_agg(f."structureId" ORDER BY f."scannedAt" DESC))[1] AS "structureId", NULL AS "structureName",
             NULL AS "passId", max(f.n)::int AS count, NULL AS "structureNames", min(f."scannedAt") AS "firstAt", max(f."scannedAt") AS "lastAt"
        FROM failed f GROUP BY f.barcode
      HAVING max(f.n) >= ${ANOMALY_RULES.REPEATED_INVALID_BARCODE.count}`,
  ]);

  const found = [
    ...bursts.map((row) => ({ kind: 'REFUSAL_BURST' as const, row })),
    ...passes.map((row) => ({ kind: 'PASS_IN_SEVERAL_STRUCTURES' as const, row })),
    ...invalid.map((row) => ({ kind: 'REPEATED_INVALID_BARCODE' as const, row })),
  ]
    .sort((a, b) => b.row.lastAt.getTime() - a.row.lastAt.getTime() || a.row.subject.localeCompare(b.row.subject))
    .slice(0, max);

  // The last structure's name for the barcode anomalies (one query for all of them).
  const missing = [...new Set(found.filter((f) => f.row.structureName === null).map((f) => f.row.structureId))];
  const names = new Map((await prisma.structure.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } })).map((s) => [s.id, s.name]));

  return found.map(({ kind, row }) => ({
    key: `${kind}:${row.subject}`,
    kind,
    structureId: row.structureId,
    structureName: row.structureName ?? names.get(row.structureId) ?? '',
    barcode: kind === 'REFUSAL_BURST' ? null : row.subject,
    passId: row.passId,
    count: row.count,
    structureNames: row.structureNames ?? [],
    firstAt: row.firstAt.toISOString(),
    lastAt: row.lastAt.toISOString(),
  }));
}
