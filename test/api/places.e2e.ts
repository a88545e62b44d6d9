/**
 * Issue 16: the public directory of the places that accept a pass (GET /api/public/places, no
 * login) and its open-data export in the national schema of digital-mediation places, checked
 * with the ANCT library's own model. Suspended structures and unapproved offers never appear.
 */
import { fromSchemaLieuDeMediationNumerique, Service } from '@gouvfr-anct/lieux-de-mediation-numerique';
import { SCHEMA_COLUMNS } from '../../server/src/places/open-data';
import type { PublicPlace, PublicPlacesPage } from '../../server/src/rules/places';
import { expectErrorShape, startTestApp, TestApp } from '../support/test-app';
import type { PrismaClient } from '../../server/src/generated/prisma/client';

let t: TestApp;
let prisma: PrismaClient;
const enc = encodeURIComponent;
const places = async (query = '') => {
  const res = await t.http.get(`/api/public/places${query}`);
  expect([res.status, res.body.message]).toEqual([200, undefined]);
  return res.body as PublicPlacesPage;
};
const everything = async (filter = '') => (await places(`?perPage=50${filter}`)).items;

beforeAll(async () => {
  t = await startTestApp();
  prisma = t.started.deps.db.prisma;
});
afterAll(() => t.close());

describe('GET /api/public/places', () => {
  it('lists, without login, the places of eligible structures with their approved services only', async () => {
    const page = await places();
    expect(page).toEqual(expect.objectContaining({ page: 1, perPage: 20, total: expect.any(Number) }));
    expect(page.total).toBeGreaterThan(5);
    const all = await everything();
    expect(all).toHaveLength(page.total);
    const locations = await prisma.location.findMany({ where: { id: { in: all.map((p) => p.id) } }, include: { structure: true } });
    expect(new Set(locations.map((l) => l.structure.status))).toEqual(new Set(['ELIGIBLE']));
    const offers = await prisma.offer.findMany({ where: { id: { in: all.flatMap((p) => p.services.map((s) => s.id)) } } });
    expect(new Set(offers.map((o) => o.status))).toEqual(new Set(['APPROVED']));
    expect(offers).toHaveLength(all.flatMap((p) => p.services).length);
    // The demo's suspended structures and pending offers are left out.
    const suspended = await prisma.structure.findMany({ where: { status: 'SUSPENDED', offers: { some: { status: 'APPROVED' } } }, select: { id: true, locations: { select: { id: true } } } });
    expect(suspended.length).toBeGreaterThan(0);
    for (const s of suspended) for (const l of s.locations) expect(all.map((p) => p.id)).not.toContain(l.id);
    const pending = await prisma.offer.findMany({ where: { status: { not: 'APPROVED' } }, select: { id: true } });
    expect(pending.length).toBeGreaterThan(0);
    expect(all.flatMap((p) => p.services.map((s) => s.id)).filter((id) => pending.some((o) => o.id === id))).toEqual([]);
  });

  it('filters by département, postal code, commune (with or without accents) and category', async () => {
    const gironde = await everything('&departement=33');
    expect(gironde.length).toBeGreaterThan(1);
    expect(new Set(gironde.map((p) => p.departement))).toEqual(new Set(['33']));
    expect(gironde[0].departementName).toBe('Gironde');
    const merignac = await everything('&postalCode=33700');
    expect(merignac.map((p) => p.city)).toEqual(['Mérignac']);
    expect((await everything(`&commune=${enc('MERIGNAC')}`)).map((p) => p.id)).toEqual(merignac.map((p) => p.id));
    expect(await everything('&departement=33&postalCode=69001')).toEqual([]);
    const demarches = await everything('&category=DEMARCHES');
    expect(demarches.length).toBeGreaterThan(0);
    for (const place of demarches) expect(place.services.map((s) => s.categoryCode)).toContain('DEMARCHES');
    expect(demarches.length).toBeLessThan((await everything()).length);
    // Pages follow each other without overlap.
    const [first, second] = [await places('?perPage=3&page=1'), await places('?perPage=3&page=2')];
    expect(first.items.map((p) => p.id).filter((id) => second.items.some((p) => p.id === id))).toEqual([]);
    // An empty filter is no filter.
    expect((await places('?departement=&commune=')).total).toBe(first.total);
  });

  it('says what is left to pay: nothing when the price is the pass’s value, the difference above it', async () => {
    const [place] = await everything('&postalCode=33700');
    const location = await prisma.location.findUniqueOrThrow({ where: { id: place.id } });
    const service = await prisma.referentialService.findFirstOrThrow({ where: { category: { code: 'DEMARCHES' } } });
    await prisma.offer.create({ data: { structureId: location.structureId, locationId: location.id, serviceId: service.id, title: 'Atelier long (2 h)', priceCents: 1500, durationMinutes: 120, status: 'APPROVED' } });
    const res = await t.http.get(`/api/public/places/${place.id}`);
    expect(res.status).toBe(200);
    const services = (res.body as PublicPlace).services;
    expect(services.find((s) => s.title === 'Atelier long (2 h)')).toEqual(expect.objectContaining({ priceCents: 1500, remainingCents: 500 }));
    for (const s of services.filter((x) => x.priceCents === 1000)) expect(s.remainingCents).toBe(0);
  });

  it('refuses filters it does not know or cannot read, with a message per field', async () => {
    const bad: [string, string][] = [
      ['departement=20', 'departement'],
      ['departement=__proto__', 'departement'],
      ['postalCode=3370', 'postalCode'],
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['perPage=51', 'perPage'],
      [`commune=${'x'.repeat(101)}`, 'commune'],
      // Search pattern characters never reach the database's ILIKE (a trailing backslash would make it fail).
      ['commune=Bordeaux%5C', 'commune'],
      ['commune=%25', 'commune'],
      ['commune=M_rignac', 'commune'],
      ['commune=%3Cscript%3E', 'commune'],
      ['category=NOPE', 'category'],
      ['foo=1', 'foo'],
      ['departement[]=33', 'departement[]'],
    ];
    const answers = [];
    for (const [query] of bad) {
      const res = await t.http.get(`/api/public/places?${query}`);
      answers.push([query, res.status, Object.keys(res.body.details?.fields ?? {})]);
      if (res.status === 400) expectErrorShape(res.body, 400);
    }
    expect(answers).toEqual(bad.map(([query, field]) => [query, 400, [field]]));
    // Keys that would reach an object's prototype are dropped by the query parser, not read.
    for (const key of ['constructor', '__proto__']) expect((await places(`?${key}=1`)).total).toBe((await places()).total);
  });

  it('gives one place, and not one of a suspended structure', async () => {
    const [place] = await everything();
    expect((await t.http.get(`/api/public/places/${place.id}`)).body.id).toBe(place.id);
    const suspended = await prisma.location.findFirstOrThrow({ where: { structure: { status: 'SUSPENDED' } } });
    for (const id of [suspended.id, '00000000-0000-4000-8000-000000000000', 'x'.repeat(500)]) {
      const res = await t.http.get(`/api/public/places/${id}`);
      expectErrorShape(res.body, 404);
    }
  });
});

