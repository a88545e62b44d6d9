import { Socket } from 'socket.io-client';
import { conflict } from '../../server/src/common/errors';
import { sponsorsResource } from '../../server/src/emission/emission.resources';
import { offersResource } from '../../server/src/catalogue/catalogue.resources';
import { structuresResource } from '../../server/src/eligibility/eligibility.resources';
import { WritePath } from '../../server/src/writes/write-path';
import { LIST_EVENT_WINDOW_MS, RealtimeService } from '../../server/src/realtime/realtime.service';
import { collect, connect, connected, ReceivedEvent, subscribe, waitFor } from '../support/sockets';
import { DemoRole, startTestApp, TestApp } from '../support/test-app';

/**
 * The one write path, for the three kinds of write: a staff CRUD write, a workflow action, a
 * partner write. Each is refused while another user holds the record's edit lock, writes its audit
 * event with before/after, and publishes realtime events only once committed, never after a rollback.
 */
let t: TestApp;
let writes: WritePath;
const sockets: Socket[] = [];
const enc = encodeURIComponent;
/** Lets the list events of earlier writes, held in their window (RealtimeService.publishList), go out first. */
const listWindowsClosed = () => new Promise((resolve) => setTimeout(resolve, 2 * LIST_EVENT_WINDOW_MS + 50));
const bearer = async (role: DemoRole) => `Bearer ${await t.token(role)}`;

async function socketOf(role: DemoRole) {
  const socket = connect(t.baseUrl, await t.token(role));
  sockets.push(socket);
  await connected(socket);
  return socket;
}

/** A round trip on the socket: every event emitted to it before the answer has arrived by then. */
const roundTrip = (socket: Socket) => subscribe(socket, 'resource/staff');

