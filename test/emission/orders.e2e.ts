import { issueOrderJob, newBarcodeSql } from '../../server/src/emission/issue-order.job';
import { JobRunner } from '../../server/src/jobs/job-runner';
import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { isValidBarcode } from '../../server/src/rules/barcode';
import { acceptedUntilOf } from '../../server/src/rules/orders';
import { siretFor } from '../../server/src/rules/siret';
import { expectLedgerInvariants } from '../support/ledger';
import { expectErrorShape, startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../jobs/support';

// Issue 11: FINANCE creates, issues, activates, is paid for, hands out and cancels; the books follow.
let t: TestApp;
let prisma: PrismaClient;
let runner: JobRunner;
let finance: string;
let support: string;
let sponsorId: string;

const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const post = (token: string, path: string, body: object = {}) => t.http.post(path).set(as(token)).send(body);
const get = (token: string, path: string) => t.http.get(path).set(as(token));

async function draft(body: object = {}) {
  const res = await post(finance, '/api/orders', { sponsorId, bookletCount: 3, validityYear: 2026, ...body });
  expect(res.status).toBe(201);
  return res.body as { id: string; reference: string; status: string; totalCents: number };
}

async function issued(body: object = {}) {
  const order = await draft(body);
  const res = await post(finance, `/api/orders/${order.id}/issue`);
  expect(res.status).toBe(202);
  await runner.idle();
  const after = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
  expect(after.status).toBe('AWAITING_PAYMENT');
  return after;
}

async function active(body: object = {}) {
  const order = await issued(body);
  const res = await post(finance, `/api/orders/${order.id}/activate`, { paymentOrderNumber: `mandat-${order.reference}` });
  expect(res.status).toBe(200);
  return prisma.order.findUniqueOrThrow({ where: { id: order.id } });
}

beforeAll(async () => {
  t = await startTestApp({ env: { JOB_CHUNK_SIZE: '20' } });
  prisma = t.started.deps.db.prisma;
  runner = t.started.app.get(JobRunner);
  [finance, support] = await Promise.all([t.token('FINANCE'), t.token('SUPPORT')]);
  sponsorId = (await prisma.sponsor.findFirstOrThrow({ where: { name: 'CAF du Nord' } })).id;
});
afterEach(async () => {
  await runner.idle();
  await expectLedgerInvariants(prisma);
});
afterAll(() => t.close());

describe('creating an order', () => {
  it('computes face value, 4 % fee, VAT on the fee and the total on the server', async () => {
    const order = await draft({ bookletCount: 100, allowedDepartements: ['59', '2A', '59'] });
    expect(order).toEqual(
      expect.objectContaining({
        status: 'DRAFT',
        reference: expect.stringMatching(/^CMD-\d{4}-\d{4}$/),
        faceValueCents: 1_000_000,
        upstreamFeeCents: 40_000,
        vatRateBp: 2000,
        vatCents: 8_000,
        totalCents: 1_048_000,
        paidCents: 0,
        allowedDepartements: ['2A', '59'],
      }),
    );
  });

  it('rounds the fee and its VAT half-up to the cent', async () => {
    // 1 booklet of 10 passes at 1.03 €: face 10.30 €, fee 0.412 € → 0.41 €, VAT 0.082 € → 0.08 €.
    const order = await draft({ bookletCount: 1, passValueCents: 103 });
    expect(order).toEqual(expect.objectContaining({ faceValueCents: 1030, upstreamFeeCents: 41, vatCents: 8, totalCents: 1079 }));
    // 1 booklet at 1.13 €: fee 0.452 € → 0.45 €, VAT 0.09 € exactly.
    expect(await draft({ bookletCount: 1, passValueCents: 113 })).toEqual(expect.objectContaining({ upstreamFeeCents: 45, vatCents: 9, totalCents: 1184 }));
  });

  it.each([
    ['no booklets', { bookletCount: 0 }, 'bookletCount'],
    ['booklets as text', { bookletCount: 'dix' }, 'bookletCount'],
    ['a fractional pass value', { passValueCents: 10.5 }, 'passValueCents'],
    ['year 0001', { validityYear: 1 }, 'validityYear'],
    ['an unknown département', { allowedDepartements: ['99'] }, 'allowedDepartements'],
    ['a window ending before it starts', { validFrom: '2026-06-01', validUntil: '2026-03-01' }, 'validUntil'],
    ['an impossible day', { validFrom: '2026-02-30' }, 'validFrom'],
    ['a window outside the validity year', { validFrom: '2025-12-01' }, 'validFrom'],
    ['an unknown sponsor', { sponsorId: '00000000-0000-4000-8000-000000000000' }, 'sponsorId'],
  ])('refuses %s with a 400 on its field, creating nothing', async (_what, body, field) => {
    const before = await prisma.order.count();
    const res = await post(finance, '/api/orders', { sponsorId, bookletCount: 3, validityYear: 2026, ...body });
    expectErrorShape(res.body, 400);
    expect(Object.keys(res.body.details?.fields ?? {})).toContain(field);
    expect(await prisma.order.count()).toBe(before);
  });

  it('refuses amounts sent by the client (the server computes them) and refuses SUPPORT', async () => {
    const typed = await post(finance, '/api/orders', { sponsorId, bookletCount: 3, validityYear: 2026, totalCents: 1 });
    expectErrorShape(typed.body, 400);
    expect(Object.keys(typed.body.details.fields)).toEqual(['totalCents']);
    expect((await post(support, '/api/orders', { sponsorId, bookletCount: 1, validityYear: 2026 })).status).toBe(403);
  });

  it('edits a draft only', async () => {
    const order = await draft();
    const res = await t.http.put(`/api/orders/${order.id}`).set(as(finance)).send({ bookletCount: 5 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ bookletCount: 5, faceValueCents: 50_000, totalCents: 52_400 }));
    const issuedOrder = await issued();
    expectErrorShape((await t.http.put(`/api/orders/${issuedOrder.id}`).set(as(finance)).send({ bookletCount: 5 })).body, 409);
  });
});

