/**
 * Issue 11 in the console: FINANCE creates an order for a demo sponsor (no amount to type: the
 * server computes them), issues it and watches the live progress until it awaits payment with its
 * booklets, activates it with the payment order number, records a partial payment (the amount
 * due drops), hands out a range of its booklets, and finds it all on the sponsor's follow-up.
 */
import { mkdirSync, readFileSync } from 'fs';
import type { Page } from 'playwright-core';
import { apiGet, apiLogin, DEMO_ACCOUNTS, eventually, launchBrowser, loginThroughConsole, newConsolePage, startServer, type RunningBrowser, type RunningServer } from './support';

const SHOTS = '/tmp/aptic-shots';
const FINANCE = DEMO_ACCOUNTS.find(a => a.role === 'FINANCE')!;
const SPONSOR = 'CAF du Nord';
const BOOKLETS = 6;

interface Order {
  id: string;
  status: string;
  faceValueCents: number;
  upstreamFeeCents: number;
  vatCents: number;
  totalCents: number;
  paidCents: number;
  paymentOrderNumber: string | null;
}
interface Booklet {
  id: string;
  number: string;
  handedOutAt: string | null;
  handedOutBy: string | null;
}

describe('emission in the console', () => {
  let server: RunningServer;
  let browser: RunningBrowser;
  let page: Page;
  let token: string;
  let orderId: string;
  const pageErrors: string[] = [];

  const order = () => apiGet<Order>(server.baseUrl, token, `/api/orders/${orderId}`);
  const booklets = () =>
    apiGet<Booklet[]>(
      server.baseUrl,
      token,
      `/api/booklets?filter=${encodeURIComponent(JSON.stringify({ orderId }))}&sort=${encodeURIComponent('["number","ASC"]')}&range=[0,99]`,
    );
  const cents = (testId: string) => page.getByTestId(testId).locator('[data-cents]').getAttribute('data-cents').then(Number);
  const status = () => page.getByTestId('order-status').innerText();
  const dialog = () => page.getByTestId('action-dialog');

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // Small chunks with a pause between them: the issue lasts a few seconds, long enough to see it run.
    server = await startServer(90_000, { JOB_CHUNK_SIZE: '10', JOB_CHUNK_DELAY_MS: '300' });
    token = await apiLogin(server.baseUrl, FINANCE);
    browser = await launchBrowser();
    page = await newConsolePage(browser, pageErrors);
    await loginThroughConsole(page, server.baseUrl, FINANCE);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a draft order without any amount to type, and shows the amounts the server computed', async () => {
    await page.goto(`${server.baseUrl}/#/orders/create`);
    await page.getByTestId('order-amounts-note').waitFor();
    for (const computed of ['faceValueCents', 'upstreamFeeCents', 'vatCents', 'totalCents', 'paidCents']) {
      await expect(page.locator(`input[name="${computed}"]`).count()).resolves.toBe(0);
    }
    await page.getByLabel('Commanditaire').fill(SPONSOR);
    await page.getByRole('option', { name: SPONSOR }).click();
    await page.locator('input[name="bookletCount"]').fill(String(BOOKLETS - 1));
    await page.screenshot({ path: `${SHOTS}/emission-order-create.png`, fullPage: true });
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/orders\/[^/]+\/show/, { timeout: 20_000 });
    orderId = decodeURIComponent(/\/orders\/([^/]+)\/show/.exec(page.url())![1]);
    await expect(status()).resolves.toBe('Brouillon');
    // 5 booklets × 10 passes × 10 € = 500 €; fee 4 % = 20 €; VAT 20 % of the fee = 4 €.
    await page.getByTestId('order-amounts').waitFor();
    await expect(cents('order-face-value')).resolves.toBe(50_000);
    await expect(cents('order-total')).resolves.toBe(52_400);
    expect((await order()).status).toBe('DRAFT');
  });

  it('corrects the draft, and the server computes its amounts again', async () => {
    await page.locator(`a[href="#/orders/${orderId}"]`).first().click();
    await page.getByText('Vous modifiez cet enregistrement').first().waitFor({ timeout: 20_000 });
    await page.locator('input[name="bookletCount"]').fill(String(BOOKLETS));
    // The restriction is chosen by name: typing « Gironde » proposes « 33 — Gironde ».
    await page.getByLabel('Départements autorisés').fill('Gironde');
    await page.getByRole('option', { name: '33 — Gironde' }).click();
    await page.screenshot({ path: `${SHOTS}/emission-order-departements.png`, fullPage: true });
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/show/, { timeout: 20_000 });
    // 6 booklets × 10 passes × 10 € = 600 €; fee 4 % = 24 €; VAT 20 % of the fee = 4,80 €.
    await eventually(() => cents('order-face-value'), 60_000);
    await expect(cents('order-face-value')).resolves.toBe(60_000);
    await expect(cents('order-fee')).resolves.toBe(2_400);
    await expect(cents('order-vat')).resolves.toBe(480);
    await expect(cents('order-total')).resolves.toBe(62_880);
    await expect(page.getByTestId('order-total').innerText()).resolves.toMatch(/628,80\s€/);
    // A draft is a quote: nothing paid nor due yet.
    await expect(page.getByTestId('order-due').count()).resolves.toBe(0);
    const saved = await order();
    expect(saved).toMatchObject({ status: 'DRAFT', faceValueCents: 60_000, totalCents: 62_880, allowedDepartements: ['33'] });
    await page.getByRole('tab', { name: 'Restrictions' }).click();
    await expect(page.getByTestId('departements').innerText()).resolves.toBe('33 — Gironde');
    await page.getByRole('tab', { name: 'Résumé' }).click();
    // A draft has neither Activer nor Enregistrer un paiement.
    await expect(page.locator('[data-action="activate"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-action="record-payment"]').count()).resolves.toBe(0);
    await page.screenshot({ path: `${SHOTS}/emission-order-draft.png`, fullPage: true });
  });

  it('issues it with a live progress bar, then awaits payment with its booklets', async () => {
    await page.locator('[data-action="issue"]').click();
    await dialog().getByTestId('action-dialog-confirm').click();
    const progress = page.getByTestId('order-issue-progress');
    await progress.locator('[data-job-progress][data-status="RUNNING"]').waitFor({ timeout: 20_000 });
    await progress.getByRole('progressbar').waitFor();
    await page.screenshot({ path: `${SHOTS}/emission-order-issuing.png`, fullPage: true });
    await progress.locator('[data-job-progress][data-status="SUCCEEDED"]').waitFor({ timeout: 60_000 });
    // Each step's counts are named, not bare numbers.
    await progress.getByText(`Pass générés : ${BOOKLETS * 10} pass`).waitFor({ timeout: 20_000 });
    await progress.getByText(`Carnets numérotés : ${BOOKLETS} carnets`).waitFor();
    await page.getByTestId('order-status').getByText('En attente de paiement').waitFor({ timeout: 20_000 });
    expect((await order()).status).toBe('AWAITING_PAYMENT');
    const issued = await booklets();
    expect(issued).toHaveLength(BOOKLETS);
    await page.getByRole('tab', { name: /Carnets/ }).click();
    await page.locator('tbody tr').filter({ hasText: issued[0].number }).waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBe(BOOKLETS);
    await page.screenshot({ path: `${SHOTS}/emission-order-issued-booklets.png`, fullPage: true });
    await page.getByRole('tab', { name: 'Résumé' }).click();
  });

  it('activates it with the sponsor’s payment order number', async () => {
    await page.locator('[data-action="activate"]').click();
    await dialog().locator('input[name="paymentOrderNumber"]').fill('OP-59-2026-000777');
    await page.screenshot({ path: `${SHOTS}/emission-order-activate-dialog.png` });
    await dialog().getByTestId('action-dialog-confirm').click();
    await page.getByTestId('order-status').getByText('Active', { exact: true }).waitFor({ timeout: 20_000 });
    await page.getByText('OP-59-2026-000777').first().waitFor();
    expect(await order()).toMatchObject({ status: 'ACTIVE', paymentOrderNumber: 'OP-59-2026-000777' });
    await expect(cents('order-due')).resolves.toBe(62_880);
    // Active: no more Émettre nor Annuler.
    await expect(page.locator('[data-action="issue"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-action="cancel"]').count()).resolves.toBe(0);
  });

  it('records a partial payment, and the amount due drops', async () => {
    await page.locator('[data-action="record-payment"]').click();
    // Prefilled with what is due; the bank received part of it.
    await expect(dialog().locator('input[name="amountCents"]').inputValue()).resolves.toBe('628.8');
    await dialog().locator('input[name="amountCents"]').fill('300');
    await dialog().locator('input[name="bankReference"]').fill('VIR-CAF59-2026-0042');
    await page.screenshot({ path: `${SHOTS}/emission-payment-dialog.png` });
    await dialog().getByTestId('action-dialog-confirm').click();
    await dialog().waitFor({ state: 'detached', timeout: 20_000 });
    await eventually(() => cents('order-due'), 32_880, 20_000);
    await expect(cents('order-paid')).resolves.toBe(30_000);
    await expect(page.getByTestId('order-due').innerText()).resolves.toMatch(/328,80\s€/);
    expect((await order()).paidCents).toBe(30_000);
    await page.screenshot({ path: `${SHOTS}/emission-order-partly-paid.png`, fullPage: true });
    await page.getByRole('tab', { name: /Paiements/ }).click();
    await page.locator('tbody tr').filter({ hasText: 'VIR-CAF59-2026-0042' }).filter({ hasText: '300,00' }).waitFor();
  });

  it('lists the fee invoice numbered at activation and downloads its PDF with the staff token', async () => {
    await page.getByRole('tab', { name: /Documents/ }).click();
    const row = page.locator('tbody tr').filter({ hasText: 'Facture des frais amont' });
    await row.waitFor({ timeout: 15_000 });
    const filter = encodeURIComponent(JSON.stringify({ orderId }));
    const [invoice] = await apiGet<{ number: string; amountCents: number }[]>(server.baseUrl, token, `/api/sponsor-documents?filter=${filter}&range=[0,0]`);
    expect(invoice.amountCents).toBe(62_880); // what the sponsor owes, incl. VAT on the fee
    await expect(row.innerText()).resolves.toContain(invoice.number);
    await expect(row.innerText()).resolves.toMatch(/628,80\s€/);
    const [download] = await Promise.all([page.waitForEvent('download'), row.locator('[data-download]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = `${SHOTS}/emission-fee-invoice.pdf`;
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await page.screenshot({ path: `${SHOTS}/emission-order-documents.png`, fullPage: true });
  });

  it('hands out a range of its booklets', async () => {
    const issued = await booklets();
    const [from, to] = [issued[1].number, issued[3].number];
    await page.getByRole('tab', { name: /Carnets/ }).click();
    await page.locator('[data-action="hand-out-range"]').click();
    await dialog().locator('input[name="from"]').fill(from);
    await dialog().locator('input[name="to"]').fill(to);
    await dialog().locator('input[name="handedOutBy"]').fill('Mme Durand, CCAS de Lille');
    await page.screenshot({ path: `${SHOTS}/emission-hand-out-range-dialog.png` });
    await dialog().getByTestId('action-dialog-confirm').click();
    await page.getByText('3 carnets enregistrés comme remis').waitFor({ timeout: 20_000 });
    const after = await booklets();
    expect(after.filter(b => b.handedOutAt).map(b => b.number)).toEqual([issued[1].number, issued[2].number, issued[3].number]);
    expect(after[2].handedOutBy).toBe('Mme Durand, CCAS de Lille');
    await page.locator('tbody tr').filter({ hasText: to }).filter({ hasText: 'Mme Durand' }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${SHOTS}/emission-booklets-handed-out.png`, fullPage: true });
  });

  it('hands out a single booklet from its page', async () => {
    const [first] = await booklets();
    await page.goto(`${server.baseUrl}/#/booklets/${first.id}/show`);
    // Its sheet to print first.
    const [sheet] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-download="booklets/${first.id}/sheet.pdf"]`).click()]);
    const file = `${SHOTS}/emission-booklet-sheet.pdf`;
    await sheet.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await page.locator('[data-action="hand-out"]').click();
    await dialog().locator('input[name="handedOutBy"]').fill('Accueil de la CAF, Roubaix');
    await dialog().getByTestId('action-dialog-confirm').click();
    await page.getByText('Accueil de la CAF, Roubaix').first().waitFor({ timeout: 15_000 });
    // Handed out: no second Remettre.
    await page.locator('[data-action="hand-out"]').waitFor({ state: 'detached' });
    expect((await booklets())[0].handedOutBy).toBe('Accueil de la CAF, Roubaix');
  });

  it('cancels a lost booklet from its page: its active passes are cancelled', async () => {
    const last = (await booklets())[BOOKLETS - 1];
    await page.goto(`${server.baseUrl}/#/booklets/${last.id}/show`);
    // The hash changes without a reload: wait for this booklet's page, or the click lands on the
    // previous booklet's button and its dialog goes away with that page.
    await page.getByText(last.number, { exact: true }).first().waitFor({ timeout: 15_000 });
    await page.locator('[data-action="cancel"]').click();
    await dialog().locator('textarea[name="reason"]').fill('Carnet perdu par le bénéficiaire');
    await page.screenshot({ path: `${SHOTS}/emission-booklet-cancel-dialog.png` });
    await dialog().getByTestId('action-dialog-confirm').click();
    await dialog().waitFor({ state: 'detached', timeout: 15_000 });
    const filter = encodeURIComponent(JSON.stringify({ bookletId: last.id }));
    await eventually(
      async () => (await apiGet<{ status: string }[]>(server.baseUrl, token, `/api/passes?filter=${filter}&range=[0,49]`)).every(p => p.status === 'CANCELLED'),
      true,
    );
    // Nothing left to cancel, hand out or print (the server refuses a sheet with cancelled passes).
    await page.locator('[data-action="cancel"]').waitFor({ state: 'detached', timeout: 15_000 });
    await expect(page.locator('[data-action="hand-out"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-download$="sheet.pdf"]').count()).resolves.toBe(0);
    await page.getByRole('tab', { name: /Pass/ }).click();
    await page.locator('tbody tr').filter({ hasText: 'Annulé' }).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${SHOTS}/emission-booklet-cancelled.png`, fullPage: true });
  });

  it('finds a pass by its barcode and cancels it', async () => {
    const booklet = (await booklets())[BOOKLETS - 2];
    const filter = encodeURIComponent(JSON.stringify({ bookletId: booklet.id }));
    const [pass] = await apiGet<{ id: string; barcode: string; status: string }[]>(server.baseUrl, token, `/api/passes?filter=${filter}&range=[0,0]`);
    expect(pass.status).toBe('ACTIVE');
    await page.goto(`${server.baseUrl}/#/passes`);
    await page.locator('input[name="q"]').fill(pass.barcode);
    await page.locator('tbody tr').filter({ hasText: pass.barcode }).waitFor({ timeout: 15_000 });
    await eventually(() => page.locator('tbody tr').count(), 1);
    // On the barcode: the middle of the row is a link to its booklet.
    await page.locator('tbody tr').getByText(pass.barcode).click();
    await page.waitForURL(new RegExp(`/passes/${pass.id}/show`));
    await page.locator('[data-action="cancel"]').click();
    await dialog().locator('textarea[name="reason"]').fill('Pass volé, signalé par le CCAS');
    await dialog().getByTestId('action-dialog-confirm').click();
    await dialog().waitFor({ state: 'detached', timeout: 15_000 });
    await eventually(async () => (await apiGet<{ status: string }>(server.baseUrl, token, `/api/passes/${pass.id}`)).status, 'CANCELLED');
    // Cancelled: the button is gone (only an active pass is cancelled).
    await page.locator('[data-action="cancel"]').waitFor({ state: 'detached', timeout: 15_000 });
    await page.screenshot({ path: `${SHOTS}/emission-pass-cancelled.png`, fullPage: true });
  });

  it('cancels a draft order with its reason', async () => {
    const filter = encodeURIComponent(JSON.stringify({ status: 'DRAFT' }));
    const [draft] = await apiGet<{ id: string; reference: string }[]>(server.baseUrl, token, `/api/orders?filter=${filter}&range=[0,0]`);
    await page.goto(`${server.baseUrl}/#/orders/${draft.id}/show`);
    await page.getByText(draft.reference, { exact: true }).first().waitFor({ timeout: 15_000 });
    await page.locator('[data-action="cancel"]').click();
    await dialog().locator('textarea[name="reason"]').fill('Commande saisie en double');
    await dialog().getByTestId('action-dialog-confirm').click();
    await page.getByTestId('order-status').getByText('Annulée').waitFor({ timeout: 15_000 });
    await page.getByText('Commande saisie en double').first().waitFor();
    await expect(page.getByTestId('order-due').count()).resolves.toBe(0);
    // Cancelled: no workflow button and no edit left.
    for (const action of ['issue', 'activate', 'record-payment', 'cancel']) {
      await expect(page.locator(`[data-action="${action}"]`).count()).resolves.toBe(0);
    }
    await expect(page.locator(`a[href="#/orders/${draft.id}"]`).count()).resolves.toBe(0);
    expect((await apiGet<{ status: string }>(server.baseUrl, token, `/api/orders/${draft.id}`)).status).toBe('CANCELLED');
    await page.screenshot({ path: `${SHOTS}/emission-order-cancelled.png`, fullPage: true });
  });

  it('shows the sponsor’s follow-up with the booklets handed out and the money due', async () => {
    const saved = await apiGet<{ sponsorId: string }>(server.baseUrl, token, `/api/orders/${orderId}`);
    await page.goto(`${server.baseUrl}/#/sponsors/${saved.sponsorId}/show`);
    const followUp = page.getByTestId('sponsor-follow-up');
    await followUp.waitFor({ timeout: 20_000 });
    const figures = await apiGet<{ booklets: { handedOut: number }; money: { dueCents: number } }>(
      server.baseUrl,
      token,
      `/api/sponsors/${saved.sponsorId}/follow-up`,
    );
    expect(figures.booklets.handedOut).toBeGreaterThanOrEqual(3);
    await expect(followUp.getByTestId('follow-up-handed-out').innerText()).resolves.toContain(figures.booklets.handedOut.toLocaleString('fr-FR'));
    await followUp.getByTestId('follow-up-redemptions').waitFor();
    await page.screenshot({ path: `${SHOTS}/emission-sponsor-follow-up.png`, fullPage: true });
  });

  it('draws the redemptions month by month of a sponsor whose passes were used', async () => {
    const [gironde] = await apiGet<{ id: string }[]>(
      server.baseUrl,
      token,
      `/api/sponsors?filter=${encodeURIComponent(JSON.stringify({ q: 'Gironde' }))}&range=[0,0]`,
    );
    const figures = await apiGet<{ redemptionsByMonth: { month: string; passes: number }[] }>(server.baseUrl, token, `/api/sponsors/${gironde.id}/follow-up`);
    expect(figures.redemptionsByMonth.length).toBeGreaterThan(0);
    await page.goto(`${server.baseUrl}/#/sponsors/${gironde.id}/show`);
    const chart = page.getByTestId('follow-up-redemptions');
    await chart.locator('.recharts-bar-rectangle').first().waitFor({ timeout: 20_000 });
    await expect(chart.locator('.recharts-bar-rectangle').count()).resolves.toBe(figures.redemptionsByMonth.filter(m => m.passes > 0).length);
    await page.screenshot({ path: `${SHOTS}/emission-sponsor-redemptions-chart.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
