/**
 * GET /api/dashboard: each role's own first screen (issue 10; server/src/rules/dashboards.ts),
 * its figures checked against the lists they open and against data added for the occasion.
 */
import type { AdminDashboard, FinanceDashboard, Queue, ReviewerDashboard, SupportDashboard } from '../../server/src/rules/dashboards';
import { startTestApp, TestApp } from '../support/test-app';
import { DateTime } from 'luxon';
import { BUSINESS_ZONE } from '../../server/src/rules/dates';
import type { Anomaly } from '../../server/src/rules/anomalies';
import { detectAnomalies, emptyAnomalyState, mergeAnomalies } from '../../admin/src/scans/live/liveFeed';
import { mistyped, unknownBarcode } from '../scanning/support';

let t: TestApp;
const enc = encodeURIComponent;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const get = async (role: 'ADMIN' | 'REVIEWER' | 'FINANCE' | 'SUPPORT', path: string) => t.http.get(path).set('Authorization', `Bearer ${await t.token(role)}`);

/** How many rows the queue's own list link gives, and its oldest first row. */
async function listOf(role: 'ADMIN' | 'REVIEWER' | 'FINANCE' | 'SUPPORT', queue: Queue, sortField: string) {
  const res = await get(role, `/api/${queue.list.resource}?filter=${enc(JSON.stringify(queue.list.filter))}&sort=${enc(JSON.stringify([sortField, 'ASC']))}&range=[0,999]`);
  expect(res.status).toBe(200);
  return { total: Number(res.headers['content-range'].split('/')[1]), rows: res.body as any[] };
}

