import { Socket } from 'socket.io-client';
import { conflict } from '../../server/src/common/errors';
import { sponsorsResource } from '../../server/src/emission/emission.resources';
import { siretFor } from '../../server/src/rules/siret';
import { LIST_EVENT_WINDOW_MS, RealtimeService } from '../../server/src/realtime/realtime.service';
import { WritePath } from '../../server/src/writes/write-path';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { startTestApp, TestApp, usingPostgres, usingRedis } from '../support/test-app';
import { collect, connect, connected, refused, subscribe, waitFor } from '../support/sockets';

let t: TestApp;
const sockets: Socket[] = [];
const open = (token?: string, app: Pick<TestApp, 'baseUrl'> = t) => {
  const s = connect(app.baseUrl, token);
  sockets.push(s);
  return s;
};

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await t.close();
});

describe('socket.io handshake', () => {
  it('refuses a connection without a token', async () => {
    const error = await refused(open());
    expect(error.message).toMatch(/Authentification refusée/);
  });

  it('refuses a connection with a forged token', async () => {
    const error = await refused(open('aptic_forged-token'));
    expect(error.message).toMatch(/Authentification refusée/);
  });

  it('accepts a staff token', async () => {
    await expect(connected(open(await t.token('SUPPORT')))).resolves.toBeUndefined();
  });
});

