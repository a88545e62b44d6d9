import { JobRunner } from '../../server/src/jobs/job-runner';
import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { expectLedgerInvariants } from '../support/ledger';
import { expectErrorShape, startTestApp, TestApp } from '../support/test-app';
import { approvedOffer, makeOrder, partnerKey, type OrderFixture } from '../scanning/support';
import { pdfText } from '../documents/support';
import { statementDocuments } from '../../server/src/documents/statement-pdfs';
import { renderStatement } from '../../server/src/documents/statement.pdf';
import { paris, redeemPassAt } from './support';

// Issue 14: FINANCE prepares a month (draft statements), recomputes it, closes it (numbers, passes
// ENDORSED, ledger). Two structures with hand-computed figures: S (monthly kit from 15 October,
// 3 passes in October then 1 in November) and T (annual kit from 20 October, 2 passes in October:
// a negative net carried to November, 10 passes then). The demo data's October and November
// redemptions run beside them.
let t: TestApp;
let prisma: PrismaClient;
let runner: JobRunner;
let finance: string;
let order: OrderFixture;
const S = { id: '', offerId: '' };
const T = { id: '', offerId: '' };
let nextPass = 0;

const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const enc = encodeURIComponent;
const passes = () => order.booklets.flat();

const redeemAt = (structure: { id: string; offerId: string }, at: Date) => redeemPassAt(prisma, structure, passes()[nextPass++], at);

const run = (period: string) => prisma.endorsement.findUniqueOrThrow({ where: { period } });
const statementOf = async (period: string, structureId: string) => {
  const e = await run(period);
  return prisma.statement.findUniqueOrThrow({ where: { endorsementId_structureId: { endorsementId: e.id, structureId } }, include: { lines: { orderBy: { scannedAt: 'asc' } } } });
};
const money = (s: { grossCents: number; feeCents: number; subscriptionCents: number; adjustmentsCents: number; carriedCents: number; netCents: number; passCount: number }) => ({
  passCount: s.passCount,
  grossCents: s.grossCents,
  feeCents: s.feeCents,
  subscriptionCents: s.subscriptionCents,
  adjustmentsCents: s.adjustmentsCents,
  carriedCents: s.carriedCents,
  netCents: s.netCents,
});

/** SPEC §3 "Endorsement" invariants over one run: lines sum to gross, net formula, each scan in one statement at most, run = Σ statements. */
async function expectRunInvariants(period: string) {
  const e = await run(period);
  const statements = await prisma.statement.findMany({ where: { endorsementId: e.id }, include: { lines: true } });
  for (const s of statements) {
    expect(s.lines.reduce((sum, l) => sum + l.valueCents, 0)).toBe(s.grossCents);
    expect(s.lines.length).toBe(s.passCount);
    expect(s.netCents).toBe(s.grossCents - s.feeCents - s.subscriptionCents - s.adjustmentsCents + s.carriedCents);
  }
  const [dup] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT "scanId" FROM "StatementLine" GROUP BY "scanId" HAVING count(*) > 1) d`;
  expect(dup.n).toBe(0);
  const [twice] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT "passId" FROM "Scan" WHERE outcome = 'ACCEPTED' AND "voidedAt" IS NULL GROUP BY "passId" HAVING count(*) > 1) d`;
  expect(twice.n).toBe(0);
  const sum = (k: 'grossCents' | 'feeCents' | 'netCents' | 'passCount') => statements.reduce((total, s) => total + s[k], 0);
  expect({ statements: e.statementCount, passes: e.passCount, gross: Number(e.grossCents), fee: Number(e.feeCents), net: Number(e.netCents), payable: Number(e.payableCents) }).toEqual({
    statements: statements.length,
    passes: sum('passCount'),
    gross: sum('grossCents'),
    fee: sum('feeCents'),
    net: sum('netCents'),
    payable: statements.reduce((total, s) => total + Math.max(0, s.netCents), 0),
  });
}

async function prepare(period: string) {
  const res = await t.http.post('/api/endorsements/prepare').set(as(finance)).send({ period });
  expect(res.status).toBe(202);
  await runner.idle();
  return res;
}

