import { randomInt } from 'node:crypto';
import { issuerFrom } from '../../server/src/documents/issuer';
import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { loadConfig } from '../../server/src/config/app-config';
import { todayKey } from '../../server/src/jobs/job-keys';
import { expirePassesJob } from '../../server/src/emission/expire-passes.job';
import { JobRunner } from '../../server/src/jobs/job-runner';
import { orderActivatedLines, post, structureAccount } from '../../server/src/ledger';
import { barcodeFromSerial, randomSerial } from '../../server/src/rules/barcode';
import { acceptedUntilOf, bookletNumberOf, orderAmounts } from '../../server/src/rules/orders';
import { waitUntil } from '../jobs/support';
import { expectLedgerInvariants } from '../support/ledger';
import { collect, connect, connected, subscribe, waitFor } from '../support/sockets';
import { expectErrorShape, startTestApp, TestApp } from '../support/test-app';

/**
 * The nightly expiry (issue 11): passes past their grace date (31 January 23:59:59.999 Paris
 * after their validity year) expire, their value goes back to the sponsor, spent orders close
 * with their credit note. The main app works in chunks of 3 rows, so every step takes several
 * chunks; a second app with the default chunk size runs the same scenario for comparison.
 */
let t: TestApp;
let prisma: PrismaClient;
let scenario: Scenario;

const GRACE_2025 = '2026-01-31T22:59:59.999Z';

beforeAll(async () => {
  t = await startTestApp({ env: { JOB_CHUNK_SIZE: '3' } });
  prisma = t.started.deps.db.prisma;
  scenario = await buildScenario(prisma);
});
afterAll(async () => {
  await t?.close();
});

const auth = async (role: 'ADMIN' | 'FINANCE' | 'SUPPORT' | 'REVIEWER') => ({ Authorization: `Bearer ${await t.token(role)}` });

/** POST /api/jobs/expire-passes/runs, then waits for the run to end; returns the answer and the finished run. */
async function runExpiry(app: TestApp, key: string, role: 'ADMIN' | 'FINANCE' = 'FINANCE') {
  const res = await app.http.post('/api/jobs/expire-passes/runs').set({ Authorization: `Bearer ${await app.token(role)}` }).send({ key });
  await app.started.app.get(JobRunner).idle();
  const run = res.status === 202 ? await app.started.deps.db.prisma.jobRun.findUniqueOrThrow({ where: { id: res.body.run.id } }) : null;
  return { res, run };
}

// ── The scenario: rows made the way the emission and scanning paths leave them, books included ──

interface Scenario {
  /** Sponsor 1, validity 2025: 10 passes, 3 of them redeemed in November 2025. */
  spent: OrderRows;
  /** Sponsor 2, validity 2025: 10 passes, none used. */
  unused: OrderRows;
  /** Sponsor 1, validity 2026 (accepted until 31 January 2027): stays open. */
  current: OrderRows;
}

interface OrderRows {
  orderId: string;
  sponsorId: string;
  passIds: string[];
  redeemedIds: string[];
}

let bookletSequence = 900_000 + randomInt(50_000);

async function createSponsor(db: PrismaClient, name: string) {
  return db.sponsor.create({
    data: {
      name,
      kind: 'DEPARTEMENT',
      siret: String(randomInt(10 ** 13, 10 ** 14)),
      addressLine: '1 rue de la Préfecture',
      postalCode: '24000',
      city: 'Périgueux',
      departement: '24',
      contactName: 'Claire Martin',
      contactEmail: 'claire.martin@example.fr',
    },
  });
}