describe('issuing an order', () => {
  it('numbers its booklets in one block and puts 10 passes with valid, unique barcodes in each', async () => {
    const order = await issued({ bookletCount: 7, validityYear: 2027 });
    const booklets = await prisma.booklet.findMany({ where: { orderId: order.id }, orderBy: { number: 'asc' }, include: { passes: true } });
    expect(booklets).toHaveLength(7);
    const sequences = booklets.map((b) => b.sequence!);
    expect(sequences).toEqual(Array.from({ length: 7 }, (_, i) => order.firstBookletSequence! + i));
    expect(booklets[0].number).toBe(`C-2027-${String(order.firstBookletSequence).padStart(6, '0')}`);
    const passes = booklets.flatMap((b) => b.passes);
    expect(passes).toHaveLength(70);
    expect(booklets.every((b) => b.passes.length === 10)).toBe(true);
    expect(passes.every((p) => isValidBarcode(p.barcode))).toBe(true);
    expect(new Set(passes.map((p) => p.barcode)).size).toBe(70);
    expect(passes.every((p) => p.status === 'INACTIVE' && p.sponsorId === sponsorId && p.faceValueCents === 1000)).toBe(true);
    expect(passes[0].acceptedUntil.toISOString()).toBe(acceptedUntilOf(2027).toISOString());
    expect(acceptedUntilOf(2027).toISOString()).toBe('2028-01-31T22:59:59.999Z');
  });

  it('draws a different, valid barcode for every row of one statement, not one per statement', async () => {
    const rows = await prisma.$queryRawUnsafe<{ code: string }[]>(`SELECT ${newBarcodeSql('g')} AS code FROM generate_series(1, 2000) g`);
    expect(rows).toHaveLength(2000);
    expect(new Set(rows.map((r) => r.code)).size).toBe(2000);
    expect(rows.filter((r) => !isValidBarcode(r.code))).toEqual([]);
    // Spread over the serial space: not counted up from a start.
    const serials = rows.map((r) => Number(r.code.slice(1, 12))).sort((a, b) => a - b);
    expect(serials[serials.length - 1] - serials[0]).toBeGreaterThan(50_000_000_000);
  });

  it('gives the next order of the year the next block of booklet numbers', async () => {
    const a = await issued({ bookletCount: 2, validityYear: 2028 });
    const b = await issued({ bookletCount: 2, validityYear: 2028 });
    expect(b.firstBookletSequence).toBe(a.firstBookletSequence! + 2);
  });

  it('refuses to issue twice, and two concurrent issues give one run', async () => {
    const order = await draft({ bookletCount: 4 });
    const [one, two] = await Promise.all([post(finance, `/api/orders/${order.id}/issue`), post(finance, `/api/orders/${order.id}/issue`)]);
    expect([one.status, two.status].sort()).toEqual([202, 409]);
    await runner.idle();
    expect(await prisma.jobRun.count({ where: { name: 'issue-order', key: order.id } })).toBe(1);
    expect(await prisma.pass.count({ where: { orderId: order.id } })).toBe(40);
    const again = await post(finance, `/api/orders/${order.id}/issue`);
    expectErrorShape(again.body, 409);
    expect(again.body.message).toMatch(/brouillon/);
  });

  it('resumes an interrupted run where it stopped, and a replayed chunk makes no duplicate', async () => {
    const order = await draft({ bookletCount: 6 });
    // What a dead instance leaves behind: the booklets step done and two booklets filled with
    // passes, committed; the run RUNNING with nobody working it. Its cursor is put back to the
    // start of the passes step, as if the last chunk were to be replayed.
    const [bookletsStep, passesStep] = issueOrderJob.steps;
    const noAudit = async () => undefined;
    await prisma.$transaction(async (tx) => {
      await bookletsStep.chunk({ tx, params: { orderId: order.id }, cursor: null, limit: 100, record: noAudit, prepared: undefined });
      await passesStep.chunk({ tx, params: { orderId: order.id }, cursor: null, limit: 20, record: noAudit, prepared: undefined });
      await tx.jobRun.create({ data: { name: 'issue-order', key: order.id, status: 'RUNNING', step: 'passes', cursor: null, startedByName: 'test', owner: null } });
    });
    expect(await prisma.pass.count({ where: { orderId: order.id } })).toBe(20);
    const resumed = await post(finance, `/api/orders/${order.id}/issue`);
    expect(resumed.status).toBe(202);
    await runner.idle();
    const run = await prisma.jobRun.findFirstOrThrow({ where: { name: 'issue-order', key: order.id } });
    expect(run).toEqual(expect.objectContaining({ status: 'SUCCEEDED', attempts: 2 }));
    expect(await prisma.booklet.count({ where: { orderId: order.id } })).toBe(6);
    const counts = await prisma.pass.groupBy({ by: ['bookletId'], where: { orderId: order.id }, _count: { _all: true } });
    expect(counts.map((c) => c._count._all)).toEqual([10, 10, 10, 10, 10, 10]);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('AWAITING_PAYMENT');
  });

  it('fails in French, keeping what it did, when the order stops being a draft mid-run', async () => {
    const order = await draft({ bookletCount: 2 });
    await prisma.jobRun.create({ data: { name: 'issue-order', key: order.id, status: 'FAILED', step: 'booklets', startedByName: 'test', owner: null } });
    await prisma.order.update({ where: { id: order.id }, data: { status: 'CANCELLED' } });
    const refused = await post(finance, `/api/orders/${order.id}/issue`);
    expectErrorShape(refused.body, 409);
    expect(await prisma.booklet.count({ where: { orderId: order.id } })).toBe(0);
  });

  it('refuses SUPPORT and unknown orders', async () => {
    const order = await draft();
    expect((await post(support, `/api/orders/${order.id}/issue`)).status).toBe(403);
    expectErrorShape((await post(finance, '/api/orders/00000000-0000-4000-8000-000000000000/issue')).body, 404);
  });
});

