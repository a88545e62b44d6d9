/**
 * Issue 15, "Done means": SUPPORT sees a refusal on the live page (a pass already endorsed at one
 * structure, presented at another), opens a dispute from it, reads the pass's timeline in the
 * « Enquête » tab, resolves it with VOID_SCAN; FINANCE then sees the adjustment on the first
 * structure's next draft. October is prepared and closed through the API first (FINANCE), so
 * that the demo passes redeemed in October are ENDORSED. The built server runs through
 * test/browser/live-server.js, which issues partner keys (as approval does).
 */
import { randomUUID } from 'crypto';
import { mkdirSync } from 'fs';
import type { Page } from 'playwright-core';
import { api, apiGet, apiLogin, DEMO_ACCOUNTS, launchBrowser, loginThroughConsole, logoutThroughConsole, newConsolePage, startServer, type RunningBrowser, type RunningServer } from './support';

const SHOTS = '/tmp/aptic-shots';
const SUPPORT = DEMO_ACCOUNTS.find(a => a.role === 'SUPPORT')!;
const FINANCE = DEMO_ACCOUNTS.find(a => a.role === 'FINANCE')!;

const query = (params: Record<string, unknown>) =>
    '?' + Object.entries(params).map(([key, value]) => `${key}=${encodeURIComponent(JSON.stringify(value))}`).join('&');

