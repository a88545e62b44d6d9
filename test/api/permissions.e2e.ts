import { accessOf, REPORT_NAMES, RESOURCE_NAMES } from '../../server/src/auth/permissions';
import { expectErrorShape, ROLES, startTestApp, TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const someId = '00000000-0000-4000-8000-000000000000';

describe('without a token', () => {
  const routes: [string, string][] = [
    ['get', '/api/auth/me'],
    ['get', '/api/dashboard'],
    ['post', '/api/auth/logout'],
    ['get', '/api/reports/reconciliation'],
    ['get', '/api/reports/reconciliation.csv'],
    ...RESOURCE_NAMES.flatMap((r): [string, string][] => [
      ['get', `/api/${r}`],
      ['get', `/api/${r}/${someId}`],
      ['post', `/api/${r}`],
      ['put', `/api/${r}/${someId}`],
      ['delete', `/api/${r}/${someId}`],
    ]),
  ];

  it.each(routes)('%s %s is 401', async (method, path) => {
    const res = await (t.http as any)[method](path).send({});
    expect(res.status).toBe(401);
    expectErrorShape(res.body, 401);
  });

  it('is 401 with a forged or malformed token too', async () => {
    for (const header of ['Bearer aptic_forged', 'Bearer ', 'Basic YWRtaW46YWRtaW4=', `Bearer ${'x'.repeat(5000)}`]) {
      const res = await t.http.get('/api/structures').set('Authorization', header);
      expect(res.status).toBe(401);
    }
  });
});

describe('the role matrix of SPEC §3', () => {
  const cases = ROLES.flatMap((role) => RESOURCE_NAMES.map((resource) => [role, resource] as const));

  it.each(cases)('%s reading %s gets exactly what the matrix says', async (role, resource) => {
    const res = await t.http.get(`/api/${resource}?range=[0,0]`).set('Authorization', `Bearer ${await t.token(role)}`);
    if (accessOf(role, resource)) {
      expect(res.status).toBe(200);
      expect(res.headers['content-range']).toMatch(new RegExp(`^${resource} `));
    } else {
      expect(res.status).toBe(403);
      expectErrorShape(res.body, 403);
      const one = await t.http.get(`/api/${resource}/${someId}`).set('Authorization', `Bearer ${await t.token(role)}`);
      expect(one.status).toBe(403);
    }
  });

  // Reports are rows of the matrix with no list behind them: each is read at its own routes.
  const REPORT_ROUTES: Record<(typeof REPORT_NAMES)[number], string[]> = { reports: ['/api/reports/reconciliation', '/api/reports/reconciliation.csv'] };
  it.each(ROLES.flatMap((role) => REPORT_NAMES.map((report) => [role, report] as const)))('%s reading %s gets exactly what the matrix says', async (role, report) => {
    for (const path of REPORT_ROUTES[report]) {
      const res = await t.http.get(path).set('Authorization', `Bearer ${await t.token(role)}`);
      expect(res.status).toBe(accessOf(role, report) ? 200 : 403);
      if (res.status === 403) expect(res.body.message).toMatch(/ne permet pas de consulter « reports »/);
    }
  });

  it.each(cases.filter(([role, resource]) => accessOf(role, resource) !== 'W'))('%s writing %s is 403 and changes nothing', async (role, resource) => {
    const token = await t.token(role);
    const before = await t.http.get('/api/audit-events?range=[0,0]').set('Authorization', `Bearer ${await t.token('ADMIN')}`);
    for (const res of [
      await t.http.post(`/api/${resource}`).set('Authorization', `Bearer ${token}`).send({ name: 'x' }),
      await t.http.put(`/api/${resource}/${someId}`).set('Authorization', `Bearer ${token}`).send({ name: 'x' }),
      await t.http.delete(`/api/${resource}/${someId}`).set('Authorization', `Bearer ${token}`),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/ne permet pas/);
    }
    const after = await t.http.get('/api/audit-events?range=[0,0]').set('Authorization', `Bearer ${await t.token('ADMIN')}`);
    expect(after.headers['content-range']).toBe(before.headers['content-range']);
  });

  it('lets audit events and comments be read only on resources the role may read', async () => {
    // The demo seed leaves one audit event on "users": SUPPORT may not read users, so it does not see it.
    const admin = await t.http.get(`/api/audit-events?filter=${encodeURIComponent('{"resource":"users"}')}`).set('Authorization', `Bearer ${await t.token('ADMIN')}`);
    const support = await t.http.get(`/api/audit-events?filter=${encodeURIComponent('{"resource":"users"}')}`).set('Authorization', `Bearer ${await t.token('SUPPORT')}`);
    expect(admin.body.length).toBeGreaterThan(0);
    expect(support.status).toBe(200);
    expect(support.body).toEqual([]);
    const hidden = await t.http.get(`/api/audit-events/${admin.body[0].id}`).set('Authorization', `Bearer ${await t.token('SUPPORT')}`);
    expect(hidden.status).toBe(404);
  });
});
