import { siretFor } from '../../server/src/rules/siret';
import { collect, connect, connected, subscribe, waitFor } from '../support/sockets';
import { expectErrorShape, startTestApp, TestApp } from '../support/test-app';

let t: TestApp;
let reviewer: string;
let reviewer2: string;
let admin: string;
let charterVersion: number;
let answers: Record<string, string>;

const enc = encodeURIComponent;
let sirenCounter = 40_000_000;
/** A fresh valid SIRET for each application. */
const nextSiret = () => siretFor(String(++sirenCounter).padStart(9, '0'));

function application(overrides: Record<string, any> = {}) {
  const base = {
    organisation: { name: 'Espace numérique du Lac', siret: nextSiret(), legalForm: 'Association loi 1901', addressLine: '3 rue du Lac', postalCode: '33300', city: 'Bordeaux', departement: '33' },
    contact: { name: 'Louise Martin', email: 'louise.martin@lac.example.fr', phone: '05 56 00 00 00' },
    legalRepresentative: { name: 'Paul Martin', role: 'Président' },
    bank: { holder: 'Espace numérique du Lac', iban: 'FR76 3000 4000 0312 3456 7890 143', bic: 'bnpafrppxxx' },
    answers,
    charter: { version: charterVersion, accepted: true, signatoryName: 'Paul Martin', signatoryRole: 'Président' },
  };
  return { ...base, ...overrides };
}

async function submit(body: object) {
  return t.http.post('/api/public/applications').send(body);
}

async function submitted() {
  const res = await submit(application());
  expect(res.status).toBe(201);
  return res.body as { id: string; reference: string; replyToken: string };
}

const act = (token: string, id: string, action: string, body: object = {}) => t.http.post(`/api/applications/${id}/${action}`).set('Authorization', `Bearer ${token}`).send(body);
const get = (token: string, path: string) => t.http.get(path).set('Authorization', `Bearer ${token}`);

beforeAll(async () => {
  t = await startTestApp({ env: { PUBLIC_SUBMISSIONS_PER_HOUR: '1000' } });
  reviewer = await t.token('REVIEWER');
  admin = await t.token('ADMIN');
  const login = await t.http.post('/api/auth/login').send({ email: 'relecture2@aptic.fr', password: 'Relecture2-Aptic-2026!' });
  reviewer2 = login.body.accessToken;
  charterVersion = (await t.http.get('/api/public/charter')).body.version;
  const questionnaire = (await t.http.get('/api/public/questionnaire')).body;
  answers = Object.fromEntries(questionnaire.questions.map((q: any) => [q.code, q.options[0].value]));
});
afterAll(() => t.close());

