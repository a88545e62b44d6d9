import { expectErrorShape, startTestApp, TestApp } from '../support/test-app';

// Issue 10 item 1: staff correct structures and locations; bank details change under four eyes.
let t: TestApp;
let admin: string;
let reviewer: string;
let finance: string;
let support: string;

// Not an IBAN of the demo data (whose structures would then already have it).
const NEW_IBAN = 'DE89370400440532013000';
const NEW_BIC = 'COBADEFFXXX';
const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const put = (token: string, path: string, body: object) => t.http.put(path).set(as(token)).send(body);
const post = (token: string, path: string, body: object = {}) => t.http.post(path).set(as(token)).send(body);
const get = (token: string, path: string) => t.http.get(path).set(as(token));

/** A fresh structure of the demo data for each test (no pending change or edit left by another). */
let next = 0;
async function eligibleStructure() {
  const list = await get(admin, `/api/structures?range=[0,99]&sort=["id","ASC"]`);
  const s = list.body[next++];
  expect(s).toBeDefined();
  return s as { id: string; iban: string; bic: string; bankHolder: string; name: string; status: string };
}
const timeline = async (id: string) =>
  (await get(admin, `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ resource: 'structures', recordId: id }))}&range=[0,99]&sort=["createdAt","ASC"]`)).body.map((e: any) => e.action);

beforeAll(async () => {
  t = await startTestApp();
  [admin, reviewer, finance, support] = await Promise.all([t.token('ADMIN'), t.token('REVIEWER'), t.token('FINANCE'), t.token('SUPPORT')]);
});
afterAll(() => t.close());

describe('a reviewer corrects a structure', () => {
  it('changes contact, address and phone, audited', async () => {
    const s = await eligibleStructure();
    const res = await put(reviewer, `/api/structures/${s.id}`, { ...s, email: 'contact@corrige.example.fr', addressLine: '12 rue Neuve', postalCode: '33 000', city: 'Bordeaux', departement: '33', phone: '05.56.11.22.33' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ email: 'contact@corrige.example.fr', addressLine: '12 rue Neuve', postalCode: '33000', phone: '0556112233' }));
    expect(await timeline(s.id)).toContain('update');
  });

  it('refuses a bad postal code, phone or e-mail on its field, changing nothing', async () => {
    const s = await eligibleStructure();
    const res = await put(reviewer, `/api/structures/${s.id}`, { postalCode: '3300', phone: '12', email: 'pas-un-mail', name: null, iban: null });
    expectErrorShape(res.body, 400);
    expect(Object.keys(res.body.details.fields).sort()).toEqual(['email', 'iban', 'name', 'phone', 'postalCode']);
    expect((await get(admin, `/api/structures/${s.id}`)).body.postalCode).not.toBe('3300');
  });

  it('refuses SIRET and status changes (workflow fields), and FINANCE or SUPPORT edits', async () => {
    const s = await eligibleStructure();
    const siret = await put(admin, `/api/structures/${s.id}`, { siret: '12345678901234', status: s.status === 'SUSPENDED' ? 'ELIGIBLE' : 'SUSPENDED', name: 'Nouveau nom' });
    expect(siret.status).toBe(200);
    expect(siret.body).toEqual(expect.objectContaining({ name: 'Nouveau nom', status: s.status }));
    expect(siret.body.siret).not.toBe('12345678901234');
    expect((await put(finance, `/api/structures/${s.id}`, { name: 'x' })).status).toBe(403);
    const bySupport = await put(support, `/api/structures/${s.id}`, { name: 'x' });
    expect(bySupport.status).toBe(403);
    // The role as people call it, not its code.
    expect(bySupport.body.message).toBe('Votre rôle (Support) ne permet pas de modifier « structures ».');
  });
});

