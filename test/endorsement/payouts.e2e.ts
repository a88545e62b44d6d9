import { JobRunner } from '../../server/src/jobs/job-runner';
import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { accountTotals } from '../../server/src/ledger/invariants';
import { expectLedgerInvariants } from '../support/ledger';
import { checkPain001 } from '../support/pain001';
import { expectErrorShape, startTestApp, TestApp } from '../support/test-app';
import { approvedOffer, makeOrder, type OrderFixture } from '../scanning/support';
import { paris, redeemPassAt } from './support';
import { pdfText } from '../documents/support';

// Issue 14, payouts: closing October creates the payouts (a structure with a wrong IBAN is
// withheld, with the reason); FINANCE exports the transfers (SEPA pain.001 + CSV), marks them paid (passes PAID,
// PAYOUT_PAID), then the bank returns A's transfer. November's statements carry what never
// reached the structures: A's returned 28,80 € and B's withheld 19,20 €, and pay them.
let t: TestApp;
let prisma: PrismaClient;
let runner: JobRunner;
let finance: string;
let order: OrderFixture;
const A = { id: '', offerId: '', iban: '' };
const B = { id: '', offerId: '', iban: '' };
let nextPass = 0;
const WRONG_IBAN = 'FR7630006000011234567890188';

const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const redeemAt = (s: { id: string; offerId: string }, at: Date) => redeemPassAt(prisma, s, order.booklets.flat()[nextPass++], at);
/** A file as the bytes the server sent. */
const download = (url: string) =>
  t.http.get(url).set(as(finance)).buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
const run = (period: string) => prisma.endorsement.findUniqueOrThrow({ where: { period } });
const payoutOf = async (period: string, structureId: string) => prisma.payout.findFirstOrThrow({ where: { endorsement: { period }, structureId } });
const balance = async (structureId: string) => {
  const totals = (await accountTotals(prisma, { accountPrefix: `STRUCTURE:${structureId}` })).get(`STRUCTURE:${structureId}`);
  return totals ? totals.creditCents - totals.debitCents : 0;
};
const passStatuses = async (structureId: string) =>
  (await prisma.scan.findMany({ where: { structureId, outcome: 'ACCEPTED' }, select: { pass: { select: { status: true } } }, orderBy: { scannedAt: 'asc' } })).map((s) => s.pass?.status);

async function closeMonth(period: string) {
  expect((await t.http.post('/api/endorsements/prepare').set(as(finance)).send({ period })).status).toBe(202);
  await runner.idle();
  const e = await run(period);
  expect((await t.http.post(`/api/endorsements/${e.id}/close`).set(as(finance)).send({ revision: e.revision })).status).toBe(202);
  await runner.idle();
  expect((await run(period)).status).toBe('CLOSED');
  return e.id;
}

beforeAll(async () => {
  t = await startTestApp();
  prisma = t.started.deps.db.prisma;
  runner = t.started.app.get(JobRunner);
  finance = await t.token('FINANCE');
  const quiet = await prisma.structure.findMany({ where: { status: 'ELIGIBLE', scans: { none: {} } }, orderBy: { name: 'asc' }, take: 2 });
  for (const [fixture, structure] of [[A, quiet[0]], [B, quiet[1]]] as const) {
    fixture.id = structure.id;
    fixture.iban = structure.iban;
    fixture.offerId = (await approvedOffer(prisma, structure.id, 1000)).id;
    await prisma.subscription.deleteMany({ where: { structureId: structure.id } });
  }
  // B's account number was mistyped (the check digits do not match): its payout must be withheld.
  await prisma.structure.update({ where: { id: B.id }, data: { iban: WRONG_IBAN } });
  order = await makeOrder(prisma, { booklets: 1 });
  for (const day of ['2026-10-05T10:00', '2026-10-12T10:00', '2026-10-19T10:00']) await redeemAt(A, paris(day));
  for (const day of ['2026-10-06T10:00', '2026-10-13T10:00']) await redeemAt(B, paris(day));
  await redeemAt(A, paris('2026-11-03T10:00'));
  await closeMonth('2026-10');
});
afterAll(() => t.close());