describe('activation and payments', () => {
  it('activates the passes, records what the sponsor owes in the ledger and numbers the fee document', async () => {
    const order = await active({ bookletCount: 2 });
    expect(order).toEqual(expect.objectContaining({ status: 'ACTIVE', paymentOrderNumber: expect.stringMatching(/^MANDAT-CMD-/) }));
    expect(await prisma.pass.count({ where: { orderId: order.id, status: 'ACTIVE' } })).toBe(20);
    const lines = await prisma.ledgerEntry.findMany({ where: { resource: 'orders', recordId: order.id, event: 'ORDER_ACTIVATED' } });
    const of = (account: string) => lines.find((l) => l.account === account);
    expect(of(`SPONSOR:${sponsorId}`)?.debitCents).toBe(20_960);
    expect(of('PASS_FLOAT')?.creditCents).toBe(20_000);
    expect(of('FEES_UPSTREAM')?.creditCents).toBe(800);
    expect(of('VAT_COLLECTED')?.creditCents).toBe(160);
    const document = await prisma.sponsorDocument.findUniqueOrThrow({ where: { kind_orderId: { kind: 'SPONSOR_FEE_INVOICE', orderId: order.id } } });
    expect(document).toEqual(expect.objectContaining({ amountCents: 20_960, number: expect.stringMatching(/^\d{4}-\d{6}$/) }));
    expectErrorShape((await post(finance, `/api/orders/${order.id}/activate`, { paymentOrderNumber: 'X-2' })).body, 409);
  });

  it('refuses to activate a draft or without a payment order number', async () => {
    const order = await draft();
    expectErrorShape((await post(finance, `/api/orders/${order.id}/activate`, { paymentOrderNumber: 'M-1' })).body, 409);
    const issuedOrder = await issued();
    const missing = await post(finance, `/api/orders/${issuedOrder.id}/activate`, {});
    expectErrorShape(missing.body, 400);
    expect(Object.keys(missing.body.details.fields)).toContain('paymentOrderNumber');
    expect(await prisma.pass.count({ where: { orderId: issuedOrder.id, status: 'ACTIVE' } })).toBe(0);
  });

  it('records partial payments and shows what is still due; refuses overpayment and a bank reference twice', async () => {
    const order = await active({ bookletCount: 2 });
    const first = await post(finance, `/api/orders/${order.id}/record-payment`, { amountCents: 10_000, receivedOn: '2026-11-20', bankReference: 'VIR-1' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual(expect.objectContaining({ paidCents: 10_000, totalCents: 20_960 }));
    expectErrorShape((await post(finance, `/api/orders/${order.id}/record-payment`, { amountCents: 5_000, receivedOn: '2026-11-21', bankReference: 'VIR-1' })).body, 409);
    const over = await post(finance, `/api/orders/${order.id}/record-payment`, { amountCents: 10_961, receivedOn: '2026-11-21', bankReference: 'VIR-2' });
    expectErrorShape(over.body, 400);
    expect(over.body.message).toMatch(/109,60 €/);
    expect((await post(finance, `/api/orders/${order.id}/record-payment`, { amountCents: 10_960, receivedOn: '2026-11-22', bankReference: 'VIR-2' })).body.paidCents).toBe(20_960);
    const payments = await get(finance, `/api/sponsor-payments?filter=${encodeURIComponent(JSON.stringify({ orderId: order.id }))}`);
    expect(payments.body.map((p: any) => p.amountCents).sort()).toEqual([10_000, 10_960]);
    const bank = await prisma.ledgerEntry.aggregate({ where: { account: 'BANK', event: 'SPONSOR_PAYMENT_RECEIVED', resource: 'sponsor-payments', recordId: { in: payments.body.map((p: any) => p.id) } }, _sum: { debitCents: true } });
    expect(bank._sum.debitCents).toBe(20_960);
  });

  it.each([
    ['a negative amount', { amountCents: -5, receivedOn: '2026-11-20', bankReference: 'R' }, 'amountCents'],
    ['euros instead of cents', { amountCents: 10.5, receivedOn: '2026-11-20', bankReference: 'R' }, 'amountCents'],
    ['a day in the future', { amountCents: 5, receivedOn: '2099-01-01', bankReference: 'R' }, 'receivedOn'],
    ['no bank reference', { amountCents: 5, receivedOn: '2026-11-20' }, 'bankReference'],
  ])('refuses a payment with %s, changing nothing', async (_what, body, field) => {
    const order = await issued({ bookletCount: 1 });
    const res = await post(finance, `/api/orders/${order.id}/record-payment`, body);
    expectErrorShape(res.body, 400);
    expect(Object.keys(res.body.details?.fields ?? {})).toContain(field);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).paidCents).toBe(0);
  });
});

