import { Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { JobRunner } from '../../server/src/jobs/job-runner';
import { post, reverse } from '../../server/src/ledger';
import { lastReconciliation } from '../../server/src/reports/reconcile-ledger.job';
import type { Reconciliation } from '../../server/src/reports/reconciliation';
import type { FinanceDashboard } from '../../server/src/rules/dashboards';
import { expectLedgerInvariants } from '../support/ledger';
import { DemoRole, expectErrorShape, startTestApp, TestApp } from '../support/test-app';

// SPEC §3 "Ledger": the reconciliation report (GET /api/reports/reconciliation?month=, its CSV)
// and the nightly job that runs it and keeps its result for the FINANCE dashboard.
let t: TestApp;
let prisma: PrismaClient;
let runner: JobRunner;

const FAMILIES = ['SPONSOR', 'PASS_FLOAT', 'STRUCTURE', 'FEES_UPSTREAM', 'FEES_DOWNSTREAM', 'SUBSCRIPTIONS', 'VAT_COLLECTED', 'BANK'];
const INVARIANTS = ['TRANSACTION_BALANCED', 'PASS_FLOAT', 'STRUCTURE', 'SPONSOR'];
const paris = () => DateTime.now().setZone('Europe/Paris');

const get = async (path: string, role: DemoRole = 'FINANCE') => t.http.get(path).set('Authorization', `Bearer ${await t.token(role)}`);
const report = async (query = '') => {
  const res = await get(`/api/reports/reconciliation${query}`);
  expect(res.status).toBe(200);
  return res.body as Reconciliation;
};
/** The file as the bytes the server sent. */
const download = async (path: string) =>
  t.http
    .get(path)
    .set('Authorization', `Bearer ${await t.token('FINANCE')}`)
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
const invariant = (r: Reconciliation, name: string) => r.invariants.find((i) => i.invariant === name)!;
const family = (r: Reconciliation, name: string) => r.families.find((f) => f.family === name)!;
const euros = (cents: number) => `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;

beforeAll(async () => {
  t = await startTestApp();
  prisma = t.started.deps.db.prisma;
  runner = t.started.app.get(JobRunner);
});
afterAll(() => t.close());

describe('GET /api/reports/reconciliation on the demo data', () => {
  it('finds no difference: every invariant at zero, ok', async () => {
    await expectLedgerInvariants(prisma);
    const r = await report('?month=2026-11');
    expect(r.ok).toBe(true);
    expect(r.invariants.map((i) => i.invariant)).toEqual(INVARIANTS);
    for (const i of r.invariants) {
      expect(i).toEqual(expect.objectContaining({ differenceCents: 0, subjects: 0, details: [] }));
      expect(i.actualCents).toBe(i.expectedCents);
      expect(i.label.length).toBeGreaterThan(10);
    }
  });

  it('gives the expected values the states say: the face value of the active passes, and all debits = all credits', async () => {
    const r = await report('?month=2026-11');
    const active = await prisma.pass.aggregate({ where: { status: 'ACTIVE' }, _sum: { faceValueCents: true } });
    expect(active._sum.faceValueCents).toBeGreaterThan(0);
    expect(invariant(r, 'PASS_FLOAT').expectedCents).toBe(active._sum.faceValueCents);
    const books = await prisma.ledgerEntry.aggregate({ _sum: { debitCents: true, creditCents: true } });
    expect(invariant(r, 'TRANSACTION_BALANCED')).toEqual(expect.objectContaining({ expectedCents: books._sum.creditCents, actualCents: books._sum.debitCents }));
  });

  it('closes each family at its opening plus the month’s movements, in the family’s natural sign', async () => {
    const r = await report('?month=2026-11');
    expect(r.families.map((f) => f.family)).toEqual(FAMILIES);
    for (const f of r.families) {
      const movement = ['SPONSOR', 'BANK'].includes(f.family) ? f.debitCents - f.creditCents : f.creditCents - f.debitCents;
      expect(f.closingCents).toBe(f.openingCents + movement);
      for (const v of [f.openingCents, f.debitCents, f.creditCents, f.closingCents]) expect(Number.isInteger(v)).toBe(true);
    }
    // November's money moved: passes redeemed (float → structures).
    expect(family(r, 'PASS_FLOAT').debitCents).toBeGreaterThan(0);
    expect(family(r, 'STRUCTURE').creditCents).toBeGreaterThan(0);
  });

  it('counts in a month exactly the entries of its Paris calendar days', async () => {
    const r = await report('?month=2026-11');
    expect(r).toEqual(expect.objectContaining({ month: '2026-11', from: '2026-10-31T23:00:00.000Z', to: '2026-11-30T23:00:00.000Z' }));
    const within = await prisma.ledgerEntry.aggregate({
      where: { account: 'PASS_FLOAT', createdAt: { gte: new Date(r.from), lt: new Date(r.to) } },
      _sum: { debitCents: true, creditCents: true },
    });
    expect(family(r, 'PASS_FLOAT')).toEqual(expect.objectContaining({ debitCents: within._sum.debitCents ?? 0, creditCents: within._sum.creditCents ?? 0 }));
    const sponsorsBefore = await prisma.ledgerEntry.aggregate({ where: { account: { startsWith: 'SPONSOR:' }, createdAt: { lt: new Date(r.from) } }, _sum: { debitCents: true, creditCents: true } });
    expect(family(r, 'SPONSOR').openingCents).toBe((sponsorsBefore._sum.debitCents ?? 0) - (sponsorsBefore._sum.creditCents ?? 0));
  });

  it('opens each month where the previous one closed', async () => {
    const october = await report('?month=2026-10');
    const november = await report('?month=2026-11');
    expect(november.families.map((f) => f.openingCents)).toEqual(october.families.map((f) => f.closingCents));
  });

  it('covers the current Paris month to date when no month is given', async () => {
    const r = await report();
    expect(r.month).toBe(paris().toFormat('yyyy-MM'));
    expect(r.from).toBe(paris().startOf('month').toUTC().toISO());
    expect(r.to).toBe(r.generatedAt);
    expect(Math.abs(Date.parse(r.generatedAt) - Date.now())).toBeLessThan(60_000);
    expect(r.ok).toBe(true);
  });
});

describe('GET /api/reports/reconciliation.csv', () => {
  it('downloads rapprochement-AAAA-MM.csv: the families, then the invariants, in French decimals', async () => {
    const res = await download('/api/reports/reconciliation.csv?month=2026-11');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="rapprochement-2026-11.csv"');
    const text = (res.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    const families = lines.indexOf('Familles de comptes');
    const invariants = lines.findIndex((l) => l.startsWith('Invariants'));
    expect(families).toBeGreaterThan(0);
    expect(invariants).toBeGreaterThan(families);
    expect(lines[families + 1]).toBe('Famille;Libellé;Solde d’ouverture (€);Débits du mois (€);Crédits du mois (€);Solde de clôture (€)');
    expect(lines[invariants + 1]).toBe('Invariant;Libellé;Attendu (€);Constaté (€);Écart (€);Comptes ou transactions en écart');

    const json = await report('?month=2026-11');
    const float = family(json, 'PASS_FLOAT');
    expect(lines[families + 3]).toBe(`PASS_FLOAT;Pass en circulation;${euros(float.openingCents)};${euros(float.debitCents)};${euros(float.creditCents)};${euros(float.closingCents)}`);
    expect(lines[families + 3]).toMatch(/;\d+,\d{2}$/);
    const floatInvariant = invariant(json, 'PASS_FLOAT');
    expect(lines[invariants + 3]).toBe(`PASS_FLOAT;${floatInvariant.label};${euros(floatInvariant.expectedCents)};${euros(floatInvariant.actualCents)};0,00;0`);
    expect(text).not.toMatch(/\d\.\d{2}(;|\r)/);
  });
});

describe('bad input', () => {
  it.each([
    ['?month=2026-13', 'month', /mois AAAA-MM/],
    ['?month=2026-1', 'month', /mois AAAA-MM/],
    ['?month=0001-01', 'month', /antérieur à 2000/],
    ['?month[$gt]=', null, /Données invalides|mois/],
    ['?month=2026-11&month=2026-10', 'month', /mois AAAA-MM/],
    ['?sort=x', 'sort', /champ inconnu/],
  ])('refuses %s with a 400 in French naming the field', async (query, field, message) => {
    for (const path of ['/api/reports/reconciliation', '/api/reports/reconciliation.csv']) {
      const res = await get(`${path}${query}`);
      expect(res.status).toBe(400);
      expectErrorShape(res.body, 400);
      expect(res.body.message).toMatch(message);
      if (field) expect(res.body.details.fields).toHaveProperty([field]);
    }
  });

  it('refuses a month not yet begun', async () => {
    const next = paris().plus({ months: 1 }).toFormat('yyyy-MM');
    for (const month of [next, '2999-05']) {
      const res = await get(`/api/reports/reconciliation?month=${month}`);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(new RegExp(`${month} n’a pas encore commencé`));
      expect(res.body.details.fields.month).toEqual([expect.stringMatching(/pas encore commencé/)]);
    }
  });
});

describe('who may read it', () => {
  it.each(['SUPPORT', 'REVIEWER'] as const)('is refused to %s (403)', async (role) => {
    for (const path of ['/api/reports/reconciliation', '/api/reports/reconciliation.csv']) {
      const res = await get(path, role);
      expect(res.status).toBe(403);
      expectErrorShape(res.body, 403);
    }
  });

  it('needs a token (401)', async () => {
    for (const path of ['/api/reports/reconciliation', '/api/reports/reconciliation.csv']) expect((await t.http.get(path)).status).toBe(401);
  });

  it('is open to ADMIN, and in the console menu of ADMIN and FINANCE only', async () => {
    expect((await get('/api/reports/reconciliation', 'ADMIN')).status).toBe(200);
    const menu = async (role: DemoRole) => (await get('/api/auth/me', role)).body.permissions.reports;
    expect([await menu('ADMIN'), await menu('FINANCE'), await menu('SUPPORT'), await menu('REVIEWER')]).toEqual(['R', 'R', undefined, undefined]);
  });
});

describe('a difference, and the nightly job', () => {
  const source = { resource: 'tests', recordId: 'reconciliation-e2e' };
  let wrong: string;
  let before: Reconciliation;

  beforeAll(async () => {
    before = await report();
    // Balanced, but wrong: 1,23 € leaves the float for the bank while no pass changed.
    wrong = (
      await prisma.$transaction((tx) =>
        post(tx, {
          event: 'SPONSOR_PAYMENT_RECEIVED',
          ...source,
          lines: [
            { account: 'PASS_FLOAT', debitCents: 123 },
            { account: 'BANK', creditCents: 123 },
          ],
        }),
      )
    ).transactionId;
  });

  it('shows the PASS_FLOAT invariant 1,23 € short, with its detail, and ok false', async () => {
    const r = await report();
    expect(r.ok).toBe(false);
    const float = invariant(r, 'PASS_FLOAT');
    expect(float).toEqual(expect.objectContaining({ differenceCents: -123, subjects: 1, expectedCents: invariant(before, 'PASS_FLOAT').expectedCents }));
    expect(float.actualCents).toBe(float.expectedCents - 123);
    expect(float.details).toEqual([expect.stringMatching(/^PASS_FLOAT .* attendus\.$/)]);
    for (const name of ['TRANSACTION_BALANCED', 'STRUCTURE', 'SPONSOR']) expect(invariant(r, name)).toEqual(expect.objectContaining({ differenceCents: 0, subjects: 0 }));
    // The month's movements show the entry, and still add up.
    expect(family(r, 'PASS_FLOAT').debitCents).toBe(family(before, 'PASS_FLOAT').debitCents + 123);
    expect(family(r, 'BANK').creditCents).toBe(family(before, 'BANK').creditCents + 123);
    expect(family(r, 'BANK').closingCents).toBe(family(before, 'BANK').closingCents - 123);
  });

  it('shows it in the CSV too, with a negative French decimal', async () => {
    const text = ((await download('/api/reports/reconciliation.csv')).body as Buffer).toString('utf8');
    expect(text).toMatch(/\r\nPASS_FLOAT;Pass en circulation = valeur faciale des pass actifs;\d+,\d{2};\d+,\d{2};-1,23;1\r\n/);
    expect(text).toMatch(/\r\nÉcarts constatés\r\nInvariant;Détail\r\nPASS_FLOAT;PASS_FLOAT \(valeur des pass actifs\)/);
  });

  it('is found by the nightly job: { differences, ok } in the run’s counts, an audit summary, an error in the log, red on the dashboard', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error');
    try {
      const today = paris().toISODate()!;
      const { run } = await runner.trigger('reconcile-ledger', today, { type: 'SCHEDULE' });
      await runner.idle();
      const done = await prisma.jobRun.findUniqueOrThrow({ where: { id: run.id } });
      expect(done.status).toBe('SUCCEEDED');
      expect(done.counts).toEqual({ reconcile: { differences: 1, ok: 0 } });
      expect(errors).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/rapprochement du grand livre : 1 écart/), month: today.slice(0, 7) }));
    } finally {
      errors.mockRestore();
    }
    expect(await lastReconciliation(prisma)).toEqual({ at: expect.any(String), key: paris().toISODate(), ok: false, differences: 1 });

    const audit = await get(`/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ resource: 'reports', action: 'reconcile' }))}`);
    expect(audit.status).toBe(200);
    expect(audit.body).toHaveLength(1);
    expect(audit.body[0].after).toEqual(expect.objectContaining({ ok: false, differences: 1, month: paris().toFormat('yyyy-MM') }));
    expect(audit.body[0].after.invariants).toContainEqual(expect.objectContaining({ invariant: 'PASS_FLOAT', differenceCents: -123, subjects: 1 }));

    const dashboard = (await get('/api/dashboard')).body as FinanceDashboard;
    expect(dashboard.lastReconciliation).toEqual(expect.objectContaining({ ok: false, differences: 1 }));
  });

  it('is all zero again once the wrong entry is reversed, and the next run says so', async () => {
    await prisma.$transaction((tx) => reverse(tx, wrong, source));
    const r = await report();
    expect(r.ok).toBe(true);
    expect(invariant(r, 'PASS_FLOAT').differenceCents).toBe(0);
    await expectLedgerInvariants(prisma);

    const yesterday = paris().minus({ days: 1 }).toISODate()!;
    await runner.trigger('reconcile-ledger', yesterday, { type: 'SCHEDULE' });
    await runner.idle();
    const last = await lastReconciliation(prisma);
    expect(last).toEqual({ at: expect.any(String), key: yesterday, ok: true, differences: 0 });
    expect(((await get('/api/dashboard')).body as FinanceDashboard).lastReconciliation).toEqual(last);
  });

  it('runs once per day: the same day again is refused', async () => {
    await expect(runner.trigger('reconcile-ledger', paris().toISODate()!, { type: 'SCHEDULE' })).rejects.toThrow(/déjà été faite/);
  });

  it('runs again the same day as AAAA-MM-JJ.2 (FINANCE, from the Tâches page), and the dashboard shows that run', async () => {
    const today = paris().toISODate()!;
    const token = await t.token('FINANCE');
    const start = (key: unknown) => t.http.post('/api/jobs/reconcile-ledger/runs').set({ Authorization: `Bearer ${token}` }).send({ key });
    for (const bad of [`${today}.1`, `${today}.x`, `${today}.100`, `${today}.2.2`]) {
      const res = await start(bad);
      expect(res.status).toBe(400);
      expectErrorShape(res.body, 400);
    }
    expect((await start(`${today}.2`)).status).toBe(202);
    await runner.idle();
    const last = await lastReconciliation(prisma);
    expect(last).toEqual({ at: expect.any(String), key: `${today}.2`, ok: true, differences: 0 });
    expect(((await get('/api/dashboard')).body as FinanceDashboard).lastReconciliation).toEqual(last);
    expect((await start(`${today}.2`)).status).toBe(409);
  });
});
