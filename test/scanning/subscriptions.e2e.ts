import { DateTime } from 'luxon';
import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { billingStartOf } from '../../server/src/rules/scanning';
import { collect, connect, connected, subscribe, waitFor } from '../support/sockets';
import { expectErrorShape, startTestApp, TestApp } from '../support/test-app';
import { approvedOffer, makeOrder } from './support';

// Issue 12, first bullet: a structure orders its kit (monthly or annual, fee from configuration),
// billing runs from its first accepted scan, FINANCE/ADMIN change or end it with a reason.
let t: TestApp;
let prisma: PrismaClient;
let finance: string;
let admin: string;
let reviewer: string;
let support: string;
/** Partner keys of eligible demo structures: a, b, c with their demo kit, d without any. */
const keys: Record<'a' | 'b' | 'c' | 'd', { key: string; structureId: string }> = {} as never;

const ANNUAL_CENTS = 9500; // set below through SUBSCRIPTION_ANNUAL_CENTS: not the default, so the test proves where it comes from
const enc = encodeURIComponent;
const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const staffPost = (token: string, path: string, body: unknown = {}) => t.http.post(path).set(as(token)).send(body as object);
const partner = (who: keyof typeof keys) => ({
  get: () => t.http.get('/api/partner/subscription').set(as(keys[who].key)),
  order: (body: unknown) => t.http.post('/api/partner/subscription').set(as(keys[who].key)).send(body as object),
});

/** The structure's open kit, read from the database. */
const openKit = (who: keyof typeof keys) => prisma.subscription.findFirstOrThrow({ where: { structureId: keys[who].structureId, status: { in: ['PENDING', 'ACTIVE'] } } });
const auditCount = () => prisma.auditEvent.count();

/** What the redemption code does at a structure's first accepted scan: the kit starts that Paris day. */
async function startBilling(id: string, firstScanAt: Date) {
  await prisma.subscription.update({ where: { id }, data: { status: 'ACTIVE', startedAt: billingStartOf(firstScanAt) } });
}
/** An instant `months` months and `days` days before now, at noon in Paris. */
const parisAgo = (months: number, days: number) => DateTime.now().setZone('Europe/Paris').set({ hour: 12 }).minus({ months, days }).toJSDate();

beforeAll(async () => {
  t = await startTestApp({ env: { SUBSCRIPTION_ANNUAL_CENTS: String(ANNUAL_CENTS) } });
  prisma = t.started.deps.db.prisma;
  [finance, admin, reviewer, support] = await Promise.all([t.token('FINANCE'), t.token('ADMIN'), t.token('REVIEWER'), t.token('SUPPORT')]);
  const eligible = (await t.http.get(`/api/structures?filter=${enc('{"status":"ELIGIBLE"}')}&range=[0,99]&sort=${enc('["name","ASC"]')}`).set(as(admin))).body;
  const issue = async (structureId: string) => ({ key: (await staffPost(admin, `/api/structures/${structureId}/reissue-api-key`)).body.partnerApiKey.key, structureId });
  keys.a = await issue(eligible[0].id);
  keys.b = await issue(eligible[1].id);
  keys.c = await issue(eligible[2].id);
  keys.d = await issue(eligible[3].id);
  // Structure d never ordered a kit (the demo gives every eligible structure one).
  await prisma.subscription.deleteMany({ where: { structureId: keys.d.structureId } });
});
afterAll(() => t.close());

