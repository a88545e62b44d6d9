import type { JobDefinition } from '../jobs/job-definition';
import { reserveDocumentNumbers } from '../ledger/document-numbers';
import type { Tx } from '../writes/write-path';
import { acceptedUntilOf } from '../rules/orders';

interface IssueParams {
  orderId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The 13-digit barcode of a new pass, drawn by PostgreSQL (SPEC §3 "Barcodes"): "2", an
 * 11-digit serial from 60 random bits of gen_random_uuid() (a CSPRNG; the version and variant
 * nibbles are skipped) so a pass's number tells nothing of another's, then the GS1 mod-10 check
 * digit (weights 1, 3, 1, … over the first 12 digits). server/src/rules/barcode.ts is the same
 * rule in TypeScript; the tests check every issued barcode against it. `perRow` names a column
 * of the row being inserted: the subquery refers to it, so PostgreSQL draws once per row (an
 * uncorrelated subquery is evaluated once per statement, giving every row the same code).
 */
const digitsAt = (positions: number[]) => positions.map((i) => `substr(d.f, ${i}, 1)::int`).join(' + ');
export const newBarcodeSql = (perRow: string) => `(
  SELECT d.f || ((10 - ((${digitsAt([1, 3, 5, 7, 9, 11])}) + 3 * (${digitsAt([2, 4, 6, 8, 10, 12])})) % 10) % 10)::text
    FROM (SELECT '2' || lpad(((('x' || substr(replace(gen_random_uuid()::text, '-', ''), 18, 15))::bit(60)::bigint) % 100000000000)::text, 11, '0') AS f
           WHERE ${perRow} IS NOT NULL) d
)`;

/**
 * Issuing an order (SPEC §3 "Orders"): its booklets, numbered from the block reserved for it,
 * then 10 passes in each, then the order waits for payment. Every step is set-based SQL in
 * chunks and idempotent: booklets are keyed by their number, and a chunk of passes fills each
 * booklet up to its count, so a run replayed after a crash never makes a duplicate or leaves a
 * booklet short. Barcodes are unique in the database: a collision is skipped and drawn again.
 */
export const issueOrderJob: JobDefinition<IssueParams> = {
  name: 'issue-order',
  label: 'Émission d’une commande (carnets et pass)',
  keyDescription: 'l’identifiant de la commande à émettre',
  startedFrom: 'depuis la page de la commande (« Émettre »)',
  defaultKey: () => '',
  parseKey(key) {
    return UUID.test(key) ? { ok: true, params: { orderId: key } } : { ok: false, error: `« ${key.slice(0, 40)} » n’est pas l’identifiant d’une commande.` };
  },
  steps: [
    {
      name: 'booklets',
      label: 'Carnets numérotés',
      async total(tx, { orderId }) {
        return (await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { bookletCount: true } })).bookletCount;
      },
      async chunk({ tx, params: { orderId }, cursor, limit }) {
        const order = await issuable(tx, orderId, { reserved: false });
        // The first chunk reserves the order's block of booklet numbers, committed with it.
        const first = order.firstBookletSequence ?? (await reserveBookletNumbers(tx, orderId, order.validityYear, order.bookletCount));
        const last = first + order.bookletCount - 1;
        const from = cursor === null ? first : Number(cursor) + 1;
        const to = Math.min(last, from + limit - 1);
        if (from > last) return { processed: 0, cursor, finished: true };
        const created = await tx.$executeRaw`
          INSERT INTO "Booklet" ("id", "number", "sequence", "orderId", "createdAt", "updatedAt")
          SELECT gen_random_uuid()::text, 'C-' || ${order.validityYear}::int || '-' || lpad(seq::text, 6, '0'), seq, ${orderId}, now(), now()
            FROM generate_series(${from}::int, ${to}::int) seq
          ON CONFLICT ("number") DO NOTHING`;
        return { processed: to - from + 1, cursor: String(to), finished: to >= last, counts: { booklets: created } };
      },
    },
    {
      name: 'passes',
      label: 'Pass générés',
      async total(tx, { orderId }) {
        const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { bookletCount: true, passesPerBooklet: true } });
        return order.bookletCount * order.passesPerBooklet;
      },
      async chunk({ tx, params: { orderId }, cursor, limit }) {
        const order = await issuable(tx, orderId);
        const booklets = Math.max(1, Math.floor(limit / order.passesPerBooklet));
        const acceptedUntil = acceptedUntilOf(order.validityYear);
        const [{ last, n }] = await tx.$queryRaw<{ last: string | null; n: number }[]>`
          SELECT max(number) AS last, count(*)::int AS n FROM (
            SELECT number FROM "Booklet" WHERE "orderId" = ${orderId} AND number > ${cursor ?? ''} ORDER BY number LIMIT ${booklets}
          ) b`;
        if (!last) return { processed: 0, cursor, finished: true };
        let inserted = 0;
        // Fill each booklet of the chunk up to its count; a barcode already taken is skipped by
        // ON CONFLICT and drawn again on the next round (1 in 10^5 at a million passes).
        for (let round = 0; round < 20; round++) {
          const added = await tx.$executeRawUnsafe(
            `INSERT INTO "Pass" ("id", "barcode", "bookletId", "orderId", "sponsorId", "faceValueCents", "status", "validityYear", "acceptedUntil", "createdAt", "updatedAt")
             SELECT gen_random_uuid()::text, ${newBarcodeSql('k')}, b.id, $1, $2, $3, 'INACTIVE', $4, $5, now(), now()
               FROM "Booklet" b
               CROSS JOIN LATERAL generate_series(1, $6 - (SELECT count(*)::int FROM "Pass" p WHERE p."bookletId" = b.id)) k
              WHERE b."orderId" = $1 AND b.number > $7 AND b.number <= $8
             ON CONFLICT ("barcode") DO NOTHING`,
            orderId,
            order.sponsorId,
            order.passValueCents,
            order.validityYear,
            acceptedUntil,
            order.passesPerBooklet,
            cursor ?? '',
            last,
          );
          inserted += added;
          const [{ missing }] = await tx.$queryRaw<{ missing: number }[]>`
            SELECT count(*)::int AS missing FROM "Booklet" b
             WHERE b."orderId" = ${orderId} AND b.number > ${cursor ?? ''} AND b.number <= ${last}
               AND (SELECT count(*) FROM "Pass" p WHERE p."bookletId" = b.id) < ${order.passesPerBooklet}`;
          if (missing === 0) break;
          if (round === 19) throw new Error(`${missing} carnet(s) incomplets après 20 tirages de codes-barres`);
        }
        return { processed: n * order.passesPerBooklet, cursor: last, finished: n < booklets, counts: { passes: inserted } };
      },
    },
    {
      name: 'finish',
      label: 'Commande en attente de paiement',
      async chunk({ tx, params: { orderId }, record }) {
        const order = await issuable(tx, orderId);
        const [{ booklets, passes }] = await tx.$queryRaw<{ booklets: number; passes: number }[]>`
          SELECT (SELECT count(*)::int FROM "Booklet" WHERE "orderId" = ${orderId}) AS booklets,
                 (SELECT count(*)::int FROM "Pass" WHERE "orderId" = ${orderId}) AS passes`;
        if (booklets !== order.bookletCount || passes !== order.bookletCount * order.passesPerBooklet) {
          throw new Error(`la commande ${order.reference} compte ${booklets} carnet(s) et ${passes} pass au lieu de ${order.bookletCount} et ${order.bookletCount * order.passesPerBooklet}`);
        }
        const issued = await tx.order.update({ where: { id: orderId }, data: { status: 'AWAITING_PAYMENT', issuedAt: new Date() } });
        await record({ action: 'issue', resource: 'orders', recordId: orderId, before: { status: order.status }, after: { status: issued.status, booklets, passes } });
        return { processed: 1, cursor: null, finished: true, counts: { orders: 1 } };
      },
    },
  ],
};

/** The order being issued: still a draft (with its booklet numbers reserved, past the first step), or the run stops. */
async function issuable(tx: Tx, orderId: string, { reserved } = { reserved: true }) {
  const order = await tx.order.findUnique({ where: { id: orderId } });
  if (!order) throw new Error('commande introuvable');
  if (order.status !== 'DRAFT') throw new Error(`la commande ${order.reference} n’est plus un brouillon (${order.status})`);
  if (reserved && order.firstBookletSequence === null) throw new Error(`la commande ${order.reference} n’a pas de numéros de carnets réservés`);
  return order;
}

/** Takes the next `count` booklet numbers of the validity year (row lock on the counter) for the order. */
async function reserveBookletNumbers(tx: Tx, orderId: string, validityYear: number, count: number): Promise<number> {
  const first = await reserveDocumentNumbers(tx, 'BOOKLET', validityYear, count);
  if (first + count - 1 > 999_999) throw new Error(`plus de numéros de carnets disponibles pour ${validityYear}`);
  await tx.order.update({ where: { id: orderId }, data: { firstBookletSequence: first } });
  return first;
}
