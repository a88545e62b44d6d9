/**
 * Issue 12 in the console: FINANCE reads a structure's kit on its page (plan, status, billing
 * start, fee, fees due so far as the server computes them), opens the subscription, changes its
 * plan and ends it, each with a reason typed in the dialog. SUPPORT reads the kit without buttons.
 */
import { mkdirSync } from 'fs';
import type { Page } from 'playwright-core';
import { apiGet, apiLogin, DEMO_ACCOUNTS, eventually, launchBrowser, loginThroughConsole, logoutThroughConsole, newConsolePage, startServer, type RunningBrowser, type RunningServer } from './support';

const SHOTS = '/tmp/aptic-shots';
const FINANCE = DEMO_ACCOUNTS.find(a => a.role === 'FINANCE')!;
const SUPPORT = DEMO_ACCOUNTS.find(a => a.role === 'SUPPORT')!;

interface Kit {
  id: string;
  structureId: string;
  plan: string;
  status: string;
  feeCents: number;
  startedAt: string | null;
  feesDueCents: number;
  cancelReason: string | null;
}

const euros = (cents: number) => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);
/** Intl writes narrow no-break spaces; the page's text is compared with spaces made plain. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('kit subscriptions in the console', () => {
  let server: RunningServer;
  let browser: RunningBrowser;
  let page: Page;
  let token: string;
  let kit: Kit;
  const pageErrors: string[] = [];
  const dialog = () => page.getByTestId('action-dialog');
  const read = () => apiGet<Kit>(server.baseUrl, token, `/api/subscriptions/${kit.id}`);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    token = await apiLogin(server.baseUrl, FINANCE);
    const active = await apiGet<Kit[]>(
      server.baseUrl,
      token,
      `/api/subscriptions?filter=${encodeURIComponent('{"status":"ACTIVE","plan":"MONTHLY"}')}&sort=${encodeURIComponent('["orderedAt","ASC"]')}&range=[0,0]`,
    );
    kit = active[0];
    browser = await launchBrowser();
    page = await newConsolePage(browser, pageErrors);
    await loginThroughConsole(page, server.baseUrl, FINANCE);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the kit on the structure page: plan, status, billing start, fee and fees due so far', async () => {
    expect(kit.feesDueCents).toBeGreaterThan(0);
    await page.goto(`${server.baseUrl}/#/structures/${kit.structureId}/show`);
    const panel = page.getByTestId('kit-panel');
    await panel.waitFor({ timeout: 20_000 });
    const text = plain(await panel.innerText());
    expect(text).toContain('Mensuel');
    expect(text).toContain('Actif');
    expect(text).toContain(`Facturé depuis le ${new Date(kit.startedAt!).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })}`);
    expect(text).toContain(plain(`${euros(840)} TTC par mois`));
    expect(plain(await page.getByTestId('kit-due').innerText())).toBe(plain(`Dû à ce jour : ${euros(kit.feesDueCents)}`));
    await page.screenshot({ path: `${SHOTS}/finance-structure-kit.png`, fullPage: false });
    await panel.screenshot({ path: `${SHOTS}/finance-structure-kit-panel.png` });
  });

  it('changes the plan with a reason typed in the dialog (none refused before sending)', async () => {
    await page.getByTestId('kit-panel').getByRole('link', { name: 'Voir l’abonnement' }).click();
    const change = page.locator('[data-action="change-plan"]');
    await change.waitFor({ timeout: 20_000 });
    await change.click();
    await dialog().waitFor();
    await page.getByTestId('action-dialog-confirm').click();
    await dialog().getByText(/obligatoire|requis/i).first().waitFor({ timeout: 5_000 });
    await dialog().locator('textarea[name="reason"]').fill('La structure préfère payer à l’année');
    await page.screenshot({ path: `${SHOTS}/finance-subscription-change-plan.png` });
    await page.getByTestId('action-dialog-confirm').click();
    await eventually(async () => (await read()).plan, 'ANNUAL');
    await dialog().waitFor({ state: 'hidden' });
  });

  it('ends the kit with a reason; the buttons go away and the page says when and why', async () => {
    await page.locator('[data-action="end"]').click();
    await dialog().locator('textarea[name="reason"]').fill('Cessation d’activité');
    await page.getByTestId('action-dialog-confirm').click();
    await eventually(async () => (await read()).status, 'CANCELLED');
    // The record page once refreshed: the ending's fields, and no button left.
    await page.getByText('Motif de résiliation', { exact: true }).first().waitFor({ timeout: 15_000 });
    await page.locator('[data-action="end"]').waitFor({ state: 'detached', timeout: 15_000 });
    expect(await page.getByText('Cessation d’activité', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.locator('[data-action="change-plan"]').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/finance-subscription-ended.png`, fullPage: true });
    await page.goto(`${server.baseUrl}/#/structures/${kit.structureId}/show`);
    await page.getByTestId('kit-panel').getByText(/Dernier kit résilié le/).waitFor({ timeout: 20_000 });
  });

  it('lets SUPPORT read a kit without the FINANCE buttons', async () => {
    // A request of the FINANCE session still in flight at logout is answered 401 once that
    // session is revoked: that answer must not sign out SUPPORT, who signed in meanwhile.
    let release!: () => void;
    const released = new Promise<void>(resolve => (release = resolve));
    const held = /\/api\/subscriptions\?/;
    await page.route(held, async route => {
      await released;
      await route.continue();
    });
    const heldRequest = page.waitForRequest(held);
    await page.goto(`${server.baseUrl}/#/subscriptions`);
    await heldRequest;
    await logoutThroughConsole(page);
    await loginThroughConsole(page, server.baseUrl, SUPPORT);
    const stale = page.waitForResponse(response => held.test(response.url()) && response.status() === 401);
    release();
    await stale;
    await page.unroute(held);
    await page.locator('[data-testid="dashboard"][data-role="SUPPORT"]').waitFor();
    const other = (await apiGet<Kit[]>(server.baseUrl, token, `/api/subscriptions?filter=${encodeURIComponent('{"status":"ACTIVE"}')}&range=[0,0]`))[0];
    await page.goto(`${server.baseUrl}/#/subscriptions/${other.id}/show`);
    await page.getByText('Dû à ce jour (TTC)').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-action="end"]').count()).toBe(0);
    expect(await page.locator('[data-action="change-plan"]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