describe('the public side', () => {
  it('serves the charter in force and the questionnaire without scores', async () => {
    const charter = await t.http.get('/api/public/charter');
    expect(charter.status).toBe(200);
    expect(charter.body).toEqual(expect.objectContaining({ version: 2, title: expect.any(String), body: expect.stringMatching(/APTICulteurs/) }));
    const questionnaire = await t.http.get('/api/public/questionnaire');
    expect(questionnaire.body.questions.length).toBeGreaterThan(2);
    expect(JSON.stringify(questionnaire.body)).not.toMatch(/score/);
  });

  it('accepts a complete application, scores it, and hands back a reply token once', async () => {
    const res = await submit(application());
    expect(res.status).toBe(201);
    expect(res.body).toEqual(expect.objectContaining({ reference: expect.stringMatching(/^DEM-\d{4}-[0-9A-Z]{6}$/), status: 'SUBMITTED', replyToken: expect.stringMatching(/^rpl_/) }));
    const stored = (await get(reviewer, `/api/applications/${res.body.id}`)).body;
    expect(stored).toEqual(expect.objectContaining({ iban: 'FR7630004000031234567890143', bic: 'BNPAFRPPXXX', score: 100, scoreThreshold: 60, status: 'SUBMITTED' }));
    expect(stored).not.toHaveProperty('replyTokenHash');
    const structure = (await get(reviewer, `/api/structures/${stored.structureId}`)).body;
    expect(structure.status).toBe('APPLICANT');
  });

  const refusals: [string, () => object, number, string][] = [
    ['a wrong SIRET', () => application({ organisation: { ...application().organisation, siret: '12345678901234' } }), 400, 'organisation.siret'],
    ['a bad IBAN', () => application({ bank: { holder: 'X', iban: 'FR7630004000031234567890144', bic: 'BNPAFRPP' } }), 400, 'bank.iban'],
    ['a bad BIC', () => application({ bank: { holder: 'X', iban: 'FR7630004000031234567890143', bic: 'BNP' } }), 400, 'bank.bic'],
    ['a missing answer', () => application({ answers: { ...answers, EQUIPMENT: undefined } }), 400, 'answers.EQUIPMENT'],
    ['an answer that is not an option', () => application({ answers: { ...answers, EQUIPMENT: 'MAYBE' } }), 400, 'answers.EQUIPMENT'],
    ['an unsigned charter', () => application({ charter: { version: 2, accepted: false, signatoryName: 'Paul Martin' } }), 400, 'charter.accepted'],
    ['no charter at all', () => application({ charter: undefined }), 400, 'charter'],
    ['an old charter version', () => application({ charter: { version: 1, accepted: true, signatoryName: 'Paul Martin' } }), 400, 'charter.version'],
    ['a missing bank holder', () => application({ bank: { iban: 'FR7630004000031234567890143', bic: 'BNPAFRPP' } }), 400, 'bank.holder'],
    ['an unknown département', () => application({ organisation: { ...application().organisation, departement: '00' } }), 400, 'organisation.departement'],
  ];

  it.each(refusals)('refuses %s with a precise 4xx naming the field', async (_name, body, status, field) => {
    const res = await submit(body());
    expect(res.status).toBe(status);
    expectErrorShape(res.body, status);
    expect(Object.keys(res.body.details.fields)).toContain(field);
  });

  it('refuses a SIRET already pending, and one already qualified', async () => {
    const first = application();
    expect((await submit(first)).status).toBe(201);
    const again = await submit({ ...application(), organisation: first.organisation });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/déjà en cours/);
    expect(Object.keys(again.body.details.fields)).toEqual(['organisation.siret']);

    const eligible = (await get(admin, `/api/structures?filter=${enc('{"status":"ELIGIBLE"}')}&range=[0,0]`)).body[0];
    const qualified = await submit({ ...application(), organisation: { ...application().organisation, siret: eligible.siret } });
    expect(qualified.status).toBe(409);
    expect(qualified.body.message).toMatch(/déjà APTICulteur/);
  });

  it('keeps a website only as a web address (https:// added when left out), never a script', async () => {
    const withSite = (website: unknown) => ({ ...application(), organisation: { ...application().organisation, website } });
    for (const website of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'https://exemple', 'http://a b.fr', 42]) {
      const res = await submit(withSite(website));
      expect([res.status, Object.keys(res.body.details?.fields ?? {})]).toEqual([400, ['organisation.website']]);
    }
    const ok = await submit(withSite(' www.espace-du-lac.fr '));
    expect(ok.status).toBe(201);
    const [stored] = (await get(admin, `/api/applications?filter=${enc(JSON.stringify({ q: ok.body.reference }))}`)).body;
    const structure = (await get(admin, `/api/structures/${stored.structureId}`)).body;
    expect(structure.website).toBe('https://www.espace-du-lac.fr');
    // Staff corrections are held to the same rule; an empty value clears it.
    const put = (website: string) => t.http.put(`/api/structures/${structure.id}`).set('Authorization', `Bearer ${admin}`).send({ website });
    expect((await put('javascript:alert(1)')).body.details.fields).toEqual({ website: [expect.stringMatching(/adresse web invalide/)] });
    expect((await put('')).status).toBe(200);
  });

  it('takes exactly one of two simultaneous applications for one SIRET', async () => {
    const body = application();
    const results = await Promise.all([submit(body), submit(body), submit(body)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const list = await get(admin, `/api/applications?filter=${enc(JSON.stringify({ siret: body.organisation.siret }))}`);
    expect(list.body).toHaveLength(1);
  });
});

