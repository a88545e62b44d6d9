/**
 * The structures' side end to end (issue 13): a structure applies through /candidature/ (a wrong
 * IBAN refused by the server, corrected), a reviewer approves it in the console and hands over
 * the one-time key, the key opens /espace/; an offer approved by the automatic checks, another
 * flagged and approved by the reviewer in the console, one changed; the kit ordered; passes read
 * as a USB reader does (13 digits + Enter) at one of the structure's places: one accepted, the
 * same one again (PASS_ALREADY_USED), a mistyped one (flagged locally, refused INVALID_BARCODE).
 * A network failure between "Valider" and the answer, then "Réessayer", redeems once. SUPPORT
 * sees the attempts on Scans en direct in another browser. A structure whose charter is out of
 * date signs the new one. Every page at 390×844 and 1440×900 in /tmp/aptic-shots.
 */
import { mkdirSync } from 'fs';
import type { Page } from 'playwright-core';
import {
  DEMO_ACCOUNTS,
  api,
  apiGet,
  apiLogin,
  fillApplicationForm,
  launchBrowser,
  loginThroughConsole,
  siret,
  startServer,
  type RunningBrowser,
  type RunningServer,
} from './support';

const SHOTS = '/tmp/aptic-shots';
const ADMIN = DEMO_ACCOUNTS.find(a => a.role === 'ADMIN')!;
const REVIEWER = DEMO_ACCOUNTS.find(a => a.role === 'REVIEWER')!;
const SUPPORT = DEMO_ACCOUNTS.find(a => a.role === 'SUPPORT')!;
const FINANCE = DEMO_ACCOUNTS.find(a => a.role === 'FINANCE')!;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const query = (q: object) => `?${Object.entries(q).map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`).join('&')}`;
const mistype = (barcode: string) => barcode.slice(0, 12) + String((Number(barcode[12]) + 1) % 10);

interface Order {
  id: string;
  status: string;
  allowedDepartements: string[];
  validFrom: string | null;
  validUntil: string | null;
}

describe('the structure space (/candidature/ then /espace/)', () => {
  let server: RunningServer;
  let structureBrowser: RunningBrowser;
  let staffBrowser: RunningBrowser;
  let page: Page;
  let reviewer: Page;
  let live: Page;
  const errors: string[] = [];
  let reviewerToken: string;
  let applicationId: string;
  let structureId: string;
  let partnerKey: string;
  let annexeId: string;
  let passes: string[];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    reviewerToken = await apiLogin(server.baseUrl, REVIEWER);
    // Active passes of an order valid today in the Gironde, one per booklet (two passes of one
    // booklet may not pay one service: SAME_BOOKLET).
    const finance = await apiLogin(server.baseUrl, FINANCE);
    const now = Date.now();
    const orders = await apiGet<Order[]>(server.baseUrl, finance, `/api/orders${query({ filter: { status: 'ACTIVE' }, range: [0, 99] })}`);
    const usable = orders.find(
      o => (o.allowedDepartements.length === 0 || o.allowedDepartements.includes('33')) && (!o.validFrom || Date.parse(o.validFrom) <= now) && (!o.validUntil || Date.parse(o.validUntil) > now),
    )!;
    const booklets = await apiGet<{ id: string }[]>(server.baseUrl, finance, `/api/booklets${query({ filter: { orderId: usable.id }, range: [0, 9] })}`);
    passes = [];
    for (const b of booklets) {
      const [first] = await apiGet<{ barcode: string; status: string }[]>(server.baseUrl, finance, `/api/passes${query({ filter: { bookletId: b.id, status: 'ACTIVE' }, range: [0, 0] })}`);
      if (first) passes.push(first.barcode);
    }
    expect(passes.length).toBeGreaterThanOrEqual(3);

    structureBrowser = await launchBrowser();
    page = await structureBrowser.context.newPage();
    await page.setViewportSize(PHONE);
    page.on('pageerror', error => errors.push(error.message));
    // Two staff members, each in their own browser: a reviewer and SUPPORT on the live page.
    staffBrowser = await launchBrowser();
    reviewer = await staffBrowser.context.newPage();
    reviewer.on('pageerror', error => errors.push(error.message));
    await loginThroughConsole(reviewer, server.baseUrl, REVIEWER);
    const supportBrowser = await launchBrowser();
    live = await supportBrowser.context.newPage();
    live.on('pageerror', error => errors.push(error.message));
    await loginThroughConsole(live, server.baseUrl, SUPPORT);
    await live.goto(`${server.baseUrl}/#/live-scans`);
    await live.getByTestId('live-status').and(live.locator('[data-status="live"]')).waitFor();
    closeSupport = () => supportBrowser.close();
  }, 180_000);
  let closeSupport = async () => {};
  afterAll(async () => {
    await structureBrowser?.close();
    await staffBrowser?.close();
    await closeSupport();
    await server?.stop();
  });

  it('applies through /candidature/: the server refuses a wrong IBAN on its field, the corrected application is received', async () => {
    // On a desktop this time (test/browser/candidature.browser.ts applies from a phone).
    await page.setViewportSize(DESKTOP);
    await page.goto(`${server.baseUrl}/candidature/`);
    await page.getByRole('heading', { name: 'Devenir APTICulteur' }).waitFor();
    await fillApplicationForm(page, {
      'organisation.name': 'Cyber-base de Bègles',
      'organisation.siret': siret(),
      'organisation.legalForm': 'Commune',
      'organisation.addressLine': '77 rue Calixte Camelle',
      'organisation.postalCode': '33130',
      'organisation.city': 'Bègles',
      'organisation.departement': '33',
      'contact.name': 'Nadia Benali',
      'contact.email': 'nadia.benali@begles.example.fr',
      'legalRepresentative.name': 'Clément Rossignol',
      'legalRepresentative.role': 'Maire',
      'bank.holder': 'Trésor public — Bègles',
      // The RIB key (last digits) is wrong: the server says so on the IBAN field.
      'bank.iban': 'FR76 3000 4000 0312 3456 7890 144',
      'bank.bic': 'BNPAFRPPXXX',
      'charter.signatoryName': 'Clément Rossignol',
      'charter.signatoryRole': 'Maire',
    });
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await page.getByRole('alert').filter({ hasText: /IBAN invalide/ }).waitFor();
    await page.screenshot({ path: `${SHOTS}/candidature-desktop-refused-iban.png` });
    await page.locator('[data-field="bank.iban"]').fill('FR76 3000 4000 0312 3456 7890 143');
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    const reference = await page.getByTestId('reference').innerText();
    await page.screenshot({ path: `${SHOTS}/candidature-desktop-received.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    const [application] = await apiGet<{ id: string; status: string }[]>(server.baseUrl, reviewerToken, `/api/applications${query({ filter: { q: reference } })}`);
    expect(application.status).toBe('SUBMITTED');
    applicationId = application.id;
    expect(errors).toEqual([]);
  });

  it('is approved by a reviewer in the console, who hands over the one-time key', async () => {
    await reviewer.goto(`${server.baseUrl}/#/applications/${applicationId}/show`);
    await reviewer.getByRole('button', { name: 'Prendre en charge' }).click();
    await reviewer.getByRole('button', { name: 'Approuver' }).click();
    await reviewer.getByTestId('action-dialog').getByTestId('action-dialog-confirm').click();
    const secret = reviewer.getByTestId('one-time-secret-dialog');
    partnerKey = (await secret.getByTestId('one-time-secret').innerText()).trim();
    expect(partnerKey).toMatch(/^apk_/);
    await secret.getByTestId('close-secret').click();
    const approved = await apiGet<{ status: string; structureId: string }>(server.baseUrl, reviewerToken, `/api/applications/${applicationId}`);
    expect(approved.status).toBe('APPROVED');
    structureId = approved.structureId;
    // Approval gave it its first place, at its address; staff add a second one: the scanner
    // then asks where the service happened.
    const filter = encodeURIComponent(JSON.stringify({ structureId }));
    const places = await apiGet<{ name: string; addressLine: string; postalCode: string; city: string }[]>(server.baseUrl, reviewerToken, `/api/locations?filter=${filter}`);
    expect(places).toEqual([expect.objectContaining({ name: 'Cyber-base de Bègles', addressLine: '77 rue Calixte Camelle', postalCode: '33130', city: 'Bègles' })]);
    const annexe = { name: 'Annexe des Terres Neuves', addressLine: '2 rue Pierre Semard', postalCode: '33130', city: 'Bègles' };
    annexeId = (await api<{ id: string }>(server.baseUrl, reviewerToken, 'POST', '/api/locations', { structureId, departement: '33', ...annexe })).id;
  });

  it('enters /espace/ with the key; an offer approved by the checks, one approved by the reviewer, one changed; the kit ordered', async () => {
    await page.goto(`${server.baseUrl}/espace/`);
    await page.getByLabel('Clé de la structure').fill('apk_0000000000_wrongwrongwrongwrongwrong');
    await page.getByRole('button', { name: 'Entrer' }).click();
    await page.getByText(/Clé partenaire inconnue ou révoquée/).waitFor();
    await page.screenshot({ path: `${SHOTS}/espace-phone-login.png` });
    await page.getByLabel('Clé de la structure').fill(partnerKey);
    await page.getByRole('button', { name: 'Entrer' }).click();
    await page.getByText('Cyber-base de Bègles').waitFor();
    await page.getByText(/Aucun service approuvé/).waitFor();

    await page.getByRole('tab', { name: 'Catalogue' }).click();
    await page.getByText(/Votre catalogue est vide/).waitFor();
    const addForm = page.getByRole('form', { name: 'Ajouter une offre' });
    const addOffer = async (title: string, price: string) => {
      await addForm.getByRole('combobox', { name: /Service du référentiel/ }).click();
      await page.getByRole('option').first().click();
      await addForm.getByRole('textbox', { name: 'Intitulé de votre offre' }).fill(title);
      await addForm.getByRole('textbox', { name: 'Prix (€)' }).fill(price);
      await addForm.getByRole('button', { name: 'Ajouter l’offre' }).click();
    };
    await addOffer('Premiers pas sur smartphone', '10');
    await page.getByText('« Premiers pas sur smartphone » est approuvée : vous pouvez la scanner.').waitFor();
    await page.locator('[data-offer="Premiers pas sur smartphone"]').getByText('Approuvée : peut être scannée').waitFor();
    // 15 € is above the recommended price and not a whole number of passes: a reviewer decides.
    await addOffer('Démarches en ligne accompagnées', '15');
    await page.getByText('« Démarches en ligne accompagnées » attend l’examen de l’équipe APTIC.').waitFor();
    const flagged = page.locator('[data-offer="Démarches en ligne accompagnées"]');
    await flagged.getByText('En attente de l’équipe APTIC').waitFor();
    await flagged.getByText(/⚠/).first().waitFor();
    await page.screenshot({ path: `${SHOTS}/espace-phone-catalogue.png`, fullPage: true });

    const [waiting] = await apiGet<{ id: string; status: string }[]>(server.baseUrl, reviewerToken, `/api/offers${query({ filter: { structureId, status: 'PENDING_REVIEW' } })}`);
    await reviewer.goto(`${server.baseUrl}/#/offers/${waiting.id}/show`);
    await reviewer.getByRole('button', { name: 'Approuver' }).click();
    await reviewer.getByTestId('action-dialog').getByTestId('action-dialog-confirm').click();
    await reviewer.getByTestId('offer-status').getByText('Approuvée').waitFor();
    await page.reload();
    await flagged.getByText('Approuvée : peut être scannée').waitFor();

    // A change of title and duration keeps the approval (a new price would go back to the checks).
    await page.getByRole('button', { name: 'Modifier « Premiers pas sur smartphone »' }).click();
    const editForm = page.getByRole('form', { name: 'Modifier « Premiers pas sur smartphone »' });
    const helperOf = async (name: string) => {
      const id = await editForm.getByRole('textbox', { name }).getAttribute('id');
      return page.locator(`[id="${id}-helper-text"]`).innerText();
    };
    // A duration that is not a number is caught before sending; a title too short is refused by
    // the server, on its field. Nothing changes until both are right.
    await editForm.getByRole('textbox', { name: 'Intitulé de votre offre' }).fill('PP');
    await editForm.getByRole('textbox', { name: 'Durée (min)' }).fill('une heure');
    await editForm.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect(helperOf('Durée (min)')).resolves.toBe('un nombre entier de minutes, par exemple 60');
    await editForm.getByRole('textbox', { name: 'Durée (min)' }).fill('90');
    await editForm.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await editForm.getByText('Vérifiez les champs signalés en rouge.').waitFor();
    await expect(helperOf('Intitulé de votre offre')).resolves.toBe('3 caractères au moins');
    await page.screenshot({ path: `${SHOTS}/espace-phone-offer-edit-refused.png`, fullPage: true });
    await editForm.getByRole('textbox', { name: 'Intitulé de votre offre' }).fill('Premiers pas sur smartphone (1 h 30)');
    await editForm.getByRole('combobox', { name: 'Lieu' }).click();
    await page.getByRole('option', { name: /Annexe des Terres Neuves/ }).click();
    await editForm.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByText('« Premiers pas sur smartphone (1 h 30) » est modifiée et approuvée : vous pouvez la scanner.').waitFor();
    await page.locator('[data-offer="Premiers pas sur smartphone (1 h 30)"]').getByText(/90 min · Annexe des Terres Neuves/).waitFor();

    await page.getByRole('tab', { name: 'Kit' }).click();
    // The price of each formula, from the configuration, before ordering.
    await page.getByRole('button', { name: /Commander le kit, formule annuelle — 90,00\s€ TTC par an/ }).waitFor();
    await page.screenshot({ path: `${SHOTS}/espace-phone-kit-empty.png`, fullPage: true });
    await page.getByRole('button', { name: /Commander le kit, formule mensuelle — 8,40\s€ TTC par mois/ }).click();
    await page.getByText(/Kit, formule mensuelle — commandé/).waitFor();
    await page.screenshot({ path: `${SHOTS}/espace-phone-kit.png`, fullPage: true });
    // The key stays in this browser: a reload stays in the space.
    await page.reload();
    await page.getByText(/Kit, formule mensuelle — commandé/).waitFor();
    await page.getByRole('tab', { name: 'Relevés' }).click();
    await page.getByText(/Vos relevés mensuels/).waitFor();
    await page.screenshot({ path: `${SHOTS}/espace-phone-releves.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  const scanField = () => page.locator('[data-field="barcode"]');
  /** A USB reader types into the focused field: the field keeps the focus after « Valider » (no click needed). */
  const readPass = async (barcode: string, { click = true } = {}) => {
    if (click) await scanField().click();
    else await expect(scanField().evaluate(el => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type(barcode, { delay: 5 });
    await page.keyboard.press('Enter');
  };
  const rowOf = (barcode: string) => page.locator(`[data-barcode="${barcode}"]`);
  const answered = (barcode: string, outcome: 'ACCEPTED' | 'REJECTED') => page.locator(`[data-barcode="${barcode}"][data-outcome="${outcome}"]`).waitFor();

  it('scans as a USB reader does: accepted, already used, mistyped; the live page shows each attempt', async () => {
    await page.getByRole('tab', { name: 'Scanner des pass' }).click();
    // Two approved offers: the person picks the service; its place comes with it.
    await page.getByRole('combobox', { name: /Service rendu/ }).click();
    await page.getByRole('option', { name: /Premiers pas sur smartphone \(1 h 30\)/ }).click();
    await page.getByRole('combobox', { name: 'Lieu du service' }).getByText(/Annexe des Terres Neuves/).waitFor();

    await readPass(passes[0]);
    await rowOf(passes[0]).getByText('Clé de contrôle correcte').waitFor();
    await page.getByRole('button', { name: 'Valider (1 pass)' }).click();
    await page.getByRole('status').getByText(/Passage accepté : 1 pass, 10,00/).waitFor();
    await answered(passes[0], 'ACCEPTED');
    await page.screenshot({ path: `${SHOTS}/espace-phone-scan-accepted.png`, fullPage: true });
    // Recorded at the place chosen, for the offer chosen.
    const support = await apiLogin(server.baseUrl, SUPPORT);
    const [redemption] = await apiGet<{ locationId: string | null; status: string; totalValueCents: number }[]>(
      server.baseUrl,
      support,
      `/api/redemptions${query({ filter: { structureId }, sort: ['createdAt', 'DESC'], range: [0, 0] })}`,
    );
    expect(redemption).toEqual(expect.objectContaining({ status: 'ACCEPTED', locationId: annexeId, totalValueCents: 1000 }));

    // The same pass again, read without touching the screen: reading after an answer starts the next act.
    await readPass(passes[0], { click: false });
    await page.getByRole('button', { name: 'Valider (1 pass)' }).click();
    await answered(passes[0], 'REJECTED');
    await rowOf(passes[0]).getByText(/Pass déjà utilisé/).waitFor();
    await page.screenshot({ path: `${SHOTS}/espace-phone-scan-used.png`, fullPage: true });

    const typo = mistype(passes[1]);
    await readPass(typo);
    await rowOf(typo).getByText(/Clé de contrôle incorrecte/).waitFor();
    await page.getByRole('button', { name: 'Valider (1 pass)' }).click();
    await answered(typo, 'REJECTED');
    await rowOf(typo).getByText(/Code-barres invalide/).waitFor();

    // SUPPORT, in another browser, saw the three attempts on Scans en direct.
    await live.getByTestId('live-scan-row').filter({ hasText: typo }).first().waitFor();
    await live.getByTestId('live-scan-row').filter({ hasText: passes[0] }).nth(1).waitFor();
    await expect(live.getByTestId('live-scan-row').filter({ hasText: passes[0] }).count()).resolves.toBe(2);
    await live.screenshot({ path: `${SHOTS}/espace-live-page.png` });
    expect(errors).toEqual([]);
  });

  it('redeems once when the answer is lost and the act is sent again', async () => {
    const pass = passes[1];
    let lost = 0;
    // The request reaches the server (the pass is redeemed there), then the answer is lost on the way back.
    await page.route('**/api/partner/redemptions', async route => {
      if (lost > 0) return route.continue();
      lost++;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await readPass(pass);
    await page.getByRole('button', { name: 'Valider (1 pass)' }).click();
    await page.getByRole('alert').getByText(/Pas de réponse du serveur/).waitFor();
    await page.screenshot({ path: `${SHOTS}/espace-phone-scan-lost.png`, fullPage: true });
    // While the act awaits its answer, another pass read is not added to it, and the service cannot change.
    await readPass(passes[2], { click: false });
    await page.getByText(/Ce passage attend encore sa réponse/).waitFor();
    await expect(rowOf(passes[2]).count()).resolves.toBe(0);
    await expect(page.getByRole('combobox', { name: /Service rendu/ }).getAttribute('aria-disabled')).resolves.toBe('true');
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await page.getByRole('status').getByText(/Passage accepté : 1 pass, 10,00/).waitFor();
    await page.unroute('**/api/partner/redemptions');

    // One redemption recorded for that pass, accepted once; the retry got the first answer.
    const history = (await (await fetch(`${server.baseUrl}/api/partner/redemptions?limit=10`, { headers: { Authorization: `Bearer ${partnerKey}` } })).json()) as {
      status: string;
      scans: { barcode: string; outcome: string }[];
    }[];
    const withPass = history.filter(r => r.scans.some(s => s.barcode === pass));
    expect(withPass.map(r => r.status)).toEqual(['ACCEPTED']);
    const finance = await apiLogin(server.baseUrl, FINANCE);
    const [stored] = await apiGet<{ status: string }[]>(server.baseUrl, finance, `/api/passes${query({ filter: { barcode: pass } })}`);
    expect(stored.status).toBe('REDEEMED');

    expect(errors).toEqual([]);
  });

  it('keeps the act’s key after a gateway error (502) answered once the pass was redeemed: « Réessayer » gets the first answer', async () => {
    const pass = passes[2];
    let failed = 0;
    await page.route('**/api/partner/redemptions', async route => {
      if (failed > 0) return route.continue();
      failed++;
      await route.fetch();
      await route.fulfill({ status: 502, contentType: 'text/html', body: '<html>Bad Gateway</html>' });
    });
    await page.getByRole('button', { name: 'Nouveau passage' }).click();
    await readPass(pass, { click: false });
    await page.getByRole('button', { name: 'Valider (1 pass)' }).click();
    await page.getByRole('alert').getByText(/Pas de réponse du serveur/).waitFor();
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await page.getByRole('status').getByText(/Passage accepté : 1 pass, 10,00/).waitFor();
    await answered(pass, 'ACCEPTED');
    await page.unroute('**/api/partner/redemptions');
    const history = (await (await fetch(`${server.baseUrl}/api/partner/redemptions?limit=10`, { headers: { Authorization: `Bearer ${partnerKey}` } })).json()) as { status: string; scans: { barcode: string }[] }[];
    expect(history.filter(r => r.scans.some(s => s.barcode === pass)).map(r => r.status)).toEqual(['ACCEPTED']);

    await page.getByRole('tab', { name: 'Passages' }).click();
    await page.getByRole('list', { name: 'Passages' }).getByText(pass).first().waitFor();
    await page.screenshot({ path: `${SHOTS}/espace-phone-history.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('shows every page on a desktop, and "Se déconnecter" forgets the key', async () => {
    await page.setViewportSize(DESKTOP);
    for (const [tab, ready, name] of [
      // The scanner remembers the service last chosen in this browser, and its place.
      ['Scanner des pass', page.getByRole('combobox', { name: 'Lieu du service' }).getByText(/Annexe des Terres Neuves/), 'scanner'],
      ['Catalogue', page.getByRole('form', { name: 'Ajouter une offre' }), 'catalogue'],
      ['Passages', page.getByRole('list', { name: 'Passages' }), 'history'],
      ['Kit', page.getByText(/Kit, formule mensuelle — actif/), 'kit'],
      ['Relevés', page.getByText(/Vos relevés mensuels/), 'releves'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await ready.waitFor();
      await page.getByRole('tab', { name: tab, selected: true }).waitFor();
      await page.waitForTimeout(400); // the tab indicator's slide, for the picture
      await page.screenshot({ path: `${SHOTS}/espace-desktop-${name}.png`, fullPage: true });
      if (name === 'scanner') await page.getByRole('combobox', { name: /Service rendu/ }).getByText(/Premiers pas sur smartphone \(1 h 30\)/).waitFor();
    }
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByLabel('Clé de la structure').waitFor();
    await page.screenshot({ path: `${SHOTS}/espace-desktop-login.png` });
    await page.reload();
    await page.getByLabel('Clé de la structure').waitFor();
    expect(errors).toEqual([]);
  });

  it('asks a structure whose charter is out of date to sign the one in force, then stops asking', async () => {
    const admin = await apiLogin(server.baseUrl, ADMIN);
    const [outdated] = await apiGet<{ id: string; name: string }[]>(
      server.baseUrl,
      admin,
      `/api/structures${query({ filter: { status: 'ELIGIBLE', charterResignatureNeeded: true }, sort: ['name', 'ASC'], range: [0, 0] })}`,
    );
    const { key } = (await api<{ partnerApiKey: { key: string } }>(server.baseUrl, admin, 'POST', `/api/structures/${outdated.id}/reissue-api-key`)).partnerApiKey;
    await page.setViewportSize(PHONE);
    await page.getByLabel('Clé de la structure').fill(key);
    await page.getByRole('button', { name: 'Entrer' }).click();
    const banner = page.getByTestId('charter-resignature');
    await banner.getByText(/Charte des APTICulteurs/).waitFor();
    await page.screenshot({ path: `${SHOTS}/espace-phone-charter.png`, fullPage: true });
    await banner.getByRole('textbox', { name: 'Nom de la personne qui signe' }).fill('Martine Lefèvre');
    await banner.getByRole('button', { name: 'J’accepte et je signe' }).click();
    await banner.waitFor({ state: 'detached' });
    const me = (await (await fetch(`${server.baseUrl}/api/partner/me`, { headers: { Authorization: `Bearer ${key}` } })).json()) as { charterResignatureNeeded: boolean; signedCharterVersion: number; charterInForce: number };
    expect(me.charterResignatureNeeded).toBe(false);
    expect(me.signedCharterVersion).toBe(me.charterInForce);
    // The banner is drawn with the tabs, from GET /api/partner/me: once the tabs are there, it is not.
    await page.reload();
    await page.getByRole('tab', { name: 'Scanner des pass' }).waitFor();
    await expect(page.getByTestId('charter-resignature').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});