/** An ACTIVE order of one booklet of 10 passes of 10 €, with its ORDER_ACTIVATED posting; `redeem` of its passes redeemed (scan + REDEMPTION_ACCEPTED). */
async function createActiveOrder(db: PrismaClient, sponsorId: string, validityYear: number, redeem = 0): Promise<OrderRows> {
  const offer = await db.offer.findFirstOrThrow({ where: { status: 'APPROVED', structure: { status: 'ELIGIBLE' } }, orderBy: { id: 'asc' } });
  return db.$transaction(async (tx) => {
    const activatedAt = new Date(Date.UTC(validityYear, 2, 1));
    const order = await tx.order.create({
      data: {
        reference: `CMD-${validityYear}-T${randomInt(10 ** 8)}`,
        sponsorId,
        status: 'ACTIVE',
        bookletCount: 1,
        ...orderAmounts(1, 1000),
        paymentOrderNumber: `OP-${randomInt(10 ** 6)}`,
        validityYear,
        issuedAt: activatedAt,
        activatedAt,
      },
    });
    await post(tx, { event: 'ORDER_ACTIVATED', resource: 'orders', recordId: order.id, at: activatedAt, lines: orderActivatedLines(order) });
    bookletSequence += 1;
    const booklet = await tx.booklet.create({ data: { number: bookletNumberOf(validityYear, bookletSequence), sequence: bookletSequence, orderId: order.id } });
    const passes = await tx.pass.createManyAndReturn({
      data: Array.from({ length: 10 }, () => ({
        barcode: barcodeFromSerial(randomSerial()),
        bookletId: booklet.id,
        orderId: order.id,
        sponsorId,
        faceValueCents: 1000,
        status: 'ACTIVE' as const,
        validityYear,
        acceptedUntil: acceptedUntilOf(validityYear),
      })),
      select: { id: true, barcode: true },
    });
    const redeemed = passes.slice(0, redeem);
    for (const pass of redeemed) {
      const when = new Date(Date.UTC(validityYear, 10, 15, 10));
      const redemption = await tx.redemption.create({
        data: { structureId: offer.structureId, offerId: offer.id, status: 'ACCEPTED', passCount: 1, totalValueCents: 1000, createdAt: when },
      });
      await tx.scan.create({
        data: { redemptionId: redemption.id, structureId: offer.structureId, offerId: offer.id, passId: pass.id, barcode: pass.barcode, outcome: 'ACCEPTED', valueCents: 1000, scannedAt: when },
      });
      await tx.pass.update({ where: { id: pass.id }, data: { status: 'REDEEMED', redeemedAt: when } });
      await post(tx, {
        event: 'REDEMPTION_ACCEPTED',
        resource: 'redemptions',
        recordId: redemption.id,
        at: when,
        lines: [
          { account: 'PASS_FLOAT', debitCents: 1000 },
          { account: structureAccount(offer.structureId), creditCents: 1000 },
        ],
      });
    }
    return { orderId: order.id, sponsorId, passIds: passes.map((p) => p.id), redeemedIds: redeemed.map((p) => p.id) };
  });
}

async function buildScenario(db: PrismaClient): Promise<Scenario> {
  const dordogne = await createSponsor(db, 'Département de la Dordogne');
  const brest = await createSponsor(db, 'Ville de Brest — CCAS');
  return {
    spent: await createActiveOrder(db, dordogne.id, 2025, 3),
    unused: await createActiveOrder(db, brest.id, 2025),
    current: await createActiveOrder(db, dordogne.id, 2026),
  };
}

const statuses = async (db: PrismaClient, orderId: string) => {
  const rows = await db.pass.groupBy({ by: ['status'], where: { orderId }, _count: true });
  return Object.fromEntries(rows.map((r) => [r.status, r._count]));
};

/** What the job may change, to compare before and after a run that must change nothing. */
const footprint = async (db: PrismaClient) => ({
  passes: await db.pass.groupBy({ by: ['status'], _count: true, orderBy: { status: 'asc' } }),
  orders: await db.order.findMany({ select: { id: true, status: true, creditedCents: true, closedAt: true }, orderBy: { id: 'asc' } }),
  ledgerEntries: await db.ledgerEntry.count(),
  documents: await db.sponsorDocument.count(),
});

/** Σ of a sponsor's PASSES_EXPIRED credits, and how many transactions carried them. */
async function expiredCredits(db: PrismaClient, sponsorId: string) {
  const lines = await db.ledgerEntry.findMany({ where: { event: 'PASSES_EXPIRED', account: `SPONSOR:${sponsorId}` } });
  return { cents: lines.reduce((sum, l) => sum + l.creditCents - l.debitCents, 0), transactions: new Set(lines.map((l) => l.transactionId)).size, lines };
}

