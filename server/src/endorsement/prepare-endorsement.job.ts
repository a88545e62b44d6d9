import { requestContext } from '../common/request-context';
import { Prisma } from '../generated/prisma/client';
import type { ChunkResult, JobDefinition } from '../jobs/job-definition';
import { statementHasContent, statementTotals } from '../rules/statements';
import { feesDueCents, type KitBilling } from '../rules/subscriptions';
import type { Tx } from '../writes/write-path';
import { parsePreparationKey, preparationKey, previousMonth, type Period } from './period';

export type PrepareParams = Period & { revision: number };

/** Statuses in which a month's draft may still be (re)computed. */
const OPEN_FOR_PREPARATION = ['PREPARING', 'PREPARED'];

/** Months close in order: a scan of a month before a closed one joins the next run instead (SPEC §3: late ones join the next run). */
export const laterClosed = (period: string, later: string) =>
  `le mois ${period} précède le mois ${later}, déjà clos : ses pass non encore endossés rejoindront le prochain endossement.`;

/** The month's run, locked for this chunk: preparation and closing never cross. */
async function lockedRun(tx: Tx, period: string) {
  const [run] = await tx.$queryRaw<{ id: string; status: string; revision: number }[]>`
    SELECT id, status::text, revision FROM "Endorsement" WHERE period = ${period} FOR UPDATE`;
  return run;
}

/** The run this preparation works on, still its own (not closed, not recomputed by a later preparation meanwhile). */
async function ownRun(tx: Tx, params: PrepareParams) {
  const run = await lockedRun(tx, params.period);
  if (!run || run.revision !== params.revision || !OPEN_FOR_PREPARATION.includes(run.status)) {
    throw new Error(`l’endossement de ${params.period} a changé pendant sa préparation n° ${params.revision} (${run ? `statut ${run.status}, préparation n° ${run.revision}` : 'disparu'}).`);
  }
  return run;
}

/** Held out of endorsement: the scan, or its pass, is under an open dispute (SPEC §3 "Disputes"). */
const NOT_HELD = Prisma.raw(`NOT EXISTS (SELECT 1 FROM "DisputeItem" di JOIN "Dispute" d ON d.id = di."disputeId"
                    WHERE di."scanId" = sc.id AND d.status IN ('OPEN', 'INVESTIGATING'))
              AND NOT EXISTS (SELECT 1 FROM "DisputeItem" di JOIN "Dispute" d ON d.id = di."disputeId"
                    WHERE di."passId" = sc."passId" AND d.status IN ('OPEN', 'INVESTIGATING'))`);

/**
 * Preparing a month (SPEC §3 "Endorsement"), key = the month "AAAA-MM" for the first
 * preparation (the schedule's, the 1st at 02:00 Paris) and "AAAA-MM.rN" for the N-th
 * (« Recalculer »). The result is a draft: one DRAFT statement per structure with anything
 * due, its lines (one per endorsable scan), its totals. Nothing here moves money or changes a
 * pass: closing does, in one transaction. Every step is set-based SQL in chunks that select
 * only what is still to do, so a chunk replayed after a crash finds nothing twice.
 *
 * Endorsable: an accepted, non-voided scan of a pass still REDEEMED (not yet endorsed), made
 * before the month's end (Paris), and not held by an open dispute. A late one (a dispute
 * resolved after its month was closed) joins the next month's run.
 */
