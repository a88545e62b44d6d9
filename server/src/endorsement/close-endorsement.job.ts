import { DateTime } from 'luxon';
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import type { JobDefinition, JobStep } from '../jobs/job-definition';
import type { Tx } from '../writes/write-path';
import { reserveDocumentNumbers } from '../ledger/document-numbers';
import { BUSINESS_ZONE } from '../rules/dates';
import { parsePeriod, type Period } from './period';
import { issuerFrom } from '../documents/issuer';
import type { StatementSnapshot } from '../documents/statement.pdf';
import { maskIban } from '../rest/masking';
import { FEE_RATE_BP } from '../rules/money';
import { payoutWithheldReason } from '../rules/bank';
import type { PdfRenderer } from '../documents/pdf-renderer';
import { renderStatementDocument, statementDocuments, storeStatementPdf, type StatementDocument } from '../documents/statement-pdfs';

/** Lines of the draft that are no longer endorsable: the scan was voided, its pass changed, or a dispute holds it. */
const STALE_LINE = Prisma.raw(`(sc."voidedAt" IS NOT NULL OR p.status <> 'REDEEMED'
   OR EXISTS (SELECT 1 FROM "DisputeItem" di JOIN "Dispute" d ON d.id = di."disputeId" WHERE di."scanId" = sc.id AND d.status IN ('OPEN', 'INVESTIGATING'))
   OR EXISTS (SELECT 1 FROM "DisputeItem" di JOIN "Dispute" d ON d.id = di."disputeId" WHERE di."passId" = sc."passId" AND d.status IN ('OPEN', 'INVESTIGATING')))`);

/** The month being closed, row-locked; anything else than CLOSING stops the run. */
async function closingRun(tx: Tx, params: Period) {
  const [run] = await tx.$queryRaw<{ id: string; status: string; statementCount: number; passCount: number; grossCents: bigint; payableCents: bigint }[]>`
    SELECT id, status::text, "statementCount", "passCount", "grossCents", "payableCents" FROM "Endorsement" WHERE period = ${params.period} FOR UPDATE`;
  if (!run || run.status !== 'CLOSING') throw new Error(`le mois ${params.period} n’est pas en clôture (${run ? `statut ${run.status}` : 'aucun brouillon'}).`);
  return run;
}

/**
 * Closing a prepared month (SPEC §3 "Endorsement", "Ledger"), key = the month "AAAA-MM". FINANCE's
 * « Clôturer » (POST /api/endorsements/:id/close, which names the draft it confirms) marks the
 * month CLOSING; this job then closes it in three steps:
 * 1. « Pass endossés »: the statements' passes become ENDORSED in chunks of whole statements (a
 *    million passes is minutes of index writes: chunks keep each transaction, and the row locks
 *    a scan of one of those passes would wait for, short), each chunk's statements checked first
 *    (a draft gone stale meanwhile, a scan voided or a dispute opened, is refused). No money
 *    moves in this step.
 * 2. « Numérotation, écritures, virements », in ONE transaction: the statements get their
 *    gap-free numbers of the year (in the order of the structures' names) and become FINAL,
 *    one MONTH_CLOSED ledger transaction per statement moves the downstream fee and the kit
 *    fees out of the structure's account, one payout per statement with a positive net is
 *    created (PENDING, or WITHHELD with the reason when the structure's bank details are not
 *    valid), and the month is CLOSED.
 * 3. « Relevés PDF »: each statement's PDF is rendered from its snapshot (in the renderer's
 *    worker thread, off the event loop, before the chunk's transaction) and stored, in chunks of
 *    whole statements of about `JOB_CHUNK_SIZE` lines. The month is already closed: exports and
 *    payments may go on meanwhile.
 * A failure before the month is CLOSED gives everything back: the passes endorsed so far are
 * REDEEMED again, the month returns to its draft (to be recomputed if it went stale) and the
 * next « Clôturer » starts over. A crash leaves the month CLOSING with its statements unnumbered
 * and no ledger line, at most some of its passes already ENDORSED: « Clôturer » again resumes the
 * run at its last committed chunk and closes it. A failure or a crash while rendering leaves the
 * month CLOSED, its missing PDFs rendered at their download; « Reprendre la clôture » renders the
 * rest from the last committed chunk.
 */
