import { startTestApp, TestApp, expectErrorShape } from '../support/test-app';
import { expectLedgerInvariants } from '../support/ledger';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const get = async (path: string, role: 'ADMIN' | 'FINANCE' | 'REVIEWER' | 'SUPPORT' = 'FINANCE') =>
  t.http.get(path).set('Authorization', `Bearer ${await t.token(role)}`);
const filter = (f: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(f))}`;

describe('GET /api/ledger-entries', () => {
  it('shows FINANCE the demo books, newest first, amounts in integer cents', async () => {
    const res = await get('/api/ledger-entries?range=[0,9]');
    expect(res.status).toBe(200);
    expect(res.headers['content-range']).toMatch(/^ledger-entries 0-9\/\d+$/);
    const dates = res.body.map((e: any) => e.createdAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const e of res.body) {
      expect(Number.isInteger(e.debitCents) && Number.isInteger(e.creditCents)).toBe(true);
      expect((e.debitCents > 0) !== (e.creditCents > 0)).toBe(true);
    }
    await expectLedgerInvariants(t.started.deps.db.prisma);
  });

  it('filters by account, transaction, event and date', async () => {
    const order = await t.started.deps.db.prisma.order.findFirstOrThrow({ where: { status: 'ACTIVE' }, orderBy: { reference: 'asc' } });
    const account = `SPONSOR:${order.sponsorId}`;
    const byAccount = await get(`/api/ledger-entries?${filter({ account, event: 'ORDER_ACTIVATED' })}`);
    expect(byAccount.status).toBe(200);
    expect(byAccount.body.length).toBeGreaterThan(0);
    expect(byAccount.body.every((e: any) => e.account === account && e.event === 'ORDER_ACTIVATED')).toBe(true);

    const transactionId = byAccount.body[0].transactionId;
    const byTransaction = await get(`/api/ledger-entries?${filter({ transactionId })}`);
    expect(byTransaction.body.map((e: any) => e.account).sort()).toEqual(['FEES_UPSTREAM', 'PASS_FLOAT', account, 'VAT_COLLECTED'].sort());
    const sum = (key: string) => byTransaction.body.reduce((s: number, e: any) => s + e[key], 0);
    expect(sum('debitCents')).toBe(sum('creditCents'));

    const redemptions = await get(`/api/ledger-entries?${filter({ event: ['REDEMPTION_ACCEPTED'], createdAt_gte: '2026-11-01', createdAt_lte: '2026-11-30' })}&range=[0,999]`);
    expect(redemptions.status).toBe(200);
    expect(redemptions.body.length).toBeGreaterThan(0);
    expect(redemptions.body.every((e: any) => e.event === 'REDEMPTION_ACCEPTED' && e.createdAt >= '2026-10-31' && e.createdAt < '2026-12-01')).toBe(true);
  });

  it('refuses an unknown event in a filter with a clear 400', async () => {
    const res = await get(`/api/ledger-entries?${filter({ event: 'GIFT' })}`);
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 400);
  });

  it('is read-only even for ADMIN: no API writes the books', async () => {
    const token = await t.token('ADMIN');
    const [one] = (await get('/api/ledger-entries?range=[0,0]', 'ADMIN')).body;
    for (const res of [
      await t.http.post('/api/ledger-entries').set('Authorization', `Bearer ${token}`).send({ account: 'BANK', debitCents: 1 }),
      await t.http.put(`/api/ledger-entries/${one.id}`).set('Authorization', `Bearer ${token}`).send({ debitCents: 1 }),
      await t.http.delete(`/api/ledger-entries/${one.id}`).set('Authorization', `Bearer ${token}`),
    ]) {
      expect(res.status).toBe(403);
    }
    expect((await get(`/api/ledger-entries/${one.id}`, 'ADMIN')).body).toEqual(one);
  });

  it.each(['REVIEWER', 'SUPPORT'] as const)('is hidden from %s', async (role) => {
    expect((await get('/api/ledger-entries', role)).status).toBe(403);
  });
});

describe('BigInt month totals through the API', () => {
  it('are JSON numbers past the 32-bit limit, strings past 2^53, and filterable', async () => {
    const prisma = t.started.deps.db.prisma;
    const big = await prisma.endorsement.create({
      data: { period: '2031-01', periodStart: new Date('2030-12-31T23:00:00Z'), periodEnd: new Date('2031-01-31T23:00:00Z'), grossCents: 3_000_000_000n, feeCents: 120_000_000n, netCents: 2_880_000_000n },
    });
    const huge = await prisma.endorsement.create({
      data: { period: '2031-02', periodStart: new Date('2031-01-31T23:00:00Z'), periodEnd: new Date('2031-02-28T23:00:00Z'), grossCents: 2n ** 60n },
    });
    const one = await get(`/api/endorsements/${big.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(expect.objectContaining({ grossCents: 3_000_000_000, feeCents: 120_000_000, netCents: 2_880_000_000 }));
    expect((await get(`/api/endorsements/${huge.id}`)).body.grossCents).toBe('1152921504606846976');

    const list = await get(`/api/endorsements?${filter({ grossCents_gte: 2_500_000_000 })}&sort=["period","ASC"]`);
    expect(list.status).toBe(200);
    expect(list.body.map((e: any) => [e.period, e.grossCents])).toEqual([
      ['2031-01', 3_000_000_000],
      ['2031-02', '1152921504606846976'],
    ]);
  });
});
