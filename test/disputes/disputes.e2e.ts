import { JobRunner } from '../../server/src/jobs/job-runner';
import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { expectLedgerInvariants } from '../support/ledger';
import { expectErrorShape, startTestApp, TestApp } from '../support/test-app';
import { approvedOffer, makeOrder, partnerKey, type OrderFixture } from '../scanning/support';
import { paris, redeemPassAt } from '../endorsement/support';
import { collect, connect, connected, subscribe, waitFor } from '../support/sockets';

// Issue 15: support opens, assigns, investigates and resolves disputes. Three demo structures that
// never scanned, so that their figures are this test's: S (October and November redemptions, no
// kit), T (no kit: its scans are refused, then forced) and U (a pass past its validity). The
// steps run in order on one database: hold and release across October's endorsement, voids
// before and after endorsement, the adjustment on S's November draft, a forced redemption.
let t: TestApp;
let prisma: PrismaClient;
let runner: JobRunner;
let support: string;
let admin: string;
let finance: string;
let order: OrderFixture;
const S = { id: '', offerId: '' };
const T = { id: '', offerId: '' };
const U = { id: '', offerId: '' };
const p: Record<string, { id: string; barcode: string }> = {};

const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const enc = encodeURIComponent;
const scanOf = (passId: string) => prisma.scan.findFirstOrThrow({ where: { passId, outcome: 'ACCEPTED' }, orderBy: { scannedAt: 'desc' } });
const open = (body: object, token = support) => t.http.post('/api/disputes').set(as(token)).send(body);
const resolve = (id: string, body: object, token = support) => t.http.post(`/api/disputes/${id}/resolve`).set(as(token)).send(body);
const statementOf = async (period: string, structureId: string) => {
  const e = await prisma.endorsement.findUniqueOrThrow({ where: { period } });
  return prisma.statement.findUnique({ where: { endorsementId_structureId: { endorsementId: e.id, structureId } }, include: { lines: { orderBy: { scannedAt: 'asc' } } } });
};
const ledgerOf = (recordId: string) => prisma.ledgerEntry.findMany({ where: { recordId }, orderBy: [{ createdAt: 'asc' }, { account: 'asc' }], select: { event: true, account: true, debitCents: true, creditCents: true } });

async function prepare(period: string) {
  await t.http.post('/api/endorsements/prepare').set(as(finance)).send({ period }).expect(202);
  await runner.idle();
  const e = await prisma.endorsement.findUniqueOrThrow({ where: { period } });
  expect(e.status).toBe('PREPARED');
  return e;
}

async function close(period: string) {
  const e = await prisma.endorsement.findUniqueOrThrow({ where: { period } });
  await t.http.post(`/api/endorsements/${e.id}/close`).set(as(finance)).send({ revision: e.revision }).expect(202);
  await runner.idle();
  expect((await prisma.endorsement.findUniqueOrThrow({ where: { period } })).status).toBe('CLOSED');
}

beforeAll(async () => {
  t = await startTestApp();
  prisma = t.started.deps.db.prisma;
  runner = t.started.app.get(JobRunner);
  [support, admin, finance] = await Promise.all([t.token('SUPPORT'), t.token('ADMIN'), t.token('FINANCE')]);
  const quiet = await prisma.structure.findMany({ where: { status: 'ELIGIBLE', scans: { none: {} } }, orderBy: { name: 'asc' }, take: 3 });
  expect(quiet).toHaveLength(3);
  for (const [fixture, structure] of [
    [S, quiet[0]],
    [T, quiet[1]],
    [U, quiet[2]],
  ] as const) {
    fixture.id = structure.id;
    fixture.offerId = (await approvedOffer(prisma, structure.id, 1000)).id;
    await prisma.subscription.deleteMany({ where: { structureId: structure.id } });
  }
  order = await makeOrder(prisma, { booklets: 1 });
  const [p1, p2, p3, p4, t1, t2] = order.booklets[0];
  Object.assign(p, { p1, p2, p3, p4, t1, t2 });
  await redeemPassAt(prisma, S, p1, paris('2026-10-10T10:00'));
  await redeemPassAt(prisma, S, p2, paris('2026-10-12T10:00'));
  await redeemPassAt(prisma, S, p3, paris('2026-11-05T10:00'));
  await redeemPassAt(prisma, S, p4, paris('2026-11-20T10:00'));
});