// ── The tests, in the order a year goes by ──

describe('the expire-passes job in the console', () => {
  it('is listed for FINANCE with its French label and steps, as a job FINANCE may start', async () => {
    const res = await t.http.get('/api/jobs').set(await auth('FINANCE'));
    expect(res.status).toBe(200);
    expect(res.body.filter((j: { name: string }) => j.name === 'expire-passes')).toEqual([
      expect.objectContaining({
        name: 'expire-passes',
        label: 'Expiration des pass et clôture des commandes',
        canStart: true,
        steps: [
          { name: 'expire', label: 'Pass expirés' },
          { name: 'close-orders', label: 'Commandes clôturées' },
        ],
      }),
    ]);
    await expectLedgerInvariants(prisma);
  });

  it('is refused to SUPPORT and REVIEWER (403), and starts nothing', async () => {
    for (const role of ['SUPPORT', 'REVIEWER'] as const) {
      const res = await t.http.post('/api/jobs/expire-passes/runs').set(await auth(role)).send({ key: '2026-02-01' });
      expect(res.status).toBe(403);
      expectErrorShape(res.body, 403);
    }
    expect(await prisma.jobRun.count({ where: { name: 'expire-passes' } })).toBe(0);
    await expectLedgerInvariants(prisma);
  });
});

