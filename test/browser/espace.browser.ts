/**
 * /espace/ (issue 13): a structure just approved enters its space with its partner key, adds an
 * offer (approved by the automatic checks), orders its kit, and scans passes as a USB reader does
 * (13 digits + Enter): one accepted, the same one again (PASS_ALREADY_USED), a mistyped one
 * (flagged locally, refused INVALID_BARCODE). A network failure between "Valider" and the answer,
 * then "Réessayer", redeems once. SUPPORT sees the attempts on Scans en direct in another browser.
 */
import { mkdirSync } from 'fs';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS, api, apiGet, apiLogin, launchBrowser, loginThroughConsole, siret, startServer, type RunningBrowser, type RunningServer } from './support';

const SHOTS = '/tmp/aptic-shots';
const REVIEWER = DEMO_ACCOUNTS.find(a => a.role === 'REVIEWER')!;
const SUPPORT = DEMO_ACCOUNTS.find(a => a.role === 'SUPPORT')!;
const FINANCE = DEMO_ACCOUNTS.find(a => a.role === 'FINANCE')!;
const PHONE = { width: 390, height: 844 };
const query = (q: object) => `?${Object.entries(q).map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`).join('&')}`;
const mistype = (barcode: string) => barcode.slice(0, 12) + String((Number(barcode[12]) + 1) % 10);

interface Order {
  id: string;
  status: string;
  allowedDepartements: string[];
  validFrom: string | null;
  validUntil: string | null;
}

describe('the structure space (/espace/)', () => {
  let server: RunningServer;
  let structureBrowser: RunningBrowser;
  let supportBrowser: RunningBrowser;
  let page: Page;
  let live: Page;
  const errors: string[] = [];
  let partnerKey: string;
  let passes: string[];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    // A structure of the Gironde applies and a reviewer approves it: its one-time key.
    const charter = (await (await fetch(`${server.baseUrl}/api/public/charter`)).json()) as { version: number };
    const questionnaire = (await (await fetch(`${server.baseUrl}/api/public/questionnaire`)).json()) as { questions: { code: string; options: { value: string }[] }[] };
    const applied = await fetch(`${server.baseUrl}/api/public/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        organisation: { name: 'Cyber-base de Bègles', siret: siret(), legalForm: 'Commune', addressLine: '77 rue Calixte Camelle', postalCode: '33130', city: 'Bègles', departement: '33' },
        contact: { name: 'Nadia Benali', email: 'nadia.benali@begles.example.fr' },
        legalRepresentative: { name: 'Clément Rossignol' },
        bank: { holder: 'Trésor public — Bègles', iban: 'FR7630004000031234567890143', bic: 'BNPAFRPPXXX' },
        answers: Object.fromEntries(questionnaire.questions.map(q => [q.code, q.options[0].value])),
        charter: { version: charter.version, accepted: true, signatoryName: 'Clément Rossignol' },
      }),
    });
    expect(applied.status).toBe(201);
    const { id } = (await applied.json()) as { id: string };
    const reviewer = await apiLogin(server.baseUrl, REVIEWER);
    await api(server.baseUrl, reviewer, 'POST', `/api/applications/${id}/claim`);
    partnerKey = (await api<{ partnerApiKey: { key: string } }>(server.baseUrl, reviewer, 'POST', `/api/applications/${id}/approve`, {})).partnerApiKey.key;
    // Active passes of an order valid today in the Gironde.
    const finance = await apiLogin(server.baseUrl, FINANCE);
    const now = Date.now();
    const orders = await apiGet<Order[]>(server.baseUrl, finance, `/api/orders${query({ filter: { status: 'ACTIVE' }, range: [0, 99] })}`);
    const usable = orders.find(
      o => (o.allowedDepartements.length === 0 || o.allowedDepartements.includes('33')) && (!o.validFrom || Date.parse(o.validFrom) <= now) && (!o.validUntil || Date.parse(o.validUntil) > now),
    )!;
    const booklets = await apiGet<{ id: string }[]>(server.baseUrl, finance, `/api/booklets${query({ filter: { orderId: usable.id }, range: [0, 9] })}`);
    passes = [];
    // One pass per booklet: two passes of one booklet may not pay one service (SAME_BOOKLET).
    for (const b of booklets) {
      const [first] = await apiGet<{ barcode: string; status: string }[]>(server.baseUrl, finance, `/api/passes${query({ filter: { bookletId: b.id, status: 'ACTIVE' }, range: [0, 0] })}`);
      if (first) passes.push(first.barcode);
    }
    expect(passes.length).toBeGreaterThanOrEqual(2);

    structureBrowser = await launchBrowser();
    page = await structureBrowser.context.newPage();
    await page.setViewportSize(PHONE);
    page.on('pageerror', error => errors.push(error.message));
    supportBrowser = await launchBrowser();
    live = await supportBrowser.context.newPage();
    live.on('pageerror', error => errors.push(error.message));
    await loginThroughConsole(live, server.baseUrl, SUPPORT);
    await live.goto(`${server.baseUrl}/#/live-scans`);
    await live.getByTestId('live-status').and(live.locator('[data-status="live"]')).waitFor();
  });
  afterAll(async () => {
    await structureBrowser?.close();
    await supportBrowser?.close();
    await server?.stop();
  });

  const scanField = () => page.locator('[data-field="barcode"]');
  const readPass = async (barcode: string) => {
    await scanField().click();
    await page.keyboard.type(barcode, { delay: 5 });
    await page.keyboard.press('Enter');
  };
  const rowOf = (barcode: string) => page.locator(`[data-barcode="${barcode}"]`);
  const answered = (barcode: string, outcome: 'ACCEPTED' | 'REJECTED') => page.locator(`[data-barcode="${barcode}"][data-outcome="${outcome}"]`).waitFor();

  it('enters with the key, adds an offer, orders the kit', async () => {
    await page.goto(`${server.baseUrl}/espace/`);
    await page.getByRole('textbox', { name: 'Clé de la structure' }).fill('apk_0000000000_wrongwrongwrongwrongwrong');
    await page.getByRole('button', { name: 'Entrer' }).click();
    await page.getByText(/Clé partenaire inconnue ou révoquée/).waitFor();
    await page.getByRole('textbox', { name: 'Clé de la structure' }).fill(partnerKey);
    await page.getByRole('button', { name: 'Entrer' }).click();
    await page.getByText('Cyber-base de Bègles').waitFor();
    await page.getByText(/Aucun service approuvé/).waitFor();

    await page.getByRole('tab', { name: 'Catalogue' }).click();
    await page.getByText(/Votre catalogue est vide/).waitFor();
    await page.getByRole('combobox', { name: /Service du référentiel/ }).click();
    await page.getByRole('option').first().click();
    await page.getByRole('textbox', { name: 'Intitulé de votre offre' }).fill('Premiers pas sur smartphone');
    await page.getByRole('button', { name: 'Ajouter l’offre' }).click();
    await page.getByText('« Premiers pas sur smartphone » est approuvée : vous pouvez la scanner.').waitFor();
    await page.locator('[data-offer="Premiers pas sur smartphone"]').getByText('Approuvée : peut être scannée').waitFor();
    await page.screenshot({ path: `${SHOTS}/espace-phone-catalogue.png`, fullPage: true });

    await page.getByRole('tab', { name: 'Kit' }).click();
    await page.getByRole('button', { name: 'Commander le kit mensuel' }).click();
    await page.getByText(/Kit mensuel — commandé/).waitFor();
    // The key stays in this browser: a reload stays in the space.
    await page.reload();
    await page.getByText(/Kit mensuel — commandé/).waitFor();
    expect(errors).toEqual([]);
  });

  it('scans as a USB reader does: accepted, already used, mistyped; the live page shows each attempt', async () => {
    await page.getByRole('tab', { name: 'Scanner des pass' }).click();
    await page.getByRole('combobox', { name: /Service rendu/ }).getByText(/Premiers pas sur smartphone/).waitFor();

    await readPass(passes[0]);
    await rowOf(passes[0]).getByText('Clé de contrôle correcte').waitFor();
    await page.getByRole('button', { name: 'Valider (1 pass)' }).click();
    await page.getByRole('status').getByText(/Passage accepté : 1 pass, 10,00/).waitFor();
    await answered(passes[0], 'ACCEPTED');
    await page.screenshot({ path: `${SHOTS}/espace-phone-scan-accepted.png`, fullPage: true });

    // The same pass again: reading after an answer starts the next act.
    await readPass(passes[0]);
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
    for (const barcode of [passes[0], typo]) await live.getByTestId('live-scan-row').filter({ hasText: barcode }).first().waitFor();
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

    await page.getByRole('tab', { name: 'Passages' }).click();
    await page.getByRole('list', { name: 'Passages' }).getByText(pass).first().waitFor();
    await page.screenshot({ path: `${SHOTS}/espace-phone-history.png`, fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('tab', { name: 'Scanner des pass' }).click();
    await page.screenshot({ path: `${SHOTS}/espace-desktop-scanner.png` });
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('textbox', { name: 'Clé de la structure' }).waitFor();
    expect(errors).toEqual([]);
  });
});
