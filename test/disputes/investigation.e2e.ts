import type { PrismaClient } from '../../server/src/generated/prisma/client';
import type { Investigation } from '../../server/src/disputes/investigation';
import { expectLedgerInvariants } from '../support/ledger';
import { expectErrorShape, startTestApp, TestApp } from '../support/test-app';
import { approvedOffer, makeOrder, partnerKey } from '../scanning/support';
import { redeemPassAt } from '../endorsement/support';

// Issue 15: the investigation view of a dispute (GET /api/disputes/:id/investigation). Two demo
// structures that never scanned, so that their figures are this test's: R, without a kit, refuses
// pass a; Q, with its demo kit, redeems a and b, refuses an inactive pass c, and has two scans of
// its own five and two days ago. The dispute is on a's acceptance at Q.
let t: TestApp;
let prisma: PrismaClient;
let support: string;
const R = { id: '', name: '', offerId: '', key: '' };
const Q = { id: '', name: '', offerId: '', key: '' };
const pass: Record<'a' | 'b' | 'c' | 'old' | 'recent', { id: string; barcode: string }> = {} as never;
const scan: Record<'aRefused' | 'aAccepted' | 'b' | 'c' | 'old' | 'recent', string> = {} as never;
let disputeId = '';

const DAY = 24 * 3600 * 1000;
/** A name or sentence inside a RegExp, as written. */
const re = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const redeem = (who: typeof R, barcode: string) => t.http.post('/api/partner/redemptions').set('Authorization', `Bearer ${who.key}`).send({ offerId: who.offerId, barcodes: [barcode] });
const open = (body: object) => t.http.post('/api/disputes').set(as(support)).send(body);
const investigation = async (id: string, token = support): Promise<Investigation> => {
  const res = await t.http.get(`/api/disputes/${id}/investigation`).set(as(token));
  expect(res.status).toBe(200);
  return res.body;
};
const scanId = async (passId: string, structureId: string) => (await prisma.scan.findFirstOrThrow({ where: { passId, structureId } })).id;

beforeAll(async () => {
  t = await startTestApp();
  prisma = t.started.deps.db.prisma;
  support = await t.token('SUPPORT');
  const quiet = await prisma.structure.findMany({ where: { status: 'ELIGIBLE', scans: { none: {} } }, orderBy: { name: 'asc' }, take: 2 });
  expect(quiet).toHaveLength(2);
  for (const [fixture, structure] of [
    [R, quiet[0]],
    [Q, quiet[1]],
  ] as const) {
    Object.assign(fixture, { id: structure.id, name: structure.name, offerId: (await approvedOffer(prisma, structure.id, 1000)).id, key: await partnerKey(prisma, structure.id) });
  }
  // R has no kit: its scans are refused (NO_SUBSCRIPTION). Q keeps its demo kit.
  await prisma.subscription.deleteMany({ where: { structureId: R.id } });
  expect(await prisma.subscription.count({ where: { structureId: Q.id, status: { in: ['PENDING', 'ACTIVE'] } } })).toBe(1);

  const order = await makeOrder(prisma, { booklets: 2 });
  const inactive = await makeOrder(prisma, { booklets: 1, active: false });
  Object.assign(pass, { a: order.booklets[0][0], b: order.booklets[1][0], old: order.booklets[0][1], recent: order.booklets[1][1], c: inactive.booklets[0][0] });
  await redeemPassAt(prisma, Q, pass.old, new Date(Date.now() - 5 * DAY));
  await redeemPassAt(prisma, Q, pass.recent, new Date(Date.now() - 2 * DAY));
  const refused = await redeem(R, pass.a.barcode);
  expect(refused.status).toBe(422);
  expect((refused.body.details?.scans ?? refused.body.scans).map((s: any) => s.reason)).toEqual(['NO_SUBSCRIPTION']);
  expect((await redeem(Q, pass.a.barcode)).status).toBe(201);
  expect((await redeem(Q, pass.b.barcode)).status).toBe(201);
  expect((await redeem(Q, pass.c.barcode)).status).toBe(422);
  Object.assign(scan, {
    aRefused: await scanId(pass.a.id, R.id),
    aAccepted: await scanId(pass.a.id, Q.id),
    b: await scanId(pass.b.id, Q.id),
    c: await scanId(pass.c.id, Q.id),
    old: await scanId(pass.old.id, Q.id),
    recent: await scanId(pass.recent.id, Q.id),
  });
  const d = await open({ origin: 'SPONSOR', category: 'FRAUD_SUSPICION', description: 'Pass refusé chez R puis encaissé chez Q le même jour.', scanIds: [scan.aAccepted] });
  expect(d.status).toBe(201);
  expect(d.body.structureId).toBe(Q.id);
  disputeId = d.body.id;
});