describe('the review workflow', () => {
  it('goes claim → approve: the structure becomes ELIGIBLE, counts as an APTICulteur, and gets a partner key shown once', async () => {
    const before = (await get(admin, '/api/dashboard')).body.apticulteurs;
    const { id } = await submitted();
    const claimed = await act(reviewer, id, 'claim');
    expect(claimed.status).toBe(200);
    expect(claimed.body).toEqual(expect.objectContaining({ status: 'IN_REVIEW', assigneeId: expect.any(String) }));

    const approved = await act(reviewer, id, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('APPROVED');
    // The structure it qualified is its own: no "already qualified" warning afterwards.
    expect((await get(reviewer, `/api/applications/${id}/checks`)).body.warnings.join(' ')).not.toMatch(/déjà qualifié/);
    expect(approved.body.partnerApiKey.key).toMatch(/^apk_[0-9a-f]{10}_/);

    const structure = (await get(reviewer, `/api/structures/${approved.body.structureId}`)).body;
    expect(structure).toEqual(expect.objectContaining({ status: 'ELIGIBLE', signedCharterVersion: 2, charterResignatureNeeded: false }));
    expect((await get(admin, '/api/dashboard')).body.apticulteurs).toBe(before + 1);

    const partner = await t.http.get('/api/partner/me').set('Authorization', `Bearer ${approved.body.partnerApiKey.key}`);
    expect(partner.status).toBe(200);
    expect(partner.body).toEqual(expect.objectContaining({ id: structure.id, status: 'ELIGIBLE' }));
    const keys = (await get(admin, `/api/structures/${structure.id}/api-keys`)).body;
    expect(keys).toEqual([expect.objectContaining({ prefix: approved.body.partnerApiKey.prefix, revokedAt: null })]);
    expect(JSON.stringify(keys)).not.toContain(approved.body.partnerApiKey.key);
    // The key is never shown again, and is not in the audit log.
    const again = await get(reviewer, `/api/applications/${id}`);
    expect(again.body).not.toHaveProperty('partnerApiKey');
    const audit = await get(admin, `/api/audit-events?filter=${enc(JSON.stringify({ resource: 'structures', recordId: structure.id }))}&range=[0,99]`);
    expect(JSON.stringify(audit.body)).not.toContain(approved.body.partnerApiKey.key);

    // Its first place is its address (audited), so the public directory lists it as soon as it
    // has an approved service.
    const places = (await get(admin, `/api/locations?filter=${enc(JSON.stringify({ structureId: structure.id }))}`)).body;
    expect(places).toEqual([
      expect.objectContaining({ name: 'Espace numérique du Lac', addressLine: '3 rue du Lac', postalCode: '33300', city: 'Bordeaux', departement: '33', active: true }),
    ]);
    const created = (await get(admin, `/api/audit-events?filter=${enc(JSON.stringify({ resource: 'locations', recordId: places[0].id }))}`)).body;
    expect(created).toEqual([expect.objectContaining({ action: 'create', actorId: expect.any(String) })]);
    const listed = async () => (await t.http.get('/api/public/places?postalCode=33300&perPage=50')).body.items.map((p: { id: string }) => p.id);
    expect(await listed()).not.toContain(places[0].id);
    const [service] = (await t.http.get('/api/public/referential')).body[0].services;
    const partnerKey = `Bearer ${approved.body.partnerApiKey.key}`;
    const offer = await t.http.post('/api/partner/offers').set('Authorization', partnerKey).send({ serviceId: service.id, title: 'Atelier découverte', priceCents: 1000, durationMinutes: 60 });
    expect(offer.status).toBe(201);
    if (offer.body.status !== 'APPROVED') expect((await t.http.post(`/api/offers/${offer.body.id}/approve`).set('Authorization', `Bearer ${reviewer}`).send({})).status).toBe(200);
    // Without its kit it could not take a pass: listed once it has ordered it.
    expect(await listed()).not.toContain(places[0].id);
    expect((await t.http.post('/api/partner/subscription').set('Authorization', partnerKey).send({ plan: 'MONTHLY' })).status).toBe(201);
    expect(await listed()).toContain(places[0].id);
  });

  it('lets exactly one of two reviewers claim an application at once', async () => {
    const { id } = await submitted();
    const [a, b] = await Promise.all([act(reviewer, id, 'claim'), act(reviewer2, id, 'claim')]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.message).toMatch(/déjà prise en charge par (Julien Moreau|Sophie Laurent)/);
  });

  it('lets only the assignee (or an ADMIN) decide', async () => {
    const { id } = await submitted();
    await act(reviewer, id, 'claim');
    const other = await act(reviewer2, id, 'approve');
    expect(other.status).toBe(409);
    expect(other.body.message).toMatch(/autre relecteur/);
    expect((await act(admin, id, 'hold', { comment: 'Merci de joindre les statuts.' })).status).toBe(200);
  });

  it('reassigns a claimed application (to oneself or a colleague who reviews), audited, and refuses a bad assignee or an unclaimed one', async () => {
    const users = (await get(admin, `/api/staff?range=[0,99]`)).body as { id: string; fullName: string; role: string }[];
    const idOf = (name: string) => users.find((u) => u.fullName === name)!.id;
    const { id } = await submitted();
    // Not claimed yet: nothing to reassign.
    const unclaimed = await act(reviewer2, id, 'reassign', { assigneeId: idOf('Sophie Laurent') });
    expect(unclaimed.status).toBe(409);
    expect(unclaimed.body.message).toMatch(/prise en charge/);
    await act(reviewer, id, 'claim');
    // Bad assignees: unknown, wrong role, missing.
    for (const [body, pattern] of [
      [{ assigneeId: 'inconnu' }, /inconnu/],
      [{ assigneeId: idOf('Claire Dubois') }, /relecteur ou un administrateur/],
      [{}, /assigneeId/],
      [{ assigneeId: 42 }, /assigneeId/],
    ] as const) {
      const res = await act(reviewer2, id, 'reassign', body);
      expect(res.status).toBe(400);
      expectErrorShape(res.body, 400);
      expect(JSON.stringify(res.body)).toMatch(pattern);
    }
    // Sophie takes it over from Julien, then decides it.
    const taken = await act(reviewer2, id, 'reassign', { assigneeId: idOf('Sophie Laurent') });
    expect(taken.status).toBe(200);
    expect(taken.body).toEqual(expect.objectContaining({ status: 'IN_REVIEW', assigneeId: idOf('Sophie Laurent') }));
    expect((await act(reviewer, id, 'hold', { comment: 'Merci de joindre les statuts.' })).status).toBe(409);
    expect((await act(reviewer2, id, 'hold', { comment: 'Merci de joindre les statuts.' })).status).toBe(200);
    // On hold, still claimed: it goes back to Julien; twice to the same holder is refused.
    expect((await act(reviewer2, id, 'reassign', { assigneeId: idOf('Julien Moreau') })).body).toEqual(expect.objectContaining({ status: 'ON_HOLD', assigneeId: idOf('Julien Moreau') }));
    expect((await act(reviewer2, id, 'reassign', { assigneeId: idOf('Julien Moreau') })).status).toBe(409);
    const audit = await get(admin, `/api/audit-events?filter=${enc(JSON.stringify({ resource: 'applications', recordId: id, action: 'reassign' }))}&sort=${enc('["createdAt","ASC"]')}`);
    expect(audit.body).toHaveLength(2);
    expect(audit.body[0].before).toEqual(expect.objectContaining({ assigneeId: idOf('Julien Moreau') }));
    expect(audit.body[0].after).toEqual(expect.objectContaining({ assigneeId: idOf('Sophie Laurent') }));
    // An inactive colleague is refused.
    const prisma = t.started.deps.db.prisma;
    await prisma.user.update({ where: { id: idOf('Sophie Laurent') }, data: { active: false } });
    try {
      const inactive = await act(admin, id, 'reassign', { assigneeId: idOf('Sophie Laurent') });
      expect(inactive.status).toBe(400);
      expect(inactive.body.message).toMatch(/n’est plus actif/);
    } finally {
      await prisma.user.update({ where: { id: idOf('Sophie Laurent') }, data: { active: true } });
    }
  });

  it('refuses an approval of a SIRET that another application got approved a moment earlier', async () => {
    // The partial unique index keeps a SIRET to one pending application, so two can only coexist
    // in data from before that rule (imported): drop the index to build that case, then restore it.
    const db = t.started.deps.db;
    await db.exec('DROP INDEX "Application_siret_pending_key"');
    const first = await submitted();
    const app1 = (await get(admin, `/api/applications/${first.id}`)).body;
    const prisma = db.prisma;
    const copy = await prisma.application.create({
      data: { ...(await prisma.application.findUniqueOrThrow({ where: { id: first.id } })), id: undefined, reference: 'DEM-2026-LEGACY', status: 'IN_REVIEW', replyTokenHash: null } as any,
    });
    await act(reviewer, first.id, 'claim');
    await prisma.application.update({ where: { id: copy.id }, data: { assigneeId: app1.assigneeId ?? (await prisma.user.findUniqueOrThrow({ where: { email: 'relecture2@aptic.fr' } })).id } });
    const [a, b] = await Promise.all([act(reviewer, first.id, 'approve'), act(reviewer2, copy.id, 'approve')]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const refused = a.status === 409 ? a : b;
    expect(refused.body.message).toMatch(/déjà qualifié/);
    const structures = await prisma.structure.findMany({ where: { siret: app1.siret } });
    expect(structures).toHaveLength(1);
    expect(structures[0].status).toBe('ELIGIBLE');
    expect(await prisma.partnerApiKey.count({ where: { structureId: structures[0].id } })).toBe(1);
    await db.exec(`CREATE UNIQUE INDEX "Application_siret_pending_key" ON "Application"("siret") WHERE "status" IN ('SUBMITTED', 'IN_REVIEW', 'ON_HOLD')`);
  });

  it('rejects with a reason code and a comment, and the structure is REJECTED', async () => {
    const { id } = await submitted();
    await act(reviewer, id, 'claim');
    expect((await act(reviewer, id, 'reject', { reason: 'LAZINESS', comment: 'x' })).status).toBe(400);
    expect((await act(reviewer, id, 'reject', { reason: 'OUT_OF_SCOPE' })).status).toBe(400);
    const rejected = await act(reviewer, id, 'reject', { reason: 'OUT_OF_SCOPE', comment: 'Activité de dépannage commercial.' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toEqual(expect.objectContaining({ status: 'REJECTED', rejectionReason: 'OUT_OF_SCOPE', decisionComment: 'Activité de dépannage commercial.' }));
    expect((await get(reviewer, `/api/structures/${rejected.body.structureId}`)).body.status).toBe('REJECTED');
    expect((await act(reviewer, id, 'approve')).status).toBe(409);
  });

  it('puts on hold, and returns to review when the structure answers with its token', async () => {
    const { id, replyToken } = await submitted();
    await act(reviewer, id, 'claim');
    const held = await act(reviewer, id, 'hold', { comment: 'Merci d’envoyer un RIB au nom de l’association.' });
    expect(held.body).toEqual(expect.objectContaining({ status: 'ON_HOLD', holdComment: expect.stringMatching(/RIB/) }));

    const wrong = await t.http.post(`/api/public/applications/${id}/reply`).send({ token: 'rpl_wrong', message: 'Voici' });
    expect(wrong.status).toBe(403);
    const reply = await t.http
      .post(`/api/public/applications/${id}/reply`)
      .send({ token: replyToken, message: 'Voici le RIB de l’association.', bank: { holder: 'Association du Lac', iban: 'FR7612548029981234567890161', bic: 'AXABFRPP' } });
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe('IN_REVIEW');
    const after = (await get(reviewer, `/api/applications/${id}`)).body;
    expect(after).toEqual(expect.objectContaining({ status: 'IN_REVIEW', replyMessage: 'Voici le RIB de l’association.', bankHolder: 'Association du Lac', iban: 'FR7612548029981234567890161' }));
    const twice = await t.http.post(`/api/public/applications/${id}/reply`).send({ token: replyToken, message: 'Encore' });
    expect(twice.status).toBe(409);
    expect((await act(reviewer, id, 'approve')).status).toBe(200);
  });

  it('a corrected RIB in a hold reply waits for a second person (ADMIN or FINANCE), even after approval', async () => {
    const { id, replyToken } = await submitted();
    const structureId = (await get(reviewer, `/api/applications/${id}`)).body.structureId;
    const submittedIban = (await get(admin, `/api/structures/${structureId}`)).body.iban;
    await act(reviewer, id, 'claim');
    await act(reviewer, id, 'hold', { comment: 'Le RIB doit être au nom de l’association.' });
    const corrected = { holder: 'Association du Lac', iban: 'FR7612548029981234567890161', bic: 'AXABFRPP' };
    expect((await t.http.post(`/api/public/applications/${id}/reply`).send({ token: replyToken, message: 'Nouveau RIB', bank: corrected })).status).toBe(200);
    const pending = (await get(admin, `/api/structures/${structureId}/bank-change`)).body.pending;
    expect(pending).toEqual(expect.objectContaining({ iban: corrected.iban, requestedByName: expect.stringMatching(/^La structure/), mayDecide: true }));

    expect((await act(reviewer, id, 'approve')).status).toBe(200);
    // Approved with the submitted details: the correction is still pending, not copied.
    expect((await get(admin, `/api/structures/${structureId}`)).body).toEqual(expect.objectContaining({ status: 'ELIGIBLE', iban: submittedIban }));
    const confirmed = await t.http.post(`/api/structures/${structureId}/confirm-bank-change`).set({ Authorization: `Bearer ${admin}` }).send({});
    expect(confirmed.status).toBe(200);
    expect((await get(admin, `/api/structures/${structureId}`)).body.iban).toBe(corrected.iban);
    const actions = (await get(admin, `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ resource: 'structures', recordId: structureId }))}&range=[0,99]`)).body.map((e: any) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['request-bank-change', 'approve', 'confirm-bank-change']));
  });

  it('requires a comment to approve below the threshold', async () => {
    const low = Object.fromEntries(Object.keys(answers).map((k) => [k, 'NO']));
    const questionnaire = (await t.http.get('/api/public/questionnaire')).body;
    const lowest = Object.fromEntries(questionnaire.questions.map((q: any) => [q.code, q.options[q.options.length - 1].value]));
    const res = await submit(application({ answers: { ...low, ...lowest } }));
    await act(reviewer, res.body.id, 'claim');
    const refused = await act(reviewer, res.body.id, 'approve');
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/sous le seuil/);
    expect((await act(reviewer, res.body.id, 'approve', { comment: 'Structure pilote, accompagnée par le Département.' })).status).toBe(200);
  });

  it('shows the reviewer each answer’s score, the charter, the bank check and duplicate warnings', async () => {
    const first = await submitted();
    const checks = (await get(reviewer, `/api/applications/${first.id}/checks`)).body;
    expect(checks.score).toEqual(expect.objectContaining({ score: 100, threshold: 60, passes: true }));
    expect(checks.score.answers[0]).toEqual(expect.objectContaining({ code: expect.any(String), question: expect.any(String), answer: expect.any(String), score: expect.any(Number) }));
    expect(checks.charter).toEqual({ signedVersion: 2, currentVersion: 2, upToDate: true });
    expect(checks.bank).toEqual(expect.objectContaining({ ibanValid: true, bicValid: true }));
    // An application whose IBAN is already a structure's: the reviewer is warned.
    const eligible = (await get(admin, `/api/structures?filter=${enc('{"status":"ELIGIBLE"}')}&range=[0,0]`)).body[0];
    const same = await submit(application({ bank: { holder: 'Autre association', iban: eligible.iban, bic: eligible.bic } }));
    const warned = (await get(reviewer, `/api/applications/${same.body.id}/checks`)).body;
    expect(warned.warnings.join(' ')).toMatch(new RegExp(`Même IBAN que ${eligible.name.replace(/[()]/g, '.')}`));
  });

  it('records every transition in the audit log, so the application’s timeline tells the whole story', async () => {
    const { id, replyToken } = await submitted();
    await act(reviewer, id, 'claim');
    await act(reviewer, id, 'hold', { comment: 'Statuts manquants.' });
    await t.http.post(`/api/public/applications/${id}/reply`).send({ token: replyToken, message: 'Statuts joints.' });
    await act(reviewer, id, 'approve');
    const timeline = await get(reviewer, `/api/audit-events?filter=${enc(JSON.stringify({ resource: 'applications', recordId: id }))}&sort=${enc('["createdAt","ASC"]')}`);
    expect(timeline.body.map((e: any) => e.action)).toEqual(['submit', 'claim', 'hold', 'reply', 'approve']);
    expect(timeline.body.map((e: any) => e.actorType)).toEqual(['PUBLIC', 'STAFF', 'STAFF', 'PUBLIC', 'STAFF']);
    expect(timeline.body[2].after).toEqual({ status: 'ON_HOLD', holdComment: 'Statuts manquants.' });
  });

  it('publishes each transition live to the review queue and the application page', async () => {
    const socket = connect(t.baseUrl, reviewer2);
    await connected(socket);
    const events = collect(socket);
    await subscribe(socket, 'resource/applications');
    const { id } = await submitted();
    await waitFor(events, (e) => e.topic === 'resource/applications' && e.type === 'created' && e.payload.ids.includes(id));
    await subscribe(socket, `resource/applications/${id}`);
    await act(reviewer, id, 'claim');
    await waitFor(events, (e) => e.topic === `resource/applications/${id}` && e.type === 'updated');
    socket.disconnect();
  });

  it('refuses a transition on an application someone else is editing', async () => {
    const { id } = await submitted();
    const holder = connect(t.baseUrl, admin);
    await connected(holder);
    expect((await holder.timeout(5000).emitWithAck('lock', { resource: 'applications', id })).ok).toBe(true);
    const refused = await act(reviewer, id, 'claim');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/en cours de modification par Nadia Benali/);
    holder.disconnect();
  });

  it('forbids the workflow to roles without write access on applications', async () => {
    const { id } = await submitted();
    for (const role of ['FINANCE', 'SUPPORT'] as const) {
      const res = await act(await t.token(role), id, 'claim');
      expect(res.status).toBe(403);
    }
  });
});

describe('structures after approval', () => {
  async function approvedStructure() {
    const { id } = await submitted();
    await act(reviewer, id, 'claim');
    const approved = await act(reviewer, id, 'approve');
    return { structureId: approved.body.structureId as string, key: approved.body.partnerApiKey.key as string };
  }

  it('suspends (partner calls refused) and reinstates with a reason', async () => {
    const { structureId, key } = await approvedStructure();
    expect((await t.http.post(`/api/structures/${structureId}/suspend`).set('Authorization', `Bearer ${reviewer}`).send({})).status).toBe(400);
    const suspended = await t.http.post(`/api/structures/${structureId}/suspend`).set('Authorization', `Bearer ${reviewer}`).send({ reason: 'Scans groupés signalés.' });
    expect(suspended.body).toEqual(expect.objectContaining({ status: 'SUSPENDED', suspensionReason: 'Scans groupés signalés.' }));
    const refused = await t.http.get('/api/partner/me').set('Authorization', `Bearer ${key}`);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/suspendue/);
    expect((await t.http.post(`/api/structures/${structureId}/suspend`).set('Authorization', `Bearer ${reviewer}`).send({ reason: 'encore' })).status).toBe(409);
    const back = await t.http.post(`/api/structures/${structureId}/reinstate`).set('Authorization', `Bearer ${reviewer}`).send({ reason: 'Contrôle levé.' });
    expect(back.body.status).toBe('ELIGIBLE');
    expect((await t.http.get('/api/partner/me').set('Authorization', `Bearer ${key}`)).status).toBe(200);
    expect((await t.http.post(`/api/structures/${structureId}/suspend`).set('Authorization', `Bearer ${await t.token('FINANCE')}`).send({ reason: 'x y z' })).status).toBe(403);
  });

  it('lets ADMIN revoke and reissue the partner key; the old one stops working', async () => {
    const { structureId, key } = await approvedStructure();
    expect((await t.http.post(`/api/structures/${structureId}/reissue-api-key`).set('Authorization', `Bearer ${reviewer}`)).status).toBe(403);
    const reissued = await t.http.post(`/api/structures/${structureId}/reissue-api-key`).set('Authorization', `Bearer ${admin}`);
    expect(reissued.status).toBe(200);
    const newKey = reissued.body.partnerApiKey.key;
    expect((await t.http.get('/api/partner/me').set('Authorization', `Bearer ${key}`)).status).toBe(401);
    expect((await t.http.get('/api/partner/me').set('Authorization', `Bearer ${newKey}`)).status).toBe(200);
    await t.http.post(`/api/structures/${structureId}/revoke-api-keys`).set('Authorization', `Bearer ${admin}`);
    expect((await t.http.get('/api/partner/me').set('Authorization', `Bearer ${newKey}`)).status).toBe(401);
    expect((await t.http.get('/api/partner/me').set('Authorization', 'Bearer nope')).status).toBe(401);
  });
});