describe('a disputed scan, from the live page to the next draft', () => {
    let server: RunningServer;
    let finance: string;
    let support: string;
    let browser: RunningBrowser;
    let page: Page;
    const pageErrors: string[] = [];
    let pass: { id: string; barcode: string };
    let first: { structureId: string; name: string };
    let refusal: { id: string };

    const get = <T>(token: string, url: string) => apiGet<T>(server.baseUrl, token, url);
    const waitFor = async <T>(read: () => Promise<T | undefined | null | false>, ms = 60_000): Promise<T> => {
        for (const until = Date.now() + ms; Date.now() < until; await new Promise(r => setTimeout(r, 250))) {
            const value = await read();
            if (value) return value;
        }
        throw new Error('timed out');
    };
    const month = async (period: string) => (await get<{ id: string; status: string; revision: number }[]>(finance, `/api/endorsements${query({ filter: { period } })}`))[0];
    const prepared = async (period: string) => {
        await api(server.baseUrl, finance, 'POST', '/api/endorsements/prepare', { period });
        return waitFor(async () => {
            const e = await month(period);
            return e?.status === 'PREPARED' && e;
        });
    };

    beforeAll(async () => {
        mkdirSync(SHOTS, { recursive: true });
        server = await startServer(90_000, {}, { entry: 'test/browser/live-server.js', ipc: true });
        [finance, support] = await Promise.all([apiLogin(server.baseUrl, FINANCE), apiLogin(server.baseUrl, SUPPORT)]);
        // October closed: its passes are ENDORSED.
        const october = await prepared('2026-10');
        await api(server.baseUrl, finance, 'POST', `/api/endorsements/${october.id}/close`, { revision: october.revision });
        await waitFor(async () => (await month('2026-10'))?.status === 'CLOSED');
        [pass] = await get<{ id: string; barcode: string }[]>(support, `/api/passes${query({ filter: { status: 'ENDORSED' }, sort: ['barcode', 'ASC'], range: [0, 0] })}`);
        const [accepted] = await get<{ structureId: string }[]>(support, `/api/scans${query({ filter: { passId: pass.id, outcome: 'ACCEPTED' } })}`);
        const structure = await get<{ id: string; name: string }>(support, `/api/structures/${accepted.structureId}`);
        first = { structureId: structure.id, name: structure.name };
        browser = await launchBrowser();
        page = await newConsolePage(browser, pageErrors);
        await loginThroughConsole(page, server.baseUrl, SUPPORT);
    }, 240_000);

    afterAll(async () => {
        await browser?.close();
        await server?.stop();
    });

    it('shows SUPPORT the refusal of the endorsed pass at another structure, live', async () => {
        await page.goto(`${server.baseUrl}/#/live-scans`);
        await page.getByTestId('live-status').and(page.locator('[data-status="live"]')).waitFor();
        for (let i = 0; i < 100 && (await server.ask<number>({ roomSize: 'scans/live' })) === 0; i++) await page.waitForTimeout(100);
        // Another eligible structure with an approved offer presents the pass.
        const eligible = new Set((await get<{ id: string }[]>(support, `/api/structures${query({ filter: { status: ['ELIGIBLE'] }, range: [0, 999] })}`)).map(s => s.id));
        const offers = (await get<{ id: string; structureId: string }[]>(support, `/api/offers${query({ filter: { status: 'APPROVED' }, range: [0, 999] })}`)).filter(o => eligible.has(o.structureId));
        const offer = offers.find(o => o.structureId !== first.structureId)!;
        const key = await server.ask<string>({ partnerKey: offer.structureId });
        const response = await fetch(`${server.baseUrl}/api/partner/redemptions`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
            body: JSON.stringify({ offerId: offer.id, barcodes: [pass.barcode] }),
        });
        expect(response.status).toBe(422);
        [refusal] = ((await response.json()) as { details: { scans: { id: string }[] } }).details.scans;
        const row = page.locator(`[data-testid="live-scan-row"][data-scan-id="${refusal.id}"]`);
        await row.waitFor();
        await expect(row.getAttribute('data-outcome')).resolves.toBe('REJECTED');
        await expect(row.innerText()).resolves.toContain('Pass déjà utilisé');
        // A third structure tries it a minute later: a pass presented in two structures, an anomaly.
        const third = offers.find(o => o.structureId !== first.structureId && o.structureId !== offer.structureId)!;
        const again = await fetch(`${server.baseUrl}/api/partner/redemptions`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${await server.ask<string>({ partnerKey: third.structureId })}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
            body: JSON.stringify({ offerId: third.id, barcodes: [pass.barcode] }),
        });
        expect(again.status).toBe(422);
        await page.getByTestId('live-anomaly').and(page.locator('[data-kind="PASS_IN_SEVERAL_STRUCTURES"]')).filter({ hasText: pass.barcode }).waitFor();
        await page.screenshot({ path: `${SHOTS}/disputes-live-refusal.png` });
        await row.getByTestId('live-scan-link').click();
        await page.waitForURL(new RegExp(`#/scans/${refusal.id}/show`));
    });

    it('opens a dispute from the refused scan, and reads the pass’s whole story in « Enquête »', async () => {
        await page.locator('[data-action="open-dispute"]').click();
        const dialog = page.getByTestId('action-dialog');
        await dialog.getByText(/ce scan et son pass/).waitFor();
        await dialog.getByLabel('Origine').click();
        await page.getByRole('option', { name: 'Structure' }).click();
        await dialog.getByLabel('Catégorie').click();
        await page.getByRole('option', { name: 'Suspicion de fraude' }).click();
        await dialog.getByLabel('Description').fill('La structure présente un pass déjà encaissé ailleurs en octobre : le bénéficiaire dit ne jamais y être allé.');
        await page.screenshot({ path: `${SHOTS}/disputes-open-dialog.png` });
        await dialog.getByTestId('action-dialog-confirm').click();
        await page.waitForURL(/#\/disputes\/[^/]+\/show$/);
        await page.getByText(/^LIT-2026-\d{4}$/).first().waitFor();

        await page.getByRole('tab', { name: 'Enquête' }).click();
        const timeline = page.locator(`[data-testid="pass-timeline"][data-barcode="${pass.barcode}"]`);
        await timeline.waitFor();
        const kinds = await timeline.locator('tr[data-kind]').evaluateAll(rows => rows.map(r => r.getAttribute('data-kind')));
        // Issued, activated, …, accepted at the first structure, endorsed, refused at the second, the dispute.
        expect(kinds.indexOf('SCAN')).toBeLessThan(kinds.indexOf('ENDORSED'));
        expect(kinds.lastIndexOf('SCAN')).toBeGreaterThan(kinds.indexOf('ENDORSED'));
        expect(kinds).toContain('DISPUTE');
        await expect(timeline.innerText()).resolves.toContain(first.name);
        await page.getByTestId('refusal-rate').waitFor();
        await page.screenshot({ path: `${SHOTS}/disputes-investigation.png`, fullPage: true });
    });

    it('resolves it with VOID_SCAN: the acceptance is voided, and the story says so', async () => {
        await page.locator('[data-action="resolve"]').click();
        const dialog = page.getByTestId('action-dialog');
        await dialog.getByLabel('Issue').click();
        await page.getByRole('option', { name: 'Scan annulé' }).click();
        await dialog.getByTestId('dispute-outcome-effect').getByText(/déduit de son prochain relevé/).waitFor();
        await dialog.getByLabel('Explication').fill('Le bénéficiaire n’est jamais allé à la première structure : encaissement annulé.');
        await page.screenshot({ path: `${SHOTS}/disputes-resolve-dialog.png` });
        await dialog.getByTestId('action-dialog-confirm').click();
        await page.getByText('Litige résolu').first().waitFor();
        const timeline = page.locator(`[data-testid="pass-timeline"][data-barcode="${pass.barcode}"]`);
        await timeline.getByText(/annulé le/).first().waitFor({ timeout: 15_000 });
        const [accepted] = await get<{ voidedAt: string | null }[]>(support, `/api/scans${query({ filter: { passId: pass.id, outcome: 'ACCEPTED' } })}`);
        expect(accepted.voidedAt).not.toBeNull();
        await page.screenshot({ path: `${SHOTS}/disputes-resolved.png`, fullPage: true });
        // The scans list flags the voided acceptance.
        await page.goto(`${server.baseUrl}/#/scans?filter=${encodeURIComponent(JSON.stringify({ q: pass.barcode }))}`);
        await page.getByTestId('scan-voided').first().waitFor();
        await page.screenshot({ path: `${SHOTS}/disputes-scans-list.png` });
        expect(pageErrors).toEqual([]);
    });

    it('shows SUPPORT today’s anomaly on the dashboard: the pass tried at two structures', async () => {
        await page.goto(`${server.baseUrl}/#/`);
        const panel = page.getByTestId('anomalies-today');
        const anomaly = panel.locator('[data-kind="PASS_IN_SEVERAL_STRUCTURES"]').filter({ hasText: pass.barcode });
        await anomaly.waitFor();
        await expect(panel.innerText()).resolves.toContain('Anomalies du jour');
        await page.screenshot({ path: `${SHOTS}/disputes-support-dashboard.png`, fullPage: true });
        await anomaly.getByText('Voir le pass').click();
        await page.waitForURL(new RegExp(`#/passes/${pass.id}/show`));
        // The old open disputes, one click away: the demo's LIT-2026-0001, opened on 21 November.
        await page.goto(`${server.baseUrl}/#/`);
        await page.locator('[data-age="over7Days"] a').click();
        await page.waitForURL(/#\/disputes\?/);
        await page.locator('tbody tr').filter({ hasText: 'LIT-2026-0001' }).waitFor();
        await expect(page.locator('tbody tr').count()).resolves.toBe(1);
        await page.screenshot({ path: `${SHOTS}/disputes-old-ones.png` });
        expect(pageErrors).toEqual([]);
    });

    it('shows FINANCE the adjustment on the first structure’s November draft', async () => {
        const november = await prepared('2026-11');
        const [statement] = await get<{ id: string; adjustmentsCents: number }[]>(finance, `/api/statements${query({ filter: { endorsementId: november.id, structureId: first.structureId } })}`);
        expect(statement.adjustmentsCents).toBe(1000);
        await logoutThroughConsole(page);
        const financePage = page;
        await loginThroughConsole(financePage, server.baseUrl, FINANCE);
        // The month's draft counts it, and the structure's statement shows it among its amounts.
        await financePage.goto(`${server.baseUrl}/#/endorsements/${november.id}/show`);
        await financePage.getByText('Régularisations').first().waitFor();
        await financePage.screenshot({ path: `${SHOTS}/disputes-finance-month.png`, fullPage: true });
        await financePage.goto(`${server.baseUrl}/#/statements/${statement.id}/show/amounts`);
        await financePage.getByRole('tab', { name: 'Montants', selected: true }).waitFor();
        await financePage.waitForURL(new RegExp(`#/statements/${statement.id}/show/amounts$`));
        // 10,00 € deducted: « Régularisations » between the kit and the carried balance.
        await financePage.getByText('Régularisations', { exact: true }).waitFor();
        await expect(financePage.locator('main').innerText()).resolves.toMatch(/Régularisations\s*10,00\s*€\s*Report des mois précédents/);
        // Each adjustment with its reason and its dispute.
        const adjustment = financePage.getByTestId('statement-adjustment');
        await adjustment.waitFor();
        await expect(adjustment.innerText()).resolves.toMatch(new RegExp(`Litige LIT-2026-\\d{4} : scan du pass ${pass.barcode} du \\d{2}/10/2026 annulé\\s+LIT-2026-\\d{4}\\s+[-−]10,00\\s*€`));
        await financePage.screenshot({ path: `${SHOTS}/disputes-finance-draft.png`, fullPage: true });
        expect(pageErrors).toEqual([]);
    });
});