describe('bank details under four eyes', () => {
  it('keeps the old IBAN until a FINANCE officer confirms, both steps in the timeline', async () => {
    const s = await eligibleStructure();
    const before = (await get(admin, `/api/structures/${s.id}`)).body;
    const asked = await put(reviewer, `/api/structures/${s.id}`, { ...s, iban: 'de89 3704 0044 0532 0130 00', bic: NEW_BIC });
    expect(asked.status).toBe(200);
    expect((await get(admin, `/api/structures/${s.id}`)).body.iban).toBe(before.iban);
    const pending = (await get(finance, `/api/structures/${s.id}/bank-change`)).body.pending;
    expect(pending).toEqual(expect.objectContaining({ iban: NEW_IBAN, bic: NEW_BIC, requestedByName: 'Julien Moreau', mayDecide: true }));
    // The reviewer sees it masked, and may not decide.
    const seenByReviewer = (await get(reviewer, `/api/structures/${s.id}/bank-change`)).body.pending;
    expect(seenByReviewer.iban).toMatch(/•/);
    expect(seenByReviewer.mayDecide).toBe(false);

    const confirmed = await post(finance, `/api/structures/${s.id}/confirm-bank-change`);
    expect(confirmed.status).toBe(200);
    expect((await get(admin, `/api/structures/${s.id}`)).body).toEqual(expect.objectContaining({ iban: NEW_IBAN, bic: NEW_BIC }));
    expect((await get(finance, `/api/structures/${s.id}/bank-change`)).body.pending).toBeNull();
    expect(await timeline(s.id)).toEqual(expect.arrayContaining(['request-bank-change', 'confirm-bank-change']));
  });

  it('refuses the requester confirming their own change (409), and a reviewer (403), changing nothing', async () => {
    const s = await eligibleStructure();
    const before = (await get(admin, `/api/structures/${s.id}`)).body;
    expect((await put(admin, `/api/structures/${s.id}`, { iban: NEW_IBAN })).status).toBe(200);
    const self = await post(admin, `/api/structures/${s.id}/confirm-bank-change`);
    expectErrorShape(self.body, 409);
    expect(self.body.message).toMatch(/autre personne/);
    const byReviewer = await post(reviewer, `/api/structures/${s.id}/confirm-bank-change`);
    expectErrorShape(byReviewer.body, 403);
    expect((await get(admin, `/api/structures/${s.id}`)).body.iban).toBe(before.iban);
    expect((await get(admin, `/api/structures/${s.id}/bank-change`)).body.pending).not.toBeNull();
  });

  it('one pending change at a time; a refusal keeps the old details and is in the timeline', async () => {
    const s = await eligibleStructure();
    const before = (await get(admin, `/api/structures/${s.id}`)).body;
    expect((await put(reviewer, `/api/structures/${s.id}`, { bic: NEW_BIC })).status).toBe(200);
    const second = await put(admin, `/api/structures/${s.id}`, { iban: NEW_IBAN });
    expectErrorShape(second.body, 409);
    expect(second.body.message).toMatch(/attend déjà/);
    const rejected = await post(admin, `/api/structures/${s.id}/reject-bank-change`, { comment: 'RIB non fourni' });
    expect(rejected.status).toBe(200);
    expect((await get(admin, `/api/structures/${s.id}`)).body).toEqual(expect.objectContaining({ iban: before.iban, bic: before.bic }));
    expect(await timeline(s.id)).toEqual(expect.arrayContaining(['request-bank-change', 'reject-bank-change']));
    expectErrorShape((await post(finance, `/api/structures/${s.id}/confirm-bank-change`)).body, 409);
  });

  it('sending the same (or masked) details back opens no change', async () => {
    const s = await eligibleStructure();
    const seen = (await get(reviewer, `/api/structures/${s.id}`)).body;
    expect(seen.iban).toMatch(/•/);
    expect((await put(reviewer, `/api/structures/${s.id}`, { ...seen, city: 'Talence' })).status).toBe(200);
    expect((await get(admin, `/api/structures/${s.id}/bank-change`)).body.pending).toBeNull();
  });

  it('refuses an invalid IBAN on its field', async () => {
    const s = await eligibleStructure();
    const res = await put(reviewer, `/api/structures/${s.id}`, { iban: 'FR7630004000031234567890144' });
    expectErrorShape(res.body, 400);
    expect(Object.keys(res.body.details.fields)).toEqual(['iban']);
  });
});

describe('locations', () => {
  it('a reviewer creates, corrects and deletes a place; bad input is a 400 on its field', async () => {
    const s = await eligibleStructure();
    const created = await post(reviewer, '/api/locations', { structureId: s.id, name: 'Annexe', addressLine: '1 place du Marché', postalCode: '33400', city: 'Talence', departement: '33' });
    expect(created.status).toBe(201);
    const bad = await put(reviewer, `/api/locations/${created.body.id}`, { postalCode: 'ABCDE', departement: '99' });
    expectErrorShape(bad.body, 400);
    expect(Object.keys(bad.body.details.fields).sort()).toEqual(['departement', 'postalCode']);
    const moved = await put(reviewer, `/api/locations/${created.body.id}`, { ...created.body, structureId: (await eligibleStructure()).id });
    expectErrorShape(moved.body, 400);
    const fixed = await put(reviewer, `/api/locations/${created.body.id}`, { ...created.body, name: 'Annexe du marché', active: false });
    expect(fixed.body).toEqual(expect.objectContaining({ name: 'Annexe du marché', active: false }));
    expect((await t.http.delete(`/api/locations/${created.body.id}`).set(as(reviewer))).status).toBe(200);
    expect((await get(admin, `/api/locations/${created.body.id}`)).status).toBe(404);
  });

  it('refuses deleting a place with offers (deactivate it instead)', async () => {
    const offers = await get(admin, `/api/offers?range=[0,199]&sort=["id","ASC"]`);
    const withPlace = offers.body.find((o: any) => o.locationId);
    expect(withPlace).toBeDefined();
    const res = await t.http.delete(`/api/locations/${withPlace.locationId}`).set(as(admin));
    expectErrorShape(res.body, 409);
    expect(res.body.message).toMatch(/désactivez-le/);
  });
});