describe('the open-data export (schema « lieux de médiation numérique »)', () => {
  it('publishes every eligible place, each record valid for the ANCT library, and no suspended structure', async () => {
    const res = await t.http.get('/api/public/open-data/lieux-mediation-numerique.json');
    expect(res.status).toBe(200);
    const records = res.body as Record<string, string>[];
    const listed = await everything();
    expect(records.map((r) => r.id).sort()).toEqual(listed.map((p) => `aptic-${p.id}`).sort());
    for (const record of records) {
      expect(() => fromSchemaLieuDeMediationNumerique(record as any)).not.toThrow();
      expect(record.source).toBe('APTIC');
      expect(record.date_maj).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const service of record.services.split('|')) expect(Object.values(Service)).toContain(service);
    }
    // Every demo structure eligible with an approved offer, a place and its kit is there, by its SIRET; no suspended one.
    const eligible = await prisma.structure.findMany({
      where: { status: 'ELIGIBLE', offers: { some: { status: 'APPROVED' } }, locations: { some: { active: true } }, subscriptions: { some: { status: { in: ['PENDING', 'ACTIVE'] } } } },
      select: { siret: true },
    });
    expect(eligible.length).toBeGreaterThan(5);
    expect(new Set(records.map((r) => r.pivot))).toEqual(new Set(eligible.map((s) => s.siret)));
    const suspended = await prisma.structure.findMany({ where: { status: 'SUSPENDED' }, select: { siret: true } });
    expect(records.filter((r) => suspended.some((s) => s.siret === r.pivot))).toEqual([]);
    // The INSEE code comes from the official split.
    expect(records.find((r) => r.code_postal === '33700')).toEqual(expect.objectContaining({ commune: 'Mérignac', code_insee: '33281' }));
  });

  it('is also a CSV with the schema’s columns in order', async () => {
    const res = await t.http.get('/api/public/open-data/lieux-mediation-numerique.csv').buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = (res.body as string).replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe(SCHEMA_COLUMNS.join(','));
    const json = (await t.http.get('/api/public/open-data/lieux-mediation-numerique.json')).body as unknown[];
    expect(lines).toHaveLength(json.length + 1);
  });

  it('keeps the services whatever their category is called, links only to web addresses, and keeps spreadsheet formulas inert', async () => {
    const [place] = await everything('&category=DEMARCHES');
    const location = await prisma.location.findUniqueOrThrow({ where: { id: place.id } });
    const category = await prisma.referentialCategory.findUniqueOrThrow({ where: { code: 'DEMARCHES' } });
    await prisma.referentialCategory.update({ where: { id: category.id }, data: { label: 'Démarches en ligne' } });
    // Data written before the check existed: a website that is a script, a name that is a formula.
    await prisma.structure.update({ where: { id: location.structureId }, data: { website: 'javascript:alert(1)' } });
    await prisma.location.update({ where: { id: place.id }, data: { name: '=HYPERLINK("http://piege.example","Cliquez")' } });
    try {
      const record = ((await t.http.get('/api/public/open-data/lieux-mediation-numerique.json')).body as Record<string, string>[]).find((r) => r.id === `aptic-${place.id}`)!;
      expect(record.services.split('|')).toContain(Service.AideAuxDemarchesAdministratives);
      expect(record).not.toHaveProperty('site_web');
      expect((await t.http.get(`/api/public/places/${place.id}`)).body.website).toBeNull();
      const csv = (await t.http.get('/api/public/open-data/lieux-mediation-numerique.csv').buffer(true).parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      })).body as string;
      const line = csv.split('\n').find((l) => l.startsWith(`aptic-${place.id},`))!;
      expect(line).toContain(`"'=HYPERLINK(""http://piege.example"",""Cliquez"")"`);
      // Phone numbers stay numbers.
      if (record.telephone) expect(line).toContain(`,${record.telephone},`);
    } finally {
      await prisma.referentialCategory.update({ where: { id: category.id }, data: { label: category.label } });
      await prisma.structure.update({ where: { id: location.structureId }, data: { website: null } });
      await prisma.location.update({ where: { id: place.id }, data: { name: location.name } });
    }
  });

  it('leaves out a structure whose kit subscription has ended: it could not take a pass', async () => {
    const finance = await t.token('FINANCE');
    const place = (await everything()).find((p) => !['31', '33'].includes(p.departement))!;
    const location = await prisma.location.findUniqueOrThrow({ where: { id: place.id } });
    const kit = await prisma.subscription.findFirstOrThrow({ where: { structureId: location.structureId, status: { in: ['PENDING', 'ACTIVE'] } } });
    const ended = await t.http.post(`/api/subscriptions/${kit.id}/end`).set('Authorization', `Bearer ${finance}`).send({ reason: 'Résiliation demandée par la structure.' });
    expect(ended.status).toBe(200);
    expect((await everything()).map((p) => p.id)).not.toContain(place.id);
    expectErrorShape((await t.http.get(`/api/public/places/${place.id}`)).body, 404);
  });

  it('drops a structure once suspended', async () => {
    const admin = await t.token('ADMIN');
    const [place] = await everything('&postalCode=33700');
    const location = await prisma.location.findUniqueOrThrow({ where: { id: place.id } });
    const res = await t.http.post(`/api/structures/${location.structureId}/suspend`).set('Authorization', `Bearer ${admin}`).send({ reason: 'Contrôle en cours sur les passages du mois.' });
    expect(res.status).toBe(200);
    expect((await everything()).map((p) => p.id)).not.toContain(place.id);
    const records = (await t.http.get('/api/public/open-data/lieux-mediation-numerique.json')).body as { id: string }[];
    expect(records.map((r) => r.id)).not.toContain(`aptic-${place.id}`);
  });
});