describe('closing a month creates its payouts', () => {
  it('one payout per statement with a positive net, to the account its statement shows; withheld with the reason when that account is wrong', async () => {
    const a = await payoutOf('2026-10', A.id);
    const statement = await prisma.statement.findUniqueOrThrow({ where: { id: a.statementId } });
    // 30,00 € − 4 % = 28,80 €
    expect(a).toEqual(expect.objectContaining({ status: 'PENDING', amountCents: 2880, endToEndId: `APTIC-${statement.number}`, iban: A.iban }));
    // B: 20,00 € − 0,80 €, not payable to a mistyped account.
    expect(await payoutOf('2026-10', B.id)).toEqual(expect.objectContaining({ status: 'WITHHELD', amountCents: 1920, withheldReason: expect.stringMatching(/IBAN invalide/), iban: null }));
    const e = await run('2026-10');
    const [{ n, cents }] = await prisma.$queryRaw<{ n: number; cents: bigint }[]>`SELECT count(*)::int AS n, sum("amountCents") AS cents FROM "Payout" WHERE "endorsementId" = ${e.id}`;
    expect(n).toBe(await prisma.statement.count({ where: { endorsementId: e.id, netCents: { gt: 0 } } }));
    expect(Number(cents)).toBe(Number(e.payableCents));
    await expectLedgerInvariants(prisma);
  });

  it('has no file before the export, and only FINANCE and ADMIN export', async () => {
    const e = await run('2026-10');
    const early = await t.http.get(`/api/endorsements/${e.id}/payouts.xml`).set(as(finance));
    expect(early.status).toBe(409);
    expectErrorShape(early.body, 409);
    expect(early.body.message).toMatch(/pas encore été exportés/);
    for (const role of ['SUPPORT', 'REVIEWER'] as const) {
      expect((await t.http.post(`/api/endorsements/${e.id}/export`).set(as(await t.token(role))).send()).status).toBe(403);
      expect((await t.http.get(`/api/endorsements/${e.id}/payouts.csv`).set(as(await t.token(role)))).status).toBe(403);
    }
    expect((await t.http.post(`/api/endorsements/${e.id}/export`).send()).status).toBe(401);
    expect((await t.http.post('/api/endorsements/00000000-0000-4000-8000-000000000000/export').set(as(finance)).send()).status).toBe(404);
    expect((await run('2026-10')).status).toBe('CLOSED');
  });
});

describe('exporting the payouts', () => {
  let xml = '';

  it('writes a pain.001 message with one transfer per valid payout, the right amounts and control sum; B is withheld with the reason', async () => {
    const e = await run('2026-10');
    const res = await t.http.post(`/api/endorsements/${e.id}/export`).set(as(finance)).send();
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ status: 'EXPORTED', exportedByName: expect.any(String) }));
    const b = await payoutOf('2026-10', B.id);
    expect(b.status).toBe('WITHHELD');
    const a = await payoutOf('2026-10', A.id);
    expect(a).toEqual(expect.objectContaining({ status: 'EXPORTED', iban: A.iban, exportedAt: expect.any(Date) }));

    const file = await download(`/api/endorsements/${e.id}/payouts.xml`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/application\/xml/);
    expect(file.headers['content-disposition']).toContain('virements-2026-10.xml');
    xml = (file.body as Buffer).toString('utf8');
    const parsed = checkPain001(xml);
    expect(parsed.problems).toEqual([]);
    const exported = await prisma.payout.findMany({ where: { endorsementId: e.id, status: 'EXPORTED' } });
    expect(parsed.transfers).toHaveLength(exported.length);
    expect(parsed.controlSumCents).toBe(exported.reduce((s, p) => s + p.amountCents, 0));
    expect(parsed.transfers.find((x) => x.endToEndId === a.endToEndId)).toEqual(expect.objectContaining({ amountCents: 2880, iban: A.iban }));
    expect(parsed.transfers.some((x) => x.endToEndId === b.endToEndId)).toBe(false);
    expect(parsed.transfers.some((x) => x.iban === WRONG_IBAN)).toBe(false);
    expect(parsed.messageId).toBe(((await run('2026-10')).sepaExport as { messageId: string }).messageId);
  });

  it('lists the transfers and the withheld payout with its reason in the CSV', async () => {
    const e = await run('2026-10');
    const res = await t.http.get(`/api/endorsements/${e.id}/payouts.csv`).set(as(finance));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const b = await prisma.structure.findUniqueOrThrow({ where: { id: B.id } });
    const withheld = res.text.split('\r\n').find((l) => l.startsWith('RETENU;'));
    expect(withheld).toContain(b.name.split(' ')[0]);
    expect(withheld).toContain(';19,20;');
    expect(withheld).toMatch(/IBAN invalide/);
    expect(res.text).toMatch(/\nVIREMENT;.*;28,80;APTIC-/);
  });

  it('gives the same file again, even after a structure changes its bank details', async () => {
    const e = await run('2026-10');
    await prisma.structure.update({ where: { id: A.id }, data: { iban: 'FR1420041010050500013M02606' } });
    const again = await t.http.post(`/api/endorsements/${e.id}/export`).set(as(finance)).send();
    expect(again.status).toBe(200);
    const second = await download(`/api/endorsements/${e.id}/payouts.xml`);
    expect((second.body as Buffer).toString('utf8')).toBe(xml);
    await prisma.structure.update({ where: { id: A.id }, data: { iban: A.iban } });
    expect(await prisma.auditEvent.count({ where: { resource: 'endorsements', recordId: e.id, action: 'export' } })).toBe(2);
  });
});

