import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils } from 'ra-core';
import { siretFor } from '../../server/src/rules/siret';
import { startTestApp, TestApp } from '../support/test-app';

// The stock react-admin provider, unmodified, against the real server.
let t: TestApp;
let provider: ReturnType<typeof simpleRestProvider>;

beforeAll(async () => {
  t = await startTestApp();
  const token = await t.token('ADMIN');
  const httpClient = (url: string, options: fetchUtils.Options = {}) =>
    fetchUtils.fetchJson(url, { ...options, user: { authenticated: true, token: `Bearer ${token}` } });
  provider = simpleRestProvider(`${t.baseUrl}/api`, httpClient);
});
afterAll(() => t.close());

describe('the stock ra-data-simple-rest provider', () => {
  it('gets a page of a list with the right total', async () => {
    const all = await t.http.get('/api/structures?range=[0,999]').set('Authorization', `Bearer ${await t.token('ADMIN')}`);
    const page = await provider.getList('structures', { pagination: { page: 2, perPage: 5 }, sort: { field: 'name', order: 'ASC' }, filter: {} });
    expect(page.total).toBe(all.body.length);
    expect(page.data).toHaveLength(5);
    const names = all.body.map((s: any) => s.name).sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0));
    expect(page.data.map((s) => s.name)).toEqual(names.slice(5, 10));
  });

  it('filters with exact values, arrays, q and ranges', async () => {
    const eligible = await provider.getList('structures', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' }, filter: { status: 'ELIGIBLE' } });
    expect(eligible.total).toBe(8);
    expect(eligible.data.every((s) => s.status === 'ELIGIBLE')).toBe(true);
    const two = await provider.getList('structures', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' }, filter: { status: ['SUSPENDED', 'REJECTED'] } });
    expect(two.data.map((s) => s.status).sort()).toEqual(['REJECTED', 'SUSPENDED']);
    const search = await provider.getList('structures', { pagination: { page: 1, perPage: 10 }, sort: { field: 'name', order: 'ASC' }, filter: { q: 'lyon' } });
    expect(search.total).toBeGreaterThan(0);
    expect(search.data.every((s) => /lyon/i.test(`${s.name} ${s.city}`))).toBe(true);
    const november = await provider.getList('scans', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'scannedAt', order: 'ASC' }, filter: { scannedAt_gte: '2026-11-01T00:00:00Z', scannedAt_lte: '2026-11-30T23:59:59Z' } });
    expect(november.total).toBeGreaterThan(0);
    expect(november.data.every((s) => s.scannedAt >= '2026-11-01' && s.scannedAt < '2026-12')).toBe(true);
  });

  it('gets one record and many by id', async () => {
    const list = await provider.getList('passes', { pagination: { page: 1, perPage: 3 }, sort: { field: 'barcode', order: 'ASC' }, filter: {} });
    const one = await provider.getOne('passes', { id: list.data[0].id });
    expect(one.data).toEqual(list.data[0]);
    const many = await provider.getMany('passes', { ids: list.data.map((p) => p.id) });
    expect(many.data.map((p) => p.id).sort()).toEqual(list.data.map((p) => p.id).sort());
  });

  it('gets the records that reference another one', async () => {
    const orders = await provider.getList('orders', { pagination: { page: 1, perPage: 10 }, sort: { field: 'reference', order: 'ASC' }, filter: { status: 'ACTIVE' } });
    const order = orders.data[0];
    const booklets = await provider.getManyReference('booklets', { target: 'orderId', id: order.id, pagination: { page: 1, perPage: 5 }, sort: { field: 'number', order: 'ASC' }, filter: {} });
    expect(booklets.total).toBe(order.bookletCount);
    expect(booklets.data).toHaveLength(5);
    expect(booklets.data.every((b) => b.orderId === order.id)).toBe(true);
  });

  it('creates, updates and deletes, getting the record back each time', async () => {
    const created = await provider.create('sponsors', {
      data: { name: 'Communauté de communes du Val', kind: 'INTERCOMMUNALITE', siret: siretFor('200040745'), addressLine: '1 place de la Mairie', postalCode: '24000', city: 'Périgueux', departement: '24', contactName: 'Jeanne Roy', contactEmail: 'jeanne.roy@val.example.fr' },
    });
    expect(created.data).toEqual(expect.objectContaining({ id: expect.any(String), name: 'Communauté de communes du Val', siret: siretFor('200040745') }));
    // react-admin sends the whole record back, read-only fields included.
    const updated = await provider.update('sponsors', { id: created.data.id, data: { ...created.data, city: 'Bergerac' }, previousData: created.data });
    expect(updated.data).toEqual(expect.objectContaining({ id: created.data.id, city: 'Bergerac' }));
    const deleted = await provider.delete('sponsors', { id: created.data.id, previousData: updated.data });
    expect(deleted.data.id).toBe(created.data.id);
    await expect(provider.getOne('sponsors', { id: created.data.id })).rejects.toMatchObject({ status: 404 });
  });

  it('deactivates a staff account on delete and returns it', async () => {
    const created = await provider.create('users', { data: { email: 'temp.agent@aptic.fr', fullName: 'Agent Temporaire', role: 'SUPPORT', password: 'un-mot-de-passe-long' } });
    expect(created.data).not.toHaveProperty('passwordHash');
    const deleted = await provider.delete('users', { id: created.data.id, previousData: created.data });
    expect(deleted.data).toEqual(expect.objectContaining({ id: created.data.id, active: false }));
  });
});