describe('a structure orders its kit (partner API)', () => {
  it('orders a monthly kit at 8.40 € incl. VAT, pending until its first accepted scan, and is told so', async () => {
    // Its demo kit is ended first (a structure has one open kit at most).
    expect((await staffPost(finance, `/api/subscriptions/${(await openKit('a')).id}/end`, { reason: 'Fin du kit de démonstration' })).status).toBe(200);
    const res = await partner('a').order({ plan: 'MONTHLY' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual(expect.objectContaining({ id: expect.any(String), plan: 'MONTHLY', status: 'PENDING', feeCents: 840, startedAt: null, feesDueCents: 0, orderedAt: expect.any(String) }));
    expect(res.body).not.toHaveProperty('cancelledByName');
    const got = await partner('a').get();
    expect(got.status).toBe(200);
    expect(got.body).toEqual(expect.objectContaining({ id: res.body.id, plan: 'MONTHLY', status: 'PENDING', feesDueCents: 0 }));
  });

  it('tells a structure the price of each formula before it orders, from the configuration', async () => {
    const res = await t.http.get('/api/partner/subscription/plans').set(as(keys.a.key));
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { plan: 'MONTHLY', feeCents: 840 },
      { plan: 'ANNUAL', feeCents: ANNUAL_CENTS },
    ]);
    expect((await t.http.get('/api/partner/subscription/plans')).status).toBe(401);
  });

  it('orders an annual kit at the price of the configuration', async () => {
    await staffPost(finance, `/api/subscriptions/${(await openKit('b')).id}/end`, { reason: 'Fin du kit de démonstration' });
    const res = await partner('b').order({ plan: 'ANNUAL' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual(expect.objectContaining({ plan: 'ANNUAL', status: 'PENDING', feeCents: ANNUAL_CENTS }));
  });

  it('refuses a second order while a kit is open, with a 409 in French, changing nothing', async () => {
    const before = await prisma.subscription.count({ where: { structureId: keys.a.structureId } });
    const audits = await auditCount();
    const res = await partner('a').order({ plan: 'ANNUAL' });
    expectErrorShape(res.body, 409);
    expect(res.body.message).toMatch(/déjà un abonnement au kit \(formule mensuelle, 8,40\s€ TTC/);
    expect(await prisma.subscription.count({ where: { structureId: keys.a.structureId } })).toBe(before);
    expect(await auditCount()).toBe(audits);
  });

  it('gives one kit to concurrent orders of one structure', async () => {
    await staffPost(finance, `/api/subscriptions/${(await openKit('c')).id}/end`, { reason: 'Fin du kit de démonstration' });
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => partner('c').order({ plan: i % 2 ? 'ANNUAL' : 'MONTHLY' })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(await prisma.subscription.count({ where: { structureId: keys.c.structureId, status: { in: ['PENDING', 'ACTIVE'] } } })).toBe(1);
  });

  it('is held to one open kit by the database itself', async () => {
    await expect(prisma.subscription.create({ data: { structureId: keys.c.structureId, plan: 'MONTHLY', feeCents: 840, status: 'ACTIVE' } })).rejects.toThrow();
  });

  it.each([
    ['no plan', {}, 'plan'],
    ['a plan that does not exist', { plan: 'WEEKLY' }, 'plan'],
    ['a plan in lower case', { plan: 'monthly' }, 'plan'],
    ['a number', { plan: 1 }, 'plan'],
    ['a list', { plan: ['MONTHLY'] }, 'plan'],
    ['a fee typed by the structure', { plan: 'MONTHLY', feeCents: 1 }, 'feeCents'],
    ['a start date typed by the structure', { plan: 'MONTHLY', startedAt: '2020-01-01' }, 'startedAt'],
  ])('refuses %s with a 400 on its field, creating nothing', async (_what, body, field) => {
    const before = await prisma.subscription.count();
    const audits = await auditCount();
    const res = await partner('d').order(body);
    expectErrorShape(res.body, 400);
    expect(Object.keys(res.body.details.fields)).toContain(field);
    expect(await prisma.subscription.count()).toBe(before);
    expect(await auditCount()).toBe(audits);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a %s key in the body, naming it', async (key) => {
    const before = await prisma.subscription.count();
    const res = await t.http.post('/api/partner/subscription').set(as(keys.d.key)).set('Content-Type', 'application/json').send(`{"plan":"MONTHLY","${key}":{"feeCents":1}}`);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.details.fields)).toEqual([key]);
    expect(await prisma.subscription.count()).toBe(before);
  });

  it('answers null to a structure that never ordered a kit, and its last kit once ended', async () => {
    const none = await partner('d').get();
    expect(none.status).toBe(200);
    expect(none.text).toBe('null');
    const ordered = await partner('d').order({ plan: 'MONTHLY' });
    expect(ordered.status).toBe(201);
    await staffPost(finance, `/api/subscriptions/${ordered.body.id}/end`, { reason: 'La structure rend le kit' });
    const last = await partner('d').get();
    expect(last.body).toEqual(expect.objectContaining({ id: ordered.body.id, status: 'CANCELLED', cancelReason: 'La structure rend le kit', feesDueCents: 0 }));
  });

  it('shows each structure its own kit only, and refuses staff tokens and missing keys', async () => {
    const a = await partner('a').get();
    const b = await partner('b').get();
    expect(a.body.id).not.toBe(b.body.id);
    expect((await prisma.subscription.findUniqueOrThrow({ where: { id: b.body.id } })).structureId).toBe(keys.b.structureId);
    expect((await t.http.get('/api/partner/subscription').set(as(finance))).status).toBe(401);
    expect((await t.http.get('/api/partner/subscription')).status).toBe(401);
    // A partner key is no staff token.
    expect((await t.http.post(`/api/subscriptions/${a.body.id}/end`).set(as(keys.a.key)).send({ reason: 'Je résilie' })).status).toBe(401);
  });

  it('leaves an audit event of the order, by the structure', async () => {
    const id = (await partner('b').get()).body.id;
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { resource: 'subscriptions', recordId: id, action: 'order' } });
    expect(event).toEqual(expect.objectContaining({ actorType: 'PARTNER', actorId: keys.b.structureId }));
    expect(event.after).toEqual(expect.objectContaining({ plan: 'ANNUAL', feeCents: ANNUAL_CENTS, status: 'PENDING' }));
  });
});

