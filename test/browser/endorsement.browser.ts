/**
 * Issue 14 in the console: FINANCE prepares October 2026 on the demo data (« Préparer un mois »)
 * and watches its computation, opens the month, recomputes it, closes it after a confirmation
 * that states the totals, and watches the closing until the statements are numbered; then exports
 * the transfers, downloads the SEPA file (checked against the pain.001 rules) and marks them paid.
 */
import { mkdirSync, readFileSync } from 'fs';
import type { Page } from 'playwright-core';
import { checkPain001 } from '../support/pain001';
import { apiGet, apiLogin, DEMO_ACCOUNTS, launchBrowser, loginThroughConsole, newConsolePage, startServer, type RunningBrowser, type RunningServer } from './support';

const SHOTS = '/tmp/aptic-shots';
const FINANCE = DEMO_ACCOUNTS.find(a => a.role === 'FINANCE')!;
const MONTH = '2026-10';

interface Endorsement {
  id: string;
  period: string;
  status: string;
  revision: number;
  statementCount: number;
  passCount: number;
  payableCents: number;
}

describe('the monthly endorsement in the console', () => {
  let server: RunningServer;
  let browser: RunningBrowser;
  let page: Page;
  let token: string;
  const pageErrors: string[] = [];
  const dialog = () => page.getByTestId('action-dialog');
  const month = async () => (await apiGet<Endorsement[]>(server.baseUrl, token, `/api/endorsements?filter=${encodeURIComponent(JSON.stringify({ period: MONTH }))}`))[0];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // Small chunks with a pause between them: the computation lasts a few seconds, long enough to see it run.
    server = await startServer(90_000, { JOB_CHUNK_SIZE: '5', JOB_CHUNK_DELAY_MS: '200' });
    token = await apiLogin(server.baseUrl, FINANCE);
    browser = await launchBrowser();
    page = await newConsolePage(browser, pageErrors);
    await page.setViewportSize({ width: 1440, height: 900 });
    await loginThroughConsole(page, server.baseUrl, FINANCE);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('prepares a month from the list and shows its computation live, step by step', async () => {
    await page.goto(`${server.baseUrl}/#/endorsements`);
    await page.locator('[data-action="prepare-month"]').click();
    const period = dialog().locator('input[name="period"]');
    await period.fill('2026-13');
    await dialog().getByTestId('action-dialog-confirm').click();
    await dialog().getByText('Un mois AAAA-MM, par exemple 2026-11').waitFor();
    await period.fill(MONTH);
    await dialog().getByTestId('action-dialog-confirm').click();
    const progress = page.getByTestId('prepare-progress');
    await progress.locator('[data-job-progress][data-status="RUNNING"]').waitFor({ timeout: 20_000 });
    await progress.getByRole('progressbar').waitFor();
    await page.screenshot({ path: `${SHOTS}/endorsement-preparing.png`, fullPage: true });
    await progress.locator('[data-job-progress][data-status="SUCCEEDED"]').waitFor({ timeout: 60_000 });
    await progress.getByText(/Totaux du mois : .*relevés/).waitFor();
    const prepared = await month();
    expect(prepared).toEqual(expect.objectContaining({ status: 'PREPARED', revision: 1 }));
    await page.locator('tbody tr').filter({ hasText: MONTH }).getByText('Préparé').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${SHOTS}/endorsement-list.png`, fullPage: true });
  });

  it('recomputes the draft, then closes it after a confirmation stating the totals, with the closing’s progress', async () => {
    await page.locator('tbody tr').filter({ hasText: MONTH }).click();
    await page.getByTestId('endorsement-status').getByText('Préparé').waitFor();
    await page.locator('[data-action="recompute"]').click();
    await dialog().getByTestId('action-dialog-confirm').click();
    const progress = page.getByTestId('endorsement-progress');
    await progress.locator('[data-job-progress="endorsement-prepare"][data-status="SUCCEEDED"]').waitFor({ timeout: 60_000 });
    await page.getByText('2026-10.r2').first().waitFor({ timeout: 20_000 });
    const draft = await month();
    expect(draft.revision).toBe(2);
    await page.screenshot({ path: `${SHOTS}/endorsement-draft.png`, fullPage: true });

    await page.locator('[data-action="close"]').click();
    const totals = await dialog().getByTestId('close-totals').innerText();
    expect(totals.replace(/[\u202f\u00a0]/g, ' ')).toContain(`Clôturer définitivement ${MONTH} : ${draft.statementCount} relevés, ${draft.passCount} pass.`);
    expect(totals.replace(/[\u202f\u00a0]/g, ' ')).toContain(`dont ${(draft.payableCents / 100).toFixed(2).replace('.', ',')} € à virer`);
    await page.screenshot({ path: `${SHOTS}/endorsement-close-confirm.png` });
    await dialog().getByTestId('action-dialog-confirm').click();
    await progress.locator('[data-job-progress="endorsement-close"][data-status="SUCCEEDED"]').waitFor({ timeout: 60_000 });
    // The three steps of the closing, with their figures: the passes endorsed in chunks, numbering and posting at once, then the PDFs.
    await progress.getByText(new RegExp(`Pass endossés : ${draft.passCount}\\s*pass`)).waitFor();
    await progress.getByText(/Numérotation, écritures comptables, virements : .*relevés/).waitFor();
    await progress.getByText(new RegExp(`Relevés PDF : ${draft.statementCount}\\s*PDF`)).waitFor();
    await page.screenshot({ path: `${SHOTS}/endorsement-close-progress.png` });
    await page.getByTestId('endorsement-status').getByText('Clôturé').waitFor({ timeout: 20_000 });
    expect((await month()).status).toBe('CLOSED');
    // No more Recalculer nor Clôturer.
    await expect(page.locator('[data-action="recompute"], [data-action="close"]').count()).resolves.toBe(0);
    await page.screenshot({ path: `${SHOTS}/endorsement-closed.png`, fullPage: true });
    await page.getByRole('tab', { name: 'Relevés' }).click();
    await page.locator('tbody tr').filter({ hasText: /2026-0000\d\d/ }).first().waitFor();
    await page.screenshot({ path: `${SHOTS}/endorsement-statements.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('gives each structure its statement in its space, with the PDF', async () => {
    const closed = await month();
    const [statement] = await apiGet<{ id: string; number: string; structureId: string; netCents: number }[]>(
      server.baseUrl,
      token,
      `/api/statements?filter=${encodeURIComponent(JSON.stringify({ endorsementId: closed.id }))}&sort=${encodeURIComponent('["netCents","DESC"]')}&range=[0,0]`,
    );
    const admin = await apiLogin(server.baseUrl, DEMO_ACCOUNTS.find(a => a.role === 'ADMIN')!);
    const issued = await fetch(`${server.baseUrl}/api/structures/${statement.structureId}/reissue-api-key`, { method: 'POST', headers: { Authorization: `Bearer ${admin}` } });
    const key = ((await issued.json()) as { partnerApiKey: { key: string } }).partnerApiKey.key;
    const space = await browser.context.newPage();
    space.on('pageerror', error => pageErrors.push(error.message));
    await space.setViewportSize({ width: 390, height: 844 });
    await space.goto(`${server.baseUrl}/espace/#/releves`);
    await space.getByLabel('Clé de la structure').fill(key);
    await space.getByRole('button', { name: 'Entrer' }).click();
    const card = space.locator(`[data-statement="${statement.number}"]`);
    await card.getByText(/octobre 2026/i).waitFor();
    await space.screenshot({ path: `${SHOTS}/espace-phone-releves-closed.png`, fullPage: true });
    const [download] = await Promise.all([space.waitForEvent('download'), card.getByRole('button', { name: `Télécharger le relevé ${statement.number} (PDF)` }).click()]);
    expect(download.suggestedFilename()).toBe(`releve-${statement.number}.pdf`);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await space.close();
    expect(pageErrors).toEqual([]);
  });

  it('exports the transfers, downloads the SEPA file for the bank, and marks them paid', async () => {
    const closed = await month();
    await page.goto(`${server.baseUrl}/#/endorsements/${closed.id}/show`);
    await page.getByTestId('endorsement-status').getByText('Clôturé').waitFor();
    await page.locator('[data-action="export"]').click();
    const stated = (await dialog().getByTestId('export-totals').innerText()).replace(/[\u202f\u00a0]/g, ' ');
    expect(stated).toContain(`${(closed.payableCents / 100).toFixed(2).replace('.', ',')} €`);
    await page.screenshot({ path: `${SHOTS}/endorsement-export-confirm.png` });
    await dialog().getByTestId('action-dialog-confirm').click();
    await page.getByTestId('endorsement-status').getByText('Exporté').waitFor({ timeout: 20_000 });
    const files = page.getByTestId('payout-files');
    const [download] = await Promise.all([page.waitForEvent('download'), files.getByRole('button', { name: 'Fichier SEPA (XML)' }).click()]);
    expect(download.suggestedFilename()).toBe(`virements-${MONTH}.xml`);
    const parsed = checkPain001(readFileSync((await download.path())!, 'utf8'));
    expect(parsed.problems).toEqual([]);
    const payouts = await apiGet<{ amountCents: number; status: string }[]>(
      server.baseUrl,
      token,
      `/api/payouts?filter=${encodeURIComponent(JSON.stringify({ endorsementId: closed.id }))}&range=[0,999]`,
    );
    const exported = payouts.filter(p => p.status === 'EXPORTED');
    expect(exported.length).toBeGreaterThan(0);
    expect(parsed.transfers).toHaveLength(exported.length);
    expect(parsed.controlSumCents).toBe(exported.reduce((sum, p) => sum + p.amountCents, 0));
    await page.screenshot({ path: `${SHOTS}/endorsement-exported.png`, fullPage: true });

    await page.locator('[data-action="mark-paid"]').click();
    await dialog().getByText(/la banque a exécuté les virements/).waitFor();
    await dialog().getByTestId('action-dialog-confirm').click();
    await page.getByTestId('endorsement-status').getByText('Payé').waitFor({ timeout: 20_000 });
    expect((await month()).status).toBe('PAID');
    await expect(page.locator('[data-action="mark-paid"], [data-action="export"]').count()).resolves.toBe(0);
    await page.getByRole('tab', { name: 'Virements' }).click();
    await page.locator('tbody tr').filter({ hasText: 'Payé' }).first().waitFor();
    await page.screenshot({ path: `${SHOTS}/endorsement-paid.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('downloads a sponsor’s monthly redemption report', async () => {
    const [sponsor] = await apiGet<{ id: string; name: string }[]>(server.baseUrl, token, `/api/sponsors?sort=${encodeURIComponent('["name","ASC"]')}&range=[0,0]`);
    await page.goto(`${server.baseUrl}/#/sponsors/${sponsor.id}/show/report`);
    const report = page.getByTestId('sponsor-report');
    const month = report.getByTestId('sponsor-report-month');
    await month.fill('2026-13');
    await report.getByText('Un mois AAAA-MM, par exemple 2026-11').waitFor();
    await expect(report.getByRole('button', { name: 'Rapport (PDF)' }).count()).resolves.toBe(0);
    await month.fill(MONTH);
    await page.screenshot({ path: `${SHOTS}/sponsor-report.png`, fullPage: true });
    const [csv] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: 'Rapport (CSV)' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^utilisation-2026-10-\d{14}\.csv$/);
    expect(readFileSync((await csv.path())!, 'utf8')).toContain('Mois;Structure;Commune;Service;Pass utilisés;Valeur (€)');
    const [pdf] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: 'Rapport (PDF)' }).click()]);
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageErrors).toEqual([]);
  });

  it('shows FINANCE the month on the dashboard, and the reconciliation with no difference', async () => {
    await page.goto(`${server.baseUrl}/#/`);
    const last = page.getByTestId('last-endorsements');
    await last.locator('tr').filter({ hasText: MONTH }).getByText('Payé').waitFor({ timeout: 20_000 });
    await page.getByTestId('figure-next-preparation').waitFor();
    await page.getByTestId('reconciliation-alert').waitFor();
    await page.screenshot({ path: `${SHOTS}/dashboard-finance.png`, fullPage: true });
    await page.locator('[data-page="/reconciliation"]').click();
    const report = page.getByTestId('reconciliation');
    await report.getByTestId('reconciliation-month').fill(MONTH);
    await report.getByTestId('reconciliation-ok').waitFor({ timeout: 20_000 });
    for (const invariant of ['TRANSACTION_BALANCED', 'PASS_FLOAT', 'STRUCTURE', 'SPONSOR']) {
      await expect(report.locator(`[data-invariant="${invariant}"]`).getAttribute('data-difference')).resolves.toBe('0');
    }
    await report.locator('[data-family="BANK"]').waitFor();
    await page.screenshot({ path: `${SHOTS}/reconciliation.png`, fullPage: true });
    const [csv] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: 'Exporter (CSV)' }).click()]);
    expect(csv.suggestedFilename()).toBe(`rapprochement-${MONTH}.csv`);
    expect(pageErrors).toEqual([]);
  });
});
