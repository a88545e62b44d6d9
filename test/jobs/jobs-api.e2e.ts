import { Socket } from 'socket.io-client';
import { JobRunner } from '../../server/src/jobs/job-runner';
import { collect, connect, connected, subscribe, waitFor } from '../support/sockets';
import { expectErrorShape, startTestApp, TestApp } from '../support/test-app';
import { countExpiredSessions, expiredSessionsSql } from './support';

let t: TestApp;
const sockets: Socket[] = [];
const auth = async (role: 'ADMIN' | 'REVIEWER' | 'FINANCE' | 'SUPPORT') => ({ Authorization: `Bearer ${await t.token(role)}` });
const open = async (role: 'ADMIN' | 'REVIEWER' | 'FINANCE' | 'SUPPORT') => {
  const socket = connect(t.baseUrl, await t.token(role));
  sockets.push(socket);
  await connected(socket);
  return socket;
};

beforeAll(async () => {
  t = await startTestApp({ env: { JOB_CHUNK_SIZE: '7' } });
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await t.close();
});

const runsCount = async () => t.started.deps.db.prisma.jobRun.count();

describe('POST /api/jobs/purge-sessions/runs', () => {
  it('purges the expired sessions in chunks, live on job/purge-sessions, and keeps the ones still valid', async () => {
    await t.started.deps.db.exec(expiredSessionsSql(30));
    const socket = await open('ADMIN');
    const events = collect(socket);
    expect(await subscribe(socket, 'job/purge-sessions')).toEqual({ ok: true, topic: 'job/purge-sessions' });

    const res = await t.http.post('/api/jobs/purge-sessions/runs').set(await auth('ADMIN')).send({});
    expect(res.status).toBe(202);
    expect(res.body.outcome).toBe('started');
    expect(res.body.run).toEqual(expect.objectContaining({ name: 'purge-sessions', status: 'RUNNING', startedByName: 'Nadia Benali' }));
    const end = await waitFor(events, (e) => e.type === 'succeeded', 20_000);
    expect(end.payload.run).toEqual(expect.objectContaining({ id: res.body.run.id, status: 'SUCCEEDED', done: 30, total: 30, counts: { sessions: { sessions: 30 } } }));
    // 30 sessions in chunks of 7: progress after each of the first four chunks, then the end.
    expect(events.filter((e) => e.type === 'progress').map((e) => e.payload.run.done)).toEqual([7, 14, 21, 28]);
    expect(await countExpiredSessions(t.started.deps.db)).toBe(0);
    // The sessions in use still work.
    expect((await t.http.get('/api/auth/me').set(await auth('ADMIN'))).status).toBe(200);

    const list = await t.http.get('/api/job-runs').set(await auth('ADMIN'));
    expect(list.status).toBe(200);
    expect(list.body[0]).toEqual(expect.objectContaining({ id: res.body.run.id, status: 'SUCCEEDED' }));
    const summary = await t.http
      .get(`/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ resource: 'job-runs', recordId: res.body.run.id, action: 'job-step' }))}`)
      .set(await auth('ADMIN'));
    expect(summary.body).toHaveLength(1);
    expect(summary.body[0]).toEqual(expect.objectContaining({ actorName: 'Nadia Benali', after: expect.objectContaining({ step: 'sessions', counts: { sessions: 30 } }) }));
  });

  it('answers 409 in French when the day was already purged, and starts nothing', async () => {
    const before = await runsCount();
    const res = await t.http.post('/api/jobs/purge-sessions/runs').set(await auth('ADMIN')).send({});
    expect(res.status).toBe(409);
    expectErrorShape(res.body, 409);
    expect(res.body.message).toMatch(/a déjà été faite/);
    expect(await runsCount()).toBe(before);
  });

  it('runs another day when asked for it', async () => {
    await t.started.deps.db.exec(expiredSessionsSql(3));
    const res = await t.http.post('/api/jobs/purge-sessions/runs').set(await auth('ADMIN')).send({ key: '2026-01-01' });
    expect(res.status).toBe(202);
    await t.started.app.get(JobRunner).idle();
    const run = await t.started.deps.db.prisma.jobRun.findUniqueOrThrow({ where: { id: res.body.run.id } });
    // Expired three days ago: after 1 January 2026, so kept by that day's purge.
    expect(run).toEqual(expect.objectContaining({ key: '2026-01-01', status: 'SUCCEEDED', total: 0, done: 0 }));
    expect(await countExpiredSessions(t.started.deps.db)).toBe(3);
  });

  it.each([
    ['an unknown job', '/api/jobs/close-the-books/runs', {}, 404, /Tâche inconnue : « close-the-books »/],
    ['a job name with odd characters', '/api/jobs/__proto__/runs', {}, 404, /Tâche inconnue/],
    ['a key that is not a day', '/api/jobs/purge-sessions/runs', { key: 'hier' }, 400, /« hier » n’est pas un jour AAAA-MM-JJ/],
    ['an impossible day', '/api/jobs/purge-sessions/runs', { key: '2026-02-30' }, 400, /n’est pas un jour/],
    ['a day still to come', '/api/jobs/purge-sessions/runs', { key: '2999-01-01' }, 400, /n’est pas encore arrivé/],
    ['a key that is not a text', '/api/jobs/purge-sessions/runs', { key: 20261203 }, 400, /key : doit être un texte/],
    ['an unknown field', '/api/jobs/purge-sessions/runs', { force: true }, 400, /force/],
  ])('refuses %s with a clear 4xx and starts nothing', async (_what, path, body, status, message) => {
    const before = await runsCount();
    const res = await t.http.post(path).set(await auth('ADMIN')).send(body);
    expect(res.status).toBe(status);
    expectErrorShape(res.body, status);
    expect(res.body.message).toMatch(message);
    expect(await runsCount()).toBe(before);
  });

  it.each([
    ['FINANCE', 403, /ne permet pas de lancer la tâche/],
    ['SUPPORT', 403, /ne permet pas de consulter « job-runs »/],
    ['REVIEWER', 403, /ne permet pas de consulter « job-runs »/],
  ] as const)('refuses %s (%s) and starts nothing', async (role, status, message) => {
    const before = await runsCount();
    const res = await t.http.post('/api/jobs/purge-sessions/runs').set(await auth(role)).send({ key: '2026-02-01' });
    expect(res.status).toBe(status);
    expect(res.body.message).toMatch(message);
    expect(await runsCount()).toBe(before);
  });

  it('answers 401 without a token', async () => {
    expect((await t.http.post('/api/jobs/purge-sessions/runs').send({})).status).toBe(401);
  });
});

