/**
 * /candidature/ (issue 13): a structure applies online on a phone — the SIRET checked as typed, a
 * wrong IBAN refused by the server and shown on its field, corrected, the application sent — then
 * answers the reviewer's question through its reply link with corrected bank details. The
 * console's login page leads there.
 */
import { mkdirSync } from 'fs';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS, api, apiGet, apiLogin, fillApplicationForm, launchBrowser, siret, startServer, type RunningBrowser, type RunningServer } from './support';

const SHOTS = '/tmp/aptic-shots';
const REVIEWER = DEMO_ACCOUNTS.find(a => a.role === 'REVIEWER')!;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

describe('applying online (/candidature/)', () => {
  let server: RunningServer;
  let browser: RunningBrowser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', error => errors.push(error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const field = (path: string) => page.locator(`[data-field="${path}"]`);
  const helperOf = async (path: string) => {
    const id = await field(path).getAttribute('id');
    return page.locator(`#${id}-helper-text`).innerText();
  };

  it('applies from a phone: rules checked as typed, the server’s refusal on its field, then the reference and the reply link', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${server.baseUrl}/candidature`);
    await page.getByRole('heading', { name: 'Devenir APTICulteur' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/candidature-phone-top.png` });

    const structureSiret = siret();
    // A SIRET with a wrong check digit is flagged as soon as the field is left, with the server's own words.
    await field('organisation.siret').fill(structureSiret.slice(0, 13) + String((Number(structureSiret[13]) + 1) % 10));
    await field('organisation.name').click();
    expect(await helperOf('organisation.siret')).toMatch(/SIRET invalide/);
    await field('organisation.siret').fill(structureSiret);
    expect(await helperOf('organisation.siret')).not.toMatch(/invalide/);

    const values: Record<string, string> = {
      'organisation.name': 'Tiers-lieu du Marais',
      'organisation.legalForm': 'Association loi 1901',
      'organisation.addressLine': '8 rue des Écluses',
      'organisation.postalCode': '17300',
      'contact.name': 'Awa Diallo',
      'contact.email': 'awa.diallo@marais.example.fr',
      'contact.phone': '05 46 00 11 22',
      'legalRepresentative.name': 'Jeanne Roux',
      'legalRepresentative.role': 'Présidente',
      'bank.holder': 'Tiers-lieu du Marais',
      // A French IBAN whose RIB key is wrong (last digit): the server refuses it.
      'bank.iban': 'FR76 3000 4000 0312 3456 7890 144',
      'bank.bic': 'BNPAFRPPXXX',
      'charter.signatoryName': 'Jeanne Roux',
      'charter.signatoryRole': 'Présidente',
    };
    await fillApplicationForm(page, values);
    // The postal code's communes are offered: one tap fills the commune and its département.
    const choices = page.getByTestId('commune-choices');
    await choices.getByRole('button', { name: 'Vergeroux (17)' }).waitFor();
    await choices.getByRole('button', { name: 'Rochefort (17)' }).click();
    await expect(field('organisation.city').inputValue()).resolves.toBe('Rochefort');
    await expect(field('organisation.departement').inputValue()).resolves.toBe('17');
    await expect(choices.getByRole('button', { name: 'Rochefort (17)' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await choices.screenshot({ path: `${SHOTS}/candidature-phone-communes.png` });
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();

    await page.getByRole('alert').filter({ hasText: /IBAN invalide/ }).waitFor();
    expect(await helperOf('bank.iban')).toMatch(/IBAN invalide : longueur du pays ou clé de contrôle incorrecte/);
    await expect(field('bank.iban').evaluate(el => el === document.activeElement)).resolves.toBe(true);
    await page.screenshot({ path: `${SHOTS}/candidature-phone-refused-iban.png` });
    // Nothing was recorded.
    const reviewerToken = await apiLogin(server.baseUrl, REVIEWER);
    const before = await apiGet<{ reference: string; organisationName: string }[]>(server.baseUrl, reviewerToken, `/api/applications?filter=${encodeURIComponent(JSON.stringify({ q: 'Tiers-lieu du Marais' }))}`);
    expect(before).toEqual([]);

    await field('bank.iban').fill('FR76 3000 4000 0312 3456 7890 143');
    expect(await helperOf('bank.iban')).not.toMatch(/invalide/);
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    const reference = await page.getByTestId('reference').innerText();
    expect(reference).toMatch(/^DEM-\d{4}-[0-9A-Z]{6}$/);
    const link = await page.getByTestId('reply-link').innerText();
    expect(link).toMatch(new RegExp(`^${server.baseUrl}/candidature/\\?demande=[0-9a-f-]{36}#jeton=rpl_`));
    await page.screenshot({ path: `${SHOTS}/candidature-phone-received.png`, fullPage: true });

    // The reviewer sees it, claims it and asks for corrected bank details.
    const [stored] = await apiGet<{ id: string; reference: string; status: string }[]>(server.baseUrl, reviewerToken, `/api/applications?filter=${encodeURIComponent(JSON.stringify({ q: reference }))}`);
    expect(stored).toEqual(expect.objectContaining({ reference, status: 'SUBMITTED' }));
    await api(server.baseUrl, reviewerToken, 'POST', `/api/applications/${stored.id}/claim`);
    await api(server.baseUrl, reviewerToken, 'POST', `/api/applications/${stored.id}/hold`, { comment: 'Merci de nous donner l’IBAN du compte courant de l’association.' });

    // The applicant opens the reply link, answers and corrects the bank details.
    await page.goto(link);
    await page.getByRole('heading', { name: 'Répondre à l’équipe APTIC' }).waitFor();
    await expect(page.getByTestId('hold-question').innerText()).resolves.toContain('Merci de nous donner l’IBAN du compte courant de l’association.');
    await page.getByRole('textbox', { name: 'Votre réponse' }).fill('Voici l’IBAN du compte courant, ouvert au Crédit Mutuel.');
    await page.getByRole('checkbox', { name: /coordonnées bancaires/ }).check();
    await field('bank.holder').fill('Association Tiers-lieu du Marais');
    await field('bank.iban').fill('FR14 2004 1010 0505 0001 3M02 606');
    await field('bank.bic').fill('PSSTFRPPXXX');
    await page.screenshot({ path: `${SHOTS}/candidature-phone-reply.png`, fullPage: true });
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: `${SHOTS}/candidature-desktop-reply.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
    await page.getByRole('status').filter({ hasText: `Réponse transmise — demande ${reference}` }).waitFor();
    const after = await apiGet<{ status: string }>(server.baseUrl, reviewerToken, `/api/applications/${stored.id}`);
    expect(after.status).toBe('IN_REVIEW');
    // The link again (the same address: reloaded): nothing awaits a reply any more.
    await page.reload();
    await page.getByRole('status').filter({ hasText: /n’attend pas de réponse/ }).waitFor();
    expect(errors).toEqual([]);
  });

  it('shows the form on a desktop, and the console’s login page leads to it', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${server.baseUrl}/candidature/`);
    await page.getByRole('heading', { name: 'Devenir APTICulteur' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/candidature-desktop.png`, fullPage: true });

    await page.goto(`${server.baseUrl}/#/login`);
    const link = page.getByRole('link', { name: 'Déposer une demande d’éligibilité' });
    await link.waitFor();
    await link.click();
    await page.getByRole('heading', { name: 'Devenir APTICulteur' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/candidature/');
    expect(errors).toEqual([]);
  });
});
