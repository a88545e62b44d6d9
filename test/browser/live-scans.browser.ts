/**
 * Issue 12, "Scans en direct": SUPPORT opens the live page from the menu while structures send
 * real redemptions through `POST /api/partner/redemptions` (demo structures, their approved
 * offers, demo passes). Each attempt shows with its reason in words; pause holds what arrives
 * and resume shows it; filters narrow the stream; a burst of refusals, a pass tried in two
 * structures and a barcode failing its check digit again and again are raised and their rows
 * highlighted; the pass's page then lists every attempt on it and a scan's page links its records.
 *
 * Volume (1,000 scans at about 200 a second, to check the page keeps at most 500 rows) is
 * published straight through RealtimeService.publishLiveScans — the call the redemption endpoint
 * makes after its commit — because the embedded database does not take 200 redemptions a second.
 * The built server runs through test/browser/live-server.js, which gives the test that call and
 * issues partner keys (as approval does).
 */
import { randomUUID } from 'crypto';
import { mkdirSync } from 'fs';
import type { Page } from 'playwright-core';
import { barcodeFromSerial, randomSerial } from '../../server/src/rules/barcode';
import type { LiveScan } from '../../server/src/rules/scan-reasons';
import { apiGet, apiLogin, DEMO_ACCOUNTS, launchBrowser, loginThroughConsole, newConsolePage, startServer, type RunningBrowser, type RunningServer } from './support';

const SHOTS = '/tmp/aptic-shots';
const SUPPORT = DEMO_ACCOUNTS.find(a => a.role === 'SUPPORT')!;

/** A structure that can redeem: eligible, with a kit subscription, an approved offer and a partner key. */
interface Scanner {
  structureId: string;
  structureName: string;
  departement: string;
  offerId: string;
  serviceLabel: string;
  key: string;
}

/** One attempt as the partner API answered it. */
interface Sent {
  id: string;
  barcode: string;
  outcome: 'ACCEPTED' | 'REJECTED';
  reason: string | null;
  structureId: string;
}

interface Pass {
  id: string;
  barcode: string;
}

const query = (params: Record<string, unknown>) =>
  '?' + Object.entries(params).map(([key, value]) => `${key}=${encodeURIComponent(JSON.stringify(value))}`).join('&');

/** A barcode with a right check digit that no pass carries. */
const unknownBarcode = () => barcodeFromSerial(randomSerial());
/** The same 13 digits with a wrong check digit (a mistyped or misread code). */
const mistyped = (barcode: string) => barcode.slice(0, 12) + String((Number(barcode[12]) + 1) % 10);

