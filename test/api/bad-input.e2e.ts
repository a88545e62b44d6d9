import { expectErrorShape, startTestApp, TestApp } from '../support/test-app';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.token('ADMIN');
});
afterAll(() => t.close());

const enc = encodeURIComponent;

async function auditCount() {
  const res = await t.http.get('/api/audit-events?range=[0,0]').set('Authorization', `Bearer ${admin}`);
  return res.headers['content-range'];
}

describe('bad list parameters are a 400 in the error shape, never a 500', () => {
  const cases: [string, string, RegExp][] = [
    ['malformed JSON in filter', `/api/structures?filter=${enc('{"status":')}`, /JSON valide/],
    ['filter that is not an object', `/api/structures?filter=${enc('[1,2]')}`, /objet JSON/],
    ['unknown filter field', `/api/structures?filter=${enc('{"colour":"red"}')}`, /Filtre inconnu/],
    ['unknown sort field', `/api/structures?sort=${enc('["colour","ASC"]')}`, /Tri impossible/],
    ['sort on a relation', `/api/structures?sort=${enc('["offers","ASC"]')}`, /Tri impossible/],
    ['bad sort order', `/api/structures?sort=${enc('["name","UP"]')}`, /Ordre de tri/],
    ['sort not an array', `/api/structures?sort=${enc('"name"')}`, /sort/],
    ['range too large', `/api/passes?range=${enc('[0,100000]')}`, /1000 lignes/],
    ['range reversed', `/api/passes?range=${enc('[10,2]')}`, /range/],
    ['range negative', `/api/passes?range=${enc('[-5,2]')}`, /range/],
    ['range not integers', `/api/passes?range=${enc('["a","b"]')}`, /range/],
    ['unknown enum value', `/api/passes?filter=${enc('{"status":"LOST"}')}`, /ACTIVE/],
    ['text for an integer', `/api/passes?filter=${enc('{"faceValueCents":"dix"}')}`, /entier/],
    ['bad date in a range', `/api/scans?filter=${enc('{"scannedAt_gte":"hier"}')}`, /date/],
    ['range on a boolean', `/api/users?filter=${enc('{"active_gte":true}')}`, /ordonnée/],
    ['object as a value', `/api/structures?filter=${enc('{"name":{"contains":"a"}}')}`, /texte/],
    ['search on a JSON field', `/api/applications?filter=${enc('{"answers":"x"}')}`, /Filtre inconnu/],
    ['q too long', `/api/structures?filter=${enc(JSON.stringify({ q: 'a'.repeat(500) }))}`, /200 caractères/],
    ['parameter given twice', `/api/structures?sort=${enc('["name","ASC"]')}&sort=${enc('["id","ASC"]')}`, /une seule fois/],
  ];

  it.each(cases)('%s', async (_name, url, message) => {
    const res = await t.http.get(url).set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 400);
    expect(res.body.message).toMatch(message);
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('treats injection-looking search text literally', async () => {
    for (const q of ["' OR 1=1 --", '%', '_', "Robert'); DROP TABLE \"Structure\";--", '\\', '{"$ne":null}']) {
      const res = await t.http.get(`/api/structures?filter=${enc(JSON.stringify({ q }))}`).set('Authorization', `Bearer ${admin}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([]);
    }
    const still = await t.http.get('/api/structures?range=[0,0]').set('Authorization', `Bearer ${admin}`);
    expect(still.headers['content-range']).toMatch(/\/13$/);
  });

  it('answers an unknown id with 404 and an unknown route with 404 in the error shape', async () => {
    const one = await t.http.get('/api/structures/nope').set('Authorization', `Bearer ${admin}`);
    expect(one.status).toBe(404);
    expectErrorShape(one.body, 404);
    const route = await t.http.get('/api/nothing-here').set('Authorization', `Bearer ${admin}`);
    expect(route.status).toBe(404);
    expectErrorShape(route.body, 404);
  });
});

describe('bad bodies are a 4xx and change nothing', () => {
  const sponsor = {
    name: 'Commune de Test',
    kind: 'COMMUNE',
    siret: '21330063500017',
    addressLine: '1 place de la République',
    postalCode: '33000',
    city: 'Bordeaux',
    departement: '33',
    contactName: 'Jean Test',
    contactEmail: 'jean.test@example.fr',
  };

  const cases: [string, unknown, string][] = [
    ['a wrong type', { ...sponsor, postalCode: 33000 }, 'postalCode'],
    ['a missing field', { ...sponsor, name: undefined }, 'name'],
    ['an unknown property', { ...sponsor, isVip: true }, 'isVip'],
    ['an invalid SIRET', { ...sponsor, siret: '12345678901234' }, 'siret'],
    ['an unknown enum value', { ...sponsor, kind: 'EMPIRE' }, 'kind'],
    ['an unknown département', { ...sponsor, departement: '99' }, 'departement'],
    ['a bad e-mail', { ...sponsor, contactEmail: 'pas-un-email' }, 'contactEmail'],
    ['an over-long name', { ...sponsor, name: 'x'.repeat(5000) }, 'name'],
  ];

  it.each(cases)('refuses %s, naming the field', async (_name, body, field) => {
    const before = await auditCount();
    const res = await t.http.post('/api/sponsors').set('Authorization', `Bearer ${admin}`).send(body as object);
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 400);
    expect(Object.keys(res.body.details.fields)).toContain(field);
    expect(await auditCount()).toBe(before);
  });

  it('refuses malformed JSON, a JSON array and a huge body', async () => {
    const malformed = await t.http.post('/api/sponsors').set('Authorization', `Bearer ${admin}`).set('Content-Type', 'application/json').send('{"name": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/JSON valide/);
    const array = await t.http.post('/api/sponsors').set('Authorization', `Bearer ${admin}`).send([sponsor]);
    expect(array.status).toBe(400);
    const huge = await t.http.post('/api/sponsors').set('Authorization', `Bearer ${admin}`).send({ ...sponsor, name: 'x'.repeat(300_000) });
    expect(huge.status).toBe(413);
    expectErrorShape(huge.body, 413);
  });

  it('accepts the read-only fields react-admin sends back on PUT, but not unknown ones', async () => {
    const list = await t.http.get('/api/sponsors?range=[0,0]').set('Authorization', `Bearer ${admin}`);
    const record = list.body[0];
    const ok = await t.http.put(`/api/sponsors/${record.id}`).set('Authorization', `Bearer ${admin}`).send({ ...record, contactName: 'Nouveau Contact' });
    expect(ok.status).toBe(200);
    expect(ok.body.contactName).toBe('Nouveau Contact');
    expect(ok.body.createdAt).toBe(record.createdAt);
    const bad = await t.http.put(`/api/sponsors/${record.id}`).set('Authorization', `Bearer ${admin}`).send({ ...record, hacked: true });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details.fields)).toEqual(['hacked']);
  });

  it('refuses a write on a read-only resource with a clear message', async () => {
    const res = await t.http.post('/api/passes').set('Authorization', `Bearer ${admin}`).send({ barcode: '2000000000001' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/pas possible/);
  });
});

describe('input that PostgreSQL or the nesting would choke on', () => {
  it('refuses NUL characters in addresses, filters and bodies with a 400', async () => {
    expect((await t.http.get('/api/structures/a%00b').set('Authorization', `Bearer ${admin}`)).status).toBe(400);
    expect((await t.http.get(`/api/structures?filter=${enc('{"q":"a\\u0000b"}')}`).set('Authorization', `Bearer ${admin}`)).status).toBe(400);
    const body = await t.http.post('/api/referential-categories').set('Authorization', `Bearer ${admin}`).send({ code: 'NUL-TEST', label: 'a\u0000b' });
    expect(body.status).toBe(400);
    expectErrorShape(body.body, 400);
    expect((await t.http.post('/api/public/applications/a%00/reply').send({ token: 'x', message: 'y' })).status).toBe(400);
  });

  it('refuses arrays where objects are expected, and null inside a list filter', async () => {
    const res = await t.http.post('/api/public/applications').send({ organisation: [], contact: [], legalRepresentative: [], bank: [], answers: {}, charter: [] });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.details.fields)).toEqual(expect.arrayContaining(['organisation', 'bank', 'charter']));
    const nullInList = await t.http.get(`/api/structures?filter=${enc('{"signedCharterVersion":[null,2]}')}`).set('Authorization', `Bearer ${admin}`);
    expect(nullInList.status).toBe(400);
  });
});