beforeAll(async () => {
  t = await startTestApp();
  prisma = t.started.deps.db.prisma;
  runner = t.started.app.get(JobRunner);
  finance = await t.token('FINANCE');
  // Two eligible demo structures that never scanned: their figures are all this test's.
  const quiet = await prisma.structure.findMany({ where: { status: 'ELIGIBLE', scans: { none: {} } }, orderBy: { name: 'asc' }, take: 2 });
  expect(quiet).toHaveLength(2);
  for (const [fixture, structure, kit] of [
    [S, quiet[0], { plan: 'MONTHLY' as const, feeCents: 840, startedAt: new Date('2026-10-15T00:00:00Z') }],
    [T, quiet[1], { plan: 'ANNUAL' as const, feeCents: 9000, startedAt: new Date('2026-10-20T00:00:00Z') }],
  ] as const) {
    fixture.id = structure.id;
    fixture.offerId = (await approvedOffer(prisma, structure.id, 1000)).id;
    await prisma.subscription.deleteMany({ where: { structureId: structure.id } });
    await prisma.subscription.create({ data: { structureId: structure.id, status: 'ACTIVE', orderedAt: new Date('2026-10-01T08:00:00Z'), ...kit } });
  }
  order = await makeOrder(prisma, { booklets: 2 });
  for (const day of ['2026-10-15T10:00', '2026-10-22T16:30', '2026-10-31T23:30']) await redeemAt(S, paris(day));
  for (const day of ['2026-10-20T10:00', '2026-10-21T10:00']) await redeemAt(T, paris(day));
  // 00:30 on 1 November in Paris (23:30 UTC on 31 October): November's.
  await redeemAt(S, paris('2026-11-01T00:30'));
});
afterAll(() => t.close());