afterAll(() => t.close());

afterEach(() => expectLedgerInvariants(prisma));

describe('opening a dispute', () => {
  it('refuses what is not a dispute, with a message per field, and roles that do not handle disputes', async () => {
    const scan = await scanOf(p.p1.id);
    const base = { origin: 'BENEFICIARY', category: 'SERVICE_NOT_RENDERED', description: 'La bénéficiaire dit ne pas avoir eu d’atelier.', scanIds: [scan.id] };
    const before = await prisma.dispute.count();
    for (const [body, field] of [
      [{ ...base, origin: 'VOISIN' }, 'origin'],
      [{ ...base, category: undefined }, 'category'],
      [{ ...base, description: 'court' }, 'description'],
      [{ ...base, description: 'x'.repeat(5000) }, 'description'],
      [{ ...base, scanIds: 'abc' }, 'scanIds'],
      [{ ...base, scanIds: ['not-a-uuid'] }, 'scanIds'],
      [{ ...base, scanIds: Array.from({ length: 51 }, () => scan.id) }, 'scanIds'],
      [{ ...base, scanIds: ['00000000-0000-4000-8000-000000000000'] }, 'scanIds'],
      [{ ...base, passIds: ['00000000-0000-4000-8000-000000000000'] }, 'passIds'],
      [{ ...base, scanIds: undefined }, 'scanIds'],
    ] as const) {
      const res = await open(body);
      expect(res.status).toBe(400);
      expectErrorShape(res.body, 400);
      expect(Object.keys(res.body.details?.fields ?? {})).toContain(field);
    }
    // Injection-looking keys and strings change nothing but the text they are.
    const proto = await open(JSON.parse(`{"__proto__": {"status": "RESOLVED"}, "constructor": {"x": 1}, "origin": "STRUCTURE", "category": "OTHER", "description": "'; DROP TABLE \\"Dispute\\"; --", "structureId": "${S.id}", "status": "RESOLVED"}`));
    expect(proto.status).toBe(400);
    expect(await prisma.dispute.count()).toBe(before);
    expect((await open(base, finance)).status).toBe(403);
    expect((await open(base, await t.token('REVIEWER'))).status).toBe(403);
    expect(await prisma.dispute.count()).toBe(before);
  });

  it('names the structure of its scans, or none when they come from two (a pass refused here, accepted there)', async () => {
    const other = await prisma.scan.findFirstOrThrow({ where: { outcome: 'ACCEPTED', structureId: { notIn: [S.id, T.id, U.id] }, disputeItems: { none: {} }, pass: { disputeItems: { none: {} } } } });
    const mine = await scanOf(p.p4.id);
    const mixed = await open({ origin: 'INTERNAL_CONTROL', category: 'OTHER', description: 'Deux structures, un seul contrôle.', scanIds: [mine.id, other.id] });
    expect(mixed.status).toBe(201);
    expect(mixed.body.structureId).toBeNull();
    const byStructure = await open({ origin: 'STRUCTURE', category: 'OTHER', description: 'Question générale de la structure.', structureId: T.id });
    expect(byStructure.status).toBe(201);
    expect(byStructure.body.structureId).toBe(T.id);
    for (const id of [mixed.body.id, byStructure.body.id]) {
      expect((await t.http.post(`/api/disputes/${id}/cancel`).set(as(support)).send({ explanation: 'Ouvert pour le test, sans suite.' })).status).toBe(200);
    }
    const cancelled = await prisma.dispute.findUniqueOrThrow({ where: { id: mixed.body.id } });
    expect(cancelled).toEqual(expect.objectContaining({ status: 'CANCELLED', outcome: null, resolutionComment: 'Ouvert pour le test, sans suite.' }));
    // A cancelled dispute is closed for good.
    expect((await t.http.post(`/api/disputes/${mixed.body.id}/investigate`).set(as(support))).status).toBe(409);
  });

  it('opens one from a scan, numbered LIT-AAAA-NNNN, holds it, tells the pass’s history; a second one on the same pass is refused, even at once', async () => {
    const scan = await scanOf(p.p1.id);
    const body = { origin: 'BENEFICIARY', category: 'SERVICE_NOT_RENDERED', description: 'La bénéficiaire dit ne pas avoir eu d’atelier le 10 octobre.', scanIds: [scan.id] };
    const [a, b] = await Promise.all([open(body), open({ ...body, scanIds: undefined, passIds: [p.p1.id] })]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const created = a.status === 201 ? a.body : b.body;
    const refused = a.status === 201 ? b.body : a.body;
    expect(refused.message).toMatch(new RegExp(`Le pass ${p.p1.barcode} est déjà en litige \\(${created.reference}\\)`));
    expect(created).toEqual(expect.objectContaining({ status: 'OPEN', origin: 'BENEFICIARY', category: 'SERVICE_NOT_RENDERED', structureId: S.id, assigneeId: null }));
    // The demo data's LIT-2026-0001 is skipped.
    expect(created.reference).toMatch(/^LIT-2026-\d{4}$/);
    expect(created.reference).not.toBe('LIT-2026-0001');
    const items = await prisma.disputeItem.findMany({ where: { disputeId: created.id } });
    expect(items).toEqual([expect.objectContaining({ scanId: scan.id, passId: p.p1.id })]);
    const history = await prisma.auditEvent.findMany({ where: { resource: 'passes', recordId: p.p1.id } });
    expect(history.map((h) => h.action)).toEqual(['dispute-open']);
    expect((await prisma.auditEvent.findFirstOrThrow({ where: { resource: 'disputes', recordId: created.id } })).action).toBe('create');
  });
});

describe('across an endorsement run', () => {
  it('holds the disputed scan out of October’s statement; resolved UPHOLD, it joins November’s', async () => {
    await prepare('2026-10');
    const october = (await statementOf('2026-10', S.id))!;
    expect(october.lines.map((l) => l.barcode)).toEqual([p.p2.barcode]);
    expect({ gross: october.grossCents, fee: october.feeCents, net: october.netCents }).toEqual({ gross: 1000, fee: 40, net: 960 });
    await close('2026-10');
    expect(await prisma.pass.findUniqueOrThrow({ where: { id: p.p1.id }, select: { status: true } })).toEqual({ status: 'REDEEMED' });
    expect(await prisma.payout.findUniqueOrThrow({ where: { statementId: october.id }, select: { status: true, amountCents: true } })).toEqual({ status: 'PENDING', amountCents: 960 });

    const dispute = await prisma.dispute.findFirstOrThrow({ where: { items: { some: { passId: p.p1.id } } } });
    // Taken up by support: assigned to them, then decided by them only (or an ADMIN).
    const taken = await t.http.post(`/api/disputes/${dispute.id}/investigate`).set(as(support));
    expect(taken.status).toBe(200);
    expect(taken.body).toEqual(expect.objectContaining({ status: 'INVESTIGATING', assigneeId: expect.any(String) }));
    const upheld = await resolve(dispute.id, { outcome: 'UPHOLD', explanation: 'L’atelier a bien eu lieu : feuille d’émargement fournie.' });
    expect(upheld.status).toBe(200);
    expect(upheld.body).toEqual(expect.objectContaining({ status: 'RESOLVED', outcome: 'UPHOLD', resolutionComment: 'L’atelier a bien eu lieu : feuille d’émargement fournie.', resolvedAt: expect.any(String) }));
    // Nothing moved: the scan stands, its pass redeemed, no ledger line for the dispute.
    expect((await scanOf(p.p1.id)).voidedAt).toBeNull();
    expect(await ledgerOf(dispute.id)).toEqual([]);
  });

  it('cannot be resolved twice; two agents resolving at once: one wins, the other is told who did', async () => {
    const once = await prisma.dispute.findFirstOrThrow({ where: { items: { some: { passId: p.p1.id } } } });
    const again = await resolve(once.id, { outcome: 'VOID_SCAN', explanation: 'Deuxième décision sur le même litige.' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(new RegExp(`Le litige ${once.reference} est résolu par .+ le \\d{2}/\\d{2}/\\d{4} : il ne peut plus être résolu\\.`));
    expect((await scanOf(p.p1.id)).voidedAt).toBeNull();

    // p3 (November, not endorsed): SUPPORT and ADMIN resolve the same open dispute at the same moment.
    const d = await open({ origin: 'INTERNAL_CONTROL', category: 'DUPLICATE_SCAN', description: 'Scan en double signalé par le contrôle interne.', passIds: [p.p3.id] });
    expect(d.status).toBe(201);
    const [a, b] = await Promise.all([
      resolve(d.body.id, { outcome: 'VOID_SCAN', explanation: 'Scan en double : annulé par le support.' }, support),
      resolve(d.body.id, { outcome: 'UPHOLD', explanation: 'Scan légitime selon l’administration.' }, admin),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a.body : b.body;
    const loser = a.status === 200 ? b.body : a.body;
    expect(loser.message).toMatch(/est résolu par .+ : il ne peut plus être résolu/);
    const final = await prisma.dispute.findUniqueOrThrow({ where: { id: d.body.id } });
    expect(final.outcome).toBe(winner.outcome);
    expect(await prisma.auditEvent.count({ where: { resource: 'disputes', recordId: d.body.id, action: 'resolve' } })).toBe(1);
    if (final.outcome === 'UPHOLD') {
      // The admin won: void p3 through a new dispute, so that the rest of the story is the same.
      const v = await open({ origin: 'INTERNAL_CONTROL', category: 'DUPLICATE_SCAN', description: 'Scan en double signalé par le contrôle interne.', passIds: [p.p3.id] });
      expect((await resolve(v.body.id, { outcome: 'VOID_SCAN', explanation: 'Scan en double : annulé par le support.' })).status).toBe(200);
    }
  });

  it('voids a scan not yet endorsed: the pass is ACTIVE again, the ledger reversed, no adjustment', async () => {
    const scan = await prisma.scan.findFirstOrThrow({ where: { passId: p.p3.id } });
    expect(scan.voidedAt).not.toBeNull();
    expect(scan.voidReason).toMatch(/^Litige LIT-2026-\d{4} : Scan en double/);
    expect(await prisma.pass.findUniqueOrThrow({ where: { id: p.p3.id }, select: { status: true, redeemedAt: true } })).toEqual({ status: 'ACTIVE', redeemedAt: null });
    const dispute = await prisma.dispute.findFirstOrThrow({ where: { outcome: 'VOID_SCAN', items: { some: { passId: p.p3.id } } } });
    expect(await ledgerOf(dispute.id)).toEqual([
      { event: 'SCAN_VOIDED', account: 'PASS_FLOAT', debitCents: 0, creditCents: 1000 },
      { event: 'SCAN_VOIDED', account: `STRUCTURE:${S.id}`, debitCents: 1000, creditCents: 0 },
    ]);
    expect(await prisma.adjustment.count({ where: { disputeId: dispute.id } })).toBe(0);
    // A voided scan is voided once: nothing left to void.
    const d = await open({ origin: 'STRUCTURE', category: 'OTHER', description: 'La structure conteste l’annulation du scan.', scanIds: [scan.id] });
    expect(d.status).toBe(201);
    const none = await resolve(d.body.id, { outcome: 'VOID_SCAN', explanation: 'Tentative d’annuler une seconde fois.' });
    expect(none.status).toBe(409);
    expect(none.body.message).toMatch(/ne porte sur aucun scan accepté à annuler/);
    expect((await t.http.post(`/api/disputes/${d.body.id}/cancel`).set(as(support)).send({ explanation: 'Ouvert par erreur, rien à contester.' })).status).toBe(200);
  });

  it('voids a scan already endorsed: a negative adjustment of its value lands on S’s November draft, with the right sign and amount', async () => {
    const d = await open({ origin: 'SPONSOR', category: 'FRAUD_SUSPICION', description: 'Le commanditaire signale un pass utilisé sans service.', passIds: [p.p2.id] });
    expect(d.status).toBe(201);
    const res = await resolve(d.body.id, { outcome: 'VOID_SCAN', explanation: 'Service non rendu, confirmé par la structure.' });
    expect(res.status).toBe(200);
    expect(await prisma.pass.findUniqueOrThrow({ where: { id: p.p2.id }, select: { status: true } })).toEqual({ status: 'ACTIVE' });
    const [adjustment] = await prisma.adjustment.findMany({ where: { disputeId: d.body.id } });
    expect(adjustment).toEqual(expect.objectContaining({ structureId: S.id, amountCents: 1000, statementId: null }));
    expect(adjustment.reason).toBe(`Litige ${d.body.reference} : scan du pass ${p.p2.barcode} du 12/10/2026 annulé`);
    // October's closed statement is as it was.
    expect((await statementOf('2026-10', S.id))!.netCents).toBe(960);

    await prepare('2026-11');
    const november = (await statementOf('2026-11', S.id))!;
    // p1 (October, released by UPHOLD: late) and p4; p3 voided. 2 × 10 € − 4 % − 10 € adjustment = 9,20 €.
    expect(november.lines.map((l) => l.barcode).sort()).toEqual([p.p1.barcode, p.p4.barcode].sort());
    expect({ gross: november.grossCents, fee: november.feeCents, sub: november.subscriptionCents, adj: november.adjustmentsCents, carried: november.carriedCents, net: november.netCents }).toEqual({
      gross: 2000,
      fee: 80,
      sub: 0,
      adj: 1000,
      carried: 0,
      net: 920,
    });
    expect((await prisma.adjustment.findUniqueOrThrow({ where: { id: adjustment.id } })).statementId).toBe(november.id);
    // The draft's page lists it, with its reason and its dispute; REVIEWER has no statements.
    const listed = await t.http.get(`/api/statements/${november.id}/adjustments`).set(as(finance));
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([{ id: adjustment.id, amountCents: 1000, reason: adjustment.reason, disputeId: d.body.id, disputeReference: d.body.reference, createdAt: adjustment.createdAt.toISOString() }]);
    expect((await t.http.get(`/api/statements/${november.id}/adjustments`).set(as(await t.token('REVIEWER')))).status).toBe(403);
    expect((await t.http.get(`/api/statements/${november.id}/adjustments`)).status).toBe(401);
    const unknown = await t.http.get('/api/statements/00000000-0000-4000-8000-000000000000/adjustments').set(as(support));
    expectErrorShape(unknown.body, 404);
    expect(unknown.body.message).toBe('Relevé introuvable.');
    expect((await t.http.get(`/api/statements/${(await statementOf('2026-10', S.id))!.id}/adjustments`).set(as(support))).body).toEqual([]);
    await close('2026-11');
    const closed = await prisma.statement.findUniqueOrThrow({ where: { id: november.id } });
    expect((closed.snapshot as any).adjustments).toEqual([{ reason: adjustment.reason, amountCents: 1000 }]);
  });

  it('voids a scan already paid: the payout stays paid, the structure owes the value and the adjustment waits for its next statement', async () => {
    const e = await prisma.endorsement.findUniqueOrThrow({ where: { period: '2026-11' } });
    const exported = await t.http.post(`/api/endorsements/${e.id}/export`).set(as(finance)).send();
    expect([exported.status, exported.body.message]).toEqual([200, undefined]);
    expect((await t.http.post(`/api/endorsements/${e.id}/mark-paid`).set(as(finance)).send()).status).toBe(200);
    const payout = await prisma.payout.findFirstOrThrow({ where: { structureId: S.id, statement: { endorsementId: e.id } } });
    expect({ status: payout.status, amount: payout.amountCents }).toEqual({ status: 'PAID', amount: 920 });
    expect(await prisma.pass.findUniqueOrThrow({ where: { id: p.p4.id }, select: { status: true } })).toEqual({ status: 'PAID' });
    const balance = async () => {
      const sum = await prisma.ledgerEntry.aggregate({ where: { account: `STRUCTURE:${S.id}` }, _sum: { creditCents: true, debitCents: true } });
      return (sum._sum.creditCents ?? 0) - (sum._sum.debitCents ?? 0);
    };
    const owedBefore = await balance();

    const d = await open({ origin: 'SPONSOR', category: 'FRAUD_SUSPICION', description: 'Le commanditaire conteste ce pass, déjà payé à la structure.', passIds: [p.p4.id] });
    expect(d.status).toBe(201);
    expect((await resolve(d.body.id, { outcome: 'VOID_SCAN', explanation: 'Service non rendu : la valeur sera retenue au prochain relevé.' })).status).toBe(200);
    expect(await prisma.pass.findUniqueOrThrow({ where: { id: p.p4.id }, select: { status: true } })).toEqual({ status: 'ACTIVE' });
    const scan = await prisma.scan.findFirstOrThrow({ where: { passId: p.p4.id, outcome: 'ACCEPTED' } });
    expect(scan.voidedAt).not.toBeNull();
    // The transfer went out: it stays paid, and S now owes the value, deducted from its next statement.
    expect((await prisma.payout.findUniqueOrThrow({ where: { id: payout.id } })).status).toBe('PAID');
    expect(await prisma.adjustment.findMany({ where: { disputeId: d.body.id }, select: { structureId: true, amountCents: true, statementId: true, reason: true } })).toEqual([
      { structureId: S.id, amountCents: 1000, statementId: null, reason: `Litige ${d.body.reference} : scan du pass ${p.p4.barcode} du 20/11/2026 annulé` },
    ]);
    expect(await ledgerOf(d.body.id)).toEqual([
      { event: 'SCAN_VOIDED', account: 'PASS_FLOAT', debitCents: 0, creditCents: 1000 },
      { event: 'SCAN_VOIDED', account: `STRUCTURE:${S.id}`, debitCents: 1000, creditCents: 0 },
    ]);
    expect(await balance()).toBe(owedBefore - 1000);
  });

  it('voids a scan whose pass is past its validity: the pass expires and its value is credited to the sponsor', async () => {
    const old = await makeOrder(prisma, { booklets: 1, validityYear: 2025 });
    const pass = old.booklets[0][0];
    await redeemPassAt(prisma, U, pass, paris('2026-01-10T10:00'));
    const d = await open({ origin: 'INTERNAL_CONTROL', category: 'FRAUD_SUSPICION', description: 'Contrôle : pass utilisé sans service.', passIds: [pass.id] });
    expect((await resolve(d.body.id, { outcome: 'VOID_SCAN', explanation: 'Service non rendu, pass hors validité.' })).status).toBe(200);
    expect(await prisma.pass.findUniqueOrThrow({ where: { id: pass.id }, select: { status: true } })).toEqual({ status: 'EXPIRED' });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: old.orderId } })).creditedCents).toBe(1000);
    expect(await ledgerOf(d.body.id)).toEqual([
      { event: 'SCAN_VOIDED', account: `SPONSOR:${old.sponsorId}`, debitCents: 0, creditCents: 1000 },
      { event: 'SCAN_VOIDED', account: `STRUCTURE:${U.id}`, debitCents: 1000, creditCents: 0 },
    ]);
  });
});