export function closeEndorsementJob(config: Parameters<typeof issuerFrom>[0], renderer: PdfRenderer): JobDefinition<Period> {
  const pdfsStep = renderStatementsStep(renderer);
  return {
    name: 'endorsement-close',
    label: 'Clôture de l’endossement mensuel',
    keyDescription: 'un mois AAAA-MM préparé',
    startedFrom: 'depuis la page de l’endossement (« Clôturer »)',
    defaultKey: () => '',
    parseKey: parsePeriod,
    failureHint: 'Le mois est revenu à son brouillon : rien n’a été clôturé.',
    async onFailure({ tx, params, record }) {
      // A failure (not a crash: that resumes) gives everything back: the passes endorsed so far become REDEEMED again
      // (no money moved with them), the month returns to its draft, and the next « Clôturer » starts over.
      await tx.$executeRaw`
        UPDATE "Pass" p SET status = 'REDEEMED', "updatedAt" = now()
          FROM "StatementLine" l JOIN "Statement" st ON st.id = l."statementId" JOIN "Endorsement" e ON e.id = st."endorsementId"
         WHERE e.period = ${params.period} AND e.status = 'CLOSING' AND st.status = 'DRAFT' AND p.id = l."passId" AND p.status = 'ENDORSED'`;
      const reopened = await tx.$queryRaw<{ id: string }[]>`
        UPDATE "Endorsement" SET status = 'PREPARED', "closedById" = NULL, "closedByName" = NULL, "updatedAt" = now()
         WHERE period = ${params.period} AND status = 'CLOSING' RETURNING id`;
      for (const { id } of reopened) await record({ action: 'close-failed', resource: 'endorsements', recordId: id, before: { status: 'CLOSING' }, after: { status: 'PREPARED' }, change: 'updated' });
      if (reopened.length) return { restart: true };
      // Failed while rendering the PDFs: the month is closed and stays so.
      return { hint: 'Le mois est clos : ses relevés sans PDF enregistré sont rendus à leur téléchargement. « Reprendre la clôture » rend les autres.' };
    },
    steps: [
      {
        name: 'endorse',
        label: 'Pass endossés',
        async total(tx, params) {
          const [run] = await tx.$queryRaw<{ passCount: number }[]>`SELECT "passCount" FROM "Endorsement" WHERE period = ${params.period}`;
          return run?.passCount ?? 0;
        },
        async chunk({ tx, params, cursor, limit }) {
          const run = await closingRun(tx, params);
          // Whole statements (by id) up to about `limit` passes, at least one: their passes become ENDORSED.
          const { ids, more } = await wholeStatements(tx, run.id, cursor, limit, { draftsOnly: true });
          const last = ids.at(-1) ?? cursor;
          // Before their passes change, these statements must still be what FINANCE confirmed (checked chunk by chunk, by index).
          const [{ stale }] = await tx.$queryRaw<{ stale: number }[]>`
            SELECT count(*)::int AS stale FROM "StatementLine" l JOIN "Scan" sc ON sc.id = l."scanId" JOIN "Pass" p ON p.id = l."passId"
             WHERE l."statementId" = ANY(${ids}::text[]) AND ${STALE_LINE}`;
          if (stale > 0) {
            throw new Error(`${stale} ligne${stale > 1 ? 's du brouillon ne sont' : ' du brouillon n’est'} plus endossable${stale > 1 ? 's' : ''} (scan annulé ou litige ouvert depuis le calcul) : recalculez le mois, puis clôturez-le`);
          }
          // The statements' ids as a list: the planner then walks their lines by index (a subquery would make it read every line of every month).
          const endorsed = ids.length
            ? await tx.$executeRaw`
                UPDATE "Pass" p SET status = 'ENDORSED', "updatedAt" = now()
                  FROM "StatementLine" l WHERE l."statementId" = ANY(${ids}::text[]) AND p.id = l."passId" AND p.status = 'REDEEMED'`
            : 0;
          return { processed: endorsed, cursor: last, finished: !more, counts: { passes: endorsed } };
        },
      },
      {
        name: 'close',
        label: 'Numérotation, écritures comptables, virements',
        async total() {
          return 1;
        },
        async chunk({ tx, params, record }) {
          const run = await closingRun(tx, params);
          // Every line's pass was endorsed by the step before (a pass changed meanwhile would have been left REDEEMED or other).
          const [{ missing, endorsed }] = await tx.$queryRaw<{ missing: number; endorsed: number }[]>`
            SELECT count(*) FILTER (WHERE p.status <> 'ENDORSED')::int AS missing, count(*) FILTER (WHERE p.status = 'ENDORSED')::int AS endorsed
              FROM "StatementLine" l JOIN "Statement" st ON st.id = l."statementId" JOIN "Pass" p ON p.id = l."passId"
             WHERE st."endorsementId" = ${run.id}`;
          if (missing > 0 || endorsed !== run.passCount) throw new Error(`${endorsed} pass endossé${endorsed > 1 ? 's' : ''} pour ${run.passCount} ligne${run.passCount > 1 ? 's' : ''} : le brouillon ne correspond plus, recalculez le mois`);

          const closedAt = new Date();
          const year = DateTime.fromJSDate(closedAt, { zone: BUSINESS_ZONE }).year;
          const [{ n }] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Statement" WHERE "endorsementId" = ${run.id} AND status = 'DRAFT'`;
          // The year's next numbers, in one block under the counter's row lock: no gap, no duplicate.
          const first = n > 0 ? await reserveDocumentNumbers(tx, 'STATEMENT', year, n) : 0;
          const numbered = await tx.$executeRaw`
            UPDATE "Statement" st SET status = 'FINAL', year = ${year}, sequence = ${first - 1} + r.rn,
                   number = ${String(year)} || '-' || lpad((${first - 1} + r.rn)::text, 6, '0'), "issuedAt" = ${closedAt}, "updatedAt" = ${closedAt}
              FROM (SELECT st2.id, row_number() OVER (ORDER BY s.name, st2.id)::int AS rn
                      FROM "Statement" st2 JOIN "Structure" s ON s.id = st2."structureId"
                     WHERE st2."endorsementId" = ${run.id} AND st2.status = 'DRAFT') r
             WHERE st.id = r.id`;

          // What each statement says, frozen now (its PDF is rendered from it): issuer, structure and masked account as they are today.
          const issuer = issuerFrom(config);
          const frozen = await tx.$queryRaw<{ id: string; number: string; passCount: number; grossCents: number; feeCents: number; subscriptionCents: number; adjustmentsCents: number; carriedCents: number; netCents: number; name: string; siret: string; addressLine: string; postalCode: string; city: string; bankHolder: string; iban: string; bic: string }[]>`
            SELECT st.id, st.number, st."passCount", st."grossCents", st."feeCents", st."subscriptionCents", st."adjustmentsCents", st."carriedCents", st."netCents",
                   s.name, s.siret, s."addressLine", s."postalCode", s.city, s."bankHolder", s.iban, s.bic
              FROM "Statement" st JOIN "Structure" s ON s.id = st."structureId" WHERE st."endorsementId" = ${run.id}`;
          // The adjustments each statement deducts, with their reasons (at most a few per structure).
          const adjustments = await tx.adjustment.findMany({
            where: { statement: { endorsementId: run.id } },
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            select: { statementId: true, reason: true, amountCents: true },
          });
          const adjustmentsByStatement = new Map<string, { reason: string; amountCents: number }[]>();
          for (const { statementId, reason, amountCents } of adjustments) adjustmentsByStatement.set(statementId!, [...(adjustmentsByStatement.get(statementId!) ?? []), { reason, amountCents }]);
          const adjustmentsOf = (id: string) => adjustmentsByStatement.get(id) ?? [];
          const snapshots = frozen.map((r): StatementSnapshot => ({
            number: r.number,
            issuedAt: closedAt.toISOString(),
            period: params.period,
            periodStart: params.periodStart.toISOString(),
            periodEnd: params.periodEnd.toISOString(),
            issuer,
            structure: { name: r.name, siret: r.siret, addressLine: r.addressLine, postalCode: r.postalCode, city: r.city, bankHolder: r.bankHolder, ibanMasked: String(maskIban(r.iban)), bic: r.bic },
            totals: { passCount: r.passCount, grossCents: r.grossCents, feeRateBp: FEE_RATE_BP, feeCents: r.feeCents, subscriptionCents: r.subscriptionCents, adjustmentsCents: r.adjustmentsCents, carriedCents: r.carriedCents, netCents: r.netCents, payableCents: Math.max(0, r.netCents) },
            ...(r.adjustmentsCents !== 0 ? { adjustments: adjustmentsOf(r.id) } : {}),
          }));
          if (frozen.length) {
            await tx.$executeRaw`
              UPDATE "Statement" st SET snapshot = v.snap::jsonb FROM unnest(${frozen.map((r) => r.id)}::text[], ${snapshots.map((x) => JSON.stringify(x))}::text[]) AS v(id, snap)
               WHERE st.id = v.id`;
          }

          // One payout per statement with a positive net, to the account the statement shows; withheld, with the reason, when that account is not valid.
          const due = frozen.filter((r) => r.netCents > 0);
          const reasons = due.map((r) => payoutWithheldReason(r));
          const payouts = due.length
            ? await tx.$executeRaw`
                INSERT INTO "Payout" ("id", "statementId", "endorsementId", "structureId", "amountCents", "status", "withheldReason", "bankHolder", "iban", "bic", "endToEndId", "createdAt", "updatedAt")
                SELECT gen_random_uuid()::text, st.id, st."endorsementId", st."structureId", st."netCents",
                       (CASE WHEN v.reason IS NULL THEN 'PENDING' ELSE 'WITHHELD' END)::"PayoutStatus", v.reason,
                       CASE WHEN v.reason IS NULL THEN s."bankHolder" END, CASE WHEN v.reason IS NULL THEN s.iban END, CASE WHEN v.reason IS NULL THEN s.bic END,
                       'APTIC-' || st.number, ${closedAt}, ${closedAt}
                  FROM unnest(${due.map((r) => r.id)}::text[], ${reasons}::text[]) AS v(id, reason)
                  JOIN "Statement" st ON st.id = v.id JOIN "Structure" s ON s.id = st."structureId"`
            : 0;
          const withheld = reasons.filter((r) => r !== null).length;

          // One balanced MONTH_CLOSED transaction per statement that charges something, all in one statement.
          const posted = await tx.$executeRaw`
            WITH t AS MATERIALIZED (
              SELECT st.id, st."structureId", st."feeCents" AS fee, st."subscriptionCents" AS sub, gen_random_uuid()::text AS tid
                FROM "Statement" st WHERE st."endorsementId" = ${run.id} AND st."feeCents" + st."subscriptionCents" > 0
            )
            INSERT INTO "LedgerEntry" ("id", "transactionId", "account", "debitCents", "creditCents", "event", "resource", "recordId", "createdAt")
            SELECT gen_random_uuid()::text, t.tid, x.account, x.debit, x.credit, 'MONTH_CLOSED', 'statements', t.id, ${closedAt}
              FROM t CROSS JOIN LATERAL (VALUES ('STRUCTURE:' || t."structureId", t.fee + t.sub, 0),
                                                ('FEES_DOWNSTREAM', 0, t.fee),
                                                ('SUBSCRIPTIONS', 0, t.sub)) AS x(account, debit, credit)
             WHERE x.debit > 0 OR x.credit > 0`;

          await tx.$executeRaw`UPDATE "Endorsement" SET status = 'CLOSED', "closedAt" = ${closedAt}, "updatedAt" = ${closedAt} WHERE id = ${run.id}`;
          const figures = { statementCount: numbered, passCount: endorsed, payouts, withheld, ledgerLines: posted, grossCents: Number(run.grossCents), payableCents: Number(run.payableCents) };
          // One audit summary for the whole closing (never one per pass).
          await record({
            action: 'closed',
            resource: 'endorsements',
            recordId: run.id,
            before: { status: 'CLOSING' },
            after: { status: 'CLOSED', numbers: n ? `${year}-${String(first).padStart(6, '0')} à ${year}-${String(first + n - 1).padStart(6, '0')}` : null, ...figures },
            change: 'updated',
          });
          return { processed: 1, cursor: null, finished: true, counts: figures };
        },
      },
      pdfsStep,
    ],
  };
}