afterAll(() => t.close());

afterEach(() => expectLedgerInvariants(prisma));

describe('the pass timeline', () => {
  it('tells the disputed pass’s life in order: issued, activated, refused at R with the reason, accepted at Q, the dispute', async () => {
    const view = await investigation(disputeId);
    const dispute = await prisma.dispute.findUniqueOrThrow({ where: { id: disputeId } });
    expect(view.dispute).toEqual({ id: disputeId, reference: dispute.reference, structureId: Q.id, structureName: Q.name });
    expect(view.passes).toHaveLength(1);
    const [p] = view.passes;
    expect(p).toEqual(expect.objectContaining({ id: pass.a.id, barcode: pass.a.barcode, status: 'REDEEMED', faceValueCents: 1000, orderReference: expect.stringMatching(/^CMD-/), sponsorName: expect.any(String), bookletNumber: expect.any(String) }));
    expect(p.timeline.map((e) => e.kind)).toEqual(['ISSUED', 'ACTIVATED', 'SCAN', 'SCAN', 'DISPUTE']);
    const [, , refusedAtR, acceptedAtQ, opened] = p.timeline;
    expect(refusedAtR).toEqual(
      expect.objectContaining({ label: `Scan refusé chez ${R.name} : Pas d’abonnement au kit`, structureName: R.name, outcome: 'REJECTED', reason: 'NO_SUBSCRIPTION', forced: false, voided: false, link: { resource: 'scans', id: scan.aRefused } }),
    );
    expect(acceptedAtQ).toEqual(expect.objectContaining({ label: `Scan accepté chez ${Q.name}`, structureName: Q.name, outcome: 'ACCEPTED', reason: null, forced: false, voided: false, link: { resource: 'scans', id: scan.aAccepted } }));
    expect(opened.label).toMatch(new RegExp(`^Litige ${dispute.reference} ouvert par .+ : suspicion de fraude$`));
    expect(opened.link).toEqual({ resource: 'disputes', id: disputeId });
    // Oldest first, every date an ISO instant.
    const times = p.timeline.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });

  it('is readable by FINANCE; refused to REVIEWER (403) and without a token (401); an unknown dispute is a 404 in French', async () => {
    expect((await investigation(disputeId, await t.token('FINANCE'))).dispute.id).toBe(disputeId);
    const reviewer = await t.http.get(`/api/disputes/${disputeId}/investigation`).set(as(await t.token('REVIEWER')));
    expect(reviewer.status).toBe(403);
    expectErrorShape(reviewer.body, 403);
    expect((await t.http.get(`/api/disputes/${disputeId}/investigation`)).status).toBe(401);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'x'.repeat(500)]) {
      const res = await t.http.get(`/api/disputes/${id}/investigation`).set(as(support));
      expect(res.status).toBe(404);
      expectErrorShape(res.body, 404);
      expect(res.body.message).toBe('Litige introuvable.');
    }
  });
});