describe('POST /api/jobs/expire-passes/runs', () => {
  it('keeps on 31 January the passes accepted until 31 January 23:59:59.999 Paris', async () => {
    expect((await prisma.pass.findUniqueOrThrow({ where: { id: scenario.unused.passIds[0] } })).acceptedUntil.toISOString()).toBe(GRACE_2025);
    const { res, run } = await runExpiry(t, '2026-01-31');
    expect(res.status).toBe(202);
    expect(run).toEqual(expect.objectContaining({ status: 'SUCCEEDED', counts: { expire: { passes: 0, cents: 0 }, 'close-orders': { orders: 0, creditNotes: 0, creditedCents: 0 } } }));
    expect(await statuses(prisma, scenario.spent.orderId)).toEqual({ ACTIVE: 7, REDEEMED: 3 });
    expect(await statuses(prisma, scenario.unused.orderId)).toEqual({ ACTIVE: 10 });
    expect(await prisma.ledgerEntry.count({ where: { event: 'PASSES_EXPIRED' } })).toBe(0);
    await expectLedgerInvariants(prisma);
  });

  it('expires them on 1 February, in chunks, and never touches a redeemed pass', async () => {
    const redeemedBefore = await prisma.pass.findMany({ where: { id: { in: scenario.spent.redeemedIds } }, orderBy: { id: 'asc' } });
    const { res, run } = await runExpiry(t, '2026-02-01');
    expect(res.status).toBe(202);
    expect(run).toEqual(expect.objectContaining({ status: 'SUCCEEDED', attempts: 1 }));
    expect((run!.counts as any).expire).toEqual({ passes: 17, cents: 17_000 });
    expect(await statuses(prisma, scenario.spent.orderId)).toEqual({ EXPIRED: 7, REDEEMED: 3 });
    expect(await statuses(prisma, scenario.unused.orderId)).toEqual({ EXPIRED: 10 });
    expect(await statuses(prisma, scenario.current.orderId)).toEqual({ ACTIVE: 10 });
    // The redeemed passes are exactly as they were.
    expect(await prisma.pass.findMany({ where: { id: { in: scenario.spent.redeemedIds } }, orderBy: { id: 'asc' } })).toEqual(redeemedBefore);
    // The demo passes (validity 2026) are still valid.
    expect(await prisma.pass.count({ where: { validityYear: 2026, status: 'EXPIRED' } })).toBe(0);
    await expectLedgerInvariants(prisma);
  });

  it('credits each sponsor the face value of its expired passes, from the float, and records it on each order', async () => {
    const dordogne = await expiredCredits(prisma, scenario.spent.sponsorId);
    const brest = await expiredCredits(prisma, scenario.unused.sponsorId);
    expect(dordogne.cents).toBe(7_000);
    expect(brest.cents).toBe(10_000);
    // Posted per sponsor, sourced to the sponsor; chunks of 3 passes make several transactions.
    expect(dordogne.lines.every((l) => l.resource === 'sponsors' && l.recordId === scenario.spent.sponsorId)).toBe(true);
    expect(brest.transactions).toBeGreaterThan(1);
    const float = await prisma.ledgerEntry.aggregate({ where: { event: 'PASSES_EXPIRED', account: 'PASS_FLOAT' }, _sum: { debitCents: true, creditCents: true } });
    expect(float._sum).toEqual({ debitCents: 17_000, creditCents: 0 });

    const orders = await prisma.order.findMany({ where: { id: { in: [scenario.spent.orderId, scenario.unused.orderId, scenario.current.orderId] } } });
    const credited = Object.fromEntries(orders.map((o) => [o.id, o.creditedCents]));
    expect(credited).toEqual({ [scenario.spent.orderId]: 7_000, [scenario.unused.orderId]: 10_000, [scenario.current.orderId]: 0 });
    await expectLedgerInvariants(prisma);
  });

  it('closes the spent orders with exactly one credit note each for the expired value, and keeps open an order with passes still valid', async () => {
    const run = await prisma.jobRun.findUniqueOrThrow({ where: { name_key: { name: 'expire-passes', key: '2026-02-01' } } });
    expect((run.counts as any)['close-orders']).toEqual({ orders: 2, creditNotes: 2, creditedCents: 17_000 });

    for (const [rows, cents, expiredCount] of [
      [scenario.spent, 7_000, 7],
      [scenario.unused, 10_000, 10],
    ] as const) {
      const order = await prisma.order.findUniqueOrThrow({ where: { id: rows.orderId } });
      expect(order.status).toBe('CLOSED');
      expect(order.closedAt).toBeInstanceOf(Date);
      const notes = await prisma.sponsorDocument.findMany({ where: { orderId: rows.orderId } });
      expect(notes).toHaveLength(1);
      expect(notes[0]).toEqual(expect.objectContaining({ kind: 'SPONSOR_CREDIT_NOTE', sponsorId: rows.sponsorId, amountCents: cents }));
      expect((notes[0].snapshot as any).credited).toEqual({ expiredCount, expiredCents: cents, cancelledCount: 0, cancelledCents: 0, totalCents: cents });
      expect((notes[0].snapshot as any).issuer).toEqual(issuerFrom(t.config));
    }
    const current = await prisma.order.findUniqueOrThrow({ where: { id: scenario.current.orderId } });
    expect(current).toEqual(expect.objectContaining({ status: 'ACTIVE', closedAt: null, creditedCents: 0 }));
    expect(await prisma.sponsorDocument.count({ where: { orderId: scenario.current.orderId } })).toBe(0);
    // The demo orders (validity 2026) stay as they were.
    expect(await prisma.order.count({ where: { validityYear: 2026, status: 'CLOSED' } })).toBe(0);
    await expectLedgerInvariants(prisma);
  });

  it('leaves one audit summary per step in the journal, not one event per pass', async () => {
    const run = await prisma.jobRun.findUniqueOrThrow({ where: { name_key: { name: 'expire-passes', key: '2026-02-01' } } });
    const steps = await prisma.auditEvent.findMany({ where: { resource: 'job-runs', recordId: run.id, action: 'job-step' }, orderBy: { createdAt: 'asc' } });
    expect(steps.map((e) => [(e.after as any).step, (e.after as any).counts])).toEqual([
      ['expire', { passes: 17, cents: 17_000 }],
      ['close-orders', { orders: 2, creditNotes: 2, creditedCents: 17_000 }],
    ]);
    expect(await prisma.auditEvent.count({ where: { resource: 'passes', recordId: { in: scenario.unused.passIds } } })).toBe(0);
    await expectLedgerInvariants(prisma);
  });

  it('refuses the same day a second time (409, in French) and changes nothing', async () => {
    const before = await footprint(prisma);
    const runs = await prisma.jobRun.count();
    const { res } = await runExpiry(t, '2026-02-01', 'ADMIN');
    expect(res.status).toBe(409);
    expectErrorShape(res.body, 409);
    expect(res.body.message).toMatch(/La tâche « Expiration des pass et clôture des commandes » pour 2026-02-01 a déjà été faite/);
    expect(await prisma.jobRun.count()).toBe(runs);
    expect(await footprint(prisma)).toEqual(before);
    await expectLedgerInvariants(prisma);
  });

  it('finds nothing twice when each step is replayed from its start (a chunk taken up again after a crash)', async () => {
    const before = await footprint(prisma);
    const job = expirePassesJob(t.config);
    const params = { dayStart: new Date('2026-01-31T23:00:00Z') };
    const replayed = await prisma.$transaction(async (tx) => {
      const results = [];
      for (const step of job.steps) results.push(await step.chunk({ tx, params, cursor: null, limit: 1000, record: async () => undefined, prepared: undefined }));
      return results;
    });
    expect(replayed.map((r) => [r.processed, r.finished, r.counts])).toEqual([
      [0, true, { passes: 0, cents: 0 }],
      [0, true, { orders: 0, creditNotes: 0, creditedCents: 0 }],
    ]);
    expect(await footprint(prisma)).toEqual(before);
    await expectLedgerInvariants(prisma);
  });

  it('finds nothing more to do on a later day', async () => {
    const before = await footprint(prisma);
    const { res, run } = await runExpiry(t, '2026-02-02');
    expect(res.status).toBe(202);
    expect(run).toEqual(expect.objectContaining({ status: 'SUCCEEDED', counts: { expire: { passes: 0, cents: 0 }, 'close-orders': { orders: 0, creditNotes: 0, creditedCents: 0 } } }));
    expect(await footprint(prisma)).toEqual(before);
    await expectLedgerInvariants(prisma);
  });

  it('gives one run for two concurrent triggers of one day: the other is refused, the passes expire once', async () => {
    const late = await createActiveOrder(prisma, (await createSponsor(prisma, 'CAF de la Creuse')).id, 2025);
    const token = await auth('FINANCE');
    const answers = await Promise.all([
      t.http.post('/api/jobs/expire-passes/runs').set(token).send({ key: '2026-02-03' }),
      t.http.post('/api/jobs/expire-passes/runs').set(await auth('ADMIN')).send({ key: '2026-02-03' }),
    ]);
    await t.started.app.get(JobRunner).idle();
    expect(answers.map((r) => r.status).sort()).toEqual([202, 409]);
    expect(answers.find((r) => r.status === 409)!.body.message).toMatch(/pour 2026-02-03 (est déjà en cours|a déjà été faite)/);
    expect(await prisma.jobRun.count({ where: { name: 'expire-passes', key: '2026-02-03' } })).toBe(1);
    expect(await statuses(prisma, late.orderId)).toEqual({ EXPIRED: 10 });
    expect((await expiredCredits(prisma, late.sponsorId)).cents).toBe(10_000);
    expect(await prisma.sponsorDocument.count({ where: { orderId: late.orderId, kind: 'SPONSOR_CREDIT_NOTE' } })).toBe(1);
    await expectLedgerInvariants(prisma);
  });
});

