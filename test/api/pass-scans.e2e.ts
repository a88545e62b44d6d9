/**
 * A pass's page lists every attempt on it (issue 12): `GET /api/scans?filter={"passId":…}`, as
 * react-admin's ReferenceManyField asks it, returns the pass's accepted and refused scans, and an
 * index serves that filter.
 */
import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { startTestApp, TestApp } from '../support/test-app';

let t: TestApp;
let prisma: PrismaClient;
let auth: { Authorization: string };

beforeAll(async () => {
  t = await startTestApp();
  prisma = t.started.deps.db.prisma;
  auth = { Authorization: `Bearer ${await t.token('SUPPORT')}` };
});
afterAll(() => t.close());

const scansOfPass = (passId: string) =>
  t.http.get('/api/scans').query({ filter: JSON.stringify({ passId }), sort: JSON.stringify(['scannedAt', 'DESC']), range: JSON.stringify([0, 99]) }).set(auth);

describe('the scans of one pass', () => {
  it('lists its accepted and refused attempts, newest first, and only them', async () => {
    // A demo pass redeemed once, then presented again and refused (PASS_ALREADY_USED).
    const refused = await prisma.scan.findFirstOrThrow({ where: { outcome: 'REJECTED', reason: 'PASS_ALREADY_USED', passId: { not: null } } });
    const expected = await prisma.scan.findMany({ where: { passId: refused.passId }, orderBy: { scannedAt: 'desc' } });
    expect(expected.length).toBeGreaterThanOrEqual(2);

    const res = await scansOfPass(refused.passId!);
    expect(res.status).toBe(200);
    expect(res.body.map((s: { id: string }) => s.id)).toEqual(expected.map((s) => s.id));
    expect(new Set(res.body.map((s: { outcome: string }) => s.outcome))).toEqual(new Set(['ACCEPTED', 'REJECTED']));
    expect(res.body.find((s: { id: string }) => s.id === refused.id)).toEqual(
      expect.objectContaining({ reason: 'PASS_ALREADY_USED', reasonDetail: expect.stringMatching(/^Pass déjà utilisé le /), structureId: refused.structureId, offerId: refused.offerId }),
    );
    expect(res.headers['content-range']).toBe(`scans 0-${expected.length - 1}/${expected.length}`);
  });

  it('answers an empty list for a pass never scanned', async () => {
    const scanned = (await prisma.scan.findMany({ where: { passId: { not: null } }, select: { passId: true } })).map((s) => s.passId!);
    const never = await prisma.pass.findFirstOrThrow({ where: { id: { notIn: scanned } } });
    const res = await scansOfPass(never.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  });

  it('has an index on the pass that serves the filter', async () => {
    const { passId } = await prisma.scan.findFirstOrThrow({ where: { passId: { not: null } } });
    // With sequential scans priced out, the planner shows which index it can use (on a few demo rows it would not bother).
    const plan = await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      return tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN SELECT * FROM "Scan" WHERE "passId" = $1 ORDER BY "scannedAt" DESC, id DESC`, passId);
    });
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toMatch(/Index Scan using "?Scan_passId_idx"?|Bitmap Index Scan on "?Scan_passId_idx"?/);
  });
});