describe('the OpenAPI document', () => {
  it('describes the partner kit: the plan to order, the kit answered with its fees due', async () => {
    const doc = (await t.http.get('/api/docs/openapi.json')).body;
    const path = doc.paths['/api/partner/subscription'];
    const schema = (ref: string) => doc.components.schemas[ref.split('/').pop()!];
    expect(schema(path.post.requestBody.content['application/json'].schema.$ref).properties.plan.enum).toEqual(['MONTHLY', 'ANNUAL']);
    // GET answers the kit or null (a nullable reference), POST the kit ordered.
    expect(path.get.responses['200'].content['application/json'].schema).toEqual({ allOf: [{ $ref: path.post.responses['201'].content['application/json'].schema.$ref }], nullable: true });
    const kit = schema(path.post.responses['201'].content['application/json'].schema.$ref);
    expect(Object.keys(kit.properties)).toEqual(expect.arrayContaining(['plan', 'status', 'feeCents', 'startedAt', 'feesDueCents']));
    expect(path.post.responses['409']).toBeDefined();
  });
});

describe('live', () => {
  it('publishes the order and the ending on resource/subscriptions once committed', async () => {
    const socket = connect(t.baseUrl, support);
    try {
      await connected(socket);
      expect((await subscribe(socket, 'resource/subscriptions')).ok).toBe(true);
      const events = collect(socket);
      const ordered = await partner('d').order({ plan: 'ANNUAL' });
      expect(ordered.status).toBe(201);
      await waitFor(events, (e) => e.type === 'created' && e.payload.ids.includes(ordered.body.id));
      expect((await staffPost(admin, `/api/subscriptions/${ordered.body.id}/end`, { reason: 'Commande passée par erreur' })).status).toBe(200);
      await waitFor(events, (e) => e.type === 'updated' && e.payload.ids.includes(ordered.body.id));
    } finally {
      socket.disconnect();
    }
  });
});