describe('charter versions', () => {
  it('flags structures that signed an older charter when ADMIN publishes a new one, until they re-sign', async () => {
    const key = (await (async () => {
      const { id } = await submitted();
      await act(reviewer, id, 'claim');
      return (await act(reviewer, id, 'approve')).body.partnerApiKey.key as string;
    })()) as string;
    expect((await t.http.post('/api/charters').set('Authorization', `Bearer ${reviewer}`).send({ title: 'x', body: 'y'.repeat(30) })).status).toBe(403);
    const draft = await t.http.post('/api/charters').set('Authorization', `Bearer ${admin}`).send({ title: 'Charte des APTICulteurs — version 3', body: 'Nouvelle version de la charte : engagements renforcés sur la traçabilité.' });
    expect(draft.status).toBe(201);
    expect(draft.body.version).toBe(3);
    expect((await t.http.get('/api/public/charter')).body.version).toBe(2); // a draft is not in force
    const published = await t.http.post(`/api/charters/${draft.body.id}/publish`).set('Authorization', `Bearer ${admin}`);
    expect(published.status).toBe(200);
    expect((await t.http.get('/api/public/charter')).body.version).toBe(3);
    charterVersion = 3;
    expect((await t.http.put(`/api/charters/${draft.body.id}`).set('Authorization', `Bearer ${admin}`).send({ title: 'Changée' })).status).toBe(409);

    const flagged = await get(reviewer, `/api/structures?filter=${enc('{"charterResignatureNeeded":true}')}&range=[0,999]`);
    const eligible = await get(reviewer, `/api/structures?filter=${enc('{"status":["ELIGIBLE","SUSPENDED"]}')}&range=[0,999]`);
    expect(flagged.body.length).toBeGreaterThanOrEqual(eligible.body.length);

    const me = (await t.http.get('/api/partner/me').set('Authorization', `Bearer ${key}`)).body;
    expect(me).toEqual(expect.objectContaining({ charterResignatureNeeded: true, signedCharterVersion: 2, charterInForce: 3 }));
    const old = await t.http.post('/api/partner/charter-signature').set('Authorization', `Bearer ${key}`).send({ charter: { version: 2, accepted: true, signatoryName: 'Paul Martin' } });
    expect(old.status).toBe(409);
    const signed = await t.http.post('/api/partner/charter-signature').set('Authorization', `Bearer ${key}`).send({ charter: { version: 3, accepted: true, signatoryName: 'Paul Martin' } });
    expect(signed.status).toBe(201);
    expect((await t.http.get('/api/partner/me').set('Authorization', `Bearer ${key}`)).body.charterResignatureNeeded).toBe(false);

    // New applications sign version 3.
    const pending = await submit(application({ charter: { version: 3, accepted: true, signatoryName: 'Paul Martin' } }));
    expect(pending.status).toBe(201);
  });

  it('lets an application under way re-sign the new version through its reply, then be approved', async () => {
    const { id, replyToken } = await submitted(); // signs the version in force
    await act(reviewer, id, 'claim');
    const draft = await t.http.post('/api/charters').set('Authorization', `Bearer ${admin}`).send({ title: 'Charte — version suivante', body: 'Encore une version de la charte, pour ce test de re-signature.' });
    await t.http.post(`/api/charters/${draft.body.id}/publish`).set('Authorization', `Bearer ${admin}`);
    charterVersion = draft.body.version;
    const refused = await act(reviewer, id, 'approve');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/en vigueur/);
    await act(reviewer, id, 'hold', { comment: 'Merci de signer la nouvelle version de la charte.' });
    const old = await t.http.post(`/api/public/applications/${id}/reply`).send({ token: replyToken, message: 'Signée.', charter: { version: charterVersion - 1, accepted: true, signatoryName: 'Paul Martin' } });
    expect(old.status).toBe(400);
    const reply = await t.http.post(`/api/public/applications/${id}/reply`).send({ token: replyToken, message: 'Signée.', charter: { version: charterVersion, accepted: true, signatoryName: 'Paul Martin' } });
    expect(reply.status).toBe(200);
    expect((await get(reviewer, `/api/applications/${id}/checks`)).body.charter).toEqual({ signedVersion: charterVersion, currentVersion: charterVersion, upToDate: true });
    expect((await act(reviewer, id, 'approve')).status).toBe(200);
  });
});

