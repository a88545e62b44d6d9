import { expectErrorShape, startTestApp, TestApp } from '../support/test-app';

let t: TestApp;
let admin: string;
let reviewer: string;
/** Partner keys of two eligible demo structures whose charter is up to date, and one that must re-sign. */
const keys: Record<'a' | 'b' | 'resign', { key: string; structureId: string }> = {} as never;
let services: { id: string; code: string; recommendedPriceCents: number }[];

const enc = encodeURIComponent;
const partner = (who: keyof typeof keys) => ({
  get: (path: string) => t.http.get(`/api/partner${path}`).set('Authorization', `Bearer ${keys[who].key}`),
  post: (path: string, body: object) => t.http.post(`/api/partner${path}`).set('Authorization', `Bearer ${keys[who].key}`).send(body),
  put: (path: string, body: object) => t.http.put(`/api/partner${path}`).set('Authorization', `Bearer ${keys[who].key}`).send(body),
});
let serviceCursor = 0;
/** A referential service this structure has no offer on yet. */
async function freshService(who: keyof typeof keys) {
  const mine = new Set((await partner(who).get('/offers')).body.map((o: any) => o.serviceId));
  for (;;) {
    const s = services[serviceCursor++ % services.length];
    if (!mine.has(s.id)) return s;
  }
}
const offer = (serviceId: string, priceCents: unknown = 1000, extra: object = {}) => ({ serviceId, title: 'Atelier découverte', priceCents, durationMinutes: 60, ...extra });

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.token('ADMIN');
  reviewer = await t.token('REVIEWER');
  const eligible = (await t.http.get(`/api/structures?filter=${enc('{"status":"ELIGIBLE"}')}&range=[0,99]&sort=${enc('["name","ASC"]')}`).set('Authorization', `Bearer ${admin}`)).body;
  const upToDate = eligible.filter((s: any) => !s.charterResignatureNeeded);
  const resign = eligible.find((s: any) => s.charterResignatureNeeded);
  const issue = async (structureId: string) => ({
    key: (await t.http.post(`/api/structures/${structureId}/reissue-api-key`).set('Authorization', `Bearer ${admin}`)).body.partnerApiKey.key,
    structureId,
  });
  keys.a = await issue(upToDate[0].id);
  keys.b = await issue(upToDate[1].id);
  keys.resign = await issue(resign.id);
  const referential = (await t.http.get('/api/public/referential')).body;
  services = referential.flatMap((c: any) => c.services);
});
afterAll(() => t.close());

describe('the public referential', () => {
  it('lists the 9 active categories with their active services and recommended prices', async () => {
    const res = await t.http.get('/api/public/referential');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(9);
    expect(res.body[0].services[0]).toEqual(expect.objectContaining({ id: expect.any(String), label: expect.any(String), recommendedPriceCents: 1000 }));
  });
});

describe('automatic checks on submission', () => {
  const cases: [string, number, string, string[]][] = [
    ['exactly 10 €', 1000, 'APPROVED', []],
    ['20 € (above the recommended 10 €)', 2000, 'PENDING_REVIEW', ['PRICE_ABOVE_RECOMMENDED']],
    ['15 € (above, and not a multiple of a pass)', 1500, 'PENDING_REVIEW', ['PRICE_ABOVE_RECOMMENDED', 'PRICE_NOT_MULTIPLE_OF_PASS']],
    ['5 € (not a multiple of a pass)', 500, 'PENDING_REVIEW', ['PRICE_NOT_MULTIPLE_OF_PASS']],
  ];

  it.each(cases)('%s → %s %j', async (_name, price, status, flags) => {
    const service = await freshService('a');
    const res = await partner('a').post('/offers', offer(service.id, price));
    expect(res.status).toBe(201);
    expect(res.body).toEqual(expect.objectContaining({ status, flags, validation: flags.length ? null : 'AUTO' }));
    expect(res.body.flagExplanations.map((f: any) => f.flag)).toEqual(flags);
    for (const f of res.body.flagExplanations) expect(f.explanation.length).toBeGreaterThan(20);
  });

  it('flags a second offer on the same referential service', async () => {
    const service = await freshService('a');
    expect((await partner('a').post('/offers', offer(service.id))).body.status).toBe('APPROVED');
    const second = await partner('a').post('/offers', offer(service.id, 1000, { title: 'Atelier bis' }));
    expect(second.body).toEqual(expect.objectContaining({ status: 'PENDING_REVIEW', flags: ['DUPLICATE_OFFER'] }));
  });

  it('flags offers of a structure under review (charter to re-sign)', async () => {
    const service = await freshService('resign');
    const res = await partner('resign').post('/offers', offer(service.id));
    expect(res.body).toEqual(expect.objectContaining({ status: 'PENDING_REVIEW', flags: ['NEEDS_MANUAL_REVIEW'] }));
  });

  const bad: [string, unknown][] = [
    ['a price of 0', 0],
    ['a negative price', -1000],
    ['an absurdly large price', 50_000_000],
    ['non-integer cents', 1000.5],
    ['a price given as text', '1000'],
    ['no price', null],
  ];
  it.each(bad)('refuses %s with a 400 naming priceCents, creating nothing', async (_name, price) => {
    const before = (await partner('a').get('/offers')).body.length;
    const service = await freshService('a');
    const res = await partner('a').post('/offers', offer(service.id, price));
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 400);
    expect(Object.keys(res.body.details.fields)).toEqual(['priceCents']);
    expect((await partner('a').get('/offers')).body.length).toBe(before);
  });

  it('refuses an unknown referential service, a location of another structure and unknown properties', async () => {
    expect((await partner('a').post('/offers', offer('00000000-0000-4000-8000-000000000000'))).status).toBe(400);
    const otherLocation = (await t.http.get(`/api/locations?filter=${enc(JSON.stringify({ structureId: keys.b.structureId }))}`).set('Authorization', `Bearer ${admin}`)).body[0];
    const service = await freshService('a');
    const foreign = await partner('a').post('/offers', offer(service.id, 1000, { locationId: otherLocation.id }));
    expect(foreign.status).toBe(400);
    expect(Object.keys(foreign.body.details.fields)).toEqual(['locationId']);
    expect((await partner('a').post('/offers', offer(service.id, 1000, { structureId: keys.b.structureId }))).status).toBe(400);
  });
});

