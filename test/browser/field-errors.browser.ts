/**
 * Refusals shown on their field (issue 10, item 2): the sponsor form checks a SIRET with the
 * server's own rule before sending, and a refusal only the server can make (a SIRET already used
 * by another sponsor) appears under the SIRET field, not only as a notification.
 */
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS, apiGet, apiLogin, launchBrowser, loginThroughConsole, siret, startServer, type RunningBrowser, type RunningServer } from './support';

let server: RunningServer;
let browser: RunningBrowser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const admin = DEMO_ACCOUNTS.find(a => a.role === 'ADMIN')!;

async function fillSponsor(page: Page, values: Record<string, string>) {
  await page.getByRole('combobox').first().click();
  await page.getByRole('option').first().click();
  for (const [field, value] of Object.entries(values)) await page.locator(`input[name="${field}"]`).fill(value);
}

/** The message under an input (react-admin wraps each input in `.ra-input-<source>`). */
const helperText = (page: Page, field: string) => page.locator(`.ra-input-${field} .MuiFormHelperText-root`);

it('shows an invalid SIRET on its field before sending, and the server refusal of a used SIRET on its field', async () => {
  const token = await apiLogin(server.baseUrl, admin);
  const [existing] = await apiGet<{ id: string; siret: string }[]>(server.baseUrl, token, '/api/sponsors?range=[0,0]');
  expect(existing?.siret).toMatch(/^\d{14}$/);

  const page = await browser.context.newPage();
  const sponsorPosts: number[] = [];
  page.on('response', response => {
    if (response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/sponsors') sponsorPosts.push(response.status());
  });
  await loginThroughConsole(page, server.baseUrl, admin);
  await page.goto(`${server.baseUrl}/#/sponsors/create`);
  await page.locator('input[name="siret"]').waitFor({ timeout: 30_000 });

  // A 14-digit SIRET whose Luhn key is wrong: the regex of old let it through to the server.
  const good = siret();
  const bad = good.slice(0, 13) + String((Number(good[13]) + 1) % 10);
  await fillSponsor(page, {
    name: 'Commanditaire de test',
    siret: bad,
    addressLine: '1 rue de la Paix',
    postalCode: '3300',
    city: 'Bordeaux',
    departement: '33',
    contactName: 'Jeanne Test',
    contactEmail: 'jeanne.test@example.org',
  });
  await page.getByRole('button', { name: /enregistrer/i }).click();
  await helperText(page, 'siret').filter({ hasText: 'SIRET invalide' }).waitFor({ timeout: 10_000 });
  await helperText(page, 'postalCode').filter({ hasText: 'code postal : 5 chiffres' }).waitFor({ timeout: 10_000 });
  expect(sponsorPosts).toEqual([]);

  // Valid for the client, refused by the server: another sponsor has this SIRET.
  await page.locator('input[name="siret"]').fill(existing.siret);
  await page.locator('input[name="postalCode"]').fill('33000');
  await page.getByRole('button', { name: /enregistrer/i }).click();
  await helperText(page, 'siret').filter({ hasText: `déjà avec le SIRET ${existing.siret}` }).waitFor({ timeout: 15_000 });
  expect(sponsorPosts).toEqual([409]);
  expect(await helperText(page, 'postalCode').filter({ hasText: 'code postal' }).count()).toBe(0);
  expect(page.url()).toContain('/sponsors/create');
  await page.close();
});