describe('resource events', () => {
  it('merges the list events of a burst: the first at once, the others in one event at the end of the window', async () => {
    const socket = open(await t.token('ADMIN'));
    await connected(socket);
    await subscribe(socket, 'resource/referential-services');
    expect(await subscribe(socket, 'resource/referential-services/burst-7')).toEqual(expect.objectContaining({ ok: true }));
    await new Promise((r) => setTimeout(r, 2 * LIST_EVENT_WINDOW_MS + 50)); // earlier windows closed
    const events = collect(socket);
    const realtime = t.started.app.get(RealtimeService);
    const change = (id: string, actorId: string) => ({ resource: 'referential-services', type: 'updated' as const, id, actorId });
    // 50 changes by two actors within a few milliseconds (as scans coming in).
    for (let i = 0; i < 50; i++) realtime.publishChanges([change(`burst-${i}`, i % 2 ? 'actor-b' : 'actor-a')]);
    const lists = () => events.filter((e) => e.topic === 'resource/referential-services');
    await waitFor(events, (e) => e.topic === 'resource/referential-services' && (e.payload.ids as string[]).includes('burst-49'));
    expect(lists()).toHaveLength(2);
    expect(lists()[0]).toEqual({ topic: 'resource/referential-services', type: 'updated', payload: { ids: ['burst-0'], actorId: 'actor-a' } });
    // Every id, once; no actor named when several made the merged changes.
    expect(lists()[1].payload).toEqual({ ids: Array.from({ length: 49 }, (_, i) => `burst-${i + 1}`) });
    // The record topics are never held back: one event per record, as it happens.
    expect(events.filter((e) => e.topic.startsWith('resource/referential-services/'))).toEqual([
      { topic: 'resource/referential-services/burst-7', type: 'updated', payload: { ids: ['burst-7'], actorId: 'actor-b' } },
    ]);
    expect(events.findIndex((e) => e.topic === 'resource/referential-services/burst-7')).toBeLessThan(events.indexOf(lists()[1]));
    // A lone change later goes out at once again, with its actor.
    await new Promise((r) => setTimeout(r, 2 * LIST_EVENT_WINDOW_MS + 50));
    realtime.publishChanges([change('alone', 'actor-a')]);
    const alone = await waitFor(events, (e) => e.topic === 'resource/referential-services' && (e.payload.ids as string[]).includes('alone'));
    expect(alone.payload).toEqual({ ids: ['alone'], actorId: 'actor-a' });
  });

  it('tells a subscriber what was created, after the commit, on the list and the record topics', async () => {
    const socket = open(await t.token('ADMIN'));
    await connected(socket);
    const events = collect(socket);
    expect(await subscribe(socket, 'resource/sponsors')).toEqual({ ok: true, topic: 'resource/sponsors' });
    const existing = (await t.http.get('/api/sponsors?range=[0,0]').set('Authorization', `Bearer ${await t.token('ADMIN')}`)).body[0];
    expect(await subscribe(socket, `resource/sponsors/${existing.id}`)).toEqual(expect.objectContaining({ ok: true }));

    await t.http.put(`/api/sponsors/${existing.id}`).set('Authorization', `Bearer ${await t.token('FINANCE')}`).send({ contactName: 'Contact Temps Réel' });
    const listEvent = await waitFor(events, (e) => e.topic === 'resource/sponsors');
    const finance = (await t.http.get('/api/auth/me').set('Authorization', `Bearer ${await t.token('FINANCE')}`)).body;
    expect(listEvent).toEqual({ topic: 'resource/sponsors', type: 'updated', payload: { ids: [existing.id], actorId: finance.id } });
    await waitFor(events, (e) => e.topic === `resource/sponsors/${existing.id}` && e.type === 'updated');
    // Published after commit: the change is already visible when the event arrives.
    const fresh = await t.http.get(`/api/sponsors/${existing.id}`).set('Authorization', `Bearer ${await t.token('ADMIN')}`);
    expect(fresh.body.contactName).toBe('Contact Temps Réel');
  });

  it('never sends a resource’s events to a role that may not read it', async () => {
    const admin = open(await t.token('ADMIN'));
    const support = open(await t.token('SUPPORT'));
    await Promise.all([connected(admin), connected(support)]);
    const adminEvents = collect(admin);
    const supportEvents = collect(support);
    expect(await subscribe(admin, 'resource/users')).toEqual(expect.objectContaining({ ok: true }));
    const refusal = await subscribe(support, 'resource/users');
    expect(refusal.ok).toBe(false);
    expect(refusal.error).toMatch(/ne permet pas/);
    expect((await subscribe(support, 'resource/nonsense')).ok).toBe(false);
    expect((await subscribe(support, 'presence/../../users')).ok).toBe(false);
    expect((await subscribe(support, 'resource/audit-events')).ok).toBe(true);
    expect((await subscribe(admin, 'resource/audit-events')).ok).toBe(true);

    const created = await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${await t.token('ADMIN')}`)
      .send({ email: 'rt.user@aptic.fr', fullName: 'Temps Réel', role: 'FINANCE', password: 'un-mot-de-passe-long' });
    await waitFor(adminEvents, (e) => e.topic === 'resource/users' && e.payload.ids.includes(created.body.id));
    await waitFor(adminEvents, (e) => e.topic === 'resource/audit-events');
    // Then a change SUPPORT may read: its audit event reaches SUPPORT, the users one never did.
    await t.http.post('/api/referential-categories').set('Authorization', `Bearer ${await t.token('ADMIN')}`).send({ code: 'RT-VISIBLE', label: 'Visible' });
    await waitFor(supportEvents, (e) => e.topic === 'resource/audit-events');
    expect(supportEvents.filter((e) => e.topic.startsWith('resource/users'))).toEqual([]);
    expect(supportEvents.filter((e) => e.topic === 'resource/audit-events')).toHaveLength(1);
  });

  it('publishes nothing when the write fails', async () => {
    const socket = open(await t.token('ADMIN'));
    await connected(socket);
    const events = collect(socket);
    await subscribe(socket, 'resource/sponsors');
    await subscribe(socket, 'resource/audit-events');
    // Refused by validation, before anything is written.
    const res = await t.http.post('/api/sponsors').set('Authorization', `Bearer ${await t.token('ADMIN')}`).send({ name: 'Incomplet' });
    expect(res.status).toBe(400);
    // Refused after its change and its audit event were written, in the same transaction.
    const user = (await t.http.get('/api/auth/me').set('Authorization', `Bearer ${await t.token('ADMIN')}`)).body;
    const sponsor = (await t.http.get('/api/sponsors?range=[0,0]').set('Authorization', `Bearer ${await t.token('ADMIN')}`)).body[0];
    const failed = t.started.app.get(WritePath).staff({ resource: sponsorsResource, id: sponsor.id, user, action: 'update' }, async (_before, ctx) => {
      const record = await ctx.tx.sponsor.update({ where: { id: sponsor.id }, data: { contactName: 'Jamais publié' } });
      await ctx.record({ action: 'note', resource: 'sponsors', recordId: sponsor.id, after: { note: 'annulée' } });
      ctx.changed({ resource: 'sponsors', type: 'updated', id: sponsor.id });
      if (record) throw conflict('Refusée après écriture.');
      return { record };
    });
    await expect(failed).rejects.toThrow('Refusée après écriture.');
    // A later successful write's event arrives; none came from the failed ones before it.
    await t.http.post('/api/referential-categories').set('Authorization', `Bearer ${await t.token('ADMIN')}`).send({ code: 'RT-MARKER', label: 'Marqueur' });
    await waitFor(events, (e) => e.topic === 'resource/audit-events');
    expect(events.filter((e) => e.topic === 'resource/sponsors')).toEqual([]);
    expect(events.filter((e) => e.topic === 'resource/audit-events')).toHaveLength(1);
  });

  it('closes a session’s sockets when it logs out', async () => {
    const login = await t.http.post('/api/auth/login').send({ email: 'support@aptic.fr', password: 'Support-Aptic-2026!' });
    const socket = open(login.body.accessToken);
    await connected(socket);
    const other = open(await t.token('SUPPORT')); // another session of the same person stays
    await connected(other);
    const gone = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    expect((await t.http.post('/api/auth/logout').set('Authorization', `Bearer ${login.body.accessToken}`)).status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    expect((await subscribe(other, 'resource/passes')).ok).toBe(true); // a round trip: still connected
    expect(other.connected).toBe(true);
  });

  it('disconnects the sockets of a deactivated account', async () => {
    const created = await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${await t.token('ADMIN')}`)
      .send({ email: 'rt.leaver@aptic.fr', fullName: 'Départ', role: 'SUPPORT', password: 'un-mot-de-passe-long' });
    const login = await t.http.post('/api/auth/login').send({ email: 'rt.leaver@aptic.fr', password: 'un-mot-de-passe-long' });
    const socket = open(login.body.accessToken);
    await connected(socket);
    const gone = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    await t.http.delete(`/api/users/${created.body.id}`).set('Authorization', `Bearer ${await t.token('ADMIN')}`);
    expect(await gone).toBe('io server disconnect');
    expect((await refused(open(login.body.accessToken))).message).toMatch(/Authentification refusée/);
  });
});

