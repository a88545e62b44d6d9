/**
 * The console as each demo role sees it: login, dashboard figures from the API, the menu
 * limited to what the role may read (SPEC §3), logout.
 */
import type { Page } from 'playwright-core';
import {
  DEMO_ACCOUNTS,
  apiGet,
  apiLogin,
  launchBrowser,
  loginThroughConsole,
  logoutThroughConsole,
  menuItems,
  startServer,
  type Role,
  type RunningBrowser,
  type RunningServer,
} from './support';

// French menu labels (plural resource names) in menu order.
const LABELS: Record<string, string> = {
  applications: 'Demandes d’éligibilité',
  structures: 'Structures',
  locations: 'Lieux',
  charters: 'Chartes',
  questionnaires: 'Questionnaires',
  'referential-categories': 'Catégories du référentiel',
  'referential-services': 'Services du référentiel',
  offers: 'Offres',
  sponsors: 'Commanditaires',
  orders: 'Commandes',
  booklets: 'Carnets',
  passes: 'Pass',
  redemptions: 'Passages',
  scans: 'Scans',
  disputes: 'Litiges',
  subscriptions: 'Abonnements au kit',
  endorsements: 'Endossements',
  statements: 'Relevés',
  payouts: 'Virements',
  'ledger-entries': 'Écritures comptables',
  users: 'Utilisateurs',
  'job-runs': 'Tâches',
  'audit-events': 'Journal',
};
const MENU_ORDER = Object.keys(LABELS);

// SPEC §3 role matrix: the resources of the menu each role may read.
const READABLE: Record<Role, string[]> = {
  ADMIN: MENU_ORDER,
  REVIEWER: [
    'applications', 'structures', 'locations', 'charters', 'questionnaires',
    'referential-categories', 'referential-services', 'offers',
    'redemptions', 'scans', 'subscriptions', 'audit-events',
  ],
  FINANCE: [
    'structures', 'locations', 'referential-categories', 'referential-services', 'offers',
    'sponsors', 'orders', 'booklets', 'passes', 'redemptions', 'scans', 'disputes', 'subscriptions',
    'endorsements', 'statements', 'payouts', 'ledger-entries', 'job-runs', 'audit-events',
  ],
  SUPPORT: [
    'structures', 'locations', 'referential-categories', 'referential-services', 'offers',
    'sponsors', 'orders', 'booklets', 'passes', 'redemptions', 'scans', 'disputes', 'subscriptions',
    'endorsements', 'statements', 'audit-events',
  ],
};

const expectedMenu = (role: Role) => [
  'Tableau de bord',
  ...MENU_ORDER.filter(resource => READABLE[role].includes(resource)).map(resource => LABELS[resource]),
];

const digits = (text: string) => Number(text.replace(/\D/g, ''));

interface DashboardFigures {
  apticulteurs: number;
  pendingApplications?: number;
  offersPendingReview?: number;
  openDisputes?: number;
  passesByStatus?: Record<string, number>;
}

describe('the console, for each demo role', () => {
  let server: RunningServer;
  let browser: RunningBrowser;
  let page: Page;
  const pageErrors: string[] = [];

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

  describe.each(DEMO_ACCOUNTS.map(account => [account.role, account] as const))('%s', (role, account) => {
    let figures: DashboardFigures;

    beforeAll(async () => {
      const token = await apiLogin(server.baseUrl, account);
      figures = await apiGet<DashboardFigures>(server.baseUrl, token, '/api/dashboard');
    });

    it('logs in through the French login page', async () => {
      await page.goto(`${server.baseUrl}/`);
      await page.locator('input[name="username"]').waitFor();
      await expect(page.locator('button[type="submit"]').innerText()).resolves.toMatch(/connexion/i);
      await loginThroughConsole(page, server.baseUrl, account);
      await expect(page.getByText('Tableau de bord').first().isVisible()).resolves.toBe(true);
    });

    it('shows the dashboard figures the API gives for this role', async () => {
      expect(digits(await page.getByTestId('dashboard-apticulteurs').innerText())).toBe(figures.apticulteurs);
      const pending = page.getByTestId('dashboard-pending-applications');
      if (figures.pendingApplications == null) {
        await expect(pending.count()).resolves.toBe(0);
      } else {
        expect(digits(await pending.innerText())).toBe(figures.pendingApplications);
      }
      const activePasses = page.getByTestId('dashboard-active-passes');
      if (figures.passesByStatus == null) {
        await expect(activePasses.count()).resolves.toBe(0);
      } else {
        expect(digits(await activePasses.innerText())).toBe(figures.passesByStatus.ACTIVE ?? 0);
      }
      await page.getByTestId('chart-structures').waitFor();
      // Statuses are labelled in French, not as enum codes.
      await expect(page.getByTestId('chart-structures').innerText()).resolves.toContain('Éligible');
      await expect(page.getByTestId('chart-structures').innerText()).resolves.not.toContain('ELIGIBLE');
    });

    it('lists in the menu exactly the resources the role may read', async () => {
      expect(await menuItems(page)).toEqual(expectedMenu(role));
    });

    it('opens the first list of its menu with translated column headers', async () => {
      const first = READABLE[role][0];
      await page.goto(`${server.baseUrl}/#/${first}`);
      await page.locator('thead th').first().waitFor();
      const headers = (await page.locator('thead').innerText()).trim();
      expect(headers).not.toMatch(/resources\.|fields\./);
      await page.locator('tbody tr').first().waitFor();
    });

    it('logs out back to the login page', async () => {
      await logoutThroughConsole(page);
      await page.goto(`${server.baseUrl}/#/`);
      await page.locator('input[name="username"]').waitFor();
      expect(await page.evaluate(() => localStorage.getItem('aptic.token'))).toBeNull();
    });
  });

  it('shows the server message when the password is wrong', async () => {
    await page.goto(`${server.baseUrl}/#/login`);
    await page.locator('input[name="username"]').fill('admin@aptic.fr');
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.locator('button[type="submit"]').click();
    const response = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@aptic.fr', password: 'not-the-password' }),
    });
    const { message } = (await response.json()) as { message: string };
    const alert = page.locator('.MuiSnackbarContent-message').first();
    await alert.waitFor();
    expect((await alert.innerText()).trim()).toBe(message);
    expect(await page.evaluate(() => localStorage.getItem('aptic.token'))).toBeNull();
  });

  it('says an empty list and an unknown page in correct French', async () => {
    await loginThroughConsole(page, server.baseUrl, DEMO_ACCOUNTS.find(a => a.role === 'FINANCE')!);
    // The demo data has no endorsement yet: the list's empty state names it with its article
    // (react-admin's own "Pas encore de Endossement." has neither élision nor lowercase).
    await page.goto(`${server.baseUrl}/#/endorsements`);
    await page.getByText('Aucun endossement pour le moment.').waitFor();
    await expect(page.getByText(/Pas encore de/).count()).resolves.toBe(0);
    // A bad link: a French title, a single final period, a way back.
    await page.goto(`${server.baseUrl}/#/no-such-page`);
    await page.getByText('Page introuvable').waitFor();
    const message = page.getByText(/L’adresse saisie est incorrecte/);
    await expect(message.innerText()).resolves.toBe('L’adresse saisie est incorrecte ou le lien suivi n’existe plus.');
    await logoutThroughConsole(page);
  });

  it('raised no JavaScript error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