describe('the dashboard of each role', () => {
  it('gives a REVIEWER the review queues with their ages, and nothing of finance', async () => {
    const res = await get('REVIEWER', '/api/dashboard');
    expect(res.status).toBe(200);
    const d = res.body as ReviewerDashboard;
    expect(d.role).toBe('REVIEWER');
    const toClaim = await listOf('REVIEWER', d.queues.toClaim, 'submittedAt');
    expect(d.queues.toClaim.count).toBe(toClaim.total);
    expect(d.queues.toClaim.count).toBeGreaterThan(0);
    expect(d.queues.toClaim.oldest?.id).toBe(toClaim.rows[0].id);
    expect(d.queues.toClaim.oldestSince).toBe(toClaim.rows[0].submittedAt);
    const offers = await listOf('REVIEWER', d.queues.offersToModerate, 'submittedAt');
    expect(d.queues.offersToModerate.count).toBe(offers.total);
    expect(Object.values(d.applicationsByStatus).reduce((a, b) => a + b, 0)).toBe(Number((await get('REVIEWER', '/api/applications?range=[0,0]')).headers['content-range'].split('/')[1]));
    expect(res.body).not.toHaveProperty('passesByStatus');
    expect(res.body).not.toHaveProperty('ordersAwaitingPayment');
  });

  it("counts a REVIEWER's own claims: one claimed shows in 'mine', with its age", async () => {
    const before = (await get('REVIEWER', '/api/dashboard')).body as ReviewerDashboard;
    const id = before.queues.toClaim.oldest!.id;
    const claimed = await t.http.post(`/api/applications/${id}/claim`).set('Authorization', `Bearer ${await t.token('REVIEWER')}`);
    expect(claimed.status).toBe(200);
    const after = (await get('REVIEWER', '/api/dashboard')).body as ReviewerDashboard;
    expect(after.queues.toClaim.count).toBe(before.queues.toClaim.count - 1);
    expect(after.queues.mine.count).toBe(before.queues.mine.count + 1);
    const mine = await listOf('REVIEWER', after.queues.mine, 'claimedAt');
    expect(mine.total).toBe(after.queues.mine.count);
    expect(mine.rows.every((a) => a.assigneeId === claimed.body.assigneeId && a.status === 'IN_REVIEW')).toBe(true);
  });

  it('gives FINANCE the orders awaiting payment with their amounts and the payouts, no moderation queue', async () => {
    const res = await get('FINANCE', '/api/dashboard');
    const d = res.body as FinanceDashboard;
    expect(d.role).toBe('FINANCE');
    const awaiting = await listOf('FINANCE', d.ordersAwaitingPayment, 'createdAt');
    expect(d.ordersAwaitingPayment.count).toBe(awaiting.total);
    expect(d.ordersAwaitingPayment.count).toBeGreaterThan(0);
    expect(d.ordersAwaitingPayment.amountCents).toBe(awaiting.rows.reduce((sum, o) => sum + o.faceValueCents, 0));
    expect(d.ordersAwaitingPayment.upstreamFeeCents).toBe(awaiting.rows.reduce((sum, o) => sum + o.upstreamFeeCents, 0));
    const active = await get('FINANCE', `/api/orders?filter=${enc(JSON.stringify({ status: ['ACTIVE'] }))}&range=[0,999]`);
    expect(d.activeOrders.count).toBe(active.body.length);
    expect(d.activeOrders.faceValueCents).toBe(active.body.reduce((sum: number, o: any) => sum + o.faceValueCents, 0));
    const pending = await listOf('FINANCE', d.payoutsPending, 'createdAt');
    expect(d.payoutsPending.amountCents).toBe(pending.rows.reduce((sum, p) => sum + p.amountCents, 0));
    expect(d.passesByStatus.ACTIVE).toBeGreaterThan(0);
    expect(JSON.stringify(res.body)).not.toMatch(/offers|applications/);
  });

  it('gives FINANCE the month to date from the scans list, the next scheduled preparation and the last months', async () => {
    const d = (await get('FINANCE', '/api/dashboard')).body as FinanceDashboard;
    const now = new Date();
    const parisMonth = now.toLocaleDateString('fr-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' });
    expect(d.monthToDate.period).toBe(parisMonth);
    // The same figure through the scans list: accepted this month (Paris), not voided.
    const start = new Date(`${parisMonth}-01T00:00:00${new Date(`${parisMonth}-01T12:00:00Z`).toLocaleString('en', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' }).slice(-6)}`);
    const scans = await get('FINANCE', `/api/scans?filter=${enc(JSON.stringify({ outcome: 'ACCEPTED', scannedAt_gte: start.toISOString() }))}&range=[0,999]`);
    const kept = (scans.body as { voidedAt: string | null; valueCents: number }[]).filter((s) => !s.voidedAt);
    expect(d.monthToDate.passes).toBe(kept.length);
    expect(d.monthToDate.grossCents).toBe(kept.reduce((sum, s) => sum + s.valueCents, 0));
    expect(d.monthToDate.downstreamFeeCents).toBe(Math.floor((d.monthToDate.grossCents * 4 + 50) / 100));
    // The schedule's default: the 1st at 02:00 Paris, preparing the month before.
    expect(d.nextPreparation).not.toBeNull();
    const next = new Date(d.nextPreparation!.at);
    expect(next.getTime()).toBeGreaterThan(now.getTime());
    expect(next.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', hour: '2-digit', minute: '2-digit' })).toBe('01 02:00');
    expect(d.lastEndorsements).toEqual(expect.any(Array));
    expect(d.payoutsExported).toEqual(expect.objectContaining({ count: expect.any(Number), list: { resource: 'payouts', filter: { status: ['EXPORTED'] } } }));
  });

  it("gives SUPPORT today's scans (Paris day) and refusals by reason, and the open disputes", async () => {
    const prisma = t.started.deps.db.prisma;
    const before = (await get('SUPPORT', '/api/dashboard')).body as SupportDashboard;
    const structure = await prisma.structure.findFirstOrThrow({ where: { status: 'ELIGIBLE' } });
    const yesterday = new Date(Date.now() - 8 * 86_400_000);
    await prisma.scan.createMany({
      data: [
        { structureId: structure.id, barcode: '2000000000001', outcome: 'REJECTED', reason: 'INVALID_BARCODE' },
        { structureId: structure.id, barcode: '2000000000002', outcome: 'REJECTED', reason: 'INVALID_BARCODE' },
        { structureId: structure.id, barcode: '2000000000003', outcome: 'REJECTED', reason: 'PASS_EXPIRED' },
        { structureId: structure.id, barcode: '2000000000004', outcome: 'REJECTED', reason: 'PASS_EXPIRED', scannedAt: yesterday },
      ],
    });
    const res = await get('SUPPORT', '/api/dashboard');
    const d = res.body as SupportDashboard;
    expect(d.role).toBe('SUPPORT');
    expect(d.scansToday.refused).toBe(before.scansToday.refused + 3);
    expect(d.scansToday.refusalsByReason.INVALID_BARCODE).toBe((before.scansToday.refusalsByReason.INVALID_BARCODE ?? 0) + 2);
    expect(d.scansToday.refusalsByReason.PASS_EXPIRED).toBe((before.scansToday.refusalsByReason.PASS_EXPIRED ?? 0) + 1);
    expect(d.scansLast7Days.refused).toBe(before.scansLast7Days.refused + 3);
    // The refusals link opens exactly those scans.
    const refused = await get('SUPPORT', `/api/scans?filter=${enc(JSON.stringify(d.scansToday.refusedList.filter))}&range=[0,0]`);
    expect(refused.status).toBe(200);
    expect(Number(refused.headers['content-range'].split('/')[1])).toBe(d.scansToday.refused);
    const disputes = await listOf('SUPPORT', d.openDisputes, 'createdAt');
    expect(d.openDisputes.count).toBe(disputes.total);
    expect(res.body).not.toHaveProperty('ordersAwaitingPayment');
  });

  it('gives SUPPORT today’s anomalies by the live page’s rules, computed in SQL: the same ones the live feed raises', async () => {
    const prisma = t.started.deps.db.prisma;
    const [a, b] = await prisma.structure.findMany({ where: { status: 'ELIGIBLE' }, orderBy: { name: 'asc' }, take: 2 });
    // Forty minutes ago, or just after Paris midnight if the day is younger than that.
    const midnight = DateTime.now().setZone(BUSINESS_ZONE).startOf('day').toMillis();
    const base = Math.max(Date.now() - 40 * 60_000, midnight + 1000);
    const at = (seconds: number) => new Date(base + seconds * 1000);
    const [x, y, z] = [unknownBarcode(), unknownBarcode(), unknownBarcode()];
    const [w, v] = [mistyped(unknownBarcode()), mistyped(unknownBarcode())];
    const refusal = (structure: { id: string }, seconds: number, barcode = unknownBarcode()) => ({ structureId: structure.id, barcode, outcome: 'REJECTED' as const, reason: 'UNKNOWN_PASS' as const, scannedAt: at(seconds) });
    const invalid = (structure: { id: string }, seconds: number, barcode: string) => ({ structureId: structure.id, barcode, outcome: 'REJECTED' as const, reason: 'INVALID_BARCODE' as const, scannedAt: at(seconds) });
    const scans = [
      // A: five refusals within 50 s, a burst. B: four within a minute, the fifth two minutes later: none.
      ...[0, 10, 20, 30, 50].map((s) => refusal(a, s)),
      ...[0, 15, 30, 45, 170].map((s) => refusal(b, s)),
      // x tried at A then at B five minutes later: a pass in two structures. y: eleven minutes apart, none. z: twice at A, none.
      refusal(a, 100, x),
      refusal(b, 400, x),
      refusal(a, 100, y),
      refusal(b, 760, y),
      refusal(a, 100, z),
      refusal(a, 200, z),
      // w fails its check digit three times within ten minutes (the last at B); v three times, six minutes apart: none.
      // (Failed reads are refusals too: they come after A's burst, not to add to it.)
      invalid(a, 1000, w),
      invalid(a, 1060, w),
      invalid(b, 1120, w),
      invalid(a, 1000, v),
      invalid(a, 1360, v),
      invalid(a, 1720, v),
    ];
    await prisma.scan.createMany({ data: scans });

    const res = await get('SUPPORT', '/api/dashboard');
    expect(res.status).toBe(200);
    const d = res.body as SupportDashboard;
    const ours = (key: string) => [`REFUSAL_BURST:${a.id}`, `REFUSAL_BURST:${b.id}`, ...[x, y, z, w, v].flatMap((c) => [`PASS_IN_SEVERAL_STRUCTURES:${c}`, `REPEATED_INVALID_BARCODE:${c}`])].includes(key);
    const found = d.anomaliesToday.filter((anomaly) => ours(anomaly.key));
    const names = [a.name, b.name].sort((p, q) => p.localeCompare(q));
    expect(found.map(({ key, kind, structureId, structureName, barcode, count, structureNames }) => ({ key, kind, structureId, structureName, barcode, count, structureNames })).sort((p, q) => p.key.localeCompare(q.key))).toEqual(
      [
        { key: `REFUSAL_BURST:${a.id}`, kind: 'REFUSAL_BURST', structureId: a.id, structureName: a.name, barcode: null, count: 5, structureNames: [] },
        { key: `PASS_IN_SEVERAL_STRUCTURES:${x}`, kind: 'PASS_IN_SEVERAL_STRUCTURES', structureId: b.id, structureName: b.name, barcode: x, count: 2, structureNames: names },
        { key: `REPEATED_INVALID_BARCODE:${w}`, kind: 'REPEATED_INVALID_BARCODE', structureId: b.id, structureName: b.name, barcode: w, count: 3, structureNames: [] },
      ].sort((p, q) => p.key.localeCompare(q.key)),
    );
    expect(found.find((f) => f.kind === 'PASS_IN_SEVERAL_STRUCTURES')).toMatchObject({ firstAt: at(100).toISOString(), lastAt: at(400).toISOString() });
    // Newest first.
    const times = d.anomaliesToday.map((anomaly) => anomaly.lastAt);
    expect(times).toEqual([...times].sort().reverse());

    // The live page's detector, fed the same scans in order, raises the same anomalies with the same counts.
    let state = emptyAnomalyState();
    let listed: Anomaly[] = [];
    const byName = new Map([a, b].map((s) => [s.id, s.name]));
    const live = scans
      .map((s, i) => ({ id: String(i), scannedAt: s.scannedAt.toISOString(), redemptionId: null, structureId: s.structureId, structureName: byName.get(s.structureId)!, departement: '', offerId: null, serviceLabel: null, passId: null, barcode: s.barcode, outcome: s.outcome, reason: s.reason, reasonLabel: null, valueCents: 0, forced: false }))
      .sort((p, q) => p.scannedAt.localeCompare(q.scannedAt));
    for (const scan of live) {
      const result = detectAnomalies(state, [scan]);
      state = result.state;
      listed = mergeAnomalies(listed, result.anomalies);
    }
    expect(listed.map((l) => ({ key: l.key, count: l.count })).sort((p, q) => p.key.localeCompare(q.key))).toEqual(found.map((f) => ({ key: f.key, count: f.count })).sort((p, q) => p.key.localeCompare(q.key)));
  });

  it('gives ADMIN a summary of all: structures, every queue, today’s scans', async () => {
    const res = await get('ADMIN', '/api/dashboard');
    const d = res.body as AdminDashboard;
    expect(d.role).toBe('ADMIN');
    expect(d.apticulteurs).toBe(d.structuresByStatus.ELIGIBLE);
    const eligible = await get('ADMIN', `/api/structures?filter=${enc(JSON.stringify({ status: ['ELIGIBLE'] }))}&range=[0,0]`);
    expect(d.apticulteurs).toBe(Number(eligible.headers['content-range'].split('/')[1]));
    for (const [name, q] of Object.entries(d.queues)) {
      const list = await listOf('ADMIN', q, 'createdAt');
      expect([name, q.count]).toEqual([name, list.total]);
    }
    const passes = await get('ADMIN', '/api/passes?range=[0,0]');
    expect(Object.values(d.passesByStatus).reduce((a, b) => a + b, 0)).toBe(Number(passes.headers['content-range'].split('/')[1]));
    expect(d.scansToday.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
