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
import type { AdminDashboard, FinanceDashboard, ReviewerDashboard, RoleDashboard, SupportDashboard } from '../../server/src/rules/dashboards';

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
  // The live scan feed, a page of its own after the scans (for those who read scans).
  'live-scans': 'Scans en direct',
  disputes: 'Litiges',
  subscriptions: 'Abonnements au kit',
  endorsements: 'Endossements',
  statements: 'Relevés',
  payouts: 'Virements',
  'ledger-entries': 'Écritures comptables',
  // The reconciliation report, a page of its own after the ledger (for those who read the ledger).
  reconciliation: 'Rapprochement',
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
    'redemptions', 'scans', 'live-scans', 'subscriptions', 'audit-events',
  ],
  FINANCE: [
    'structures', 'locations', 'referential-categories', 'referential-services', 'offers',
    'sponsors', 'orders', 'booklets', 'passes', 'redemptions', 'scans', 'live-scans', 'disputes', 'subscriptions',
    'endorsements', 'statements', 'payouts', 'ledger-entries', 'reconciliation', 'job-runs', 'audit-events',
  ],
  SUPPORT: [
    'structures', 'locations', 'referential-categories', 'referential-services', 'offers',
    'sponsors', 'orders', 'booklets', 'passes', 'redemptions', 'scans', 'live-scans', 'disputes', 'subscriptions',
    'endorsements', 'statements', 'audit-events',
  ],
};

const expectedMenu = (role: Role) => [
  'Tableau de bord',
  ...MENU_ORDER.filter(resource => READABLE[role].includes(resource)).map(resource => LABELS[resource]),
];

const digits = (text: string) => Number(text.replace(/\D/g, ''));

/** What each role's dashboard shows first: [test id of a count, where the API has it, its French title]. */
const FIRST_SCREEN: Record<Role, [string, (d: RoleDashboard) => number, string][]> = {
  ADMIN: [
    ['dashboard-apticulteurs', d => (d as AdminDashboard).apticulteurs, 'APTICulteurs'],
    ['queue-to-claim-count', d => (d as AdminDashboard).queues.applicationsToClaim.count, 'Demandes à prendre en charge'],
    ['queue-orders-awaiting-payment-count', d => (d as AdminDashboard).queues.ordersAwaitingPayment.count, 'Commandes en attente de paiement'],
    ['queue-open-disputes-count', d => (d as AdminDashboard).queues.openDisputes.count, 'Litiges ouverts'],
  ],
  REVIEWER: [
    ['queue-to-claim-count', d => (d as ReviewerDashboard).queues.toClaim.count, 'Demandes à prendre en charge'],
    ['queue-mine-count', d => (d as ReviewerDashboard).queues.mine.count, 'Mes demandes en instruction'],
    ['queue-offers-count', d => (d as ReviewerDashboard).queues.offersToModerate.count, 'Offres à modérer'],
  ],
  FINANCE: [
    ['queue-orders-awaiting-payment-count', d => (d as FinanceDashboard).ordersAwaitingPayment.count, 'Commandes en attente de paiement'],
    ['queue-orders-awaiting-payment-amount', d => (d as FinanceDashboard).ordersAwaitingPayment.amountCents, 'Commandes en attente de paiement'],
    ['figure-active-orders', d => (d as FinanceDashboard).activeOrders.count, 'Commandes actives'],
  ],
  SUPPORT: [
    ['scans-today-accepted', d => (d as SupportDashboard).scansToday.accepted, "Scans acceptés aujourd’hui"],
    ['scans-today-refused', d => (d as SupportDashboard).scansToday.refused, "Scans refusés aujourd’hui"],
    ['queue-open-disputes-count', d => (d as SupportDashboard).openDisputes.count, 'Litiges ouverts'],
  ],
};
/** Cards a role must not see on its first screen (FINANCE and SUPPORT moderate no offer). */
const NOT_HERE: Record<Role, string[]> = {
  ADMIN: [],
  REVIEWER: ['queue-orders-awaiting-payment', 'chart-passes', 'scans-today-refused'],
  FINANCE: ['queue-offers', 'queue-to-claim', 'chart-structures', 'scans-today-refused'],
  SUPPORT: ['queue-offers', 'queue-to-claim', 'queue-orders-awaiting-payment', 'chart-structures'],
};

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
    let figures: RoleDashboard;

    beforeAll(async () => {
      const token = await apiLogin(server.baseUrl, account);
      figures = await apiGet<RoleDashboard>(server.baseUrl, token, '/api/dashboard');
    });

    it('logs in through the French login page', async () => {
      await page.goto(`${server.baseUrl}/`);
      await page.locator('input[name="username"]').waitFor();
      await expect(page.locator('button[type="submit"]').innerText()).resolves.toMatch(/connexion/i);
      await loginThroughConsole(page, server.baseUrl, account);
      await expect(page.getByText('Tableau de bord').first().isVisible()).resolves.toBe(true);
    });

    it("shows the role's own dashboard, with the figures the API gives", async () => {
      expect(figures.role).toBe(role);
      await page.locator(`[data-testid="dashboard"][data-role="${role}"]`).waitFor();
      const dashboard = await page.getByTestId('dashboard').innerText();
      for (const [testId, value, title] of FIRST_SCREEN[role]) {
        expect([testId, digits(await page.getByTestId(testId).innerText())]).toEqual([testId, value(figures)]);
        expect(dashboard).toContain(title);
      }
      for (const testId of NOT_HERE[role]) await expect(page.getByTestId(testId).count()).resolves.toBe(0);
      if (role === 'ADMIN') {
        // Statuses are labelled in French, not as enum codes.
        await expect(page.getByTestId('chart-structures').innerText()).resolves.toContain('Éligible');
        await expect(page.getByTestId('chart-structures').innerText()).resolves.not.toContain('ELIGIBLE');
      }
      // A queue card opens the list it counts.
      const [firstCard, firstValue] = FIRST_SCREEN[role][0];
      if (firstCard.endsWith('-count')) {
        await page.getByTestId(firstCard).click();
        await page.waitForFunction(() => /filter=/.test(location.hash));
        const total = firstValue(figures);
        if (total > 0 && total <= 25) await page.waitForFunction(n => document.querySelectorAll('tbody tr').length === n, total);
        await page.goto(`${server.baseUrl}/#/`);
        await page.locator(`[data-testid="dashboard"][data-role="${role}"]`).waitFor();
      }
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