describe('the HTTP contract itself', () => {
  it('answers Content-Range and exposes it through CORS', async () => {
    const res = await t.http
      .get('/api/referential-categories?range=[0,3]&sort=["position","ASC"]')
      .set('Origin', 'http://localhost:5173')
      .set('Authorization', `Bearer ${await t.token('ADMIN')}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-range']).toBe('referential-categories 0-3/9');
    expect(res.headers['access-control-expose-headers']).toMatch(/Content-Range/);
    expect(res.body.map((c: any) => c.position)).toEqual([1, 2, 3, 4]);
  });

  it('serves at most 1,000 rows a page', async () => {
    const token = await t.token('ADMIN');
    const ok = await t.http.get('/api/passes?range=[0,999]').set('Authorization', `Bearer ${token}`);
    expect(ok.status).toBe(200);
    expect(ok.body.length).toBeLessThanOrEqual(1000);
    const tooMany = await t.http.get('/api/passes?range=[0,1000]').set('Authorization', `Bearer ${token}`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toMatch(/1000 lignes/);
  });

  it('answers an empty page with a zero total', async () => {
    const res = await t.http.get('/api/endorsements?range=[0,9]').set('Authorization', `Bearer ${await t.token('FINANCE')}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
    expect(res.headers['content-range']).toMatch(/\/0$/);
  });

  it('never returns password hashes', async () => {
    const res = await t.http.get('/api/users?range=[0,99]').set('Authorization', `Bearer ${await t.token('ADMIN')}`);
    expect(res.body.length).toBeGreaterThan(3);
    for (const user of res.body) expect(user).not.toHaveProperty('passwordHash');
    const filtered = await t.http.get(`/api/users?filter=${encodeURIComponent('{"passwordHash":"x"}')}`).set('Authorization', `Bearer ${await t.token('ADMIN')}`);
    expect(filtered.status).toBe(400);
  });

  it('masks IBANs for roles that may not see them and shows them in full to finance', async () => {
    const finance = await t.http.get('/api/structures?range=[0,0]&sort=["name","ASC"]').set('Authorization', `Bearer ${await t.token('FINANCE')}`);
    const support = await t.http.get('/api/structures?range=[0,0]&sort=["name","ASC"]').set('Authorization', `Bearer ${await t.token('SUPPORT')}`);
    expect(finance.body[0].iban).toMatch(/^FR\d{2}[0-9A-Z]{23}$/);
    expect(support.body[0].iban).toMatch(/^FR\d\d •/);
    expect(support.body[0].iban.endsWith(finance.body[0].iban.slice(-3))).toBe(true);
    // REVIEWER: in full on applications under review only.
    const reviewerOnApplications = await t.http.get('/api/applications?range=[0,99]').set('Authorization', `Bearer ${await t.token('REVIEWER')}`);
    const pending = reviewerOnApplications.body.filter((a: any) => ['SUBMITTED', 'IN_REVIEW', 'ON_HOLD'].includes(a.status));
    const decided = reviewerOnApplications.body.filter((a: any) => ['APPROVED', 'REJECTED'].includes(a.status));
    expect(pending.length).toBeGreaterThan(0);
    expect(decided.length).toBeGreaterThan(0);
    for (const a of pending) expect(a.iban).toMatch(/^FR\d{2}[0-9A-Z]{23}$/);
    for (const a of decided) expect(a.iban).toMatch(/^FR\d\d •/);
    const byIban = await t.http.get(`/api/applications?filter=${encodeURIComponent(JSON.stringify({ iban: pending[0].iban }))}`).set('Authorization', `Bearer ${await t.token('REVIEWER')}`);
    expect(byIban.status).toBe(400);
  });

  it('serves health and the OpenAPI document without a token', async () => {
    const health = await t.http.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual(expect.objectContaining({ status: 'ok', database: expect.objectContaining({ status: 'up' }) }));
    const doc = await t.http.get('/api/docs/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/structures', '/api/users/{id}']));
    const ui = await t.http.get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toMatch(/swagger/i);
  });
});

describe('the staff directory', () => {
  it('gives every role the names and roles of staff, and nothing else', async () => {
    const res = await t.http.get('/api/staff?range=[0,99]').set('Authorization', `Bearer ${await t.token('SUPPORT')}`);
    expect(res.status).toBe(200);
    expect(res.body.find((u: any) => u.fullName === 'Julien Moreau')).toEqual({ id: expect.any(String), fullName: 'Julien Moreau', role: 'REVIEWER', active: true });
    for (const u of res.body) expect(Object.keys(u).sort()).toEqual(['active', 'fullName', 'id', 'role']);
    const byEmail = await t.http.get(`/api/staff?filter=${encodeURIComponent('{"email":"admin@aptic.fr"}')}`).set('Authorization', `Bearer ${await t.token('SUPPORT')}`);
    expect(byEmail.status).toBe(400);
    expect((await t.http.post('/api/staff').set('Authorization', `Bearer ${await t.token('ADMIN')}`).send({ fullName: 'x' })).status).toBe(403);
  });
});