describe('positions on the map', () => {
  it('has no tile server unless configured, and a place’s position is both coordinates or none', async () => {
    expect((await t.http.get('/api/public/map')).body).toEqual({ tilesUrl: null, attribution: '' });
    const admin = await t.token('ADMIN');
    const [place] = await everything('&departement=31');
    expect(typeof place.latitude).toBe('number');
    const put = (body: object) => t.http.put(`/api/locations/${place.id}`).set('Authorization', `Bearer ${admin}`).send(body);
    const half = await put({ latitude: null });
    expectErrorShape(half.body, 400);
    expect(half.body.details.fields).toEqual({ latitude: ['manque (la position se donne en entier)'] });
    for (const wrong of [{ latitude: 91 }, { longitude: -181 }, { latitude: 'nord' }]) expectErrorShape((await put(wrong)).body, 400);
    expect((await put({ latitude: 43.6, longitude: 1.44 })).status).toBe(200);
    expect((await t.http.get(`/api/public/places/${place.id}`)).body).toEqual(expect.objectContaining({ latitude: 43.6, longitude: 1.44 }));
    const records = (await t.http.get('/api/public/open-data/lieux-mediation-numerique.json')).body as { id: string; latitude?: number; longitude?: number }[];
    expect(records.find((r) => r.id === `aptic-${place.id}`)).toEqual(expect.objectContaining({ latitude: 43.6, longitude: 1.44 }));
    expect((await put({ latitude: null, longitude: null })).status).toBe(200);
    expect((await t.http.get(`/api/public/places/${place.id}`)).body).toEqual(expect.objectContaining({ latitude: null, longitude: null }));
  });
});