describe('preparing a month', () => {
  it('drafts one statement per structure with anything due, figures as computed by hand, and moves no money', async () => {
    const ledgerBefore = await prisma.ledgerEntry.count();
    const res = await prepare('2026-10');
    expect(res.body.run).toEqual(expect.objectContaining({ name: 'endorsement-prepare', key: '2026-10' }));
    const e = await run('2026-10');
    expect(e).toEqual(expect.objectContaining({ status: 'PREPARED', revision: 1, preparedByName: expect.any(String) }));
    // S: 3 passes (the one scanned at 00:30 on 1 November Paris is November's), 4 % fee, one month of kit begun on 15 October.
    expect(money(await statementOf('2026-10', S.id))).toEqual({ passCount: 3, grossCents: 3000, feeCents: 120, subscriptionCents: 840, adjustmentsCents: 0, carriedCents: 0, netCents: 2040 });
    // T: 2 passes, the annual kit charged in full: 20,00 − 0,80 − 90,00.
    expect(money(await statementOf('2026-10', T.id))).toEqual({ passCount: 2, grossCents: 2000, feeCents: 80, subscriptionCents: 9000, adjustmentsCents: 0, carriedCents: 0, netCents: -7080 });
    const lines = (await statementOf('2026-10', S.id)).lines;
    expect(lines.map((l) => [l.barcode, l.valueCents])).toEqual(passes().slice(0, 3).map((p) => [p.barcode, 1000]));
    expect(lines[0].serviceLabel).toMatch(/\(10 €\)/);
    // A draft: passes stay REDEEMED, no ledger line, statements unnumbered.
    expect(await prisma.pass.count({ where: { id: { in: passes().slice(0, 3).map((p) => p.id) }, status: 'REDEEMED' } })).toBe(3);
    expect(await prisma.ledgerEntry.count()).toBe(ledgerBefore);
    expect(await prisma.statement.count({ where: { endorsementId: e.id, OR: [{ status: { not: 'DRAFT' } }, { number: { not: null } }] } })).toBe(0);
    await expectRunInvariants('2026-10');
    await expectLedgerInvariants(prisma);
  });

  it('covers every demo structure that redeemed in October, each accepted October scan exactly once, none from November', async () => {
    const e = await run('2026-10');
    const [october] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Scan" sc JOIN "Pass" p ON p.id = sc."passId"
       WHERE sc.outcome = 'ACCEPTED' AND sc."voidedAt" IS NULL AND p.status = 'REDEEMED' AND sc."scannedAt" < ${e.periodEnd}`;
    expect(e.passCount).toBe(october.n);
    const [late] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "StatementLine" l JOIN "Statement" st ON st.id = l."statementId" WHERE st."endorsementId" = ${e.id} AND l."scannedAt" >= ${e.periodEnd}`;
    expect(late.n).toBe(0);
  });

  it('refuses a month not over, a malformed one, a second preparation, and roles other than FINANCE and ADMIN', async () => {
    const cases: [unknown, RegExp][] = [
      [{ period: '2026-12' }, /n’est pas terminé/],
      [{ period: '0001-01' }, /antérieur à 2000/],
      [{ period: '2026-13' }, /n’est pas un mois AAAA-MM/],
      [{ period: { $gt: '' } }, /mois AAAA-MM/],
      [{}, /obligatoire/],
      [{ period: '2026-10', constructor: { prototype: { admin: true } } }, /./],
    ];
    for (const [body, message] of cases) {
      const res = await t.http.post('/api/endorsements/prepare').set(as(finance)).send(body as object);
      expect(res.status).toBe(400);
      expectErrorShape(res.body, 400);
      expect(res.body.message + JSON.stringify(res.body.details ?? {})).toMatch(message);
    }
    const again = await t.http.post('/api/endorsements/prepare').set(as(finance)).send({ period: '2026-10' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/a déjà un endossement.*recalculer/);
    for (const role of ['SUPPORT', 'REVIEWER'] as const) {
      expect((await t.http.post('/api/endorsements/prepare').set(as(await t.token(role))).send({ period: '2026-09' })).status).toBe(403);
    }
    expect((await t.http.post('/api/endorsements/prepare').send({ period: '2026-09' })).status).toBe(401);
    expect(await prisma.endorsement.count({ where: { period: '2026-09' } })).toBe(0);
  });

  it('recomputes the draft with what changed since (a late October redemption), as preparation n° 2', async () => {
    await redeemAt(S, paris('2026-10-30T11:00'));
    const e = await run('2026-10');
    const res = await t.http.post(`/api/endorsements/${e.id}/recompute`).set(as(finance)).send();
    expect(res.status).toBe(202);
    expect(res.body.run.key).toBe('2026-10.r2');
    await runner.idle();
    expect(await run('2026-10')).toEqual(expect.objectContaining({ status: 'PREPARED', revision: 2 }));
    expect(money(await statementOf('2026-10', S.id))).toEqual({ passCount: 4, grossCents: 4000, feeCents: 160, subscriptionCents: 840, adjustmentsCents: 0, carriedCents: 0, netCents: 3000 });
    await expectRunInvariants('2026-10');
  });
});

describe('closing a month', () => {
  it('refuses the confirmation of a draft recomputed since, saying so, and changes nothing', async () => {
    const e = await run('2026-10');
    const res = await t.http.post(`/api/endorsements/${e.id}/close`).set(as(finance)).send({ revision: 1 });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/a été recalculé \(calcul n° 2, vous avez confirmé le n° 1\)/);
    expect((await run('2026-10')).status).toBe('PREPARED');
    for (const body of [{}, { revision: '2' }, { revision: 2.5 }, { revision: -1 }]) {
      expect((await t.http.post(`/api/endorsements/${e.id}/close`).set(as(finance)).send(body)).status).toBe(400);
    }
    expect((await t.http.post('/api/endorsements/00000000-0000-4000-8000-000000000000/close').set(as(finance)).send({ revision: 2 })).status).toBe(404);
  });

  it('numbers the statements gap-free in the order of the structures’ names, endorses their passes and posts the fees to the ledger', async () => {
    const e = await run('2026-10');
    const res = await t.http.post(`/api/endorsements/${e.id}/close`).set(as(finance)).send({ revision: 2 });
    expect(res.status).toBe(202);
    expect(res.body.run).toEqual(expect.objectContaining({ name: 'endorsement-close', key: '2026-10' }));
    await runner.idle();
    const closed = await run('2026-10');
    expect(closed).toEqual(expect.objectContaining({ status: 'CLOSED', closedAt: expect.any(Date), closedByName: expect.any(String) }));
    const statements = await prisma.statement.findMany({ where: { endorsementId: e.id }, include: { structure: { select: { name: true } } }, orderBy: { sequence: 'asc' } });
    expect(statements.length).toBe(closed.statementCount);
    expect(statements.map((s) => s.sequence)).toEqual(statements.map((_s, i) => i + 1));
    expect(statements.map((s) => s.number)).toEqual(statements.map((_s, i) => `2026-${String(i + 1).padStart(6, '0')}`));
    expect(statements.map((s) => s.structure.name)).toEqual([...statements.map((s) => s.structure.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(statements.every((s) => s.status === 'FINAL' && s.issuedAt !== null)).toBe(true);
    // Every pass of a line is ENDORSED now; November's pass of S is still REDEEMED.
    const [left] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "StatementLine" l JOIN "Statement" st ON st.id = l."statementId" JOIN "Pass" p ON p.id = l."passId"
       WHERE st."endorsementId" = ${e.id} AND p.status <> 'ENDORSED'`;
    expect(left.n).toBe(0);
    expect((await prisma.pass.findUniqueOrThrow({ where: { id: passes()[5].id } })).status).toBe('REDEEMED');
    // S's MONTH_CLOSED transaction: 1,60 € of fee and 8,40 € of kit leave its account.
    const s = await statementOf('2026-10', S.id);
    const entries = await prisma.ledgerEntry.findMany({ where: { resource: 'statements', recordId: s.id }, orderBy: { account: 'asc' } });
    expect(entries.map((l) => [l.event, l.account, l.debitCents, l.creditCents])).toEqual([
      ['MONTH_CLOSED', 'FEES_DOWNSTREAM', 0, 160],
      ['MONTH_CLOSED', `STRUCTURE:${S.id}`, 1000, 0],
      ['MONTH_CLOSED', 'SUBSCRIPTIONS', 0, 840],
    ]);
    expect(new Set(entries.map((l) => l.transactionId)).size).toBe(1);
    // One audit summary for the closing, not one per pass.
    const audits = await prisma.auditEvent.findMany({ where: { resource: 'endorsements', recordId: e.id }, orderBy: { createdAt: 'asc' } });
    expect(audits.map((a) => a.action)).toEqual(['prepare', 'prepared', 'recompute', 'prepared', 'close', 'closed']);
    // Then every statement's PDF was rendered and stored, as its transfer stood at closing.
    const stored = await prisma.statementPdf.findMany({ where: { statement: { endorsementId: e.id } }, include: { statement: { select: { payout: { select: { status: true } } } } } });
    expect(stored.map((p) => p.statementId).sort()).toEqual(statements.map((st) => st.id).sort());
    for (const p of stored) {
      expect(Buffer.from(p.bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(JSON.parse(p.payment)?.status ?? null).toBe(p.statement.payout?.status ?? null);
    }
    const job = await prisma.jobRun.findUniqueOrThrow({ where: { name_key: { name: 'endorsement-close', key: '2026-10' } } });
    expect(job.status).toBe('SUCCEEDED');
    expect((job.counts as Record<string, Record<string, number>>).pdfs).toEqual({ pdfs: statements.length, kilobytes: expect.any(Number) });
    await expectRunInvariants('2026-10');
    await expectLedgerInvariants(prisma);
  });

  it('does not recompute, close or prepare a closed month again', async () => {
    const e = await run('2026-10');
    const recompute = await t.http.post(`/api/endorsements/${e.id}/recompute`).set(as(finance)).send();
    expect(recompute.status).toBe(409);
    expect(recompute.body.message).toMatch(/clos : il ne se recalcule plus/);
    const close = await t.http.post(`/api/endorsements/${e.id}/close`).set(as(finance)).send({ revision: 2 });
    expect(close.status).toBe(409);
    expect((await t.http.post('/api/endorsements/prepare').set(as(finance)).send({ period: '2026-10' })).status).toBe(409);
  });
});

describe('the statement PDF', () => {
  const pdf = (res: { body: Buffer }) => pdfText(res.body);
  const binary = (req: ReturnType<typeof t.http.get>) => req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

  it('shows the mentions and totals of the statement as closed, and renders the same bytes twice', async () => {
    const s = await statementOf('2026-10', S.id);
    const structure = await prisma.structure.findUniqueOrThrow({ where: { id: S.id } });
    const res = await binary(t.http.get(`/api/statements/${s.id}/pdf`).set(as(finance)));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="releve-${s.number}.pdf"`);
    const text = pdf(res);
    for (const mention of ['RELEVÉ MENSUEL', `N° ${s.number}`, 'Période : octobre 2026', structure.name, `SIRET ${structure.siret}`, structure.addressLine, 'Association #APTIC']) expect(text).toContain(mention);
    // The account masked: country, check digits and last 3 only.
    const compact = structure.iban.replace(/\s+/g, '');
    expect(text).toContain(compact.slice(-3));
    expect(text).not.toContain(compact.slice(4, 12));
    // S in October: 4 passes, 40,00 − 1,60 − 8,40 = 30,00 €.
    expect(text).toMatch(/Valeur des 4 pass endossés \(brut\)\s+40,00 €/);
    expect(text).toMatch(/Frais de service aval \(4 % du brut\)\s+-1,60 €/);
    expect(text).toMatch(/Abonnement au kit dû ce mois\s+-8,40 €/);
    expect(text).toMatch(/Net du mois\s+30,00 €/);
    for (const line of s.lines) expect(text).toContain(line.barcode);
    const again = await binary(t.http.get(`/api/statements/${s.id}/pdf`).set(as(finance)));
    expect(Buffer.compare(again.body, res.body)).toBe(0);
    // What is served is what the closing stored, and the same bytes as rendering it afresh here (a pure function of the snapshot).
    const stored = await prisma.statementPdf.findUniqueOrThrow({ where: { statementId: s.id } });
    expect(Buffer.compare(Buffer.from(stored.bytes), res.body)).toBe(0);
    const document = (await statementDocuments(prisma, [s.id])).get(s.id)!;
    expect(Buffer.compare(await renderStatement(document.snapshot, document.lines, document.payment), res.body)).toBe(0);
    // Served as stored, not rendered again: bytes put in its place come back as they are.
    const marker = Buffer.from('%PDF-1.7 marqueur du test');
    await prisma.statementPdf.update({ where: { statementId: s.id }, data: { bytes: new Uint8Array(marker) } });
    expect(Buffer.compare((await binary(t.http.get(`/api/statements/${s.id}/pdf`).set(as(finance)))).body, marker)).toBe(0);
    await prisma.statementPdf.update({ where: { statementId: s.id }, data: { bytes: stored.bytes } });
    // SUPPORT reads statements too; a reviewer does not.
    expect((await t.http.get(`/api/statements/${s.id}/pdf`).set(as(await t.token('SUPPORT')))).status).toBe(200);
    expect((await t.http.get(`/api/statements/${s.id}/pdf`).set(as(await t.token('REVIEWER')))).status).toBe(403);
  });

  it('is given to its structure through the partner API, and to no other', async () => {
    const s = await statementOf('2026-10', S.id);
    const keyS = await partnerKey(prisma, S.id);
    const keyT = await partnerKey(prisma, T.id);
    const list = await t.http.get('/api/partner/statements').set(as(keyS));
    expect(list.status).toBe(200);
    expect(list.body).toEqual([expect.objectContaining({ id: s.id, number: s.number, period: '2026-10', grossCents: 4000, feeCents: 160, subscriptionCents: 840, netCents: 3000, payableCents: 3000, paidAt: null })]);
    const own = await binary(t.http.get(`/api/partner/statements/${s.id}/pdf`).set(as(keyS)));
    expect(own.status).toBe(200);
    expect(pdf(own)).toContain(s.number);
    const other = await t.http.get(`/api/partner/statements/${s.id}/pdf`).set(as(keyT));
    expect(other.status).toBe(404);
    expect((await t.http.get('/api/partner/statements').set(as(keyT))).body.map((x: { id: string }) => x.id)).not.toContain(s.id);
    expect((await t.http.get(`/api/partner/statements/${s.id}/pdf`)).status).toBe(401);
  });
});

describe('the next month', () => {
  it('carries T’s negative net, charges S’s second month of kit, and holds the scan under dispute out', async () => {
    // T redeems 10 passes in November: 100,00 − 4,00 − 0 (annual kit paid) − 70,80 carried = 25,20 €.
    for (let i = 0; i < 10; i++) await redeemAt(T, paris(`2026-11-${String(10 + i).padStart(2, '0')}T14:00`));
    await prepare('2026-11');
    expect(money(await statementOf('2026-11', T.id))).toEqual({ passCount: 10, grossCents: 10_000, feeCents: 400, subscriptionCents: 0, adjustmentsCents: 0, carriedCents: -7080, netCents: 2520 });
    // S: the pass of 00:30 on 1 November, and the month of kit begun on 15 November.
    expect(money(await statementOf('2026-11', S.id))).toEqual({ passCount: 1, grossCents: 1000, feeCents: 40, subscriptionCents: 840, adjustmentsCents: 0, carriedCents: 0, netCents: 120 });
    // The demo's dispute under investigation holds its scan out of the run; its pass stays REDEEMED for a later one.
    // A draft has no PDF yet.
    const draft = await t.http.get(`/api/statements/${(await statementOf('2026-11', S.id)).id}/pdf`).set(as(finance));
    expect(draft.status).toBe(409);
    expect(draft.body.message).toMatch(/encore provisoire/);
    const held = await prisma.disputeItem.findFirstOrThrow({ where: { dispute: { status: 'INVESTIGATING' } } });
    expect(await prisma.statementLine.count({ where: { scanId: held.scanId! } })).toBe(0);
    await expectRunInvariants('2026-11');
  });

  it('refuses to close a draft gone stale (a dispute opened on one of its scans since), returns the month to its draft, then closes the recomputed one', async () => {
    const e = await run('2026-11');
    const t1 = await statementOf('2026-11', T.id);
    const line = t1.lines[0];
    const support = await prisma.user.findFirstOrThrow({ where: { role: 'SUPPORT' } });
    await prisma.dispute.create({
      data: {
        reference: 'LIT-T14-0001',
        origin: 'BENEFICIARY',
        category: 'SERVICE_NOT_RENDERED',
        description: 'Ouvert après le calcul du brouillon.',
        structureId: T.id,
        openedById: support.id,
        items: { create: { scanId: line.scanId, passId: line.passId } },
      },
    });
    await t.http.post(`/api/endorsements/${e.id}/close`).set(as(finance)).send({ revision: 1 }).expect(202);
    await runner.idle();
    expect((await run('2026-11')).status).toBe('PREPARED');
    const job = await prisma.jobRun.findUniqueOrThrow({ where: { name_key: { name: 'endorsement-close', key: '2026-11' } } });
    expect(job.status).toBe('FAILED');
    expect(job.error).toMatch(/1 ligne du brouillon n’est plus endossable .* recalculez le mois, puis clôturez-le\. Le mois est revenu à son brouillon : rien n’a été clôturé\.$/);
    expect((await prisma.pass.findUniqueOrThrow({ where: { id: line.passId } })).status).toBe('REDEEMED');
    expect(await prisma.ledgerEntry.count({ where: { event: 'MONTH_CLOSED', recordId: t1.id } })).toBe(0);
    expect(await prisma.statement.count({ where: { endorsementId: e.id, status: 'FINAL' } })).toBe(0);

    // Recomputed, the held scan is out: T has 9 passes, 90,00 − 3,60 − 70,80 = 15,60 €.
    await t.http.post(`/api/endorsements/${e.id}/recompute`).set(as(finance)).send().expect(202);
    await runner.idle();
    expect(await prisma.statementLine.count({ where: { scanId: line.scanId } })).toBe(0);
    expect(money(await statementOf('2026-11', T.id))).toEqual({ passCount: 9, grossCents: 9000, feeCents: 360, subscriptionCents: 0, adjustmentsCents: 0, carriedCents: -7080, netCents: 1560 });
    // « Clôturer » again takes the failed run up.
    await t.http.post(`/api/endorsements/${e.id}/close`).set(as(finance)).send({ revision: 2 }).expect(202);
    await runner.idle();
    expect((await run('2026-11')).status).toBe('CLOSED');
    expect((await prisma.pass.findUniqueOrThrow({ where: { id: line.passId } })).status).toBe('REDEEMED');
    // Numbers continue the year's sequence, with no gap.
    const numbers = (await prisma.statement.findMany({ where: { year: 2026 }, select: { sequence: true } })).map((s) => s.sequence!).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_n, i) => i + 1));
    await expectRunInvariants('2026-11');
    await expectLedgerInvariants(prisma);
  });

  it('does not prepare a month before a closed one: its passes join the next run', async () => {
    const res = await t.http.post('/api/endorsements/prepare').set(as(finance)).send({ period: '2026-09' });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/précède le mois 2026-10, déjà clos/);
    expect(await prisma.endorsement.count({ where: { period: '2026-09' } })).toBe(0);
  });
});