describe('GET /api/jobs and the job-runs resource', () => {
  it('lists the jobs an ADMIN may start, with their schedule and last run', async () => {
    const res = await t.http.get('/api/jobs').set(await auth('ADMIN'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({ name: 'purge-sessions', label: 'Purge des sessions expirées', canStart: true, steps: [{ name: 'sessions', label: 'Sessions supprimées' }] }),
      // Followed here, started from its order's page (which checks the order first).
      expect.objectContaining({ name: 'issue-order', canStart: false, startedFrom: expect.stringMatching(/commande/) }),
      expect.objectContaining({ name: 'expire-passes', canStart: true }),
      // Scheduled, and started from the endorsement's page (the month's actions check the run first).
      expect.objectContaining({ name: 'endorsement-prepare', canStart: false, defaultKey: expect.stringMatching(/^\d{4}-\d{2}$/), startedFrom: expect.stringMatching(/endossements/) }),
      expect.objectContaining({ name: 'endorsement-close', canStart: false, startedFrom: expect.stringMatching(/Clôturer/) }),
      // Nightly, or by hand from the Tâches page: the reconciliation of the books (key: a day).
      expect.objectContaining({ name: 'reconcile-ledger', canStart: true, defaultKey: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }),
    ]);
    expect(res.body[0].lastRun).toEqual(expect.objectContaining({ name: 'purge-sessions' }));
  });

  it('shows FINANCE only the jobs it may follow and their runs (none yet), never the session purge', async () => {
    expect((await t.http.get('/api/jobs').set(await auth('FINANCE'))).body.map((j: { name: string }) => j.name)).toEqual(['issue-order', 'expire-passes', 'endorsement-prepare', 'endorsement-close', 'reconcile-ledger']);
    const direct = await t.http.post('/api/jobs/issue-order/runs').set(await auth('FINANCE')).send({ key: '00000000-0000-4000-8000-000000000000' });
    expect(direct.status).toBe(409);
    expect(direct.body.message).toMatch(/se lance depuis la page de la commande/);
    const runs = await t.http.get('/api/job-runs').set(await auth('FINANCE'));
    expect(runs.status).toBe(200);
    expect(runs.body).toEqual([]);
    expect(runs.headers['content-range']).toBe('job-runs 0-0/0');
  });
});

describe('the job/<name> topic', () => {
  it('is refused to the roles that may not follow that job, and for unknown jobs', async () => {
    for (const role of ['FINANCE', 'SUPPORT', 'REVIEWER'] as const) {
      const answer = await subscribe(await open(role), 'job/purge-sessions');
      expect(answer).toEqual({ ok: false, error: 'Votre rôle ne permet pas de suivre la tâche « purge-sessions ».' });
    }
    const admin = await open('ADMIN');
    expect(await subscribe(admin, 'job/close-the-books')).toEqual({ ok: false, error: 'Sujet inconnu : job/close-the-books' });
    expect((await subscribe(admin, 'job/purge-sessions/extra')).ok).toBe(false);
  });
});