async function auditEventsOf(resource: string, recordId: string) {
  const filter = enc(JSON.stringify({ resource, recordId }));
  return (await t.http.get(`/api/audit-events?filter=${filter}&sort=${enc('["createdAt","DESC"]')}&range=[0,99]`).set('Authorization', await bearer('ADMIN'))).body as {
    action: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[];
}

let sponsorId: string;
let structureId: string;
/** Another structure, suspended and reinstated by the workflow tests (a suspended structure's partner key is refused). */
let suspendableId: string;
let offerId: string;
let partnerKey: string;

beforeAll(async () => {
  t = await startTestApp();
  writes = t.started.app.get(WritePath);
  const admin = await bearer('ADMIN');
  sponsorId = (await t.http.get('/api/sponsors?range=[0,0]').set('Authorization', admin)).body[0].id;
  const eligible = (await t.http.get(`/api/structures?filter=${enc('{"status":"ELIGIBLE","charterResignatureNeeded":false}')}&range=[0,1]`).set('Authorization', admin)).body;
  structureId = eligible[0].id;
  suspendableId = eligible[1].id;
  partnerKey = (await t.http.post(`/api/structures/${structureId}/reissue-api-key`).set('Authorization', admin)).body.partnerApiKey.key;
  const service = (await t.http.get('/api/public/referential')).body[0].services[0];
  const offer = await t.http.post('/api/partner/offers').set('Authorization', `Bearer ${partnerKey}`).send({ serviceId: service.id, title: 'Atelier harnais', priceCents: 1500, durationMinutes: 60 });
  offerId = offer.body.id;
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await t.close();
});

interface Kind {
  resource: string;
  id: () => string;
  /** A staff member who may write the record and takes its edit lock. */
  holder: DemoRole;
  /** The write under test (HTTP); `n` makes each call change something. */
  write: (n: number) => Promise<{ status: number; body: Record<string, unknown> }>;
  /** The field the write changes, and its value after write(n). */
  field: string;
  value: (n: number, previous: unknown) => unknown;
  /** The same write driven through the write path directly, with the area's work given by the test. */
  direct: (work: (tx: Parameters<Parameters<WritePath['staff']>[1]>[1]) => Promise<void>) => Promise<unknown>;
  current: () => Promise<unknown>;
}

const kinds: Record<string, Kind> = {
  'a staff CRUD write (PUT /api/sponsors/:id)': {
    resource: 'sponsors',
    id: () => sponsorId,
    holder: 'FINANCE',
    write: async (n) => t.http.put(`/api/sponsors/${sponsorId}`).set('Authorization', await bearer('ADMIN')).send({ contactName: `Contact ${n}` }),
    field: 'contactName',
    value: (n) => `Contact ${n}`,
    direct: async (work) => {
      const user = (await t.http.get('/api/auth/me').set('Authorization', await bearer('ADMIN'))).body;
      return writes.staff({ resource: sponsorsResource, id: sponsorId, user, action: 'update' }, async (_before, ctx) => {
        await work(ctx);
        return { record: await ctx.tx.sponsor.update({ where: { id: sponsorId }, data: { contactName: 'Jamais enregistré' } }) };
      });
    },
    current: async () => (await t.http.get(`/api/sponsors/${sponsorId}`).set('Authorization', await bearer('ADMIN'))).body.contactName,
  },
  'a workflow action (POST /api/structures/:id/suspend, reinstate)': {
    resource: 'structures',
    id: () => suspendableId,
    holder: 'REVIEWER',
    write: async (n) => {
      const suspended = (await kinds['a workflow action (POST /api/structures/:id/suspend, reinstate)'].current()) === 'SUSPENDED';
      return t.http.post(`/api/structures/${suspendableId}/${suspended ? 'reinstate' : 'suspend'}`).set('Authorization', await bearer('ADMIN')).send({ reason: `Contrôle ${n}` });
    },
    field: 'status',
    value: (_n, previous) => (previous === 'SUSPENDED' ? 'ELIGIBLE' : 'SUSPENDED'),
    direct: async (work) => {
      const user = (await t.http.get('/api/auth/me').set('Authorization', await bearer('ADMIN'))).body;
      return writes.staff({ resource: structuresResource, id: suspendableId, user, action: 'suspend' }, async (before, ctx) => {
        await work(ctx);
        return { record: await ctx.tx.structure.update({ where: { id: suspendableId }, data: { status: before.status === 'SUSPENDED' ? 'ELIGIBLE' : 'SUSPENDED' } }) };
      });
    },
    current: async () => (await t.http.get(`/api/structures/${suspendableId}`).set('Authorization', await bearer('ADMIN'))).body.status,
  },
  'a partner write (PUT /api/partner/offers/:id)': {
    resource: 'offers',
    id: () => offerId,
    holder: 'REVIEWER',
    write: async (n) => t.http.put(`/api/partner/offers/${offerId}`).set('Authorization', `Bearer ${partnerKey}`).send({ title: `Atelier ${n}` }),
    field: 'title',
    value: (n) => `Atelier ${n}`,
    direct: (work) =>
      writes.outside({ resource: offersResource, id: offerId, action: 'update', by: { kind: 'partner', structureId }, within: { structureId } }, async (_before, ctx) => {
        await work(ctx);
        return { record: await ctx.tx.offer.update({ where: { id: offerId }, data: { title: 'Jamais enregistré' } }) };
      }),
    current: async () => (await t.http.get(`/api/offers/${offerId}`).set('Authorization', await bearer('ADMIN'))).body.title,
  },
};

let n = 0;

describe.each(Object.entries(kinds))('%s', (_name, kind) => {
  it('is refused while another user holds the edit lock, and changes nothing', async () => {
    const holder = await socketOf(kind.holder);
    expect((await holder.timeout(5000).emitWithAck('lock', { resource: kind.resource, id: kind.id() })).ok).toBe(true);
    const before = await kind.current();
    const eventsBefore = (await auditEventsOf(kind.resource, kind.id())).length;
    const refused = await kind.write(++n);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/en cours de (modification|modération|traitement) par/);
    expect(await kind.current()).toEqual(before);
    expect(await auditEventsOf(kind.resource, kind.id())).toHaveLength(eventsBefore);
    expect((await holder.timeout(5000).emitWithAck('unlock', { resource: kind.resource, id: kind.id() })).ok).toBe(true);
    expect((await kind.write(++n)).status).toBe(200);
  });

  it('writes its audit event with the fields it changed, before and after', async () => {
    const previous = await kind.current();
    const res = await kind.write(++n);
    expect(res.status).toBe(200);
    const [last] = await auditEventsOf(kind.resource, kind.id());
    expect(last.before).toEqual(expect.objectContaining({ [kind.field]: previous }));
    expect(last.after).toEqual(expect.objectContaining({ [kind.field]: kind.value(n, previous) }));
  });

  it('publishes its events once committed: a reader told of the change reads it', async () => {
    const socket = await socketOf('ADMIN');
    const events = collect(socket);
    await subscribe(socket, `resource/${kind.resource}/${kind.id()}`);
    const previous = await kind.current();
    const res = await kind.write(++n);
    expect(res.status).toBe(200);
    await waitFor(events, (e) => e.topic === `resource/${kind.resource}/${kind.id()}`);
    expect(await kind.current()).toEqual(kind.value(n, previous));
  });

  it('publishes nothing while its transaction is open', async () => {
    await listWindowsClosed();
    const socket = await socketOf('ADMIN');
    const events = collect(socket);
    await subscribe(socket, `resource/${kind.resource}/${kind.id()}`);
    await subscribe(socket, 'resource/audit-events');
    let seenInside: ReceivedEvent[] | undefined;
    await kind.direct(async (ctx) => {
      await ctx.record({ action: 'note', resource: kind.resource, recordId: kind.id(), after: { note: 'pendant la transaction' } });
      await roundTrip(socket);
      seenInside = [...events];
    });
    expect(seenInside).toEqual([]);
    await waitFor(events, (e) => e.topic === `resource/${kind.resource}/${kind.id()}`);
  });

  it('leaves no audit event, no change and no realtime event when the write fails after recording', async () => {
    await listWindowsClosed();
    const socket = await socketOf('ADMIN');
    const events = collect(socket);
    await subscribe(socket, `resource/${kind.resource}/${kind.id()}`);
    await subscribe(socket, 'resource/audit-events');
    const before = await kind.current();
    const logged = (await auditEventsOf(kind.resource, kind.id())).length;
    await expect(
      kind.direct(async (ctx) => {
        await ctx.record({ action: 'note', resource: kind.resource, recordId: kind.id(), after: { note: 'annulé' } });
        throw conflict('Refusé après coup.');
      }),
    ).rejects.toThrow('Refusé après coup.');
    await roundTrip(socket);
    expect(events).toEqual([]);
    expect(await kind.current()).toEqual(before);
    expect(await auditEventsOf(kind.resource, kind.id())).toHaveLength(logged);
  });
});

