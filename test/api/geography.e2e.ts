/**
 * Issue 16: French administrative geography from @etalab/decoupage-administratif. A postal code
 * that is not in the given département is refused on applications, sponsors, structures and
 * locations (400, naming the field, proposing the communes of that code), and nothing is written;
 * Corsican and overseas addresses go through.
 */
import { siretFor } from '../../server/src/rules/siret';
import { expectErrorShape, startTestApp, TestApp } from '../support/test-app';

let t: TestApp;
let admin: string;
let charterVersion: number;
let answers: Record<string, string>;
let siren = 41_000_000;
const as = (token: string) => ({ Authorization: `Bearer ${token}` });

const application = (address: Record<string, string>) => ({
  organisation: { name: 'Espace numérique de l’Île', siret: siretFor(String(++siren).padStart(9, '0')), legalForm: 'Association loi 1901', addressLine: '1 cours Napoléon', ...address },
  contact: { name: 'Anna Santoni', email: 'anna.santoni@ile.example.fr', phone: '04 95 00 00 00' },
  legalRepresentative: { name: 'Marc Santoni', role: 'Président' },
  bank: { holder: 'Espace numérique de l’Île', iban: 'FR76 3000 4000 0312 3456 7890 143', bic: 'bnpafrppxxx' },
  answers,
  charter: { version: charterVersion, accepted: true, signatoryName: 'Marc Santoni', signatoryRole: 'Président' },
});

beforeAll(async () => {
  t = await startTestApp({ env: { PUBLIC_SUBMISSIONS_PER_HOUR: '1000' } });
  admin = await t.token('ADMIN');
  charterVersion = (await t.http.get('/api/public/charter')).body.version;
  const questionnaire = (await t.http.get('/api/public/questionnaire')).body;
  answers = Object.fromEntries(questionnaire.questions.map((q: any) => [q.code, q.options[0].value]));
});
afterAll(() => t.close());

describe('applications', () => {
  it('accepts a Corsican (2A) and an overseas (972) address', async () => {
    expect((await t.http.post('/api/public/applications').send(application({ postalCode: '20000', city: 'Ajaccio', departement: '2A' }))).status).toBe(201);
    expect((await t.http.post('/api/public/applications').send(application({ postalCode: '97200', city: 'Fort-de-France', departement: '972' }))).status).toBe(201);
  });

  it('refuses a postal code of another département, proposing its communes, and records nothing', async () => {
    const prisma = t.started.deps.db.prisma;
    const before = await prisma.application.count();
    const res = await t.http.post('/api/public/applications').send(application({ postalCode: '20000', city: 'Ajaccio', departement: '2B' }));
    expectErrorShape(res.body, 400);
    expect(res.body.details.fields).toEqual({ 'organisation.postalCode': ['le code postal 20000 est celui de Ajaccio (2A), pas du département 2B — Haute-Corse'] });
    expect(res.body.details.communes).toEqual([{ codeInsee: '2A004', nom: 'Ajaccio', departement: '2A' }]);
    expect(await prisma.application.count()).toBe(before);
  });

  it('refuses a département that does not exist, "20" included', async () => {
    for (const departement of ['20', '96', '__proto__']) {
      const res = await t.http.post('/api/public/applications').send(application({ postalCode: '20000', city: 'Ajaccio', departement }));
      expectErrorShape(res.body, 400);
      expect(res.body.details.fields['organisation.departement']).toEqual(['code de département inconnu (par exemple 33, 2A, 974)']);
    }
  });
});

describe('sponsors, structures and locations', () => {
  const sponsor = { name: 'Collectivité de Corse', kind: 'REGION', siret: siretFor('200076958'), addressLine: '22 cours Grandval', postalCode: '20000', city: 'Ajaccio', departement: '2A', contactName: 'Jean Pieri', contactEmail: 'numerique@isula.example.corsica' };

  it('creates a sponsor whose postal code is in its département, refuses one whose is not, and an update that breaks it', async () => {
    const wrong = await t.http.post('/api/sponsors').set(as(admin)).send({ ...sponsor, departement: '33' });
    expectErrorShape(wrong.body, 400);
    expect(wrong.body.message).toBe('Adresse incohérente : le code postal 20000 est celui de Ajaccio (2A), pas du département 33 — Gironde.');
    expect(wrong.body.details.fields).toEqual({ postalCode: ['le code postal 20000 est celui de Ajaccio (2A), pas du département 33 — Gironde'] });
    const created = await t.http.post('/api/sponsors').set(as(admin)).send(sponsor);
    expect(created.status).toBe(201);
    // Changing only the postal code is checked against the département it keeps.
    const moved = await t.http.put(`/api/sponsors/${created.body.id}`).set(as(admin)).send({ postalCode: '75001' });
    expectErrorShape(moved.body, 400);
    expect(moved.body.details.communes).toEqual([{ codeInsee: '75056', nom: 'Paris', departement: '75' }]);
    expect((await t.http.get(`/api/sponsors/${created.body.id}`).set(as(admin))).body.postalCode).toBe('20000');
    expect((await t.http.put(`/api/sponsors/${created.body.id}`).set(as(admin)).send({ postalCode: '20090' })).status).toBe(200);
  });

  it('checks a structure’s and a location’s address the same way', async () => {
    const prisma = t.started.deps.db.prisma;
    const structure = await prisma.structure.findFirstOrThrow({ where: { status: 'ELIGIBLE', departement: '33' } });
    const wrong = await t.http.put(`/api/structures/${structure.id}`).set(as(admin)).send({ departement: '59' });
    expectErrorShape(wrong.body, 400);
    expect(wrong.body.details.fields.postalCode[0]).toMatch(/^le code postal \d{5} est celui de .+ \(33\), pas du département 59 — Nord$/);
    expect((await prisma.structure.findUniqueOrThrow({ where: { id: structure.id } })).departement).toBe('33');

    const place = { structureId: structure.id, name: 'Antenne de Saint-Denis', addressLine: '5 rue de Paris', postalCode: '97400', city: 'Saint-Denis', departement: '974' };
    const created = await t.http.post('/api/locations').set(as(admin)).send(place);
    expect(created.status).toBe(201);
    const refused = await t.http.post('/api/locations').set(as(admin)).send({ ...place, departement: '971' });
    expectErrorShape(refused.body, 400);
    expect(refused.body.details.fields.postalCode).toEqual(['le code postal 97400 est celui de Saint-Denis (974), pas du département 971 — Guadeloupe']);
    const moved = await t.http.put(`/api/locations/${created.body.id}`).set(as(admin)).send({ departement: '973' });
    expectErrorShape(moved.body, 400);
  });
});

describe('GET /api/public/communes', () => {
  it('lists the communes of a postal code, none for a CEDEX, and refuses what is no postal code', async () => {
    expect((await t.http.get('/api/public/communes?postalCode=33700')).body).toEqual([{ codeInsee: '33281', nom: 'Mérignac', departement: '33' }]);
    // 33220 serves communes of Gironde and two of Dordogne.
    expect([...new Set((await t.http.get('/api/public/communes?postalCode=33 220')).body.map((c: any) => c.departement))].sort()).toEqual(['24', '33']);
    expect((await t.http.get('/api/public/communes?postalCode=33076')).body).toEqual([]);
    for (const bad of ['', '3370', 'abcde', '337000']) expectErrorShape((await t.http.get(`/api/public/communes?postalCode=${bad}`)).body, 400);
    expectErrorShape((await t.http.get('/api/public/communes')).body, 400);
    expectErrorShape((await t.http.get('/api/public/communes?postalCode[]=33700')).body, 400);
  });
});