describe('fees due so far', () => {
  it('count every month begun since the first scan’s Paris date, on the partner API and the staff list', async () => {
    const kit = await openKit('a');
    // First scan 2 months and 5 days ago: three months have begun (the start day's included).
    await startBilling(kit.id, parisAgo(2, 5));
    expect((await partner('a').get()).body).toEqual(expect.objectContaining({ status: 'ACTIVE', feesDueCents: 3 * 840, startedAt: expect.any(String) }));
    const list = await t.http.get(`/api/subscriptions?filter=${enc(JSON.stringify({ structureId: keys.a.structureId }))}&sort=${enc('["orderedAt","DESC"]')}&range=[0,9]`).set(as(support));
    expect(list.status).toBe(200);
    expect(list.body[0]).toEqual(expect.objectContaining({ id: kit.id, feesDueCents: 3 * 840 }));
    expect((await t.http.get(`/api/subscriptions/${kit.id}`).set(as(reviewer))).body.feesDueCents).toBe(3 * 840);
  });

  it('count every year begun on an annual kit', async () => {
    const kit = await openKit('b');
    await startBilling(kit.id, parisAgo(13, 0));
    expect((await partner('b').get()).body.feesDueCents).toBe(2 * ANNUAL_CENTS);
  });

  it('are not a sort key (computed, not stored)', async () => {
    const res = await t.http.get(`/api/subscriptions?sort=${enc('["feesDueCents","DESC"]')}`).set(as(finance));
    expectErrorShape(res.body, 400);
  });
});