describe('a pass wrongly refused', () => {
  it('is redeemed by staff with FORCE_REDEEM, flagged as such in the scans, the redemption and the ledger', async () => {
    const key = await partnerKey(prisma, T.id);
    const refused = await t.http.post('/api/partner/redemptions').set('Authorization', `Bearer ${key}`).send({ offerId: T.offerId, barcodes: [p.t1.barcode, p.t2.barcode] });
    expect(refused.status).toBe(422);
    const scans = await prisma.scan.findMany({ where: { structureId: T.id, outcome: 'REJECTED' } });
    expect(scans).toHaveLength(2);
    const redemption = scans[0].redemptionId!;
    const d = await open({ origin: 'STRUCTURE', category: 'PASS_REJECTED_WRONGLY', description: 'Le kit était commandé : refus à tort.', redemptionId: redemption });
    expect(d.status).toBe(201);
    // Assigned to ADMIN: support may no longer decide it until it is theirs again.
    const adminUser = await prisma.user.findFirstOrThrow({ where: { role: 'ADMIN' } });
    expect((await t.http.post(`/api/disputes/${d.body.id}/assign`).set(as(support)).send({ assigneeId: adminUser.id })).status).toBe(200);
    const notTheirs = await resolve(d.body.id, { outcome: 'FORCE_REDEEM', explanation: 'Refus à tort, encaissé par le support.' });
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body.message).toMatch(/est suivi par .+ : réattribuez-le-vous d’abord/);
    const financeUser = await prisma.user.findFirstOrThrow({ where: { role: 'FINANCE' } });
    expect((await t.http.post(`/api/disputes/${d.body.id}/assign`).set(as(support)).send({ assigneeId: financeUser.id })).status).toBe(400);
    expect((await t.http.post(`/api/disputes/${d.body.id}/assign`).set(as(support)).send({ assigneeId: null })).status).toBe(200);

    // SUPPORT follows the live feed (a real socket.io client): the staff redemption shows there, flagged.
    const socket = connect(t.baseUrl, support);
    await connected(socket);
    const events = collect(socket);
    expect((await subscribe(socket, 'scans/live')).ok).toBe(true);
    const forced = await resolve(d.body.id, { outcome: 'FORCE_REDEEM', explanation: 'Refus à tort, encaissé par le support.' });
    expect(forced.status).toBe(200);
    const live = await waitFor(events, (e) => e.topic === 'scans/live');
    socket.disconnect();
    expect((live.payload.scans as { barcode: string; forced: boolean; outcome: string; structureId: string }[]).map((x) => ({ barcode: x.barcode, forced: x.forced, outcome: x.outcome, structureId: x.structureId })).sort((x, y) => x.barcode.localeCompare(y.barcode))).toEqual(
      [p.t1.barcode, p.t2.barcode].sort().map((barcode) => ({ barcode, forced: true, outcome: 'ACCEPTED', structureId: T.id })),
    );
    const accepted = await prisma.scan.findMany({ where: { structureId: T.id, outcome: 'ACCEPTED' }, include: { redemption: true } });
    expect(accepted.map((s) => ({ barcode: s.barcode, forced: s.forced, value: s.valueCents, redemptionForced: s.redemption!.forced })).sort((x, y) => x.barcode.localeCompare(y.barcode))).toEqual(
      [p.t1.barcode, p.t2.barcode].sort().map((barcode) => ({ barcode, forced: true, value: 1000, redemptionForced: true })),
    );
    expect(await prisma.pass.count({ where: { id: { in: [p.t1.id, p.t2.id] }, status: 'REDEEMED' } })).toBe(2);
    expect(await ledgerOf(accepted[0].redemptionId!)).toEqual([
      { event: 'REDEMPTION_ACCEPTED', account: 'PASS_FLOAT', debitCents: 2000, creditCents: 0 },
      { event: 'REDEMPTION_ACCEPTED', account: `STRUCTURE:${T.id}`, debitCents: 0, creditCents: 2000 },
    ]);
    // The scans list shows them flagged.
    const listed = await t.http.get(`/api/scans?filter=${enc(JSON.stringify({ structureId: T.id, outcome: 'ACCEPTED' }))}`).set(as(support));
    expect(listed.status).toBe(200);
    expect(listed.body.map((s: any) => s.forced)).toEqual([true, true]);
    // Forcing again: the passes are redeemed now, nothing more to do.
    const d2 = await open({ origin: 'STRUCTURE', category: 'PASS_REJECTED_WRONGLY', description: 'Deuxième demande pour les mêmes refus.', scanIds: [scans[0].id] });
    expect(d2.status).toBe(201);
    const twice = await resolve(d2.body.id, { outcome: 'FORCE_REDEEM', explanation: 'Encore une fois, pour voir.' });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toMatch(/Seul un pass actif s’encaisse/);
  });
});