describe('cancelling', () => {
  it('cancels a draft, and an unpaid issued order with its passes; not an active or paid one', async () => {
    const d = await draft();
    expect((await post(finance, `/api/orders/${d.id}/cancel`, { reason: 'Commande saisie deux fois' })).body.status).toBe('CANCELLED');
    const i = await issued({ bookletCount: 1 });
    expect((await post(finance, `/api/orders/${i.id}/cancel`, { reason: 'Le commanditaire renonce' })).body.status).toBe('CANCELLED');
    expect(await prisma.pass.count({ where: { orderId: i.id, status: 'CANCELLED' } })).toBe(10);
    const a = await active({ bookletCount: 1 });
    expectErrorShape((await post(finance, `/api/orders/${a.id}/cancel`, { reason: 'Trop tard' })).body, 409);
    const paid = await issued({ bookletCount: 1 });
    await post(finance, `/api/orders/${paid.id}/record-payment`, { amountCents: 100, receivedOn: '2026-11-20', bankReference: 'ACOMPTE' });
    const refused = await post(finance, `/api/orders/${paid.id}/cancel`, { reason: 'Le commanditaire renonce' });
    expectErrorShape(refused.body, 409);
    expect(refused.body.message).toMatch(/1,00 €/);
    expectErrorShape((await post(finance, `/api/orders/${d.id}/cancel`, {})).body, 400);
  });

  it('cancels a lost booklet: its active passes are credited back to the sponsor', async () => {
    const order = await active({ bookletCount: 2 });
    const booklet = await prisma.booklet.findFirstOrThrow({ where: { orderId: order.id }, orderBy: { number: 'asc' } });
    const res = await post(finance, `/api/booklets/${booklet.id}/cancel`, { reason: 'Carnet volé à l’accueil' });
    expect(res.status).toBe(200);
    expect(await prisma.pass.count({ where: { bookletId: booklet.id, status: 'CANCELLED' } })).toBe(10);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).creditedCents).toBe(10_000);
    const credit = await prisma.ledgerEntry.findFirstOrThrow({ where: { event: 'PASSES_CANCELLED', recordId: order.id, account: `SPONSOR:${sponsorId}` } });
    expect(credit.creditCents).toBe(10_000);
    expectErrorShape((await post(finance, `/api/booklets/${booklet.id}/cancel`, { reason: 'Encore' })).body, 409);
  });

  it('cancels one active pass; refuses an inactive one and a second time', async () => {
    const order = await active({ bookletCount: 1 });
    const pass = await prisma.pass.findFirstOrThrow({ where: { orderId: order.id } });
    expect((await post(finance, `/api/passes/${pass.id}/cancel`, { reason: 'Pass déchiré' })).body.status).toBe('CANCELLED');
    expectErrorShape((await post(finance, `/api/passes/${pass.id}/cancel`, { reason: 'Pass déchiré' })).body, 409);
    const inactive = await prisma.pass.findFirstOrThrow({ where: { orderId: (await issued({ bookletCount: 1 })).id } });
    const refused = await post(finance, `/api/passes/${inactive.id}/cancel`, { reason: 'Perdu' });
    expectErrorShape(refused.body, 409);
    expect(refused.body.message).toMatch(/pas encore actif/);
    expect((await post(support, `/api/passes/${pass.id}/cancel`, { reason: 'x y z' })).status).toBe(403);
  });
});