describe('live lists', () => {
  it('tell the passes list once per chunk of expired passes, and the orders list of the closed order', async () => {
    const later = await createActiveOrder(prisma, (await createSponsor(prisma, 'Commune de Tulle')).id, 2025);
    const socket = connect(t.baseUrl, await t.token('FINANCE'));
    try {
      await connected(socket);
      const events = collect(socket);
      expect(await subscribe(socket, 'resource/passes')).toEqual(expect.objectContaining({ ok: true }));
      expect(await subscribe(socket, 'resource/orders')).toEqual(expect.objectContaining({ ok: true }));
      // Whatever is still to expire on 4 February (run alone, this file's earlier passes too).
      const expiring = (await prisma.pass.findMany({ where: { status: 'ACTIVE', acceptedUntil: { lt: new Date('2026-02-03T23:00:00Z') } }, select: { id: true } })).map((p) => p.id);
      expect(expiring).toEqual(expect.arrayContaining(later.passIds));
      const { res } = await runExpiry(t, '2026-02-04');
      expect(res.status).toBe(202);
      await waitFor(events, (e) => e.topic === 'resource/orders' && e.payload.ids.includes(later.orderId));
      const passEvents = events.filter((e) => e.topic === 'resource/passes');
      // Chunks of 3: one "updated" event per chunk, never one per pass, together exactly the expired passes.
      expect(passEvents).toHaveLength(Math.ceil(expiring.length / 3));
      expect(passEvents.every((e) => e.type === 'updated' && e.payload.ids.length <= 3)).toBe(true);
      expect(passEvents.flatMap((e) => e.payload.ids).sort()).toEqual(expiring.sort());
      expect(events.filter((e) => e.topic === 'resource/orders').every((e) => e.type === 'updated')).toBe(true);
    } finally {
      socket.disconnect();
    }
    await expectLedgerInvariants(prisma);
  });
});