describe('marking the payouts paid', () => {
  it('pays the exported transfers: passes PAID, structure → bank in the ledger; the withheld one stays owed', async () => {
    const e = await run('2026-10');
    // Owed to A: October's 28,80 € and November's pass (10,00 €), not endorsed yet.
    expect(await balance(A.id)).toBe(2880 + 1000);
    const res = await t.http.post(`/api/endorsements/${e.id}/mark-paid`).set(as(finance)).send();
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('PAID');
    expect((await payoutOf('2026-10', A.id)).status).toBe('PAID');
    expect(await passStatuses(A.id)).toEqual(['PAID', 'PAID', 'PAID', 'REDEEMED']);
    expect(await balance(A.id)).toBe(1000);
    // B: 20,00 € − 0,80 € withheld, still owed; its passes endorsed, not paid.
    expect((await payoutOf('2026-10', B.id)).status).toBe('WITHHELD');
    expect(await passStatuses(B.id)).toEqual(['ENDORSED', 'ENDORSED']);
    expect(await balance(B.id)).toBe(1920);
    const paid = await prisma.ledgerEntry.findMany({ where: { event: 'PAYOUT_PAID', recordId: (await payoutOf('2026-10', A.id)).id } });
    expect(paid.map((l) => [l.account, l.debitCents, l.creditCents]).sort()).toEqual([['BANK', 0, 2880], [`STRUCTURE:${A.id}`, 2880, 0]]);
    await expectLedgerInvariants(prisma);
  });

  it('shows on A’s statement PDF that the transfer was executed, while the closing’s stored PDF stays as it was', async () => {
    const statementId = (await payoutOf('2026-10', A.id)).statementId;
    const stored = await prisma.statementPdf.findUniqueOrThrow({ where: { statementId } });
    expect(pdfText(Buffer.from(stored.bytes))).toContain('Virement SEPA sur le compte ci-dessus');
    const res = await t.http.get(`/api/statements/${statementId}/pdf`).set(as(finance)).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    const paidOn = (await payoutOf('2026-10', A.id)).paidAt!.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });
    expect(pdfText(res.body)).toContain(`Virement exécuté le ${paidOn}.`);
    expect((await prisma.statementPdf.findUniqueOrThrow({ where: { statementId } })).sha256).toBe(stored.sha256);
  });

  it('cannot be done twice', async () => {
    const e = await run('2026-10');
    const again = await t.http.post(`/api/endorsements/${e.id}/mark-paid`).set(as(finance)).send();
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/déjà marqués payés/);
    expect(await prisma.ledgerEntry.count({ where: { event: 'PAYOUT_PAID', recordId: (await payoutOf('2026-10', A.id)).id } })).toBe(2);
  });
});

