import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { approvedOffer, makeOrder, type OrderFixture } from '../scanning/support';
import { paris, redeemPassAt } from '../endorsement/support';
import { expectErrorShape, startTestApp, TestApp } from '../support/test-app';
import { pdfText } from './support';

// Issue 14: each sponsor's monthly redemption report (its passes used, by structure and service;
// PDF and CSV). Two structures that never scanned redeem passes of one order of the first sponsor:
// 3 at A and 1 at B in October (Paris), 1 at A at 00:30 on 1 November (Paris), which is November's.
let t: TestApp;
let prisma: PrismaClient;
let finance: string;
let order: OrderFixture;
const A = { id: '', offerId: '', name: '', service: '' };
const B = { id: '', offerId: '', name: '', service: '' };

const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const binary = (url: string, token = finance) =>
  t.http.get(url).set(as(token)).buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
const csvRows = (text: string) => text.replace('\uFEFF', '').trim().split('\r\n').map((l) => l.split(';'));

beforeAll(async () => {
  t = await startTestApp();
  prisma = t.started.deps.db.prisma;
  finance = await t.token('FINANCE');
  const quiet = await prisma.structure.findMany({ where: { status: 'ELIGIBLE', scans: { none: {} } }, orderBy: { name: 'asc' }, take: 2 });
  for (const [fixture, structure] of [[A, quiet[0]], [B, quiet[1]]] as const) {
    const offer = await approvedOffer(prisma, structure.id, 1000);
    Object.assign(fixture, { id: structure.id, offerId: offer.id, name: structure.name, service: (await prisma.referentialService.findUniqueOrThrow({ where: { id: offer.serviceId } })).label });
  }
  order = await makeOrder(prisma, { booklets: 1 });
  const passes = order.booklets.flat();
  await redeemPassAt(prisma, A, passes[0], paris('2026-10-01T00:10'));
  await redeemPassAt(prisma, A, passes[1], paris('2026-10-15T10:00'));
  await redeemPassAt(prisma, A, passes[2], paris('2026-10-31T23:59'));
  await redeemPassAt(prisma, B, passes[3], paris('2026-10-20T10:00'));
  await redeemPassAt(prisma, A, passes[4], paris('2026-11-01T00:30'));
});
afterAll(() => t.close());

describe('a sponsor’s monthly redemption report', () => {
  it('counts its passes used in the Paris month by structure and service, as a CSV', async () => {
    const res = await t.http.get(`/api/sponsors/${order.sponsorId}/report.csv?month=2026-10`).set(as(finance));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const rows = csvRows(res.text);
    expect(rows[0]).toEqual(['Mois', 'Structure', 'Commune', 'Service', 'Pass utilisés', 'Valeur (€)']);
    expect(rows.filter((r) => r[1] === A.name).map((r) => [r[3], r[4], r[5]])).toEqual([[A.service, '3', '30,00']]);
    expect(rows.filter((r) => r[1] === B.name).map((r) => [r[3], r[4], r[5]])).toEqual([[B.service, '1', '10,00']]);
    // Every accepted October scan of this sponsor's passes, and no other.
    const october = await prisma.scan.count({
      where: { outcome: 'ACCEPTED', voidedAt: null, pass: { order: { sponsorId: order.sponsorId } }, scannedAt: { gte: paris('2026-10-01T00:00'), lt: paris('2026-11-01T00:00') } },
    });
    expect(rows.slice(1).reduce((n, r) => n + Number(r[4]), 0)).toBe(october);
  });

  it('puts the pass used at 00:30 on 1 November (Paris) in November', async () => {
    const rows = csvRows((await t.http.get(`/api/sponsors/${order.sponsorId}/report.csv?month=2026-11`).set(as(finance))).text);
    expect(rows.filter((r) => r[1] === A.name).map((r) => r[4])).toEqual(['1']);
    expect(rows.some((r) => r[1] === B.name)).toBe(false);
  });

  it('says the same in its PDF, with the totals', async () => {
    const res = await binary(`/api/sponsors/${order.sponsorId}/report.pdf?month=2026-10`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/utilisation-2026-10-\d{14}\.pdf/);
    const text = pdfText(res.body as Buffer);
    expect(text).toContain('RAPPORT D’UTILISATION');
    expect(text).toContain('Pass utilisés en octobre 2026');
    expect(text).toMatch(new RegExp(`${A.name.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(text).toMatch(/Total\s+\d+\s+[\d ]+,\d\d €/);
  });

  it('refuses a month that is not an ended month, an unknown sponsor and roles without sponsors', async () => {
    for (const query of ['', '?month=2026-13', '?month=0001-01', '?month=2099-01', '?month[$gt]=', '?month=2026-10&sort=x', `?month=${'9'.repeat(5000)}`]) {
      const res = await t.http.get(`/api/sponsors/${order.sponsorId}/report.csv${query}`).set(as(finance));
      expect(res.status).toBe(400);
      expectErrorShape(res.body, 400);
    }
    expect((await t.http.get('/api/sponsors/00000000-0000-4000-8000-000000000000/report.pdf?month=2026-10').set(as(finance))).status).toBe(404);
    expect((await t.http.get(`/api/sponsors/${order.sponsorId}/report.pdf?month=2026-10`).set(as(await t.token('REVIEWER')))).status).toBe(403);
    expect((await t.http.get(`/api/sponsors/${order.sponsorId}/report.pdf?month=2026-10`)).status).toBe(401);
  });

  it('says so when none of the sponsor’s passes was used that month', async () => {
    const text = pdfText((await binary(`/api/sponsors/${order.sponsorId}/report.pdf?month=2025-01`)).body as Buffer);
    expect(text).toContain('Aucun pass de vos commandes n’a été utilisé ce mois-ci.');
    expect(text).toMatch(/0 pass de vos commandes ont été utilisés dans 0 structure/);
  });
});