describe('FINANCE and ADMIN change or end a kit, with a reason', () => {
  it('changes the plan: the fee from configuration, months begun stay billed, the new plan starts when the month under way ends', async () => {
    const kit = await openKit('a'); // monthly, billing for 2 months and 5 days
    const due = (await partner('a').get()).body.feesDueCents;
    const res = await staffPost(finance, `/api/subscriptions/${kit.id}/change-plan`, { plan: 'ANNUAL', reason: '  La structure préfère payer à l’année  ' });
    expect(res.status).toBe(200);
    const start = DateTime.fromJSDate(kit.startedAt!, { zone: 'UTC' });
    expect(res.body).toEqual(
      expect.objectContaining({ id: kit.id, plan: 'ANNUAL', status: 'ACTIVE', feeCents: ANNUAL_CENTS, earlierPlansFeesCents: due, feesDueCents: due, planFrom: start.plus({ months: 3 }).toJSDate().toISOString() }),
    );
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { resource: 'subscriptions', recordId: kit.id, action: 'change-plan' } });
    expect(event).toEqual(expect.objectContaining({ actorType: 'STAFF', actorName: expect.any(String) }));
    expect(event.before).toEqual(expect.objectContaining({ plan: 'MONTHLY', feeCents: 840 }));
    expect(event.after).toEqual(expect.objectContaining({ plan: 'ANNUAL', feeCents: ANNUAL_CENTS, reason: 'La structure préfère payer à l’année' }));
  });

  it('refuses a change to the plan already held', async () => {
    const kit = await openKit('a');
    const res = await staffPost(admin, `/api/subscriptions/${kit.id}/change-plan`, { plan: 'ANNUAL', reason: 'Pour voir' });
    expectErrorShape(res.body, 409);
    expect(res.body.message).toMatch(/déjà en formule annuelle/);
  });

  it('ends a kit: today, by whom and why; fees stop there; the partner sees it ended', async () => {
    const kit = await openKit('b'); // annual, billing for 13 months
    const res = await staffPost(admin, `/api/subscriptions/${kit.id}/end`, { reason: 'Cessation d’activité de la structure' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ status: 'CANCELLED', cancelReason: 'Cessation d’activité de la structure', cancelledById: expect.any(String), cancelledByName: expect.any(String), cancelledAt: expect.any(String), feesDueCents: 2 * ANNUAL_CENTS }));
    expect((await partner('b').get()).body).toEqual(expect.objectContaining({ id: kit.id, status: 'CANCELLED' }));
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { resource: 'subscriptions', recordId: kit.id, action: 'end' } });
    expect(event.before).toEqual(expect.objectContaining({ status: 'ACTIVE' }));
    expect(event.after).toEqual(expect.objectContaining({ status: 'CANCELLED', cancelReason: 'Cessation d’activité de la structure' }));
    // The structure may order again.
    expect((await partner('b').order({ plan: 'MONTHLY' })).status).toBe(201);
  });

  it('refuses to end or change an ended kit, with a 409 in French', async () => {
    const ended = await prisma.subscription.findFirstOrThrow({ where: { structureId: keys.b.structureId, status: 'CANCELLED' }, orderBy: { cancelledAt: 'desc' } });
    const again = await staffPost(finance, `/api/subscriptions/${ended.id}/end`, { reason: 'Encore une fois' });
    expectErrorShape(again.body, 409);
    expect(again.body.message).toMatch(/^Cet abonnement est résilié depuis le \d\d\/\d\d\/\d{4} : il ne se résilie pas deux fois/);
    const change = await staffPost(finance, `/api/subscriptions/${ended.id}/change-plan`, { plan: 'MONTHLY', reason: 'Reprise' });
    expectErrorShape(change.body, 409);
    expect(change.body.message).toMatch(/ne change plus de formule/);
  });

  it.each([
    ['no reason', {}],
    ['an empty reason', { reason: '' }],
    ['a reason of spaces', { reason: '     ' }],
    ['a reason of 2 characters', { reason: 'ok' }],
    ['a reason of 501 characters', { reason: 'x'.repeat(501) }],
    ['a reason that is not text', { reason: { text: 'motif' } }],
  ])('refuses %s with a 400 on the reason, changing nothing', async (_what, body) => {
    const kit = await openKit('a');
    const audits = await auditCount();
    for (const [action, extra] of [['end', {}], ['change-plan', { plan: 'MONTHLY' }]] as const) {
      const res = await staffPost(finance, `/api/subscriptions/${kit.id}/${action}`, { ...extra, ...body });
      expectErrorShape(res.body, 400);
      expect(Object.keys(res.body.details.fields)).toEqual(['reason']);
    }
    expect(await prisma.subscription.findUniqueOrThrow({ where: { id: kit.id } })).toEqual(kit);
    expect(await auditCount()).toBe(audits);
  });

  it('refuses a huge reason before reading it all, and a wrong plan on its field', async () => {
    const kit = await openKit('a');
    const huge = await staffPost(finance, `/api/subscriptions/${kit.id}/end`, { reason: 'x'.repeat(5_000_000) });
    expect([400, 413]).toContain(huge.status);
    const wrong = await staffPost(finance, `/api/subscriptions/${kit.id}/change-plan`, { plan: 'WEEKLY', reason: 'Une formule inventée' });
    expectErrorShape(wrong.body, 400);
    expect(Object.keys(wrong.body.details.fields)).toEqual(['plan']);
    const proto = await t.http.post(`/api/subscriptions/${kit.id}/end`).set(as(finance)).set('Content-Type', 'application/json').send('{"reason":"Motif valable","__proto__":{"status":"ACTIVE"}}');
    expect(proto.status).toBe(400);
    expect(Object.keys(proto.body.details.fields)).toEqual(['__proto__']);
    expect((await prisma.subscription.findUniqueOrThrow({ where: { id: kit.id } })).status).toBe('ACTIVE');
  });

  it('answers 404 for a kit that does not exist', async () => {
    const res = await staffPost(finance, '/api/subscriptions/00000000-0000-4000-8000-000000000000/end', { reason: 'Motif valable' });
    expectErrorShape(res.body, 404);
  });

  it.each(['REVIEWER', 'SUPPORT'] as const)('refuses %s both actions (403) while letting it read the kits', async (role) => {
    const token = role === 'REVIEWER' ? reviewer : support;
    const kit = await openKit('a');
    expectErrorShape((await staffPost(token, `/api/subscriptions/${kit.id}/end`, { reason: 'Motif valable' })).body, 403);
    expectErrorShape((await staffPost(token, `/api/subscriptions/${kit.id}/change-plan`, { plan: 'MONTHLY', reason: 'Motif valable' })).body, 403);
    expect((await prisma.subscription.findUniqueOrThrow({ where: { id: kit.id } })).status).toBe('ACTIVE');
    expect((await t.http.get(`/api/subscriptions/${kit.id}`).set(as(token))).status).toBe(200);
  });
});

