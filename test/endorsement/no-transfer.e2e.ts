import { JobRunner } from '../../server/src/jobs/job-runner';
import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { expectLedgerInvariants } from '../support/ledger';
import { expectErrorShape, startTestApp, TestApp } from '../support/test-app';

// Issue 14, payouts: a closed month whose every payout is withheld (here, every structure's IBAN
// mistyped) has no transfer to send. Its SEPA file is refused (409, in words) rather than an
// empty pain.001 a bank would reject; its CSV still lists each withheld payout with its reason.
let t: TestApp;
let prisma: PrismaClient;
let runner: JobRunner;
let finance: string;
const WRONG_IBAN = 'FR7630006000011234567890188';
const as = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  t = await startTestApp();
  prisma = t.started.deps.db.prisma;
  runner = t.started.app.get(JobRunner);
  finance = await t.token('FINANCE');
  await prisma.structure.updateMany({ data: { iban: WRONG_IBAN } });
});
afterAll(() => t.close());

describe('a month without any transfer', () => {
  it('has no SEPA file (409), while its CSV lists every withheld payout with its reason', async () => {
    expect((await t.http.post('/api/endorsements/prepare').set(as(finance)).send({ period: '2026-10' })).status).toBe(202);
    await runner.idle();
    const draft = await prisma.endorsement.findUniqueOrThrow({ where: { period: '2026-10' } });
    expect((await t.http.post(`/api/endorsements/${draft.id}/close`).set(as(finance)).send({ revision: draft.revision })).status).toBe(202);
    await runner.idle();
    const closed = await prisma.endorsement.findUniqueOrThrow({ where: { period: '2026-10' } });
    expect(closed.status).toBe('CLOSED');
    const payouts = await prisma.payout.findMany({ where: { endorsementId: closed.id } });
    // The demo's October has structures to pay: each payout is there, and withheld.
    expect(payouts.length).toBe(await prisma.statement.count({ where: { endorsementId: closed.id, netCents: { gt: 0 } } }));
    expect(payouts.length).toBeGreaterThan(0);
    expect(payouts.every((p) => p.status === 'WITHHELD' && /IBAN invalide/.test(p.withheldReason ?? ''))).toBe(true);

    expect((await t.http.post(`/api/endorsements/${closed.id}/export`).set(as(finance)).send()).status).toBe(200);
    const xml = await t.http.get(`/api/endorsements/${closed.id}/payouts.xml`).set(as(finance));
    expect(xml.status).toBe(409);
    expectErrorShape(xml.body, 409);
    expect(xml.body.message).toMatch(/^Aucun virement à émettre pour 2026-10 .*le CSV liste les virements bloqués\.$/);
    const csv = await t.http.get(`/api/endorsements/${closed.id}/payouts.csv`).set(as(finance));
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n').filter((l) => l.startsWith('RETENU;'))).toHaveLength(payouts.length);
    // Nothing was sent, nothing paid.
    expect(await prisma.payout.count({ where: { endorsementId: closed.id, status: { in: ['EXPORTED', 'PAID'] } } })).toBe(0);
    await expectLedgerInvariants(prisma);
  });
});
