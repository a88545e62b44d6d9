// Fixtures shared by the scanning benchmarks (bench:scans, bench:live): a scratch PostgreSQL
// database, scanner structures (eligible, with a running kit, an approved 10 € offer and a
// partner key) and many ACTIVE passes made with set-based SQL, and the statistics they print.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';
import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { newBarcodeSql } from '../../server/src/emission/issue-order.job';
import { orderActivatedLines, post } from '../../server/src/ledger';
import { issuePartnerKey } from '../../server/src/partner/partner-keys';
import { acceptedUntilOf, orderAmounts } from '../../server/src/rules/orders';

export { scratchDatabase } from './scratch';

/** A structure as a scanner uses it: its partner key and one approved offer at 10 € (one pass). */
export interface Scanner {
  structureId: string;
  name: string;
  key: string;
  offerId: string;
}

/**
 * `count` eligible structures made like a demo one (its identity with another SIRET and name),
 * each with an ACTIVE monthly kit, an approved 10 € offer and a fresh partner key.
 */
export async function makeScanners(prisma: PrismaClient, count: number): Promise<Scanner[]> {
  const template = await prisma.structure.findFirstOrThrow({ where: { status: 'ELIGIBLE' }, orderBy: { name: 'asc' } });
  const service = await prisma.referentialService.findFirstOrThrow({ where: { active: true }, orderBy: { code: 'asc' } });
  const { id: _id, createdAt: _c, updatedAt: _u, ...identity } = template;
  const scanners: Scanner[] = [];
  for (let i = 0; i < count; i++) {
    scanners.push(
      await prisma.$transaction(async (tx) => {
        const name = `Banc d’essai ${String(i + 1).padStart(2, '0')}`;
        const structure = await tx.structure.create({ data: { ...identity, name, siret: `9${String(Date.now()).slice(-9)}${String(i).padStart(4, '0')}` } });
        await tx.subscription.create({ data: { structureId: structure.id, plan: 'MONTHLY', status: 'ACTIVE', feeCents: 840, startedAt: new Date() } });
        const offer = await tx.offer.create({
          data: { structureId: structure.id, serviceId: service.id, title: `${service.label} (10 €)`, priceCents: 1000, durationMinutes: 60, status: 'APPROVED', validation: 'AUTO' },
        });
        const key = await issuePartnerKey(tx, structure.id, null);
        return { structureId: structure.id, name, key: key.key, offerId: offer.id };
      }),
    );
  }
  return scanners;
}

/**
 * At least `count` ACTIVE passes of one unrestricted order, activated with its ledger
 * transaction, made by two set-based statements; returns their barcodes.
 */
export async function makeActivePasses(prisma: PrismaClient, databaseUrl: string, count: number): Promise<string[]> {
  const booklets = Math.ceil(count / 10) + Math.ceil(count / 1000); // a few spare for the rare barcode collision
  const sponsor = await prisma.sponsor.findFirstOrThrow({ orderBy: { name: 'asc' } });
  const order = await prisma.$transaction(async (tx) => {
    const created = await tx.order.create({
      data: {
        reference: `CMD-BANC-${randomBytes(3).toString('hex')}`,
        sponsorId: sponsor.id,
        status: 'ACTIVE',
        bookletCount: booklets,
        ...orderAmounts(booklets, 1000),
        paymentOrderNumber: 'OP-BANC',
        validityYear: 2026,
        issuedAt: new Date(),
        activatedAt: new Date(),
      },
    });
    await post(tx, { event: 'ORDER_ACTIVATED', resource: 'orders', recordId: created.id, lines: orderActivatedLines(created) });
    return created;
  });
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    await sql.query(
      `WITH b AS (
         INSERT INTO "Booklet" (id, number, sequence, "orderId", "createdAt", "updatedAt")
         SELECT gen_random_uuid()::text, 'C-BANC-' || $5 || '-' || lpad(seq::text, 7, '0'), NULL, $1, now(), now()
           FROM generate_series(1, $2::int) seq
         RETURNING id
       )
       INSERT INTO "Pass" (id, barcode, "bookletId", "orderId", "sponsorId", "faceValueCents", status, "validityYear", "acceptedUntil", "createdAt", "updatedAt")
       SELECT gen_random_uuid()::text, ${newBarcodeSql('k')}, b.id, $1, $3, 1000, 'ACTIVE', 2026, $4, now(), now()
         FROM b CROSS JOIN generate_series(1, 10) k
       ON CONFLICT (barcode) DO NOTHING`,
      [order.id, booklets, sponsor.id, acceptedUntilOf(2026), randomBytes(3).toString('hex')],
    );
    // One pass per booklet at most in a row of the list, so no redemption ever meets SAME_BOOKLET by accident.
    const { rows } = await sql.query<{ barcode: string }>(`SELECT barcode FROM "Pass" WHERE "orderId" = $1 ORDER BY md5(id)`, [order.id]);
    if (rows.length < count) throw new Error(`only ${rows.length} passes made, ${count} wanted`);
    return rows.map((r) => r.barcode);
  } finally {
    await sql.end();
  }
}

/** A pool of barcodes handed out one at a time to concurrent clients. */
export function barcodePool(barcodes: string[]) {
  let next = 0;
  return {
    take: (): string | null => (next < barcodes.length ? barcodes[next++] : null),
    get left() {
      return barcodes.length - next;
    },
  };
}

export const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

export function summary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN, min: sorted[0] ?? NaN };
}

export const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : '—');

/** jest's helpers are not loaded in a benchmark: give test-app the expect() it uses for error checks. */
export function withoutJest() {
  (globalThis as any).expect ??= () => ({ toEqual: () => undefined, toBeGreaterThan: () => undefined });
}

/** CPU seconds (user + system) used so far by a process, read from /proc (Linux). */
export function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the file, 12 and 13 after "pid (comm) ".
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** CPU seconds used so far by each PostgreSQL process of the machine (the server and its backends), by pid. */
export function postgresCpuSeconds(): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') seconds.set(Number(entry), cpuSecondsOf(Number(entry)));
    } catch {
      // a process that ended meanwhile
    }
  }
  return seconds;
}

/** PostgreSQL CPU seconds since `before`: processes started meanwhile count in full; those that ended are left out (their last seconds are lost). */
export function postgresCpuSince(before: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of postgresCpuSeconds()) total += seconds - (before.get(pid) ?? 0);
  return total;
}