describe('handing booklets out', () => {
  it('records one booklet, then a range; refuses gaps, overlaps, reversed and foreign ranges, changing nothing', async () => {
    const order = await active({ bookletCount: 6, validityYear: 2029 });
    const numbers = (await prisma.booklet.findMany({ where: { orderId: order.id }, orderBy: { number: 'asc' } })).map((b) => b.number);
    const single = await prisma.booklet.findUniqueOrThrow({ where: { number: numbers[2] } });
    expect((await post(finance, `/api/booklets/${single.id}/hand-out`, { handedOutOn: '2026-11-30', handedOutBy: 'CCAS — accueil' })).body.handedOutBy).toBe('CCAS — accueil');
    expectErrorShape((await post(finance, `/api/booklets/${single.id}/hand-out`, { handedOutOn: '2026-11-30', handedOutBy: 'CCAS' })).body, 409);

    const range = (from: string, to: string) => post(finance, '/api/booklets/hand-out-range', { from, to, handedOutOn: '2026-12-01', handedOutBy: 'Mission locale' });
    const overlap = await range(numbers[0], numbers[3]);
    expectErrorShape(overlap.body, 409);
    expect(overlap.body.message).toMatch(new RegExp(`déjà remis \\(dont ${numbers[2]}\\)`));
    expectErrorShape((await range(numbers[4], numbers[1])).body, 400);
    const beyond = await range(numbers[4], numbers[5].replace(/\d{6}$/, (d) => String(Number(d) + 3).padStart(6, '0')));
    expectErrorShape(beyond.body, 409);
    expect(beyond.body.message).toMatch(/manquants|existent/);
    expectErrorShape((await range('C-2029-abc', numbers[1])).body, 400);
    expect(await prisma.booklet.count({ where: { orderId: order.id, handedOutAt: { not: null } } })).toBe(1);

    const ok = await range(numbers[3], numbers[5]);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual(expect.objectContaining({ count: 3, from: numbers[3], to: numbers[5] }));
    const handed = await prisma.booklet.findMany({ where: { orderId: order.id, handedOutAt: { not: null } } });
    expect(handed.map((b) => b.number).sort()).toEqual([numbers[2], numbers[3], numbers[4], numbers[5]]);
    expect(handed.find((b) => b.number === numbers[4])?.handedOutBy).toBe('Mission locale');
  });

  it('refuses a range over two orders', async () => {
    const a = await active({ bookletCount: 1, validityYear: 2030 });
    const b = await active({ bookletCount: 1, validityYear: 2030 });
    const [na, nb] = await Promise.all([a, b].map(async (o) => (await prisma.booklet.findFirstOrThrow({ where: { orderId: o.id } })).number));
    const res = await post(finance, '/api/booklets/hand-out-range', { from: na, to: nb, handedOutOn: '2026-12-01', handedOutBy: 'MDS' });
    expectErrorShape(res.body, 409);
    expect(res.body.message).toMatch(/plusieurs commandes/);
  });
});