describe('a transfer the bank returned', () => {
  it('needs the bank’s reason', async () => {
    const a = await payoutOf('2026-10', A.id);
    for (const body of [{}, { reason: '' }, { reason: 42 }, { reason: 'x'.repeat(501) }]) {
      const res = await t.http.post(`/api/payouts/${a.id}/return`).set(as(finance)).send(body);
      expect(res.status).toBe(400);
    }
    expect((await t.http.post(`/api/payouts/${(await payoutOf('2026-10', B.id)).id}/return`).set(as(finance)).send({ reason: 'Compte clos' })).status).toBe(409);
    expect((await payoutOf('2026-10', A.id)).status).toBe('PAID');
  });

  it('puts the amount back in the structure’s balance by a reversal, and its passes back to ENDORSED', async () => {
    const a = await payoutOf('2026-10', A.id);
    const res = await t.http.post(`/api/payouts/${a.id}/return`).set(as(finance)).send({ reason: 'Compte clôturé (AC04)' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ status: 'RETURNED', returnedReason: 'Compte clôturé (AC04)' }));
    expect(await balance(A.id)).toBe(2880 + 1000);
    expect(await passStatuses(A.id)).toEqual(['ENDORSED', 'ENDORSED', 'ENDORSED', 'REDEEMED']);
    expect(await prisma.ledgerEntry.count({ where: { event: 'REVERSAL', resource: 'payouts', recordId: a.id } })).toBe(2);
    expect((await t.http.post(`/api/payouts/${a.id}/return`).set(as(finance)).send({ reason: 'encore' })).status).toBe(409);
    await expectLedgerInvariants(prisma);
  });
});

describe('the next month carries what never reached the structures', () => {
  it('November pays A’s returned and B’s withheld amounts, once its bank details are right', async () => {
    await prisma.structure.update({ where: { id: B.id }, data: { iban: B.iban } });
    const id = await closeMonth('2026-11');
    const statementOf = (structureId: string) => prisma.statement.findUniqueOrThrow({ where: { endorsementId_structureId: { endorsementId: id, structureId } } });
    // A: 10,00 € − 0,40 € + 28,80 € returned.
    expect(await statementOf(A.id)).toEqual(expect.objectContaining({ grossCents: 1000, feeCents: 40, carriedCents: 2880, netCents: 3840 }));
    // B: nothing redeemed in November, but 19,20 € owed: a statement of its own.
    expect(await statementOf(B.id)).toEqual(expect.objectContaining({ grossCents: 0, carriedCents: 1920, netCents: 1920 }));
    expect((await payoutOf('2026-10', A.id)).carriedIntoId).toBe((await statementOf(A.id)).id);
    expect((await payoutOf('2026-10', B.id)).carriedIntoId).toBe((await statementOf(B.id)).id);
    await expectLedgerInvariants(prisma);

    expect((await t.http.post(`/api/endorsements/${id}/export`).set(as(finance)).send()).status).toBe(200);
    const xml = (await download(`/api/endorsements/${id}/payouts.xml`)).body.toString('utf8');
    const parsed = checkPain001(xml);
    expect(parsed.problems).toEqual([]);
    expect(parsed.transfers.filter((x) => x.iban === A.iban || x.iban === B.iban).map((x) => x.amountCents).sort()).toEqual([1920, 3840]);
    expect((await t.http.post(`/api/endorsements/${id}/mark-paid`).set(as(finance)).send()).status).toBe(200);
    expect(await balance(A.id)).toBe(0);
    expect(await balance(B.id)).toBe(0);
    // Every pass of A and B is now paid: October's through November's transfers.
    expect(await passStatuses(A.id)).toEqual(['PAID', 'PAID', 'PAID', 'PAID']);
    expect(await passStatuses(B.id)).toEqual(['PAID', 'PAID']);
    await expectLedgerInvariants(prisma);
  });
});