describe('around the dispute', () => {
  it('lists Q’s scans within 3 days of the disputed one, newest first, the disputed one flagged; not the one five days before, not R’s', async () => {
    const { nearbyScans } = await investigation(disputeId);
    expect(nearbyScans.map((s) => s.id)).toEqual([scan.c, scan.b, scan.aAccepted, scan.recent]);
    expect(nearbyScans.filter((s) => s.disputed).map((s) => s.id)).toEqual([scan.aAccepted]);
    expect(nearbyScans[0]).toEqual(expect.objectContaining({ barcode: pass.c.barcode, outcome: 'REJECTED', reason: 'PASS_INACTIVE', valueCents: 0, passId: pass.c.id, forced: false, voided: false, disputed: false }));
    expect(nearbyScans[1]).toEqual(expect.objectContaining({ barcode: pass.b.barcode, outcome: 'ACCEPTED', reason: null, valueCents: 1000, passId: pass.b.id }));
  });

  it('lists the other disputes on the same structure or the same pass, newest first, saying which', async () => {
    const onB = await open({ origin: 'STRUCTURE', category: 'SERVICE_NOT_RENDERED', description: 'Un autre pass encaissé chez Q le même jour.', scanIds: [scan.b] });
    expect(onB.status).toBe(201);
    const atR = await open({ origin: 'STRUCTURE', category: 'PASS_REJECTED_WRONGLY', description: 'R dit avoir refusé ce pass à tort.', scanIds: [scan.aRefused] });
    expect(atR.status).toBe(201);
    expect(atR.body.structureId).toBe(R.id);
    const view = await investigation(disputeId);
    expect(view.otherDisputes).toEqual([
      { id: atR.body.id, reference: atR.body.reference, status: 'OPEN', outcome: null, category: 'PASS_REJECTED_WRONGLY', createdAt: atR.body.createdAt, samePass: true, sameStructure: false },
      { id: onB.body.id, reference: onB.body.reference, status: 'OPEN', outcome: null, category: 'SERVICE_NOT_RENDERED', createdAt: onB.body.createdAt, samePass: false, sameStructure: true },
    ]);
    // The pass's timeline tells the second dispute on it too.
    expect(view.passes[0].timeline.map((e) => e.kind)).toEqual(['ISSUED', 'ACTIVATED', 'SCAN', 'SCAN', 'DISPUTE', 'DISPUTE']);
    expect(view.passes[0].timeline[5].label).toMatch(new RegExp(`^Litige ${atR.body.reference} ouvert par .+ : pass refusé à tort$`));
  });

  it('compares Q’s refusal rate over 30 days (5 scans, 1 refused) with all the other structures’, counted in the database', async () => {
    const before = Date.now();
    const { refusalRate } = await investigation(disputeId);
    const after = Date.now();
    expect(refusalRate.days).toBe(30);
    expect(refusalRate.structure).toEqual({ scans: 5, refused: 1, rate: 0.2 });
    // The demo data scans elsewhere too: the others' figures lie between the counts of the widest and the narrowest window the request may have used.
    const others = (since: number, refused: boolean) => prisma.scan.count({ where: { structureId: { not: Q.id }, scannedAt: { gte: new Date(since - 30 * DAY) }, ...(refused ? { outcome: 'REJECTED' as const } : {}) } });
    const { scans, refused, rate } = refusalRate.others;
    expect(scans).toBeGreaterThanOrEqual(await others(after, false));
    expect(scans).toBeLessThanOrEqual(await others(before, false));
    expect(refused).toBeGreaterThanOrEqual(Math.max(1, await others(after, true)));
    expect(refused).toBeLessThanOrEqual(await others(before, true));
    expect(rate).toBe(Math.round((refused / scans) * 10_000) / 10_000);

    // From R's side (its dispute): one scan, refused; Q's five are among the others.
    const atR = await prisma.dispute.findFirstOrThrow({ where: { structureId: R.id } });
    const fromR = (await investigation(atR.id)).refusalRate;
    expect(fromR.structure).toEqual({ scans: 1, refused: 1, rate: 1 });
    expect(fromR.others.scans).toBe(scans - 1 + 5);
  });
});

describe('after the decision', () => {
  it('shows the accepted scan voided, with the reason, once the dispute is resolved VOID_SCAN', async () => {
    const explanation = 'Pass encaissé deux fois dans la journée : scan annulé.';
    const res = await t.http.post(`/api/disputes/${disputeId}/resolve`).set(as(support)).send({ outcome: 'VOID_SCAN', explanation });
    expect(res.status).toBe(200);
    const view = await investigation(disputeId);
    const [p] = view.passes;
    expect(p.status).toBe('ACTIVE');
    const accepted = p.timeline.find((e) => e.link?.id === scan.aAccepted)!;
    expect(accepted).toEqual(expect.objectContaining({ kind: 'SCAN', outcome: 'ACCEPTED', voided: true }));
    expect(accepted.label).toMatch(new RegExp(`^Scan accepté chez ${re(Q.name)} — annulé le \\d{2}/\\d{2}/\\d{4} \\(Litige ${view.dispute.reference} : ${re(explanation)}\\)$`));
    const last = p.timeline[p.timeline.length - 1];
    expect(last).toEqual(expect.objectContaining({ kind: 'DISPUTE', link: { resource: 'disputes', id: disputeId } }));
    expect(last.label).toMatch(new RegExp(`^Litige ${view.dispute.reference} résolu par .+ : scan annulé$`));
    expect(view.nearbyScans.find((s) => s.id === scan.aAccepted)).toEqual(expect.objectContaining({ voided: true, disputed: true }));
    // No staff action on the pass besides the disputes, which the DISPUTE events already tell.
    expect(p.timeline.filter((e) => e.kind === 'STAFF')).toEqual([]);
  });
});
