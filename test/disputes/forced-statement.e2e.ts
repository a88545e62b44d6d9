import { JobRunner } from '../../server/src/jobs/job-runner';
import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { expectLedgerInvariants } from '../support/ledger';
import { startTestApp, TestApp } from '../support/test-app';
import { approvedOffer, makeOrder, partnerKey } from '../scanning/support';
import { paris } from '../endorsement/support';
import { pdfText } from '../documents/support';

// Issue 15: a staff redemption (FORCE_REDEEM) is flagged everywhere it appears, statements
// included. The forced scan is dated today, and a month is endorsed only once it has ended: once
// forced through the real API, its scan and redemption are moved to October 2026 (the only step not
// done through the product; the ledger is append-only and keeps today's posting), so that
// October's run picks it up.
let t: TestApp;
let prisma: PrismaClient;
let runner: JobRunner;

beforeAll(async () => {
  t = await startTestApp();
  prisma = t.started.deps.db.prisma;
  runner = t.started.app.get(JobRunner);
});
afterAll(() => t.close());
afterEach(() => expectLedgerInvariants(prisma));

const as = (token: string) => ({ Authorization: `Bearer ${token}` });

it('puts a forced redemption on the structure’s statement as a line flagged forced, and its PDF says the team redeemed it', async () => {
  const [support, finance] = await Promise.all([t.token('SUPPORT'), t.token('FINANCE')]);
  const structure = await prisma.structure.findFirstOrThrow({ where: { status: 'ELIGIBLE', scans: { none: {} } }, orderBy: { name: 'desc' } });
  const offer = await approvedOffer(prisma, structure.id, 1000);
  // No kit: the structure's scans are refused.
  await prisma.subscription.deleteMany({ where: { structureId: structure.id } });
  const order = await makeOrder(prisma, { booklets: 1 });
  const [pass] = order.booklets[0];

  const key = await partnerKey(prisma, structure.id);
  expect((await t.http.post('/api/partner/redemptions').set(as(key)).send({ offerId: offer.id, barcodes: [pass.barcode] })).status).toBe(422);
  const refused = await prisma.scan.findFirstOrThrow({ where: { structureId: structure.id, passId: pass.id, outcome: 'REJECTED' } });
  const d = await t.http.post('/api/disputes').set(as(support)).send({ origin: 'STRUCTURE', category: 'PASS_REJECTED_WRONGLY', description: 'Kit commandé mais pas encore enregistré : refus à tort.', scanIds: [refused.id] });
  expect(d.status).toBe(201);
  expect((await t.http.post(`/api/disputes/${d.body.id}/resolve`).set(as(support)).send({ outcome: 'FORCE_REDEEM', explanation: 'Refus à tort, encaissé par le support.' })).status).toBe(200);

  const forced = await prisma.scan.findFirstOrThrow({ where: { passId: pass.id, outcome: 'ACCEPTED' } });
  expect(forced.forced).toBe(true);
  const october = paris('2026-10-15T10:00');
  await prisma.$transaction([
    prisma.scan.update({ where: { id: forced.id }, data: { scannedAt: october } }),
    prisma.redemption.update({ where: { id: forced.redemptionId! }, data: { createdAt: october } }),
    prisma.pass.update({ where: { id: pass.id }, data: { redeemedAt: october } }),
  ]);

  expect((await t.http.post('/api/endorsements/prepare').set(as(finance)).send({ period: '2026-10' })).status).toBe(202);
  await runner.idle();
  const e = await prisma.endorsement.findUniqueOrThrow({ where: { period: '2026-10' } });
  expect(e.status).toBe('PREPARED');
  const statement = await prisma.statement.findUniqueOrThrow({ where: { endorsementId_structureId: { endorsementId: e.id, structureId: structure.id } }, include: { lines: true } });
  expect(statement.lines.map((l) => ({ barcode: l.barcode, forced: l.forced, valueCents: l.valueCents }))).toEqual([{ barcode: pass.barcode, forced: true, valueCents: 1000 }]);

  expect((await t.http.post(`/api/endorsements/${e.id}/close`).set(as(finance)).send({ revision: e.revision })).status).toBe(202);
  await runner.idle();
  const pdf = await prisma.statementPdf.findUniqueOrThrow({ where: { statementId: statement.id } });
  const text = pdfText(Buffer.from(pdf.bytes));
  expect(text).toContain(pass.barcode);
  expect(text).toContain('Encaissé par l’équipe #APTIC (litige)');
});