/**
 * The next statements of a month (by id, after `cursor`), whole, up to about `limit` lines and at
 * least one: how both the endorse and the PDF steps cut their chunks. `more`: statements are left after these.
 */
async function wholeStatements(db: Tx | PrismaClient, endorsementId: string, cursor: string | null, limit: number, { draftsOnly }: { draftsOnly: boolean }) {
  // `remaining` counts the statements still to do, this chunk's included.
  const batch = await db.$queryRaw<{ id: string; remaining: number }[]>`
    SELECT id, remaining FROM (
      SELECT id, "passCount", sum("passCount") OVER (ORDER BY id) AS upto, count(*) OVER ()::int AS remaining
        FROM "Statement" WHERE "endorsementId" = ${endorsementId} AND (${!draftsOnly} OR status = 'DRAFT') AND id > ${cursor ?? ''}
    ) ranked WHERE upto - "passCount" < ${limit} ORDER BY id`;
  const ids = batch.map((b) => b.id);
  return { ids, more: (batch[0]?.remaining ?? 0) > ids.length };
}

/** A chunk's statements and their PDFs, rendered before its transaction. */
interface RenderedChunk {
  ids: string[];
  finished: boolean;
  rendered: { document: StatementDocument; bytes: Buffer }[];
}

/** Months whose statements have their numbers: closed, and maybe exported or paid since (the PDFs do not hold them up). */
const NUMBERED_MONTH = ['CLOSED', 'EXPORTED', 'PAID'];

