import { auditEventsResource } from '../../server/src/audit/audit.resources';
import { referentialCategoriesResource } from '../../server/src/catalogue/catalogue.resources';
import { conflict } from '../../server/src/common/errors';
import { WritePath } from '../../server/src/writes/write-path';
import { startTestApp, TestApp } from '../support/test-app';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.token('ADMIN');
});
afterAll(() => t.close());

const enc = encodeURIComponent;

async function eventsFor(resource: string, recordId: string) {
  const res = await t.http
    .get(`/api/audit-events?filter=${enc(JSON.stringify({ resource, recordId }))}&sort=${enc('["createdAt","ASC"]')}`)
    .set('Authorization', `Bearer ${admin}`);
  expect(res.status).toBe(200);
  return res.body as any[];
}

describe('the audit log', () => {
  it('records who created a record, with the request id the client saw', async () => {
    const res = await t.http
      .post('/api/referential-categories')
      .set('Authorization', `Bearer ${admin}`)
      .set('X-Request-Id', 'test-audit-create-1')
      .send({ code: 'TEST-AUDIT', label: 'Catégorie de test' });
    expect(res.status).toBe(201);
    expect(res.headers['x-request-id']).toBe('test-audit-create-1');
    const [event] = await eventsFor('referential-categories', res.body.id);
    expect(event).toEqual(
      expect.objectContaining({ actorType: 'STAFF', actorName: 'Nadia Benali', action: 'create', requestId: 'test-audit-create-1', before: null }),
    );
    expect(event.after).toEqual(expect.objectContaining({ code: 'TEST-AUDIT', label: 'Catégorie de test' }));
  });

  it('records an update as the fields that changed, before and after', async () => {
    const created = await t.http.post('/api/referential-categories').set('Authorization', `Bearer ${admin}`).send({ code: 'TEST-DIFF', label: 'Avant' });
    await t.http.put(`/api/referential-categories/${created.body.id}`).set('Authorization', `Bearer ${admin}`).send({ ...created.body, label: 'Après', active: false });
    const events = await eventsFor('referential-categories', created.body.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'update']);
    expect(events[1].before).toEqual({ label: 'Avant', active: true });
    expect(events[1].after).toEqual({ label: 'Après', active: false });
  });

  it('names a deactivation as such and never stores password hashes', async () => {
    const user = await t.http.post('/api/users').set('Authorization', `Bearer ${admin}`).send({ email: 'audit.user@aptic.fr', fullName: 'Audit User', role: 'SUPPORT', password: 'un-mot-de-passe-long' });
    await t.http.put(`/api/users/${user.body.id}`).set('Authorization', `Bearer ${admin}`).send({ password: 'un-autre-mot-de-passe' });
    await t.http.delete(`/api/users/${user.body.id}`).set('Authorization', `Bearer ${admin}`);
    const events = await eventsFor('users', user.body.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'update', 'deactivate']);
    expect(JSON.stringify(events)).not.toMatch(/passwordHash|\$2[aby]\$/);
    expect(events[2].after).toEqual({ active: false });
  });

  it('leaves nothing in the log when a write is refused', async () => {
    const count = async () => (await t.http.get('/api/audit-events?range=[0,0]').set('Authorization', `Bearer ${admin}`)).headers['content-range'];
    await t.http.post('/api/referential-categories').set('Authorization', `Bearer ${admin}`).send({ code: 'TEST-DUP', label: 'Première' });
    const before = await count();
    // Refused before anything is written: a duplicate code, an invalid one.
    expect((await t.http.post('/api/referential-categories').set('Authorization', `Bearer ${admin}`).send({ code: 'TEST-DUP', label: 'Doublon' })).status).toBe(409);
    expect((await t.http.post('/api/referential-categories').set('Authorization', `Bearer ${admin}`).send({ code: 'bad code!', label: 'x' })).status).toBe(400);
    // Refused after its change and an audit event were written, in the same transaction: both roll back.
    const user = (await t.http.get('/api/auth/me').set('Authorization', `Bearer ${admin}`)).body;
    const refused = t.started.app.get(WritePath).staffCreate({ resource: referentialCategoriesResource, user }, async (ctx) => {
      const record = await ctx.tx.referentialCategory.create({ data: { code: 'ROLLED-BACK', label: 'Annulée', position: 99 } });
      await ctx.record({ action: 'create', resource: 'referential-categories', recordId: record.id, after: record });
      throw conflict('Refusée après écriture.');
    });
    await expect(refused).rejects.toThrow('Refusée après écriture.');
    expect(await count()).toBe(before);
    const found = await t.http.get(`/api/referential-categories?filter=${enc('{"code":"ROLLED-BACK"}')}`).set('Authorization', `Bearer ${admin}`);
    expect(found.body).toEqual([]);
  });

  it('cannot be written, changed or deleted through the API, even by ADMIN', async () => {
    const [event] = (await t.http.get('/api/audit-events?range=[0,0]').set('Authorization', `Bearer ${admin}`)).body;
    expect((await t.http.post('/api/audit-events').set('Authorization', `Bearer ${admin}`).send({ action: 'forge' })).status).toBe(403);
    expect((await t.http.put(`/api/audit-events/${event.id}`).set('Authorization', `Bearer ${admin}`).send({ action: 'forge' })).status).toBe(403);
    expect((await t.http.delete(`/api/audit-events/${event.id}`).set('Authorization', `Bearer ${admin}`)).status).toBe(403);
    const again = await t.http.get(`/api/audit-events/${event.id}`).set('Authorization', `Bearer ${admin}`);
    expect(again.body).toEqual(event);
  });

  it('records each staff login in the user’s history, without the token', async () => {
    const login = await t.http.post('/api/auth/login').send({ email: 'support@aptic.fr', password: 'Support-Aptic-2026!' });
    const events = await eventsFor('users', login.body.user.id);
    const last = events[events.length - 1];
    expect(last).toEqual(expect.objectContaining({ action: 'login', actorName: 'Karim Haddad', after: expect.objectContaining({ sessionId: expect.any(String) }) }));
    expect(JSON.stringify(events)).not.toContain(login.body.accessToken);
  });

  it('is filterable by actor, action and date range', async () => {
    const me = (await t.http.get('/api/auth/me').set('Authorization', `Bearer ${admin}`)).body;
    const since = new Date(Date.now() - 3600_000).toISOString();
    const res = await t.http
      .get(`/api/audit-events?filter=${enc(JSON.stringify({ actorId: me.id, action: ['create', 'update'], createdAt_gte: since }))}&range=[0,999]`)
      .set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThanOrEqual(4);
    expect(res.body.every((e: any) => e.actorId === me.id && ['create', 'update'].includes(e.action))).toBe(true);
  });

  it('masks IBANs inside snapshots for roles that see them masked', () => {
    const event = { resource: 'structures', before: { iban: 'FR7630004000031234567890143' }, after: { iban: 'FR7612548029981234567890161' } };
    const asSupport = auditEventsResource.present!(event, { id: 'u', email: 's@a.fr', fullName: 'S', role: 'SUPPORT' });
    const asFinance = auditEventsResource.present!(event, { id: 'u', email: 'f@a.fr', fullName: 'F', role: 'FINANCE' });
    expect(asSupport.before).toEqual({ iban: 'FR76 •••• •••• •••• •••• •••• 143' });
    expect((asSupport.after as any).iban).toMatch(/^FR76 •/);
    expect(asFinance).toEqual(event);
  });
});