describe('a partner key and its own catalogue', () => {
  it('lists its structure’s active places on /api/partner/me, to choose where a service happens', async () => {
    const staff = (id: string) => t.http.get(`/api/locations?filter=${enc(JSON.stringify({ structureId: id }))}&range=[0,99]`).set('Authorization', `Bearer ${admin}`);
    const own = (await staff(keys.a.structureId)).body;
    expect(own.length).toBeGreaterThan(0);
    const added = await t.http
      .post('/api/locations')
      .set('Authorization', `Bearer ${admin}`)
      .send({ structureId: keys.a.structureId, name: 'Ancienne annexe', addressLine: '1 place du Marché', postalCode: own[0].postalCode, city: own[0].city, departement: own[0].departement, active: false });
    expect(added.status).toBe(201);
    const me = await partner('a').get('/me');
    expect(me.status).toBe(200);
    const listed = me.body.locations.map((l: any) => l.id).sort();
    // Its own active places, none of another structure's, not the inactive one.
    expect(listed).toEqual(own.filter((l: any) => l.active).map((l: any) => l.id).sort());
    const others = new Set((await staff(keys.b.structureId)).body.map((l: any) => l.id));
    expect(listed.some((id: string) => others.has(id))).toBe(false);
    expect(listed).not.toContain(added.body.id);
    expect(Object.keys(me.body.locations[0]).sort()).toEqual(['addressLine', 'city', 'id', 'name', 'postalCode']);
  });

  it('sees and changes only its own structure’s offers', async () => {
    const service = await freshService('b');
    const mine = (await partner('b').post('/offers', offer(service.id))).body;
    const listA = (await partner('a').get('/offers')).body;
    const listB = (await partner('b').get('/offers')).body;
    expect(listA.every((o: any) => o.structureId === keys.a.structureId)).toBe(true);
    expect(listB.every((o: any) => o.structureId === keys.b.structureId)).toBe(true);
    expect(listB.map((o: any) => o.id)).toContain(mine.id);
    expect((await partner('a').get(`/offers/${mine.id}`)).status).toBe(404);
    const hijack = await partner('a').put(`/offers/${mine.id}`, { title: 'Détourné' });
    expect(hijack.status).toBe(404);
    expect((await partner('b').get(`/offers/${mine.id}`)).body.title).toBe('Atelier découverte');
    expect((await t.http.get('/api/partner/offers').set('Authorization', 'Bearer apk_0000000000_forgedforgedforgedforged')).status).toBe(401);
  });

  it('sends an approved offer back through the checks when its price or service changes, not for other edits', async () => {
    const service = await freshService('a');
    const created = (await partner('a').post('/offers', offer(service.id))).body;
    const retitled = await partner('a').put(`/offers/${created.id}`, { title: 'Atelier découverte du numérique', description: 'Deux heures.' });
    expect(retitled.body).toEqual(expect.objectContaining({ status: 'APPROVED', validation: 'AUTO', title: 'Atelier découverte du numérique' }));
    const repriced = await partner('a').put(`/offers/${created.id}`, { priceCents: 1500 });
    expect(repriced.body).toEqual(expect.objectContaining({ status: 'PENDING_REVIEW', flags: ['PRICE_ABOVE_RECOMMENDED', 'PRICE_NOT_MULTIPLE_OF_PASS'] }));
    const back = await partner('a').put(`/offers/${created.id}`, { priceCents: 1000 });
    expect(back.body).toEqual(expect.objectContaining({ status: 'APPROVED', validation: 'AUTO', flags: [] }));
  });
});