describe('the sponsor’s follow-up', () => {
  it('counts booklets, passes by status, money owed, paid and credited', async () => {
    const other = await post(finance, '/api/sponsors', {
      name: 'Commune de Suivi', kind: 'COMMUNE', siret: siretFor('215903501'), addressLine: '1 place de la Mairie', postalCode: '59000', city: 'Lille', departement: '59', contactName: 'Mme Test', contactEmail: 'suivi@example.org',
    });
    expect(other.status).toBe(201);
    const saved = sponsorId;
    sponsorId = other.body.id;
    try {
      const order = await active({ bookletCount: 3 });
      const booklet = await prisma.booklet.findFirstOrThrow({ where: { orderId: order.id }, orderBy: { number: 'asc' } });
      await post(finance, `/api/booklets/${booklet.id}/hand-out`, { handedOutOn: '2026-12-01', handedOutBy: 'CCAS' });
      await post(finance, `/api/orders/${order.id}/record-payment`, { amountCents: 20_000, receivedOn: '2026-12-01', bankReference: 'V1' });
      const pass = await prisma.pass.findFirstOrThrow({ where: { orderId: order.id, bookletId: { not: booklet.id } } });
      await post(finance, `/api/passes/${pass.id}/cancel`, { reason: 'Perdu' });
      const follow = await get(support, `/api/sponsors/${sponsorId}/follow-up`);
      expect(follow.status).toBe(200);
      expect(follow.body.booklets).toEqual({ issued: 3, handedOut: 1, notHandedOut: 2, started: 0 });
      expect(follow.body.passes).toEqual({ ACTIVE: { count: 29, valueCents: 29_000 }, CANCELLED: { count: 1, valueCents: 1_000 } });
      expect(follow.body.money).toEqual({ owedCents: 31_440, paidCents: 20_000, creditedCents: 1_000, dueCents: 10_440 });
      expect(follow.body.redemptionsByMonth).toEqual([]);
    } finally {
      sponsorId = saved;
    }
  });

  it('shows the demo sponsor’s redemptions by month', async () => {
    const gironde = await prisma.sponsor.findFirstOrThrow({ where: { name: 'Département de la Gironde' } });
    const follow = await get(finance, `/api/sponsors/${gironde.id}/follow-up`);
    expect(follow.body.redemptionsByMonth.length).toBeGreaterThan(0);
    expect(follow.body.redemptionsByMonth[0]).toEqual(expect.objectContaining({ month: expect.stringMatching(/^2026-(10|11)$/), passes: expect.any(Number) }));
    expect(follow.body.booklets.started).toBeGreaterThan(0);
  });
});