describe('with the partner redemptions', () => {
  const redeem = (offerId: string, barcode: string) => t.http.post('/api/partner/redemptions').set(as(keys.d.key)).send({ offerId, barcodes: [barcode] });

  it('refuses a structure without a kit NO_SUBSCRIPTION, starts billing at its first accepted scan once ordered, and refuses it again once ended', async () => {
    // Structure d: its kits so far are all ended.
    expect((await partner('d').get()).body.status).toBe('CANCELLED');
    const offer = await approvedOffer(prisma, keys.d.structureId, 1000);
    const passes = (await makeOrder(prisma, { validityYear: DateTime.now().setZone('Europe/Paris').year })).booklets.map((b) => b[0].barcode);
    const refused = await redeem(offer.id, passes[0]);
    expect(refused.status).toBe(422);
    expect(refused.body.details.scans[0].reason).toBe('NO_SUBSCRIPTION');

    const ordered = await partner('d').order({ plan: 'MONTHLY' });
    expect(ordered.status).toBe(201);
    const accepted = await redeem(offer.id, passes[0]);
    expect(accepted.status).toBe(201);
    expect((await partner('d').get()).body).toEqual(
      expect.objectContaining({ id: ordered.body.id, status: 'ACTIVE', startedAt: billingStartOf(new Date()).toISOString(), feesDueCents: 840 }),
    );

    expect((await staffPost(finance, `/api/subscriptions/${ordered.body.id}/end`, { reason: 'Kit rendu' })).status).toBe(200);
    const after = await redeem(offer.id, passes[1]);
    expect(after.status).toBe(422);
    expect(after.body.details.scans[0].reason).toBe('NO_SUBSCRIPTION');
    expect((await prisma.subscription.findUniqueOrThrow({ where: { id: ordered.body.id } })).status).toBe('CANCELLED');
  });

  it('never starts again a kit ended while a first redemption of its structure is under way', async () => {
    const ordered = await partner('d').order({ plan: 'ANNUAL' });
    const offer = await prisma.offer.findFirstOrThrow({ where: { structureId: keys.d.structureId, status: 'APPROVED' } });
    const passes = (await makeOrder(prisma, { validityYear: DateTime.now().setZone('Europe/Paris').year, booklets: 6 })).booklets.map((b) => b[0].barcode);
    const answers = await Promise.all([
      ...passes.slice(0, 3).map((barcode) => redeem(offer.id, barcode)),
      staffPost(finance, `/api/subscriptions/${ordered.body.id}/end`, { reason: 'Résilié pendant un passage' }),
      ...passes.slice(3).map((barcode) => redeem(offer.id, barcode)),
    ]);
    expect(answers[3].status).toBe(200);
    expect((await prisma.subscription.findUniqueOrThrow({ where: { id: ordered.body.id } })).status).toBe('CANCELLED');
    // Accepted before the ending, or refused after it: never accepted on an ended kit.
    const endedAt = (await prisma.subscription.findUniqueOrThrow({ where: { id: ordered.body.id } })).cancelledAt!;
    const acceptedAfter = await prisma.scan.count({ where: { structureId: keys.d.structureId, outcome: 'ACCEPTED', scannedAt: { gt: endedAt } } });
    expect(acceptedAfter).toBe(0);
  });
});