describe('chunk size', () => {
  it('gives the same counts, credits and credit notes in one chunk as in chunks of 3', async () => {
    const whole = await startTestApp();
    try {
      const db = whole.started.deps.db.prisma;
      const same = await buildScenario(db);
      const { res, run } = await runExpiry(whole, '2026-02-01');
      expect(res.status).toBe(202);
      const chunked = await prisma.jobRun.findUniqueOrThrow({ where: { name_key: { name: 'expire-passes', key: '2026-02-01' } } });
      expect(run!.counts).toEqual(chunked.counts);
      // One chunk: one transaction per sponsor; chunks of 3: several, for the same amounts.
      const dordogne = await expiredCredits(db, same.spent.sponsorId);
      expect(dordogne).toEqual(expect.objectContaining({ cents: 7_000, transactions: 1 }));
      expect((await expiredCredits(prisma, scenario.spent.sponsorId)).transactions).toBeGreaterThan(1);
      expect((await db.order.findUniqueOrThrow({ where: { id: same.spent.orderId } })).creditedCents).toBe(7_000);
      expect(await db.sponsorDocument.findMany({ where: { kind: 'SPONSOR_CREDIT_NOTE' }, select: { amountCents: true }, orderBy: { amountCents: 'asc' } })).toEqual([
        { amountCents: 7_000 },
        { amountCents: 10_000 },
      ]);
      await expectLedgerInvariants(db);
    } finally {
      await whole.close();
    }
    await expectLedgerInvariants(prisma);
  });
});

describe('the schedule', () => {
  it('runs nightly at 01:30 Paris by default', () => {
    const config = loadConfig({});
    expect([config.JOB_EXPIRE_PASSES_CRON, config.JOBS_TIME_ZONE]).toEqual(['30 1 * * *', 'Europe/Paris']);
  });

  it('fires the run of the day as "Planification" on its cron, once, and leaves the demo orders (valid until January 2027) alone', async () => {
    const scheduled = await startTestApp({ env: { JOBS_SCHEDULE_ENABLED: 'true', JOB_EXPIRE_PASSES_CRON: '* * * * * *' } });
    try {
      const db = scheduled.started.deps.db.prisma;
      const run = await waitUntil(() => db.jobRun.findFirst({ where: { name: 'expire-passes', status: 'SUCCEEDED' } }));
      expect(run).toEqual(expect.objectContaining({ key: todayKey(new Date()), startedByName: 'Planification', startedById: null }));
      expect(run.counts).toEqual({ expire: { passes: 0, cents: 0 }, 'close-orders': { orders: 0, creditNotes: 0, creditedCents: 0 } });
      await new Promise((r) => setTimeout(r, 1500)); // more ticks: each is told the day is done
      expect(await db.jobRun.count({ where: { name: 'expire-passes' } })).toBe(1);
      expect(await db.order.count({ where: { status: 'CLOSED' } })).toBe(0);
      await expectLedgerInvariants(db);
    } finally {
      await scheduled.close();
    }
  });
});
