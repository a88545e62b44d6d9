import type { AppConfig } from '../config/app-config';
import { createSponsorDocument } from '../documents/sponsor-documents';
import type { JobDefinition } from '../jobs/job-definition';
import { parseDayKey, todayKey } from '../jobs/job-keys';
import { passesCreditedLines, post } from '../ledger';
import { issuerFrom } from '../documents/issuer';

interface ExpiryParams {
  /** First instant of the key's day in Paris: a pass accepted until before it is past its grace date. */
  dayStart: Date;
}

interface ExpiredChunk {
  passes: number;
  last: string | null;
  ids: string[];
  /** Face value expired in this chunk, per sponsor: [{ sponsorId, cents }]. */
  sponsors: { sponsorId: string; cents: number }[];
}

/**
 * The nightly expiry (SPEC §3 "Pass lifecycle", "Orders", "Ledger"), key = a day AAAA-MM-JJ:
 * 1. `expire`: ACTIVE passes accepted until before that day (Paris) become EXPIRED; their face
 *    value leaves PASS_FLOAT and is credited to the sponsor (one PASSES_EXPIRED transaction per
 *    sponsor and chunk), and each order's creditedCents grows by its passes' value, all in the
 *    chunk's transaction.
 * 2. `close-orders`: ACTIVE orders with no pass left to use (none INACTIVE or ACTIVE, none still
 *    within its acceptance period) become CLOSED, with their credit note when something was
 *    credited back (expired or cancelled passes).
 * Both steps are chunked set-based SQL that only selects what is still to do, so a replayed
 * chunk finds nothing twice and a later day finds only what expired since.
 */
export function expirePassesJob(config: Parameters<typeof issuerFrom>[0]): JobDefinition<ExpiryParams> {
  return {
    name: 'expire-passes',
    label: 'Expiration des pass et clôture des commandes',
    keyDescription: 'un jour AAAA-MM-JJ : les pass actifs dont l’acceptation a pris fin avant ce jour (heure de Paris) expirent et leur valeur est créditée au commanditaire',
    cronSetting: 'JOB_EXPIRE_PASSES_CRON',
    defaultKey: todayKey,
    parseKey: parseDayKey,
    steps: [
      {
        name: 'expire',
        label: 'Pass expirés',
        async total(tx, { dayStart }) {
          const [{ n }] = await tx.$queryRaw<{ n: number }[]>`
            SELECT count(*)::int AS n FROM "Pass" WHERE status = 'ACTIVE' AND "acceptedUntil" < ${dayStart}`;
          return n;
        },
        async chunk({ tx, params: { dayStart }, cursor, limit }) {
          // One statement: the passes of the chunk expire, each order's credit grows by their value,
          // and the face value comes back aggregated per sponsor for the ledger.
          const [chunk] = await tx.$queryRaw<ExpiredChunk[]>`
            WITH batch AS (
              SELECT id FROM "Pass"
               WHERE status = 'ACTIVE' AND "acceptedUntil" < ${dayStart} AND id > ${cursor ?? ''}
               ORDER BY id LIMIT ${limit}
                 FOR UPDATE
            ), expired AS (
              UPDATE "Pass" p SET status = 'EXPIRED', "updatedAt" = now()
                FROM batch WHERE p.id = batch.id AND p.status = 'ACTIVE'
              RETURNING p.id, p."orderId", p."faceValueCents"
            ), per_order AS (
              SELECT e."orderId", o."sponsorId", sum(e."faceValueCents")::bigint AS cents
                FROM expired e JOIN "Order" o ON o.id = e."orderId"
               GROUP BY e."orderId", o."sponsorId"
            ), credited AS (
              UPDATE "Order" o SET "creditedCents" = o."creditedCents" + per_order.cents, "updatedAt" = now()
                FROM per_order WHERE o.id = per_order."orderId"
              RETURNING o.id
            )
            SELECT (SELECT count(*)::int FROM expired) AS passes,
                   (SELECT max(id) FROM expired) AS last,
                   (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM expired) AS ids,
                   (SELECT coalesce(json_agg(json_build_object('sponsorId', s."sponsorId", 'cents', s.cents) ORDER BY s."sponsorId"), '[]'::json)
                      FROM (SELECT "sponsorId", sum(cents)::bigint AS cents FROM per_order GROUP BY "sponsorId") s) AS sponsors,
                   (SELECT count(*)::int FROM credited) AS orders`;
          let cents = 0;
          // One transaction per sponsor of the chunk (a few at most), beside the state change.
          for (const { sponsorId, cents: value } of chunk.sponsors) {
            await post(tx, { event: 'PASSES_EXPIRED', resource: 'sponsors', recordId: sponsorId, lines: passesCreditedLines(sponsorId, Number(value)) });
            cents += Number(value);
          }
          return {
            processed: chunk.passes,
            cursor: chunk.last ?? cursor,
            finished: chunk.passes < limit,
            counts: { passes: chunk.passes, cents },
            changed: { resource: 'passes', type: 'updated', ids: chunk.ids },
          };
        },
      },
      {
        name: 'close-orders',
        label: 'Commandes clôturées',
        async total(tx, { dayStart }) {
          const [{ n }] = await tx.$queryRaw<{ n: number }[]>`
            SELECT count(*)::int AS n FROM "Order" o
             WHERE o.status = 'ACTIVE'
               AND NOT EXISTS (SELECT 1 FROM "Pass" p WHERE p."orderId" = o.id AND (p.status IN ('INACTIVE', 'ACTIVE') OR p."acceptedUntil" >= ${dayStart}))`;
          return n;
        },
        async chunk({ tx, params: { dayStart }, cursor, limit }) {
          // A pass still within its acceptance period keeps its order open even when redeemed: a
          // voided scan may give it back to its holder.
          const closed = await tx.$queryRaw<{ id: string; creditedCents: number }[]>`
            WITH batch AS (
              SELECT o.id FROM "Order" o
               WHERE o.status = 'ACTIVE' AND o.id > ${cursor ?? ''}
                 AND NOT EXISTS (SELECT 1 FROM "Pass" p WHERE p."orderId" = o.id AND (p.status IN ('INACTIVE', 'ACTIVE') OR p."acceptedUntil" >= ${dayStart}))
               ORDER BY o.id LIMIT ${limit}
                 FOR UPDATE OF o
            ), closed AS (
              UPDATE "Order" o SET status = 'CLOSED', "closedAt" = now(), "updatedAt" = now()
                FROM batch WHERE o.id = batch.id AND o.status = 'ACTIVE'
              RETURNING o.id, o."creditedCents"
            )
            SELECT id, "creditedCents" FROM closed ORDER BY id`;
          const issuer = issuerFrom(config);
          const at = new Date();
          let creditNotes = 0;
          let creditedCents = 0;
          // One credit note per closed order that got something back: orders, not passes, so a handful per night.
          for (const order of closed) {
            if (order.creditedCents <= 0) continue;
            const note = await createSponsorDocument(tx, 'SPONSOR_CREDIT_NOTE', order.id, issuer, at);
            creditNotes += 1;
            creditedCents += note.amountCents;
          }
          return {
            processed: closed.length,
            cursor: closed.at(-1)?.id ?? cursor,
            finished: closed.length < limit,
            counts: { orders: closed.length, creditNotes, creditedCents },
            changed: { resource: 'orders', type: 'updated', ids: closed.map((o) => o.id) },
          };
        },
      },
    ],
  };
}