export const prepareEndorsementJob: JobDefinition<PrepareParams> = {
  name: 'endorsement-prepare',
  label: 'Préparation de l’endossement mensuel',
  keyDescription: 'un mois AAAA-MM (première préparation) ou AAAA-MM.rN (N-ième calcul du brouillon)',
  startedFrom: 'depuis la page des endossements (« Préparer un mois », « Recalculer »)',
  cronSetting: 'JOB_ENDORSEMENT_PREPARE_CRON',
  defaultKey: (now) => previousMonth(now),
  parseKey: parsePreparationKey,
  steps: [
    {
      name: 'open',
      label: 'Ouverture du brouillon',
      async chunk({ tx, params, record }) {
        const existing = await lockedRun(tx, params.period);
        if (existing && !OPEN_FOR_PREPARATION.includes(existing.status)) throw new Error(`le mois ${params.period} est clos ou en clôture : il ne se recalcule plus.`);
        const [later] = await tx.$queryRaw<{ period: string }[]>`
          SELECT period FROM "Endorsement" WHERE period > ${params.period} AND status::text NOT IN ('PREPARING', 'PREPARED') ORDER BY period LIMIT 1`;
        if (later) throw new Error(laterClosed(params.period, later.period));
        const expected = (existing?.revision ?? 0) + 1;
        if (params.revision !== expected) {
          throw new Error(`le brouillon de ${params.period} en est à sa préparation n° ${existing?.revision ?? 0} : la suivante est ${preparationKey(params.period, expected)}, pas ${preparationKey(params.period, params.revision)}.`);
        }
        const by = requestContext.get()?.actor?.name ?? 'Planification';
        const [run] = await tx.$queryRaw<{ id: string }[]>`
          INSERT INTO "Endorsement" ("id", "period", "periodStart", "periodEnd", "status", "revision", "preparedByName", "updatedAt")
          VALUES (gen_random_uuid()::text, ${params.period}, ${params.periodStart}, ${params.periodEnd}, 'PREPARING', ${params.revision}, ${by}, now())
          ON CONFLICT ("period") DO UPDATE SET status = 'PREPARING', revision = ${params.revision}, "preparedByName" = ${by}, "updatedAt" = now()
          RETURNING id`;
        // The adjustments and unpaid payouts the previous draft took are free again: this one takes them anew.
        await tx.$executeRaw`
          UPDATE "Adjustment" a SET "statementId" = NULL FROM "Statement" st
           WHERE a."statementId" = st.id AND st."endorsementId" = ${run.id} AND st.status = 'DRAFT'`;
        await tx.$executeRaw`
          UPDATE "Payout" po SET "carriedIntoId" = NULL FROM "Statement" st
           WHERE po."carriedIntoId" = st.id AND st."endorsementId" = ${run.id} AND st.status = 'DRAFT'`;
        await record({ action: existing ? 'recompute' : 'prepare', resource: 'endorsements', recordId: run.id, after: { period: params.period, revision: params.revision, status: 'PREPARING' }, change: existing ? 'updated' : 'created' });
        return { processed: 1, cursor: null, finished: true, counts: { revision: params.revision } };
      },
    },
    {
      name: 'clear',
      label: 'Effacement du brouillon précédent',
      async total(tx, params) {
        const [{ n }] = await tx.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM "StatementLine" l JOIN "Statement" st ON st.id = l."statementId"
            JOIN "Endorsement" e ON e.id = st."endorsementId" WHERE e.period = ${params.period} AND st.status = 'DRAFT'`;
        return n;
      },
      async chunk({ tx, params, limit }): Promise<ChunkResult> {
        const run = await ownRun(tx, params);
        const deleted = await tx.$executeRaw`
          DELETE FROM "StatementLine" WHERE id IN (
            SELECT l.id FROM "StatementLine" l JOIN "Statement" st ON st.id = l."statementId"
             WHERE st."endorsementId" = ${run.id} AND st.status = 'DRAFT' LIMIT ${limit})`;
        if (deleted === limit) return { processed: deleted, cursor: null, finished: false, counts: { lines: deleted } };
        const statements = await tx.$executeRaw`DELETE FROM "Statement" WHERE "endorsementId" = ${run.id} AND status = 'DRAFT'`;
        return { processed: deleted, cursor: null, finished: true, counts: { lines: deleted, statements } };
      },
    },
    {
      name: 'statements',
      label: 'Relevés des structures',
      async total(tx) {
        const [{ n }] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Structure"`;
        return n;
      },
      async chunk({ tx, params, cursor, limit }) {
        const run = await ownRun(tx, params);
        // The structures of this chunk (by id), and among them those with something for the month:
        // an endorsable scan, a kit billed by then, or an adjustment not yet on a statement.
        const [chunk] = await tx.$queryRaw<{ seen: number; last: string | null; created: number }[]>`
          WITH batch AS (
            SELECT id FROM "Structure" WHERE id > ${cursor ?? ''} ORDER BY id LIMIT ${limit}
          ), due AS (
            SELECT b.id FROM batch b
             WHERE EXISTS (SELECT 1 FROM "Scan" sc JOIN "Pass" p ON p.id = sc."passId"
                            WHERE sc."structureId" = b.id AND sc.outcome = 'ACCEPTED' AND sc."voidedAt" IS NULL
                              AND p.status = 'REDEEMED' AND sc."scannedAt" < ${params.periodEnd})
                OR EXISTS (SELECT 1 FROM "Subscription" k WHERE k."structureId" = b.id AND k."startedAt" < ${params.periodEnd})
                OR EXISTS (SELECT 1 FROM "Adjustment" a WHERE a."structureId" = b.id AND a."statementId" IS NULL)
                OR EXISTS (SELECT 1 FROM "Payout" po WHERE po."structureId" = b.id AND po.status IN ('WITHHELD', 'RETURNED') AND po."carriedIntoId" IS NULL)
          ), created AS (
            INSERT INTO "Statement" ("id", "endorsementId", "structureId", "status", "updatedAt")
            SELECT gen_random_uuid()::text, ${run.id}, due.id, 'DRAFT', now() FROM due
            ON CONFLICT ("endorsementId", "structureId") DO NOTHING
            RETURNING 1
          )
          SELECT (SELECT count(*)::int FROM batch) AS seen, (SELECT max(id) FROM batch) AS last, (SELECT count(*)::int FROM created) AS created`;
        const finished = chunk.seen < limit;
        // Fresh statistics for the next steps: with the month's statements unknown to the planner, each chunk of lines would read them all.
        if (finished) await tx.$executeRaw`ANALYZE "Statement"`;
        return { processed: chunk.seen, cursor: chunk.last ?? cursor, finished, counts: { statements: chunk.created } };
      },
    },
    {
      name: 'lines',
      label: 'Lignes des relevés (pass endossables)',
      async total(tx, params) {
        const [{ n }] = await tx.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM "Pass" WHERE status = 'REDEEMED' AND "redeemedAt" < ${params.periodEnd}`;
        return n;
      },
      async chunk({ tx, params, cursor, limit }) {
        const run = await ownRun(tx, params);
        // Walks the passes still REDEEMED, by (redeemedAt, id): the index "Pass"(status, redeemedAt, id) serves it.
        const [afterAt, afterId] = cursor ? [new Date(cursor.slice(0, cursor.indexOf('|'))), cursor.slice(cursor.indexOf('|') + 1)] : [new Date(0), ''];
        const [chunk] = await tx.$queryRaw<{ seen: number; lastAt: Date | null; lastId: string | null; lines: number; cents: bigint | null }[]>`
           WITH batch AS (
             SELECT id, "redeemedAt" FROM "Pass"
              WHERE status = 'REDEEMED' AND "redeemedAt" < ${params.periodEnd} AND ("redeemedAt", id) > (${afterAt}, ${afterId})
              ORDER BY "redeemedAt", id LIMIT ${limit}
           ), inserted AS (
             INSERT INTO "StatementLine" ("id", "statementId", "scanId", "passId", "barcode", "scannedAt", "serviceLabel", "valueCents", "forced")
             SELECT gen_random_uuid()::text, st.id, sc.id, sc."passId", sc.barcode, sc."scannedAt", coalesce(o.title, ''), sc."valueCents", sc.forced
               FROM batch b
               JOIN "Scan" sc ON sc."passId" = b.id AND sc.outcome = 'ACCEPTED' AND sc."voidedAt" IS NULL
               JOIN "Statement" st ON st."endorsementId" = ${run.id} AND st."structureId" = sc."structureId" AND st.status = 'DRAFT'
               LEFT JOIN "Offer" o ON o.id = sc."offerId"
              WHERE sc."scannedAt" < ${params.periodEnd} AND ${NOT_HELD}
                AND NOT EXISTS (SELECT 1 FROM "StatementLine" l WHERE l."scanId" = sc.id)
             RETURNING "valueCents"
           ), last AS (SELECT "redeemedAt", id FROM batch ORDER BY "redeemedAt" DESC, id DESC LIMIT 1)
           SELECT (SELECT count(*)::int FROM batch) AS seen, (SELECT "redeemedAt" FROM last) AS "lastAt", (SELECT id FROM last) AS "lastId",
                  (SELECT count(*)::int FROM inserted) AS lines, (SELECT sum("valueCents") FROM inserted) AS cents`;
        const next = chunk.lastId ? `${chunk.lastAt!.toISOString()}|${chunk.lastId}` : cursor;
        // The totals and the closing read the month's lines: the planner should know how many there now are.
        if (chunk.seen < limit) await tx.$executeRaw`ANALYZE "StatementLine"`;
        return { processed: chunk.seen, cursor: next, finished: chunk.seen < limit, counts: { lines: chunk.lines, grossCents: Number(chunk.cents ?? 0) } };
      },
    },
    {
      name: 'totals',
      label: 'Totaux des relevés',
      async total(tx, params) {
        const [{ n }] = await tx.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM "Statement" st JOIN "Endorsement" e ON e.id = st."endorsementId" WHERE e.period = ${params.period} AND st.status = 'DRAFT'`;
        return n;
      },
      async chunk({ tx, params, cursor, limit }) {
        const run = await ownRun(tx, params);
        const statements = await tx.$queryRaw<{ id: string; structureId: string }[]>`
          SELECT id, "structureId" FROM "Statement" WHERE "endorsementId" = ${run.id} AND status = 'DRAFT' AND id > ${cursor ?? ''} ORDER BY id LIMIT ${limit}`;
        if (statements.length === 0) return { processed: 0, cursor, finished: true };
        const ids = statements.map((s) => s.id);
        const structureIds = statements.map((s) => s.structureId);
        // This draft's adjustments: those of its structures not yet on a statement (a voided scan already endorsed lands
        // on the structure's next statement, as a withheld payout is carried into it: whenever the void happened).
        await tx.$executeRaw`
          UPDATE "Adjustment" a SET "statementId" = st.id FROM "Statement" st
           WHERE st.id = ANY(${ids}) AND a."structureId" = st."structureId" AND a."statementId" IS NULL`;
        // Payouts that never reached the structure (withheld at export, returned by the bank) are carried into this draft.
        await tx.$executeRaw`
          UPDATE "Payout" po SET "carriedIntoId" = st.id FROM "Statement" st
           WHERE st.id = ANY(${ids}) AND po."structureId" = st."structureId" AND po.status IN ('WITHHELD', 'RETURNED') AND po."carriedIntoId" IS NULL`;
        const figures = await tx.$queryRaw<{ id: string; structureId: string; passCount: number; grossCents: bigint; adjustmentsCents: bigint; unpaidPayoutsCents: bigint; chargedCents: bigint; previousNetCents: number | null }[]>`
          SELECT st.id, st."structureId",
                 (SELECT count(*)::int FROM "StatementLine" l WHERE l."statementId" = st.id) AS "passCount",
                 (SELECT coalesce(sum(l."valueCents"), 0) FROM "StatementLine" l WHERE l."statementId" = st.id) AS "grossCents",
                 (SELECT coalesce(sum(a."amountCents"), 0) FROM "Adjustment" a WHERE a."statementId" = st.id) AS "adjustmentsCents",
                 (SELECT coalesce(sum(po."amountCents"), 0) FROM "Payout" po WHERE po."carriedIntoId" = st.id) AS "unpaidPayoutsCents",
                 (SELECT coalesce(sum(f."subscriptionCents"), 0) FROM "Statement" f WHERE f."structureId" = st."structureId" AND f.status = 'FINAL') AS "chargedCents",
                 (SELECT f."netCents" FROM "Statement" f JOIN "Endorsement" fe ON fe.id = f."endorsementId"
                   WHERE f."structureId" = st."structureId" AND f.status = 'FINAL' AND fe."periodStart" < ${params.periodStart}
                   ORDER BY fe."periodStart" DESC LIMIT 1) AS "previousNetCents"
            FROM "Statement" st WHERE st.id = ANY(${ids})`;
        const kits = await tx.subscription.findMany({ where: { structureId: { in: structureIds }, startedAt: { lt: params.periodEnd } } });
        // The kit fees are billed up to the month's last instant (a period begun on its last day counts).
        const lastInstant = new Date(params.periodEnd.getTime() - 1);
        const dueByStructure = new Map<string, number>();
        for (const k of kits) dueByStructure.set(k.structureId, (dueByStructure.get(k.structureId) ?? 0) + feesDueCents(k as KitBilling, lastInstant));

        const rows = figures.map((f) => ({
          id: f.id,
          passCount: f.passCount,
          ...statementTotals({
            grossCents: Number(f.grossCents),
            subscriptionDueCents: dueByStructure.get(f.structureId) ?? 0,
            subscriptionChargedCents: Number(f.chargedCents),
            adjustmentsCents: Number(f.adjustmentsCents),
            previousNetCents: f.previousNetCents,
            unpaidPayoutsCents: Number(f.unpaidPayoutsCents),
          }),
        }));
        const kept = rows.filter((r) => statementHasContent(r));
        const empty = rows.filter((r) => !statementHasContent(r)).map((r) => r.id);
        // A structure whose kit was fully charged already and which endorsed nothing has no statement this month.
        if (empty.length) await tx.$executeRaw`DELETE FROM "Statement" WHERE id = ANY(${empty}) AND status = 'DRAFT'`;
        if (kept.length) {
          await tx.$executeRaw`
            UPDATE "Statement" st SET "passCount" = v.pc, "grossCents" = v.gross, "feeCents" = v.fee, "subscriptionCents" = v.sub,
                   "adjustmentsCents" = v.adj, "carriedCents" = v.carried, "netCents" = v.net, "updatedAt" = now()
              FROM unnest(${kept.map((r) => r.id)}::text[], ${kept.map((r) => r.passCount)}::int[], ${kept.map((r) => r.grossCents)}::int[],
                          ${kept.map((r) => r.feeCents)}::int[], ${kept.map((r) => r.subscriptionCents)}::int[], ${kept.map((r) => r.adjustmentsCents)}::int[],
                          ${kept.map((r) => r.carriedCents)}::int[], ${kept.map((r) => r.netCents)}::int[])
                   AS v(id, pc, gross, fee, sub, adj, carried, net)
             WHERE st.id = v.id`;
        }
        return {
          processed: statements.length,
          cursor: statements.at(-1)!.id,
          finished: statements.length < limit,
          counts: { statements: kept.length, empty: empty.length, netCents: kept.reduce((sum, r) => sum + r.netCents, 0) },
        };
      },
    },
    {
      name: 'finish',
      label: 'Totaux du mois',
      async chunk({ tx, params, record }) {
        const run = await ownRun(tx, params);
        const [totals] = await tx.$queryRaw<Record<string, bigint | number>[]>`
          UPDATE "Endorsement" e SET status = 'PREPARED', "preparedAt" = now(), "updatedAt" = now(),
                 "statementCount" = t.statements, "passCount" = t.passes, "grossCents" = t.gross, "feeCents" = t.fee,
                 "subscriptionCents" = t.sub, "adjustmentsCents" = t.adj, "carriedCents" = t.carried, "netCents" = t.net, "payableCents" = t.payable
            FROM (SELECT count(*)::int AS statements, coalesce(sum("passCount"), 0)::int AS passes, coalesce(sum("grossCents"), 0) AS gross,
                         coalesce(sum("feeCents"), 0) AS fee, coalesce(sum("subscriptionCents"), 0) AS sub, coalesce(sum("adjustmentsCents"), 0) AS adj,
                         coalesce(sum("carriedCents"), 0) AS carried, coalesce(sum("netCents"), 0) AS net, coalesce(sum(greatest("netCents", 0)), 0) AS payable
                    FROM "Statement" WHERE "endorsementId" = ${run.id}) t
           WHERE e.id = ${run.id}
          RETURNING e."statementCount", e."passCount", e."grossCents", e."feeCents", e."subscriptionCents", e."netCents", e."payableCents"`;
        const figures = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Number(v)]));
        // One audit summary for the whole preparation, never one per statement or line.
        await record({ action: 'prepared', resource: 'endorsements', recordId: run.id, before: { status: 'PREPARING' }, after: { status: 'PREPARED', revision: params.revision, ...figures }, change: 'updated' });
        return { processed: 1, cursor: null, finished: true, counts: figures };
      },
    },
  ],
};