describe('the SUPPORT dashboard', () => {
  it('counts the open disputes by age, each count opening the list of those disputes', async () => {
    // Two disputes about S as a whole: one fresh, one opened three days ago.
    const opened = [];
    for (const description of ['Plusieurs bénéficiaires signalent des passages non rendus.', 'La structure demande un point sur ses refus du mois.']) {
      const d = await open({ origin: 'STRUCTURE', category: 'FRAUD_SUSPICION', description, structureId: S.id });
      expect(d.status).toBe(201);
      opened.push(d.body.id as string);
    }
    const aging = await prisma.dispute.update({ where: { id: opened[1] }, data: { createdAt: new Date(Date.now() - 3 * 86_400_000) } });
    const res = await t.http.get('/api/dashboard').set(as(support));
    expect(res.status).toBe(200);
    const stillOpen = await prisma.dispute.findMany({ where: { status: { in: ['OPEN', 'INVESTIGATING'] } }, select: { createdAt: true } });
    const age = (d: { createdAt: Date }) => (Date.now() - d.createdAt.getTime()) / 86_400_000;
    expect(res.body.openDisputesByAge).toEqual({
      under2Days: stillOpen.filter((d) => age(d) < 2).length,
      from2To7Days: stillOpen.filter((d) => age(d) >= 2 && age(d) < 7).length,
      over7Days: stillOpen.filter((d) => age(d) >= 7).length,
    });
    // The demo data's dispute (opened 21 November) is an old one; this test's are fresh.
    expect(res.body.openDisputesByAge.over7Days).toBeGreaterThanOrEqual(1);
    expect(res.body.openDisputesByAge.under2Days).toBeGreaterThanOrEqual(1);
    expect(res.body.openDisputesByAge.from2To7Days).toBeGreaterThanOrEqual(1);
    for (const bucket of ['under2Days', 'from2To7Days', 'over7Days'] as const) {
      const list = res.body.openDisputesByAgeLists[bucket];
      expect(list.resource).toBe('disputes');
      const listed = await t.http.get(`/api/disputes?filter=${enc(JSON.stringify(list.filter))}&range=[0,99]`).set(as(support));
      expect(listed.status).toBe(200);
      expect([bucket, listed.body.length]).toEqual([bucket, res.body.openDisputesByAge[bucket]]);
    }
    const [middle] = (await t.http.get(`/api/disputes?filter=${enc(JSON.stringify(res.body.openDisputesByAgeLists.from2To7Days.filter))}`).set(as(support))).body;
    expect(middle.id).toBe(aging.id);
  });
});