describe('the questionnaire as configuration', () => {
  it('is versioned: ADMIN drafts, edits and publishes a version; applications keep the one they used', async () => {
    const old = await submitted();
    const draft = await t.http
      .post('/api/questionnaires')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        title: 'Questionnaire 2027',
        threshold: 10,
        questions: [{ code: 'MEDIATION', label: 'Faites-vous de la médiation numérique ?', options: [{ value: 'YES', label: 'Oui', score: 10 }, { value: 'NO', label: 'Non', score: 0 }] }],
      });
    expect(draft.status).toBe(201);
    const dup = await t.http
      .post('/api/questionnaires')
      .set('Authorization', `Bearer ${admin}`)
      .send({ title: 'Bad', threshold: 1, questions: [{ code: 'A1', label: 'Question ?', options: [{ value: 'X', label: 'x', score: 1 }, { value: 'X', label: 'y', score: 2 }] }] });
    expect(dup.status).toBe(400);
    expect(dup.body.message).toMatch(/en double/);
    const edited = await t.http.put(`/api/questionnaires/${draft.body.id}`).set('Authorization', `Bearer ${admin}`).send({ ...draft.body, threshold: 5 });
    expect(edited.body.threshold).toBe(5);
    await t.http.post(`/api/questionnaires/${draft.body.id}/publish`).set('Authorization', `Bearer ${admin}`);
    expect((await t.http.get('/api/public/questionnaire')).body.questions.map((q: any) => q.code)).toEqual(['MEDIATION']);
    const charter = (await t.http.get('/api/public/charter')).body.version;
    const fresh = await submit(application({ answers: { MEDIATION: 'YES' }, charter: { version: charter, accepted: true, signatoryName: 'Paul Martin' } }));
    expect(fresh.status).toBe(201);
    const newer = (await get(reviewer, `/api/applications/${fresh.body.id}`)).body;
    const older = (await get(reviewer, `/api/applications/${old.id}`)).body;
    expect(newer).toEqual(expect.objectContaining({ questionnaireId: draft.body.id, score: 10, scoreThreshold: 5 }));
    expect(older.questionnaireId).not.toBe(draft.body.id);
    expect((await t.http.put(`/api/questionnaires/${draft.body.id}`).set('Authorization', `Bearer ${admin}`).send({ threshold: 1 })).status).toBe(409);
  });
});
