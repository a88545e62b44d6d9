import { JobRunner } from '../../server/src/jobs/job-runner';
import { Prisma, type PrismaClient } from '../../server/src/generated/prisma/client';
import { expectLedgerInvariants } from '../support/ledger';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../jobs/support';

// Issue 14: the closing's third step, « Relevés PDF », runs once the month is CLOSED. Finance may
// export its payouts meanwhile (the step goes on), and a failure while rendering leaves the month
// closed, says so, and « Reprendre la clôture » (close again) renders the rest. The demo data's
// October and November; one statement per chunk with a pause between chunks, so that the test
// acts while the step is under way.
let t: TestApp;
let prisma: PrismaClient;
let runner: JobRunner;
let finance: string;

const as = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  t = await startTestApp({ env: { JOB_CHUNK_DELAY_MS: '100' } });
  prisma = t.started.deps.db.prisma;
  runner = t.started.app.get(JobRunner);
  finance = await t.token('FINANCE');
});

afterAll(() => t.close());

afterEach(() => expectLedgerInvariants(prisma));

/** Prepares the month with whole chunks, then closes it one statement per chunk; resolves once its PDFs are under way. */
async function closeUntilPdfs(period: string) {
  t.config.JOB_CHUNK_SIZE = 1000;
  await t.http.post('/api/endorsements/prepare').set(as(finance)).send({ period }).expect(202);
  await runner.idle();
  const draft = await prisma.endorsement.findUniqueOrThrow({ where: { period } });
  expect(draft.status).toBe('PREPARED');
  expect(draft.statementCount).toBeGreaterThan(3);
  t.config.JOB_CHUNK_SIZE = 1;
  await t.http.post(`/api/endorsements/${draft.id}/close`).set(as(finance)).send({ revision: draft.revision }).expect(202);
  const run = await waitUntil(async () => {
    const r = await prisma.jobRun.findUnique({ where: { name_key: { name: 'endorsement-close', key: period } } });
    return r?.step === 'pdfs' && r.done > 0 && r;
  });
  return { draft, run };
}

const storedPdfs = (endorsementId: string) => prisma.statementPdf.count({ where: { statement: { endorsementId } } });

it('goes on when FINANCE exports the payouts while the PDFs are rendered: every statement gets its PDF', async () => {
  const { draft } = await closeUntilPdfs('2026-10');
  const exported = await t.http.post(`/api/endorsements/${draft.id}/export`).set(as(finance));
  expect(exported.status).toBe(200);
  expect((await prisma.endorsement.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe('EXPORTED');
  // Exported before the step ended (else this test shows nothing).
  expect(await storedPdfs(draft.id)).toBeLessThan(draft.statementCount);

  await runner.idle();
  const run = await prisma.jobRun.findUniqueOrThrow({ where: { name_key: { name: 'endorsement-close', key: '2026-10' } } });
  expect({ status: run.status, error: run.error }).toEqual({ status: 'SUCCEEDED', error: null });
  expect((run.counts as any).pdfs.pdfs).toBe(draft.statementCount);
  expect(await storedPdfs(draft.id)).toBe(draft.statementCount);
  expect((await prisma.endorsement.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe('EXPORTED');
});

it('fails while rendering without reopening the closed month, says so, and « Reprendre la clôture » renders the rest', async () => {
  const { draft, run } = await closeUntilPdfs('2026-11');
  // A statement not rendered yet loses its closing snapshot: its PDF cannot be rendered.
  const victim = await prisma.statement.findFirstOrThrow({ where: { endorsementId: draft.id, id: { gt: run.cursor ?? '' }, pdf: null }, orderBy: { id: 'desc' } });
  const snapshot = victim.snapshot!;
  await prisma.statement.update({ where: { id: victim.id }, data: { snapshot: Prisma.DbNull } });
  await runner.idle();

  const failed = await prisma.jobRun.findUniqueOrThrow({ where: { id: run.id } });
  expect(failed.status).toBe('FAILED');
  expect(failed.step).toBe('pdfs');
  expect(failed.error).toMatch(/Échec à l’étape « Relevés PDF » : le relevé .* n’a pas de photographie de clôture\. Le mois est clos : .*« Reprendre la clôture » rend les autres\./);
  // The month stays closed, its numbers, ledger and payouts with it.
  const closed = await prisma.endorsement.findUniqueOrThrow({ where: { id: draft.id } });
  expect(closed.status).toBe('CLOSED');
  expect(await prisma.statement.count({ where: { endorsementId: draft.id, status: 'FINAL' } })).toBe(draft.statementCount);
  const midway = await storedPdfs(draft.id);
  expect(midway).toBeGreaterThan(0);
  expect(midway).toBeLessThan(draft.statementCount);

  // Put right, « Reprendre la clôture » (close on the closed month) takes the run up where it stopped.
  await prisma.statement.update({ where: { id: victim.id }, data: { snapshot: snapshot as Prisma.InputJsonValue } });
  const resumed = await t.http.post(`/api/endorsements/${draft.id}/close`).set(as(finance)).send({ revision: draft.revision });
  expect(resumed.status).toBe(202);
  expect(resumed.body).toEqual(expect.objectContaining({ status: 'CLOSED', run: expect.objectContaining({ status: 'RUNNING', step: 'pdfs', attempts: 2 }) }));
  await runner.idle();
  const done = await prisma.jobRun.findUniqueOrThrow({ where: { id: run.id } });
  expect(done.status).toBe('SUCCEEDED');
  expect(await storedPdfs(draft.id)).toBe(draft.statementCount);
  // The resume is in the month's history as such, not as a second closing.
  const history = await prisma.auditEvent.findMany({ where: { resource: 'endorsements', recordId: draft.id }, orderBy: { createdAt: 'asc' } });
  expect(history.map((h) => h.action)).toEqual(['prepare', 'prepared', 'close', 'closed', 'resume-close']);
  expect(history.at(-1)!.after).toEqual(expect.objectContaining({ run: 'FAILED' }));
  // A finished closing is not resumed again.
  expect((await t.http.post(`/api/endorsements/${draft.id}/close`).set(as(finance)).send({ revision: draft.revision })).status).toBe(409);
});
