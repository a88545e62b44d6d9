/**
 * The "Tâches" page: an ADMIN starts the session purge and sees it finish live; a second start
 * of the same day is refused with the server's French message; FINANCE has no job to start yet.
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

  it('has no job for FINANCE to start yet', async () => {
    await loginThroughConsole(page, server.baseUrl, account('FINANCE'));
    await page.goto(`${server.baseUrl}/#/job-runs`);
    await page.getByText('Aucune tâche pour votre rôle.').waitFor();
    await expect(page.getByRole('button', { name: 'Lancer' }).count()).resolves.toBe(0);
    await logoutThroughConsole(page);
  });
});
