/**
 * Issue 10 item 1 in the console: a reviewer corrects a structure (contact, phone) and a place;
 * a change of IBAN waits for a second person (four eyes): the requester has no Confirmer button
 * and the server refuses their own confirmation; FINANCE confirms it; both steps in the timeline.
 */
import { mkdirSync } from 'fs';
import type { Page } from 'playwright-core';
import { api, apiGet, apiLogin, DEMO_ACCOUNTS, launchBrowser, loginThroughConsole, logoutThroughConsole, newConsolePage, startServer, type RunningBrowser, type RunningServer } from './support';

const SHOTS = '/tmp/aptic-shots';
const account = (role: 'ADMIN' | 'REVIEWER' | 'FINANCE') => DEMO_ACCOUNTS.find(a => a.role === role)!;
// Not an IBAN of the demo data.
const NEW_IBAN = 'DE89370400440532013000';

interface Structure {
  id: string;
  name: string;
  iban: string;
  phone: string | null;
}

describe('structure corrections and the four-eyes bank change in the console', () => {
  let server: RunningServer;
  let browser: RunningBrowser;
  let page: Page;
  let adminToken: string;
  let structure: Structure;
  const errors: string[] = [];

  const fresh = () => apiGet<Structure>(server.baseUrl, adminToken, `/api/structures/${structure.id}`);

  /** Another person at the same browser: log out, log in (the console may go back to the last page, not the dashboard). */
  const switchTo = async (role: 'ADMIN' | 'REVIEWER' | 'FINANCE') => {
    await logoutThroughConsole(page);
    await page.locator('input[name="username"]').fill(account(role).email);
    await page.locator('input[name="password"]').fill(account(role).password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(url => !url.hash.startsWith('#/login'), { timeout: 30_000 });
  };

  /** Opens the structure's edit page and waits for its edit lock. */
  const openEdit = async () => {
    await page.goto(`${server.baseUrl}/#/structures/${structure.id}/edit`);
    await page.getByText('Vous modifiez cet enregistrement').first().waitFor({ timeout: 20_000 });
    // The form has the record's values (a field filled before they arrive would be reset by them).
    await page.waitForFunction(() => (document.querySelector('input[name="iban"]') as HTMLInputElement | null)?.value !== '', undefined, { timeout: 20_000 });
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    adminToken = await apiLogin(server.baseUrl, account('ADMIN'));
    const filter = encodeURIComponent(JSON.stringify({ status: 'ELIGIBLE' }));
    [structure] = await apiGet<Structure[]>(server.baseUrl, adminToken, `/api/structures?filter=${filter}&sort=["name","ASC"]&range=[0,0]`);
    browser = await launchBrowser();
    page = await newConsolePage(browser, errors);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets a reviewer correct the phone; an IBAN change waits and the old one stays', async () => {
    await loginThroughConsole(page, server.baseUrl, account('REVIEWER'));
    await openEdit();
    await page.getByTestId('bank-four-eyes-note').waitFor();
    await page.locator('input[name="phone"]').fill('05 56 99 88 77');
    await page.screenshot({ path: `${SHOTS}/structure-edit.png`, fullPage: true });
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/show/);
    await page.getByText('0556998877').first().waitFor();
    expect((await fresh()).phone).toBe('0556998877');
    expect(errors).toEqual([]);
  });

  it('refuses the confirmation by the person who asked, in the console and at the server', async () => {
    await switchTo('ADMIN');
    const before = await fresh();
    await openEdit();
    await page.locator('input[name="iban"]').fill('de89 3704 0044 0532 0130 00');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/show/);
    const panel = page.getByTestId('bank-change-panel');
    await panel.getByText('Changement de coordonnées bancaires en attente').waitFor();
    await expect(panel.getByTestId('bank-change-details').innerText()).resolves.toContain(NEW_IBAN);
    // No Confirmer for the requester, and the reason why.
    await expect(panel.getByRole('button', { name: 'Confirmer' }).count()).resolves.toBe(0);
    await expect(panel.getByTestId('bank-change-not-yours').innerText()).resolves.toMatch(/une autre personne/);
    await page.screenshot({ path: `${SHOTS}/structure-bank-change-requester.png`, fullPage: true });
    // Even sent straight to the server, their own confirmation is refused and changes nothing.
    await expect(api(server.baseUrl, adminToken, 'POST', `/api/structures/${structure.id}/confirm-bank-change`, {})).rejects.toThrow(/409[\s\S]*autre personne/);
    expect((await fresh()).iban).toBe(before.iban);
  });

  it('lets FINANCE confirm it; the new IBAN applies and both steps are in the timeline', async () => {
    await switchTo('FINANCE');
    await page.goto(`${server.baseUrl}/#/structures/${structure.id}/show`);
    const panel = page.getByTestId('bank-change-panel');
    await panel.getByText('Demandé par Nadia Benali', { exact: false }).waitFor();
    await page.screenshot({ path: `${SHOTS}/structure-bank-change-finance.png`, fullPage: true });
    await panel.getByRole('button', { name: 'Confirmer' }).click();
    const dialog = page.getByTestId('action-dialog');
    await dialog.getByRole('button', { name: 'Confirmer' }).click();
    await panel.waitFor({ state: 'detached', timeout: 15_000 });
    expect((await fresh()).iban).toBe(NEW_IBAN);
    const timeline = page.getByTestId('record-timeline');
    await timeline.getByText('Demande de nouveau RIB').first().waitFor({ timeout: 15_000 });
    await timeline.getByText('Nouveau RIB confirmé').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/structure-bank-change-confirmed.png`, fullPage: true });
  });

  it('lets a reviewer correct a place of the structure', async () => {
    await switchTo('REVIEWER');
    const filter = encodeURIComponent(JSON.stringify({ structureId: structure.id }));
    const [place] = await apiGet<{ id: string; postalCode: string }[]>(server.baseUrl, adminToken, `/api/locations?filter=${filter}&range=[0,0]`);
    await page.goto(`${server.baseUrl}/#/locations/${place.id}/edit`);
    await page.getByText('Vous modifiez cet enregistrement').first().waitFor({ timeout: 20_000 });
    await page.locator('input[name="name"]').fill('Salle corrigée');
    await page.locator('input[name="postalCode"]').fill('123');
    await page.locator('button[type="submit"]').click();
    await page.getByText('Code postal : 5 chiffres').first().waitFor();
    // The place moves to Bergerac: the postal code's communes are offered, one click fills the
    // commune and its département (a code of another département is refused: test/api/geography.e2e.ts).
    await page.locator('input[name="postalCode"]').fill('24100');
    const choices = page.getByTestId('commune-choices');
    await choices.getByRole('button', { name: 'Creysse (24)' }).waitFor();
    await choices.getByRole('button', { name: 'Bergerac (24)' }).click();
    await expect(page.locator('input[name="city"]').inputValue()).resolves.toBe('Bergerac');
    await expect(page.locator('input[name="departement"]').inputValue()).resolves.toBe('24');
    await page.screenshot({ path: `${SHOTS}/location-edit.png`, fullPage: true });
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/show/);
    await page.getByText('Salle corrigée').first().waitFor();
    await expect(apiGet<{ postalCode: string; city: string; departement: string }>(server.baseUrl, adminToken, `/api/locations/${place.id}`)).resolves.toEqual(
      expect.objectContaining({ postalCode: '24100', city: 'Bergerac', departement: '24' }),
    );
    expect(errors).toEqual([]);
  });
});