describe('moderation', () => {
  async function pending(who: 'a' | 'b' = 'b') {
    const service = await freshService(who);
    return (await partner(who).post('/offers', offer(service.id, 1500))).body;
  }
  const moderate = (id: string, action: string, body: object = {}) => t.http.post(`/api/offers/${id}/${action}`).set('Authorization', `Bearer ${reviewer}`).send(body);

  it('approves, rejects with a reason, or requests changes with a comment', async () => {
    const a = await pending();
    const approved = await moderate(a.id, 'approve');
    expect(approved.body).toEqual(expect.objectContaining({ status: 'APPROVED', validation: 'MANUAL', moderatedById: expect.any(String) }));
    expect((await moderate(a.id, 'approve')).status).toBe(409);

    const b = await pending();
    expect((await moderate(b.id, 'reject')).status).toBe(400);
    expect((await moderate(b.id, 'reject', { reason: 'Prestation commerciale hors référentiel.' })).body).toEqual(expect.objectContaining({ status: 'REJECTED', moderationComment: 'Prestation commerciale hors référentiel.' }));

    const c = await pending();
    expect((await moderate(c.id, 'request-changes')).status).toBe(400);
    const asked = await moderate(c.id, 'request-changes', { comment: 'Merci de ramener le prix à 10 €.' });
    expect(asked.body.status).toBe('CHANGES_REQUESTED');
    // Waiting for the structure's changes (SPEC §3): a reviewer does not approve it as it is.
    expect((await moderate(c.id, 'approve')).status).toBe(409);
    const fixed = await partner('b').put(`/offers/${c.id}`, { priceCents: 1000 });
    expect(fixed.body).toEqual(expect.objectContaining({ status: 'APPROVED', validation: 'AUTO', moderationComment: null }));
  });

  it('shows the reviewer the service, its recommended price, the difference and what it means for a beneficiary', async () => {
    const p = await pending();
    const review = (await t.http.get(`/api/offers/${p.id}/review`).set('Authorization', `Bearer ${reviewer}`)).body;
    expect(review.service).toEqual(expect.objectContaining({ recommendedPriceCents: 1000, category: expect.objectContaining({ label: expect.any(String) }) }));
    expect(review.impact).toEqual(expect.objectContaining({ priceDifferenceCents: 500, passesNeeded: 2, remainingChargeCents: 500 }));
    expect(review.impact.summary).toMatch(/1 pass et 5,00/);
    expect(review.offer.flagExplanations).toHaveLength(2);
    expect(review.structure.id).toBe(keys.b.structureId);
    expect(Array.isArray(review.otherOffers)).toBe(true);
  });

  it('filters the queue by flag, structure, category and département', async () => {
    const q = async (filter: object) =>
      (await t.http.get(`/api/offers?filter=${enc(JSON.stringify(filter))}&range=[0,999]`).set('Authorization', `Bearer ${reviewer}`)).body as any[];
    const flagged = await q({ status: 'PENDING_REVIEW', flags: 'PRICE_NOT_MULTIPLE_OF_PASS' });
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.every((o) => o.flags.includes('PRICE_NOT_MULTIPLE_OF_PASS'))).toBe(true);
    const ofB = await q({ structureId: keys.b.structureId });
    expect(ofB.every((o) => o.structureId === keys.b.structureId)).toBe(true);
    const category = (await t.http.get('/api/public/referential')).body.find((c: any) => c.services.some((s: any) => s.id === ofB[0].serviceId));
    const inCategory = await q({ categoryId: category.id });
    expect(inCategory.length).toBeGreaterThan(0);
    expect(inCategory.every((o) => category.services.some((s: any) => s.id === o.serviceId))).toBe(true);
    const structureB = (await t.http.get(`/api/structures/${keys.b.structureId}`).set('Authorization', `Bearer ${reviewer}`)).body;
    const inDepartement = await q({ departement: structureB.departement });
    expect(inDepartement.map((o) => o.id)).toEqual(expect.arrayContaining(ofB.map((o) => o.id)));
    expect((await t.http.get(`/api/offers?filter=${enc('{"departement":{"x":1}}')}`).set('Authorization', `Bearer ${reviewer}`)).status).toBe(400);
  });

  it('refuses moderation to roles that only read offers', async () => {
    const p = await pending();
    expect((await t.http.post(`/api/offers/${p.id}/approve`).set('Authorization', `Bearer ${await t.token('FINANCE')}`).send({})).status).toBe(403);
  });

  it('moderates 200 offers in one batch, reporting each, with one audit event per offer; a bad one does not stop the others', async () => {
    const ids: string[] = [];
    const service = await freshService('a');
    for (let i = 0; i < 200; i++) {
      // The same service every time: each one after the first is a flagged duplicate, pending review.
      const res = await partner('a').post('/offers', offer(service.id, 1500, { title: `Atelier ${i + 1}` }));
      ids.push(res.body.id);
    }
    const alreadyApproved = await pending('a');
    await moderate(alreadyApproved.id, 'approve');
    const batch = await t.http
      .post('/api/offers/batch')
      .set('Authorization', `Bearer ${reviewer}`)
      .send({ action: 'approve', ids: [...ids.slice(0, 100), alreadyApproved.id, '00000000-0000-4000-8000-000000000000', ...ids.slice(100)] });
    expect(batch.status).toBe(200);
    expect(batch.body).toEqual(expect.objectContaining({ total: 202, succeeded: 200, failed: 2 }));
    expect(batch.body.results.filter((r: any) => !r.ok).map((r: any) => r.id)).toEqual([alreadyApproved.id, '00000000-0000-4000-8000-000000000000']);
    expect(batch.body.results.find((r: any) => r.id === alreadyApproved.id).error).toMatch(/approuvée/);
    const approvals = await t.http
      .get(`/api/audit-events?filter=${enc(JSON.stringify({ resource: 'offers', action: 'approve', recordId: ids }))}&range=[0,999]`)
      .set('Authorization', `Bearer ${reviewer}`);
    expect(approvals.headers['content-range']).toMatch(/\/200$/);
    const offers = (await t.http.get(`/api/offers?filter=${enc(JSON.stringify({ id: ids }))}&range=[0,999]`).set('Authorization', `Bearer ${reviewer}`)).body;
    expect(offers.every((o: any) => o.status === 'APPROVED' && o.validation === 'MANUAL')).toBe(true);
  });

  it('refuses malformed batches', async () => {
    const post = (body: object) => t.http.post('/api/offers/batch').set('Authorization', `Bearer ${reviewer}`).send(body);
    expect((await post({ action: 'approve', ids: [] })).status).toBe(400);
    expect((await post({ action: 'delete', ids: ['x'] })).status).toBe(400);
    expect((await post({ action: 'approve', ids: Array.from({ length: 501 }, (_, i) => `id-${i}`) })).status).toBe(400);
    const noReason = await post({ action: 'reject', ids: [(await pending()).id] });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toMatch(/motif/);
  });
});