// Two server instances need a shared PostgreSQL and Redis: this runs in CI's second pass
// (DATABASE_URL and REDIS_URL set); on the embedded database it is reported as skipped.
const multiInstance = usingPostgres && usingRedis ? describe : describe.skip;
multiInstance('two server instances behind one Redis', () => {
  let b: ServerProcess;
  beforeAll(async () => {
    b = await startServerProcess({ DATABASE_URL: t.config.DATABASE_URL, REDIS_URL: process.env.REDIS_URL, REDIS_PREFIX: t.config.REDIS_PREFIX, SEED_ON_START: 'false' });
  });
  afterAll(() => b.stop());

  it('delivers a write made through instance A to a subscriber on instance B', async () => {
    const onB = open(await b.token('FINANCE'), b);
    await connected(onB);
    const events = collect(onB);
    expect((await subscribe(onB, 'resource/sponsors')).ok).toBe(true);
    const created = await t.http
      .post('/api/sponsors')
      .set('Authorization', `Bearer ${await t.token('ADMIN')}`)
      .send({ name: 'Commune multi-instance', kind: 'COMMUNE', siret: siretFor('216901231'), addressLine: '1 place', postalCode: '69001', city: 'Lyon', departement: '69', contactName: 'A B', contactEmail: 'a.b@example.fr' });
    expect(created.status).toBe(201);
    const event = await waitFor(events, (e) => e.topic === 'resource/sponsors');
    expect(event).toEqual({ topic: 'resource/sponsors', type: 'created', payload: { ids: [created.body.id], actorId: expect.any(String) } });
  });

  it('keeps deployments with another REDIS_PREFIX out of these rooms, on the same Redis', async () => {
    const other = await startServerProcess({ DATABASE_URL: t.config.DATABASE_URL, REDIS_URL: process.env.REDIS_URL, REDIS_PREFIX: `${t.config.REDIS_PREFIX}-autre`, SEED_ON_START: 'false' });
    try {
      const onOther = open(await other.token('ADMIN'), other);
      await connected(onOther);
      const events = collect(onOther);
      expect((await subscribe(onOther, 'resource/referential-categories')).ok).toBe(true);
      const foreign = await t.http.post('/api/referential-categories').set('Authorization', `Bearer ${await t.token('ADMIN')}`).send({ code: 'RT-AILLEURS', label: 'Ailleurs' });
      expect(foreign.status).toBe(201);
      // Published to Redis before the answer above; the other deployment's own write comes after it.
      const own = await other.http.post('/api/referential-categories').set('Authorization', `Bearer ${await other.token('ADMIN')}`).send({ code: 'RT-CHEZ-SOI', label: 'Chez soi' });
      expect(own.status).toBe(201);
      await waitFor(events, (e) => e.topic === 'resource/referential-categories' && e.payload.ids.includes(own.body.id));
      expect(events.filter((e) => e.topic === 'resource/referential-categories').map((e) => e.payload.ids)).toEqual([[own.body.id]]);
    } finally {
      await other.stop();
    }
  });

  it('counts login attempts across both instances (limit 10 per e-mail and address)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      for (const http of [t.http, b.http]) statuses.push((await http.post('/api/auth/login').send({ email: 'deux.instances@aptic.fr', password: 'Mauvais-1' })).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