describe('a job transaction', () => {
  const step = { action: 'demo:close', resource: 'sponsors', recordId: 'job-run-demo' };
  /** A chunk as the job runner writes one: rows changed set-based, a summary, one merged list event after commit. */
  const chunk = (plan: typeof step, phone: string, inside?: () => Promise<void>) =>
    writes.job(async (ctx) => {
      const { count } = await ctx.tx.sponsor.updateMany({ data: { contactPhone: phone } });
      await ctx.record({ ...plan, after: { sponsors: count }, change: null });
      ctx.afterCommit(() => t.started.app.get(RealtimeService).publish({ topic: 'resource/sponsors', type: 'updated', payload: { ids: [] } }));
      await inside?.();
      return count;
    });

  it('writes its summary audit event and its merged event only once committed', async () => {
    const socket = await socketOf('ADMIN');
    const events = collect(socket);
    await subscribe(socket, 'resource/sponsors');
    let seenInside: ReceivedEvent[] | undefined;
    const result = await chunk(step, '05 00 00 00 00', async () => {
      await roundTrip(socket);
      seenInside = [...events];
    });
    expect(result).toBeGreaterThan(1);
    expect(seenInside).toEqual([]);
    const merged = await waitFor(events, (e) => e.topic === 'resource/sponsors');
    await roundTrip(socket);
    expect(events.filter((e) => e.topic === 'resource/sponsors')).toEqual([merged]);
    const log = await auditEventsOf('sponsors', 'job-run-demo');
    expect(log).toHaveLength(1);
    expect(log[0]).toEqual(expect.objectContaining({ action: 'demo:close', after: { sponsors: result } }));
  });

  it('leaves no summary, no change and no event when the step fails', async () => {
    const socket = await socketOf('ADMIN');
    const events = collect(socket);
    await subscribe(socket, 'resource/sponsors');
    const failing = { ...step, recordId: 'job-run-failed' };
    await expect(
      chunk(failing, '09 99 99 99 99', async () => {
        throw new Error('étape interrompue');
      }),
    ).rejects.toThrow('étape interrompue');
    await roundTrip(socket);
    expect(events).toEqual([]);
    expect(await auditEventsOf('sponsors', 'job-run-failed')).toEqual([]);
    const sponsors = (await t.http.get('/api/sponsors?range=[0,99]').set('Authorization', await bearer('ADMIN'))).body;
    expect(sponsors.some((s: { contactPhone: string | null }) => s.contactPhone === '09 99 99 99 99')).toBe(false);
  });
});