describe('referential management', () => {
  it('lets ADMIN deactivate a service without breaking its offers: they are flagged for review', async () => {
    const service = await freshService('b');
    const live = (await partner('b').post('/offers', offer(service.id))).body;
    expect(live.status).toBe('APPROVED');
    expect((await t.http.put(`/api/referential-services/${service.id}`).set('Authorization', `Bearer ${reviewer}`).send({ active: false })).status).toBe(403);
    const res = await t.http.put(`/api/referential-services/${service.id}`).set('Authorization', `Bearer ${admin}`).send({ active: false });
    expect(res.status).toBe(200);
    const after = (await partner('b').get(`/offers/${live.id}`)).body;
    expect(after).toEqual(expect.objectContaining({ id: live.id, status: 'PENDING_REVIEW', flags: ['REFERENTIAL_INACTIVE'] }));
    expect((await t.http.get('/api/public/referential')).body.flatMap((c: any) => c.services).map((s: any) => s.id)).not.toContain(service.id);
    const fresh = await partner('a').post('/offers', offer(service.id));
    expect(fresh.body.flags).toContain('REFERENTIAL_INACTIVE');
  });

  it('lets ADMIN create and edit categories and services, with validation', async () => {
    const category = await t.http.post('/api/referential-categories').set('Authorization', `Bearer ${admin}`).send({ code: 'TEST-CAT', label: 'Catégorie de test', position: 20 });
    expect(category.status).toBe(201);
    const service = await t.http
      .post('/api/referential-services')
      .set('Authorization', `Bearer ${admin}`)
      .send({ code: 'TEST-CAT-01', categoryId: category.body.id, label: 'Service de test', recommendedPriceCents: 1000 });
    expect(service.status).toBe(201);
    expect((await t.http.post('/api/referential-services').set('Authorization', `Bearer ${admin}`).send({ code: 'TEST-CAT-02', categoryId: category.body.id, label: 'X', recommendedPriceCents: -5 })).status).toBe(400);
    expect((await t.http.post('/api/referential-services').set('Authorization', `Bearer ${admin}`).send({ code: 'TEST-CAT-01', categoryId: category.body.id, label: 'Doublon' })).status).toBe(409);
    expect((await t.http.get('/api/public/referential')).body.map((c: any) => c.code)).toContain('TEST-CAT');
  });
});
