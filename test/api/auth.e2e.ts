import request from 'supertest';
import { demoAccount, expectErrorShape, ROLES, startTestApp, TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { LOGIN_THROTTLE_LIMIT: '5' } });
});
afterAll(() => t.close());

describe('staff login', () => {
  it.each(ROLES)('logs the %s demo account in and tells who it is and what it may use', async (role) => {
    const account = demoAccount(role);
    const res = await t.http.post('/api/auth/login').send({ email: account.email, password: account.password });
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toMatch(/^aptic_/);
    expect(res.body.user).toEqual(expect.objectContaining({ email: account.email, fullName: account.fullName, role }));
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.role).toBe(role);
    expect(me.body.permissions['audit-events']).toBe('R');
  });

  it('gives each role the menu of the role matrix', async () => {
    const me = async (role: (typeof ROLES)[number]) => (await t.http.get('/api/auth/me').set('Authorization', `Bearer ${await t.token(role)}`)).body.permissions;
    expect((await me('ADMIN')).users).toBe('W');
    expect((await me('FINANCE')).users).toBeUndefined();
    expect((await me('FINANCE')).payouts).toBe('W');
    expect((await me('SUPPORT')).payouts).toBeUndefined();
    expect((await me('SUPPORT')).structures).toBe('R');
    expect((await me('REVIEWER')).applications).toBe('W');
    expect((await me('REVIEWER')).orders).toBeUndefined();
  });

  it('refuses a wrong password with 401 and the same message as an unknown e-mail', async () => {
    const wrong = await t.http.post('/api/auth/login').send({ email: 'finance@aptic.fr', password: 'pas-le-bon' });
    const unknown = await t.http.post('/api/auth/login').send({ email: 'personne@aptic.fr', password: 'pas-le-bon' });
    expect(wrong.status).toBe(401);
    expectErrorShape(wrong.body, 401);
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('refuses a malformed login with 400 naming the field', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: 42, password: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.details.fields).toHaveProperty('email');
    const missing = await t.http.post('/api/auth/login').send({});
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.details.fields).sort()).toEqual(['email', 'password']);
  });

  it('throttles repeated attempts on one account with 429', async () => {
    const attempt = () => request(t.started.app.getHttpServer()).post('/api/auth/login').send({ email: 'cible.attaque@aptic.fr', password: 'devine-moi' });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const blocked = await attempt();
    expectErrorShape(blocked.body, 429);
    // Another account from the same place is not blocked.
    const other = demoAccount('REVIEWER');
    expect((await t.http.post('/api/auth/login').send({ email: other.email, password: other.password })).status).toBe(200);
  });

  it('ends a session on logout', async () => {
    const account = demoAccount('FINANCE');
    const login = await t.http.post('/api/auth/login').send({ email: account.email, password: account.password });
    const token = login.body.accessToken;
    expect((await t.http.post('/api/auth/logout').set('Authorization', `Bearer ${token}`)).status).toBe(204);
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
  });
});

describe('staff management', () => {
  it('lets ADMIN create an account that can then log in, change its role, and deactivate it', async () => {
    const admin = await t.token('ADMIN');
    const created = await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ email: 'Louise.Garcia@APTIC.fr', fullName: 'Louise Garcia', role: 'SUPPORT', password: 'mot-de-passe-solide' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual(expect.objectContaining({ email: 'louise.garcia@aptic.fr', role: 'SUPPORT', active: true }));
    const login = await t.http.post('/api/auth/login').send({ email: 'louise.garcia@aptic.fr', password: 'mot-de-passe-solide' });
    expect(login.status).toBe(200);
    const token = login.body.accessToken;
    expect((await t.http.get('/api/passes?range=[0,0]').set('Authorization', `Bearer ${token}`)).status).toBe(200);

    const promoted = await t.http.put(`/api/users/${created.body.id}`).set('Authorization', `Bearer ${admin}`).send({ ...created.body, role: 'FINANCE' });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('FINANCE');
    // A role change ends the sessions opened under the old role.
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);

    const relogin = await t.http.post('/api/auth/login').send({ email: 'louise.garcia@aptic.fr', password: 'mot-de-passe-solide' });
    const token2 = relogin.body.accessToken;
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token2}`)).body.role).toBe('FINANCE');

    const deactivated = await t.http.put(`/api/users/${created.body.id}`).set('Authorization', `Bearer ${admin}`).send({ active: false });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.active).toBe(false);
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token2}`)).status).toBe(401);
    expect((await t.http.post('/api/auth/login').send({ email: 'louise.garcia@aptic.fr', password: 'mot-de-passe-solide' })).status).toBe(401);
  });

  it('refuses a duplicate e-mail with 409, a short password and an unknown role with 400', async () => {
    const admin = await t.token('ADMIN');
    const dup = await t.http.post('/api/users').set('Authorization', `Bearer ${admin}`).send({ email: 'finance@aptic.fr', fullName: 'Doublon', role: 'FINANCE', password: 'mot-de-passe-solide' });
    expect(dup.status).toBe(409);
    expectErrorShape(dup.body, 409);
    const short = await t.http.post('/api/users').set('Authorization', `Bearer ${admin}`).send({ email: 'x@aptic.fr', fullName: 'Court', role: 'FINANCE', password: 'court' });
    expect(short.status).toBe(400);
    expect(short.body.details.fields).toHaveProperty('password');
    const role = await t.http.post('/api/users').set('Authorization', `Bearer ${admin}`).send({ email: 'y@aptic.fr', fullName: 'Rôle', role: 'SUPERUSER', password: 'mot-de-passe-solide' });
    expect(role.status).toBe(400);
    expect(role.body.details.fields).toHaveProperty('role');
  });

  it('does not let an admin lock themselves out', async () => {
    const admin = await t.token('ADMIN');
    const me = (await t.http.get('/api/auth/me').set('Authorization', `Bearer ${admin}`)).body;
    const res = await t.http.delete(`/api/users/${me.id}`).set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(409);
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${admin}`)).status).toBe(200);
  });

  it('creates exactly one account when the same e-mail is submitted twice at once', async () => {
    const admin = await t.token('ADMIN');
    const body = { email: 'simultane@aptic.fr', fullName: 'Envoi Double', role: 'REVIEWER', password: 'mot-de-passe-solide' };
    const results = await Promise.all([1, 2, 3].map(() => t.http.post('/api/users').set('Authorization', `Bearer ${admin}`).send(body)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const list = await t.http.get(`/api/users?filter=${encodeURIComponent('{"email":"simultane@aptic.fr"}')}`).set('Authorization', `Bearer ${admin}`);
    expect(list.body).toHaveLength(1);
  });
});

describe('login throttling per address', () => {
  it('also limits one address trying many accounts', async () => {
    // LOGIN_THROTTLE_LIMIT is 5 here: 25 attempts per address, whatever the e-mails.
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      statuses.push((await t.http.post('/api/auth/login').send({ email: `inconnu${i}@aptic.fr`, password: 'Motdepasse1!' })).status);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.indexOf(429)).toBeLessThanOrEqual(25);
  });
});
