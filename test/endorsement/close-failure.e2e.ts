import { JobRunner } from '../../server/src/jobs/job-runner';
import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { expectLedgerInvariants } from '../support/ledger';
import { startTestApp, TestApp } from '../support/test-app';

// Issue 14, closing: a failure once some passes are already endorsed (here a dispute opened on
// the draft's last statement, found when closing reaches it; one statement per chunk) gives
// everything back: those passes are REDEEMED again, the month is back to its draft, the run
// starts over at its first step; closed again after the dispute is settled and the month
// recomputed, it is whole.
let t: TestApp;
let prisma: PrismaClient;
let runner: JobRunner;
let finance: string;
const MONTH = '2026-10';
const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const run = () => prisma.endorsement.findUniqueOrThrow({ where: { period: MONTH } });
const passesOf = async (endorsementId: string) =>
  prisma.$queryRaw<{ id: string; status: string; updatedAt: Date; statementId: string }[]>`
    SELECT p.id, p.status::text, p."updatedAt", l."statementId" FROM "StatementLine" l JOIN "Statement" st ON st.id = l."statementId" JOIN "Pass" p ON p.id = l."passId"
     WHERE st."endorsementId" = ${endorsementId}`;

beforeAll(async () => {
  t = await startTestApp({ env: { JOB_CHUNK_SIZE: '1' } });
  prisma = t.started.deps.db.prisma;
  runner = t.started.app.get(JobRunner);
  finance = await t.token('FINANCE');
});
afterAll(() => t.close());

describe('a closing that fails after some passes were endorsed', () => {
  it('gives the passes back, returns the month to its draft and starts over; closed again later, the month is whole', async () => {
    expect((await t.http.post('/api/endorsements/prepare').set(as(finance)).send({ period: MONTH })).status).toBe(202);
    await runner.idle();
    const draft = await run();
    expect(draft.status).toBe('PREPARED');
    // The statements with passes, in the order closing walks them (by id): a dispute on the last one's first line.
    const withPasses = await prisma.statement.findMany({ where: { endorsementId: draft.id, passCount: { gt: 0 } }, orderBy: { id: 'asc' }, include: { lines: { take: 1 } } });
    expect(withPasses.length).toBeGreaterThanOrEqual(2);
    const last = withPasses.at(-1)!;
    const support = await prisma.user.findFirstOrThrow({ where: { role: 'SUPPORT' } });
    const dispute = await prisma.dispute.create({
      data: {
        reference: 'LIT-T14-0002',
        origin: 'BENEFICIARY',
        category: 'SERVICE_NOT_RENDERED',
        description: 'Ouvert entre le calcul et la clôture.',
        structureId: last.structureId,
        openedById: support.id,
        items: { create: { scanId: last.lines[0].scanId, passId: last.lines[0].passId } },
      },
    });

    const askedAt = new Date();
    expect((await t.http.post(`/api/endorsements/${draft.id}/close`).set(as(finance)).send({ revision: draft.revision })).status).toBe(202);
    await runner.idle();
    expect((await run()).status).toBe('PREPARED');
    const job = await prisma.jobRun.findUniqueOrThrow({ where: { name_key: { name: 'endorsement-close', key: MONTH } } });
    expect(job.status).toBe('FAILED');
    expect(job.error).toMatch(/^Échec à l’étape « Pass endossés » : 1 ligne du brouillon n’est plus endossable .* Le mois est revenu à son brouillon : rien n’a été clôturé\.$/);
    // Starts over at the first step next time.
    expect(job).toEqual(expect.objectContaining({ step: 'endorse', cursor: null, done: 0, total: null, counts: {} }));
    // The earlier statements' passes had been endorsed, then given back: REDEEMED, touched since « Clôturer ».
    const passes = await passesOf(draft.id);
    expect(passes.filter((p) => p.status !== 'REDEEMED')).toEqual([]);
    const earlier = passes.filter((p) => p.statementId !== last.id);
    expect(earlier.length).toBeGreaterThan(0);
    expect(earlier.every((p) => p.updatedAt >= askedAt)).toBe(true);
    expect(await prisma.statement.count({ where: { endorsementId: draft.id, OR: [{ status: 'FINAL' }, { number: { not: null } }] } })).toBe(0);
    expect(await prisma.ledgerEntry.count({ where: { event: 'MONTH_CLOSED' } })).toBe(0);
    expect(await prisma.payout.count()).toBe(0);
    await expectLedgerInvariants(prisma);

    // The dispute settled, the month recomputed (the scan is back in it), closed again: whole.
    await prisma.dispute.update({ where: { id: dispute.id }, data: { status: 'CANCELLED' } });
    expect((await t.http.post(`/api/endorsements/${draft.id}/recompute`).set(as(finance)).send()).status).toBe(202);
    await runner.idle();
    const again = await run();
    expect(again).toEqual(expect.objectContaining({ status: 'PREPARED', revision: draft.revision + 1, passCount: draft.passCount }));
    expect((await t.http.post(`/api/endorsements/${again.id}/close`).set(as(finance)).send({ revision: again.revision })).status).toBe(202);
    await runner.idle();
    const closed = await run();
    expect(closed.status).toBe('CLOSED');
    const after = await passesOf(closed.id);
    expect(after).toHaveLength(closed.passCount);
    expect(after.every((p) => p.status === 'ENDORSED')).toBe(true);
    expect((await prisma.jobRun.findUniqueOrThrow({ where: { name_key: { name: 'endorsement-close', key: MONTH } } })).attempts).toBe(2);
    await expectLedgerInvariants(prisma);
  });
});