describe('Scans en direct', () => {
  let server: RunningServer;
  let token: string;
  let browser: RunningBrowser;
  let page: Page;
  const pageErrors: string[] = [];
  /** In Gironde (33), in Lyon (69), and another one where barcodes are mistyped. */
  let gironde: Scanner;
  let lyon: Scanner;
  let typist: Scanner;
  let girondePasses: Pass[];
  let lyonPasses: Pass[];
  const sent: Sent[] = [];

  const get = <T>(url: string) => apiGet<T>(server.baseUrl, token, url);
  const rows = () => page.getByTestId('live-scan-row');
  const received = () => page.getByTestId('live-received').getAttribute('data-count').then(Number);
  const waitForReceived = (n: number) =>
    page.waitForFunction(count => Number(document.querySelector('[data-testid="live-received"]')?.getAttribute('data-count')) === count, n, { timeout: 30_000 });

  /** POST /api/partner/redemptions as the structure's scanner does; returns its scans. */
  const redeem = async (scanner: Scanner, barcodes: string[], expected: 201 | 422): Promise<Sent[]> => {
    const response = await fetch(`${server.baseUrl}/api/partner/redemptions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${scanner.key}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({ offerId: scanner.offerId, barcodes }),
    });
    const body = (await response.json()) as { scans?: Sent[]; details?: { scans: Sent[] } };
    expect({ status: response.status, body }).toEqual(expect.objectContaining({ status: expected }));
    const scans = (body.scans ?? body.details!.scans).map(s => ({ ...s, structureId: scanner.structureId }));
    sent.push(...scans);
    return scans;
  };

  /** Sends redemptions one after the other and waits until the page has counted their scans. */
  const send = async (...redemptions: [Scanner, string[], 201 | 422][]) => {
    const before = await received();
    const scans: Sent[] = [];
    for (const [scanner, barcodes, status] of redemptions) scans.push(...(await redeem(scanner, barcodes, status)));
    await waitForReceived(before + scans.length);
    return scans;
  };

  const scannerIn = async (departement: string | null, except: string[] = []): Promise<Scanner> => {
    const structures = await get<{ id: string; name: string; departement: string }[]>(
      `/api/structures${query({ filter: { status: 'ELIGIBLE', ...(departement ? { departement } : {}) }, sort: ['name', 'ASC'], range: [0, 999] })}`,
    );
    const subscribed = new Set(
      (await get<{ structureId: string }[]>(`/api/subscriptions${query({ filter: { status: ['PENDING', 'ACTIVE'] }, range: [0, 999] })}`)).map(s => s.structureId),
    );
    const offers = await get<{ id: string; structureId: string; title: string }[]>(`/api/offers${query({ filter: { status: 'APPROVED' }, range: [0, 999] })}`);
    for (const s of structures) {
      const offer = offers.find(o => o.structureId === s.id);
      if (!offer || !subscribed.has(s.id) || except.includes(s.id)) continue;
      const key = await server.ask<string>({ partnerKey: s.id });
      return { structureId: s.id, structureName: s.name, departement: s.departement, offerId: offer.id, serviceLabel: offer.title, key };
    }
    throw new Error(`no structure able to redeem in ${departement}`);
  };

  /** The active passes of the demo order restricted to a département. */
  const passesFor = async (departement: string): Promise<Pass[]> => {
    const orders = await get<{ id: string; allowedDepartements: string[]; status: string }[]>(`/api/orders${query({ filter: { status: 'ACTIVE' }, range: [0, 99] })}`);
    const order = orders.find(o => o.allowedDepartements.length === 1 && o.allowedDepartements[0] === departement)!;
    return get(`/api/passes${query({ filter: { orderId: order.id, status: 'ACTIVE' }, sort: ['barcode', 'ASC'], range: [0, 19] })}`);
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(90_000, {}, { entry: 'test/browser/live-server.js', ipc: true });
    token = await apiLogin(server.baseUrl, SUPPORT);
    gironde = await scannerIn('33');
    lyon = await scannerIn('69');
    typist = await scannerIn(null, [gironde.structureId, lyon.structureId]);
    girondePasses = await passesFor('33');
    lyonPasses = await passesFor('69');
    expect(girondePasses.length).toBeGreaterThanOrEqual(4);
    expect(lyonPasses.length).toBeGreaterThanOrEqual(2);
    browser = await launchBrowser();
    page = await newConsolePage(browser, pageErrors);
    await loginThroughConsole(page, server.baseUrl, SUPPORT);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens from the Passages menu and follows scans/live', async () => {
    await page.locator('[data-menu-group="menu.redemption"] a[href="#/live-scans"]').click();
    await page.waitForURL(/#\/live-scans$/);
    await page.getByTestId('live-status').and(page.locator('[data-status="live"]')).waitFor();
    await expect(page.getByTestId('live-scan-empty').innerText()).resolves.toBe('En attente des premiers scans…');
    // The server has put this page's socket in the scans/live room before anyone scans.
    const followers = () => server.ask<number>({ roomSize: 'scans/live' });
    for (let i = 0; i < 100 && (await followers()) === 0; i++) await page.waitForTimeout(100);
    expect(await followers()).toBe(1);
  });

  it('shows each redemption sent by a structure, accepted or refused, with its place, service and reason in words', async () => {
    const [first] = girondePasses;
    const [accepted] = await send([gironde, [first.barcode], 201]);
    const [again, unknown] = await send([gironde, [first.barcode], 422], [lyon, [unknownBarcode()], 422]);
    expect([again.reason, unknown.reason]).toEqual(['PASS_ALREADY_USED', 'UNKNOWN_PASS']);
    await expect(rows().count()).resolves.toBe(3);
    const [newest, middle, oldest] = [rows().nth(0), rows().nth(1), rows().nth(2)];
    await expect(newest.getAttribute('data-scan-id')).resolves.toBe(unknown.id);
    await expect(newest.getByTestId('live-scan-reason').innerText()).resolves.toBe('Pass inconnu — Aucun pass #APTIC ne porte ce numéro.');
    await expect(newest.innerText()).resolves.toContain(lyon.structureName);
    // With when and where it was used.
    await expect(middle.getByTestId('live-scan-reason').innerText()).resolves.toMatch(new RegExp(`^Pass déjà utilisé — .*${gironde.structureName}`));
    await expect(middle.innerText()).resolves.toContain('Refusé');
    await expect(middle.innerText()).resolves.toContain(gironde.serviceLabel);
    await expect(oldest.innerText()).resolves.toContain('Accepté');
    // Links: the scan, its structure, its pass.
    await expect(oldest.getByTestId('live-scan-link').getAttribute('href')).resolves.toBe(`#/scans/${accepted.id}/show`);
    await expect(oldest.getByRole('link', { name: gironde.structureName }).getAttribute('href')).resolves.toBe(`#/structures/${gironde.structureId}/show`);
    await expect(oldest.getByRole('link', { name: first.barcode }).getAttribute('href')).resolves.toBe(`#/passes/${first.id}/show`);
    // Time in Paris, to the second, as the server recorded it.
    const scan = await get<{ scannedAt: string }>(`/api/scans/${accepted.id}`);
    const paris = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Europe/Paris' }).format(new Date(scan.scannedAt));
    await expect(oldest.getByTestId('live-scan-link').innerText()).resolves.toBe(paris);
    await expect(page.getByTestId('live-anomaly').count()).resolves.toBe(0);
  });

  it('holds what arrives while paused and shows it on resume', async () => {
    await page.getByTestId('live-pause').click();
    await page.getByTestId('live-status').and(page.locator('[data-status="paused"]')).waitFor();
    const during = await send([gironde, [girondePasses[1].barcode], 201], [lyon, [lyonPasses[0].barcode], 201], [lyon, [unknownBarcode()], 422]);
    await expect(page.getByTestId('live-status').getAttribute('data-held')).resolves.toBe('3');
    await expect(page.getByTestId('live-status').innerText()).resolves.toBe('En pause : 3 scans en attente');
    await expect(rows().count()).resolves.toBe(3);
    await page.screenshot({ path: `${SHOTS}/live-scans-paused.png` });

    await page.getByTestId('live-resume').click();
    await expect(page.getByTestId('live-resumed').innerText()).resolves.toContain('3 scans reçus pendant la pause, ajoutés au tableau.');
    await expect(rows().count()).resolves.toBe(6);
    await expect(rows().first().getAttribute('data-scan-id')).resolves.toBe(during[2].id);
    await page.getByTestId('live-resumed').getByRole('button').click();
  });

  it('narrows the stream by département and by outcome, and again as new scans arrive', async () => {
    await page.getByTestId('live-filter-departement').fill(lyon.departement);
    await expect(rows().count()).resolves.toBe(3);
    await page.getByTestId('live-filter-refused').click();
    await expect(rows().count()).resolves.toBe(2);
    // New attempts go through the same filters: Gironde's refusal stays out, Lyon's comes in.
    const [, lyonTypo] = await send([gironde, [unknownBarcode()], 422], [lyon, [mistyped(unknownBarcode())], 422]);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="live-scan-row"]').length === 3);
    await expect(rows().first().getAttribute('data-scan-id')).resolves.toBe(lyonTypo.id);
    await expect(rows().first().getByTestId('live-scan-reason').innerText()).resolves.toMatch(/^Code-barres invalide — /);
    await page.screenshot({ path: `${SHOTS}/live-scans-filtered.png` });
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await expect(rows().count()).resolves.toBe(8);
    // By structure, among those seen in the stream.
    await page.getByLabel('Structure').click();
    await page.getByRole('option', { name: `${gironde.structureName} (${gironde.departement})` }).click();
    const fromGironde = sent.filter(s => s.structureId === gironde.structureId).map(s => s.id);
    await expect(rows().evaluateAll(nodes => nodes.map(n => n.getAttribute('data-scan-id')))).resolves.toEqual(fromGironde.reverse());
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await expect(rows().count()).resolves.toBe(8);
  });

  it('highlights a burst of refusals, a pass tried in two structures and a barcode failing its check digit again and again', async () => {
    const typo = mistyped(unknownBarcode());
    const tried = girondePasses[0].barcode; // accepted in Gironde, then refused there
    await send(
      [lyon, [tried], 422],
      ...Array.from({ length: 4 }, (): [Scanner, string[], 422] => [gironde, [unknownBarcode()], 422]),
      [typist, [typo], 422],
      [typist, [typo], 422],
      [typist, [typo], 422],
    );
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="live-anomaly"]').length === 3);
    const kinds = await page.getByTestId('live-anomaly').evaluateAll(nodes => nodes.map(n => n.getAttribute('data-kind')).sort());
    expect(kinds).toEqual(['PASS_IN_SEVERAL_STRUCTURES', 'REFUSAL_BURST', 'REPEATED_INVALID_BARCODE']);
    // Gironde refused 6 times within the minute: the pass already used, the unknown pass of the filter test, these 4.
    const refusedInGironde = sent.filter(s => s.structureId === gironde.structureId && s.outcome === 'REJECTED').length;
    await expect(page.locator('[data-kind="REFUSAL_BURST"]').innerText()).resolves.toContain(`${gironde.structureName} : ${refusedInGironde} refus en moins d’une minute`);
    await expect(page.locator('[data-kind="PASS_IN_SEVERAL_STRUCTURES"]').innerText()).resolves.toContain(`Pass ${tried} : ${gironde.structureName}, ${lyon.structureName}`);
    await expect(page.locator('[data-kind="REPEATED_INVALID_BARCODE"]').innerText()).resolves.toContain(`${typo} : clé de contrôle fausse 3 fois`);
    // Their rows stand out, and only theirs: Gironde's refusals, every try of that pass, the typist's three reads.
    const expected = sent
      .filter(s => (s.structureId === gironde.structureId && s.outcome === 'REJECTED') || s.barcode === tried || s.barcode === typo)
      .map(s => s.id)
      .sort();
    const highlighted = await page.locator('[data-testid="live-scan-row"][data-anomaly="true"]').evaluateAll(nodes => nodes.map(n => n.getAttribute('data-scan-id')));
    expect(highlighted.sort()).toEqual(expected);
    await expect(page.locator('[data-testid="live-scan-row"]:not([data-anomaly])').count()).resolves.toBe(sent.length - expected.length);
    // The chart counts every attempt since the page opened.
    const refused = sent.filter(s => s.outcome === 'REJECTED').length;
    await page.waitForFunction(n => Number(document.querySelector('[data-testid="live-scan-chart"]')?.getAttribute('data-refused')) === n, refused);
    await expect(page.getByTestId('live-scan-chart').getAttribute('data-accepted')).resolves.toBe(String(sent.length - refused));
    await page.screenshot({ path: `${SHOTS}/live-scans-anomalies.png` });
  });

  it('keeps at most 500 rows while 1,000 scans pour in, one redemption each', async () => {
    const before = await received();
    const places = [gironde, lyon, typist];
    for (let i = 0; i < 1000; i++) {
      const place = places[i % 3];
      const refused = i % 10 === 0;
      const scan: LiveScan = {
        id: randomUUID(),
        scannedAt: new Date().toISOString(),
        redemptionId: randomUUID(),
        structureId: place.structureId,
        structureName: place.structureName,
        departement: place.departement,
        offerId: place.offerId,
        serviceLabel: place.serviceLabel,
        passId: null,
        barcode: unknownBarcode(),
        outcome: refused ? 'REJECTED' : 'ACCEPTED',
        reason: refused ? 'UNKNOWN_PASS' : null,
        reasonLabel: refused ? 'Pass inconnu' : null,
        valueCents: refused ? 0 : 1000,
        forced: false,
      };
      await server.ask({ publishLiveScans: [scan] });
      // About 200 a second: 50 every quarter of a second.
      if (i % 50 === 49) await new Promise(resolve => setTimeout(resolve, 250));
    }
    await waitForReceived(before + 1000);
    await expect(rows().count()).resolves.toBe(500);
    await expect(page.getByTestId('live-shown').innerText()).resolves.toBe('500 lignes affichées sur 500 au plus');
    await page.screenshot({ path: `${SHOTS}/live-scans-burst.png` });
    expect(pageErrors).toEqual([]);
  });

  it('lists on the pass’s page every attempt on it, in both structures, and links a scan to its records', async () => {
    const pass = girondePasses[0];
    const attempts = sent.filter(s => s.barcode === pass.barcode);
    expect(attempts.map(s => s.outcome)).toEqual(['ACCEPTED', 'REJECTED', 'REJECTED']);
    await page.goto(`${server.baseUrl}/#/passes/${pass.id}/show/scans`);
    await page.waitForFunction(n => document.querySelectorAll('tbody tr').length === n, attempts.length);
    // Structures and offers are shown by name once their references have loaded.
    await page.locator('tbody').getByText(lyon.structureName).first().waitFor();
    await page.locator('tbody').getByText(gironde.serviceLabel).first().waitFor();
    const text = await page.locator('tbody').innerText();
    for (const words of ['Accepté', 'Refusé', 'Pass déjà utilisé', gironde.structureName, lyon.structureName, lyon.serviceLabel]) expect(text).toContain(words);
    await page.screenshot({ path: `${SHOTS}/live-scans-pass-attempts.png`, fullPage: true });

    // Lyon's refused try: its page links the pass, the structure, the offer and the redemption.
    const lyonTry = await get<{ id: string; passId: string; structureId: string; offerId: string; redemptionId: string }>(`/api/scans/${attempts[2].id}`);
    expect(lyonTry).toEqual(expect.objectContaining({ passId: pass.id, structureId: lyon.structureId, offerId: lyon.offerId }));
    await page.goto(`${server.baseUrl}/#/scans/${lyonTry.id}/show`);
    for (const href of [`#/passes/${pass.id}/show`, `#/structures/${lyon.structureId}/show`, `#/offers/${lyon.offerId}/show`, `#/redemptions/${lyonTry.redemptionId}/show`]) {
      await page.locator(`a[href="${href}"]`).first().waitFor({ timeout: 10_000 });
    }
    await page.screenshot({ path: `${SHOTS}/live-scans-scan-show.png`, fullPage: true });
  });
});
