/**
 * The "Tâches" page: an ADMIN starts the session purge and sees it finish live; a second start
 * of the same day is refused with the server's French message; FINANCE starts the nightly expiry here
 * and follows the order issues started from their orders.
 */
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS, launchBrowser, loginThroughConsole, logoutThroughConsole, startServer, type RunningBrowser, type RunningServer } from './support';

describe('the Tâches page', () => {
  let server: RunningServer;
  let browser: RunningBrowser;
  let page: Page;
  const pageErrors: string[] = [];
  const account = (role: string) => DEMO_ACCOUNTS.find(a => a.role === role)!;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', error => pageErrors.push(error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets an ADMIN start the session purge and shows its outcome live', async () => {
    await loginThroughConsole(page, server.baseUrl, account('ADMIN'));
    await page.getByRole('menuitem', { name: 'Tâches' }).click();
    const card = page.locator('[data-job="purge-sessions"]');
    await card.getByText('Purge des sessions expirées').waitFor();
    await expect(card.getByText('Jamais lancée pour le moment.').isVisible()).resolves.toBe(true);
    await card.getByRole('button', { name: 'Lancer' }).click();
    await card.locator('[data-job-progress][data-status="SUCCEEDED"]').waitFor({ timeout: 20_000 });
    await expect(card.getByText(/^Terminée le /).isVisible()).resolves.toBe(true);
    // The run is in the list below, finished.
    await page.locator('tbody tr').filter({ hasText: 'purge-sessions' }).filter({ hasText: 'Terminée' }).waitFor();
  });

  it('shows the server’s refusal when the same day is started again', async () => {
    await page.locator('[data-job="purge-sessions"]').getByRole('button', { name: 'Lancer' }).click();
    await page.getByText(/a déjà été faite/).waitFor();
    expect(pageErrors).toEqual([]);
    await logoutThroughConsole(page);
  });

  it('shows FINANCE the nightly expiry to start, and the order issue it follows but starts from an order', async () => {
    await loginThroughConsole(page, server.baseUrl, account('FINANCE'));
    await page.goto(`${server.baseUrl}/#/job-runs`);
    const expiry = page.locator('[data-job="expire-passes"]');
    await expiry.getByText('Expiration des pass et clôture des commandes').waitFor();
    await expect(expiry.getByRole('button', { name: 'Lancer' }).count()).resolves.toBe(1);
    const issue = page.locator('[data-job="issue-order"]');
    await issue.getByText('Se lance depuis la page de la commande (« Émettre »).').waitFor();
    await expect(issue.getByRole('button', { name: 'Lancer' }).count()).resolves.toBe(0);
    await expect(page.locator('[data-job="purge-sessions"]').count()).resolves.toBe(0);
    await logoutThroughConsole(page);
  });
});
