/**
 * The books in the console (SPEC §3 "Ledger"): FINANCE reads the ledger in euros with French
 * event names, narrows it to one account or one transaction by a click, and finds the same
 * lines the API gives.
 */
import { mkdirSync } from 'fs';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS, apiGet, apiLogin, launchBrowser, loginThroughConsole, startServer, type RunningBrowser, type RunningServer } from './support';

interface Entry {
  id: string;
  transactionId: string;
  account: string;
  debitCents: number;
  creditCents: number;
  event: string;
}

const finance = DEMO_ACCOUNTS.find(a => a.role === 'FINANCE')!;
const euros = (cents: number) => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);
const normalise = (text: string) => text.replace(/\s/g, ' ');

describe('the ledger in the console', () => {
  let server: RunningServer;
  let browser: RunningBrowser;
  let page: Page;
  let token: string;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync('/tmp/aptic-shots', { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', error => errors.push(error.message));
    token = await apiLogin(server.baseUrl, finance);
    await loginThroughConsole(page, server.baseUrl, finance);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the newest lines with amounts in euros and events in French', async () => {
    const [newest] = await apiGet<Entry[]>(server.baseUrl, token, '/api/ledger-entries?range=[0,0]&sort=["createdAt","DESC"]');
    await page.goto(`${server.baseUrl}/#/ledger-entries`);
    const firstRow = page.locator('tbody tr').first();
    await firstRow.waitFor();
    const text = normalise(await firstRow.innerText());
    expect(text).toContain(normalise(euros(newest.debitCents || newest.creditCents)));
    expect(text).toContain('Passage accepté');
    expect(normalise(await page.locator('thead').innerText())).toMatch(/Compte.*Débit.*Crédit/s);
    await page.screenshot({ path: '/tmp/aptic-shots/ledger-entries.png' });
  });

  it('shows one account’s lines after a click on it', async () => {
    const account = await page.locator('tbody tr [data-account^="SPONSOR:"], tbody tr [data-account^="STRUCTURE:"]').first();
    const name = (await account.getAttribute('data-account'))!;
    await account.click();
    const expected = await apiGet<Entry[]>(server.baseUrl, token, `/api/ledger-entries?filter=${encodeURIComponent(JSON.stringify({ account: name }))}&range=[0,49]`);
    await page.waitForFunction(
      ({ name, count }) => {
        const rows = Array.from(document.querySelectorAll('tbody tr'));
        return rows.length === count && rows.every(r => r.querySelector(`[data-account="${name}"]`));
      },
      { name, count: expected.length },
    );
  });

  it('raised no JavaScript error', () => {
    expect(errors).toEqual([]);
  });
});