/**
 * « Relevés PDF »: whole statements (by id) up to about `limit` lines, at least one, as the endorse
 * step cuts them, rendered in the renderer's worker before the chunk's transaction (no transaction
 * waits on pdfmake), then stored in it.
 */
function renderStatementsStep(renderer: PdfRenderer): JobStep<Period, RenderedChunk> {
  return {
    name: 'pdfs',
    label: 'Relevés PDF',
    async total(tx, params) {
      const [{ n }] = await tx.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM "Statement" st JOIN "Endorsement" e ON e.id = st."endorsementId" WHERE e.period = ${params.period}`;
      return n;
    },
    async prepare({ db, params, cursor, limit }) {
      const [month] = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "Endorsement" WHERE period = ${params.period}`;
      const { ids, more } = month ? await wholeStatements(db, month.id, cursor, limit, { draftsOnly: false }) : { ids: [], more: false };
      const documents = await statementDocuments(db, ids);
      const rendered: RenderedChunk['rendered'] = [];
      // One at a time: the worker renders one anyway. A chunk holds about `limit` lines of PDFs.
      for (const id of ids) {
        const document = documents.get(id);
        if (!document) throw new Error(`le relevé ${id} n’a pas de photographie de clôture`);
        rendered.push({ document, bytes: await renderStatementDocument(renderer, document) });
      }
      return { ids, finished: !more, rendered };
    },
    async chunk({ tx, params, cursor, prepared }) {
      // No lock on the month: it is closed, and exporting or paying it need not wait for its PDFs.
      const [run] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM "Endorsement" WHERE period = ${params.period}`;
      if (!run || !NUMBERED_MONTH.includes(run.status)) throw new Error(`le mois ${params.period} n’est pas clos (${run ? `statut ${run.status}` : 'aucun endossement'}).`);
      let bytes = 0;
      for (const { document, bytes: pdf } of prepared.rendered) {
        await storeStatementPdf(tx, document, pdf);
        bytes += pdf.length;
      }
      return { processed: prepared.ids.length, cursor: prepared.ids.at(-1) ?? cursor, finished: prepared.finished, counts: { pdfs: prepared.ids.length, kilobytes: Math.round(bytes / 1024) } };
    },
  };
}
