/**
 * /lieux/ (issue 16): a beneficiary, or the social worker who gave the booklet, finds where to
 * spend a pass — by département, type of service, commune or postal code — and opens a place's
 * page; on a desktop (1440×900) and on a phone (390×844), where nothing scrolls sideways. The
 * server names a tile server (PUBLIC_MAP_TILES_URL, here one that answers nothing: the tiles stay
 * grey, the places are drawn all the same).
 */
import { mkdirSync } from 'fs';
import type { Page } from 'playwright-core';
import { eventually, launchBrowser, startServer, type RunningBrowser, type RunningServer } from './support';

const SHOTS = '/tmp/aptic-shots';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

describe('where to spend a pass (/lieux/)', () => {
    let server: RunningServer;
    let browser: RunningBrowser;
    let page: Page;
    const errors: string[] = [];

    beforeAll(async () => {
        mkdirSync(SHOTS, { recursive: true });
        server = await startServer(90_000, { PUBLIC_MAP_TILES_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png', PUBLIC_MAP_ATTRIBUTION: 'Tuiles de test' });
        browser = await launchBrowser();
        page = await browser.context.newPage();
        page.on('pageerror', error => errors.push(error.message));
    });
    afterAll(async () => {
        await browser?.close();
        await server?.stop();
    });

    /** How many places the API gives for these filters: what the page must end up saying. */
    const expected = async (query: string) => ((await (await fetch(`${server.baseUrl}/api/public/places?${query}`)).json()) as { total: number }).total;
    const count = async () => Number((await page.getByTestId('places-count').innerText()).match(/^(\d+)/)![1]);
    const addresses = () => page.getByTestId('place').evaluateAll(cards => cards.map(c => c.textContent ?? ''));
    /** The count once the list shows what the address bar asks (the previous answer stays on screen meanwhile). */
    const settled = async () => {
        await page.waitForLoadState('networkidle');
        return count();
    };
    const sidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

    it('lists the places without login, then narrows them by département and by type of service (desktop)', async () => {
        await page.setViewportSize(DESKTOP);
        await page.goto(`${server.baseUrl}/lieux`);
        await page.getByRole('heading', { name: 'Où utiliser un pass #APTIC ?' }).waitFor();
        await page.getByTestId('places-count').waitFor();
        const everywhere = await count();
        expect(everywhere).toBeGreaterThan(5);
        await page.screenshot({ path: `${SHOTS}/lieux-desktop.png` });

        await page.getByLabel('Département').fill('Gironde');
        await page.getByRole('option', { name: '33 — Gironde' }).click();
        await page.getByRole('button', { name: 'Rechercher' }).click();
        await page.waitForURL(/departement=33/);
        const gironde = await expected('departement=33');
        expect(gironde).toBeLessThan(everywhere);
        await eventually(settled, gironde);
        for (const text of await addresses()) expect(text).toContain('(Gironde)');
        // The map draws a dot per place of the page that has a position (every demo place has one).
        await page.getByTestId('places-map').waitFor();
        await eventually(() => page.locator('[data-testid="places-map"] path.leaflet-interactive').count(), Math.min(gironde, 10));
        await expect(page.getByTestId('places-map').innerText()).resolves.toContain('Tuiles de test');

        await page.getByLabel('Type de service').click();
        await page.getByRole('option', { name: 'Aide aux démarches administratives' }).click();
        await page.getByRole('button', { name: 'Rechercher' }).click();
        await page.waitForURL(/category=DEMARCHES/);
        const demarches = await expected('departement=33&category=DEMARCHES');
        expect(demarches).toBeGreaterThan(0);
        await eventually(settled, demarches);
        const cards = page.getByTestId('place');
        for (let i = 0; i < (await cards.count()); i++) await expect(cards.nth(i).locator('[data-category="DEMARCHES"]').count()).resolves.toBeGreaterThan(0);
        await page.screenshot({ path: `${SHOTS}/lieux-desktop-filtered.png`, fullPage: true });
        expect(errors).toEqual([]);
    });

    it('finds a commune typed without accents, and opens the place’s page with its services and what a pass leaves to pay', async () => {
        await page.getByRole('button', { name: 'Effacer' }).click();
        await page.getByLabel('Commune').fill('merignac');
        await page.getByRole('button', { name: 'Rechercher' }).click();
        await page.waitForURL(/commune=merignac/);
        await eventually(settled, 1);
        expect((await addresses())[0]).toContain('33700 Mérignac');
        await page.getByRole('link', { name: /^Voir le lieu/ }).click();
        await page.waitForURL(/lieu=/);
        await page.getByTestId('place-page').waitFor();
        await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toMatch(/Médiathèque de Mérignac/);
        await expect(page.getByTestId('place-service').count()).resolves.toBeGreaterThan(0);
        await expect(page.getByTestId('no-charge').count()).resolves.toBeGreaterThan(0);
        await page.screenshot({ path: `${SHOTS}/lieux-desktop-place.png`, fullPage: true });
    });

    it('works on a phone from a shared link: filters filled in, nothing scrolls sideways, an empty search says so', async () => {
        await page.setViewportSize(PHONE);
        await page.goto(`${server.baseUrl}/lieux/?departement=33&postalCode=33700`);
        await eventually(settled, 1);
        await expect(page.getByLabel('Code postal').inputValue()).resolves.toBe('33700');
        await expect(page.getByLabel('Département').inputValue()).resolves.toBe('33 — Gironde');
        expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${SHOTS}/lieux-phone.png`, fullPage: true });

        await page.getByRole('link', { name: /^Voir le lieu/ }).click();
        await page.getByTestId('place-page').waitFor();
        expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${SHOTS}/lieux-phone-place.png`, fullPage: true });

        await page.goto(`${server.baseUrl}/lieux/?departement=33&postalCode=75001`);
        await page.getByTestId('no-place').waitFor();
        await page.screenshot({ path: `${SHOTS}/lieux-phone-empty.png` });
        expect(errors).toEqual([]);
    });
});
