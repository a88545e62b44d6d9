/**
 * Issue 12, "Scans en direct": SUPPORT opens the live page from the menu; scans of demo
 * structures and passes arrive on `scans/live` and show with their reason in words; pause holds
 * them and resume shows them; filters narrow the stream; anomalies are raised and their rows
 * highlighted; a burst of 1,000 scans leaves at most 500 rows; a pass's page lists every attempt.
 *
 * The built server runs on a fresh embedded database through test/browser/live-server.js, which
 * lets the test publish through RealtimeService.publishLiveScans — what the redemption endpoint
 * calls after its commit — with scans made of demo records read from the API.
 */
import { randomUUID } from 'crypto';
import { mkdirSync } from 'fs';
import type { Page } from 'playwright-core';
import { SCAN_REASON_LABELS, type LiveScan } from '../../server/src/rules/scan-reasons';
import { DEMO_ACCOUNTS, apiGet, apiLogin, launchBrowser, loginThroughConsole, startServer, type RunningBrowser, type RunningServer } from './support';

const SHOTS = '/tmp/aptic-shots';
const SUPPORT = DEMO_ACCOUNTS.find(a => a.role === 'SUPPORT')!;

interface Place {
  structureId: string;
  structureName: string;
  departement: string;
  offerId: string;
  serviceLabel: string;
}

interface Scan {
  id: string;
  passId: string | null;
  structureId: string;
  offerId: string | null;
  redemptionId: string | null;
}

const query = (params: Record<string, unknown>) =>
  '?' + Object.entries(params).map(([key, value]) => `${key}=${encodeURIComponent(JSON.stringify(value))}`).join('&');

describe('Scans en direct', () => {
  let server: RunningServer;
  let token: string;
  const get = <T>(url: string) => apiGet<T>(server.baseUrl, token, url);
  let browser: RunningBrowser;
  let page: Page;
  const pageErrors: string[] = [];
  /** Eligible structures with an approved offer each; the first two in different départements. */
  let lille: Place;
  let other: Place;
  /** Where the burst of refusals happens, and where a barcode is mistyped again and again (no other refusals there). */
  let bursting: Place;
  let typing: Place;
  let activeBarcodes: { id: string; barcode: string }[];

  const publishLiveScans = (scans: LiveScan[]) => server.ask<boolean>({ publishLiveScans: scans });
  const rows = () => page.getByTestId('live-scan-row');
  const received = () => page.getByTestId('live-received').getAttribute('data-count').then(Number);

  /** A scan attempt as the redemption endpoint publishes it, at a real place, now. */
  const attempt = (place: Place, pass: { id: string | null; barcode: string }, refusal?: { reason: LiveScan['reason']; detail?: string }): LiveScan => ({
    id: randomUUID(),
    scannedAt: new Date().toISOString(),
    redemptionId: randomUUID(),
    structureId: place.structureId,
    structureName: place.structureName,
    departement: place.departement,
    offerId: place.offerId,
    serviceLabel: place.serviceLabel,
    passId: pass.id,
    barcode: pass.barcode,
    outcome: refusal ? 'REJECTED' : 'ACCEPTED',
    reason: refusal?.reason ?? null,
    reasonLabel: refusal ? (refusal.detail ?? SCAN_REASON_LABELS[refusal.reason!]) : null,
    valueCents: refusal ? 0 : 1000,
    forced: false,
  });

  /** Publishes one event per redemption, as the server does, and waits until the page has counted them. */
  const publish = async (...redemptions: LiveScan[][]) => {
    const before = await received();
    for (const scans of redemptions) await publishLiveScans(scans);
    const total = redemptions.reduce((n, scans) => n + scans.length, 0);
    await page.waitForFunction(
      n => Number(document.querySelector('[data-testid="live-received"]')?.getAttribute('data-count')) >= n,
      before + total,
      { timeout: 15_000 },
    );
  };

  /** Eligible structures with an approved offer, by name, one offer each. */
  const places = async (): Promise<Place[]> => {
    const structures = await get<{ id: string; name: string; departement: string }[]>(
      `/api/structures${query({ filter: { status: 'ELIGIBLE' }, sort: ['name', 'ASC'], range: [0, 999] })}`,
    );
    const offers = await get<{ id: string; structureId: string; title: string }[]>(`/api/offers${query({ filter: { status: 'APPROVED' }, range: [0, 999] })}`);
    return structures.flatMap(s => {
      const offer = offers.find(o => o.structureId === s.id);
      return offer ? [{ structureId: s.id, structureName: s.name, departement: s.departement, offerId: offer.id, serviceLabel: offer.title }] : [];
    });
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(90_000, {}, { entry: 'test/browser/live-server.js', ipc: true });
    token = await apiLogin(server.baseUrl, SUPPORT);
    const all = await places();
    lille = all[0];
    other = all.find(p => p.departement !== lille.departement)!;
    [bursting, typing] = all.filter(p => p !== lille && p !== other);
    expect(typing).toBeDefined();
    activeBarcodes = await get(`/api/passes${query({ filter: { status: 'ACTIVE' }, sort: ['barcode', 'ASC'], range: [0, 39] })}`);
    expect(activeBarcodes).toHaveLength(40);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    page.on('pageerror', error => pageErrors.push(error.message));
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
    // The server has put this page's socket in the scans/live room before anything is published.
    const followers = () => server.ask<number>({ roomSize: 'scans/live' });
    for (let i = 0; i < 100 && (await followers()) === 0; i++) await page.waitForTimeout(100);
    expect(await followers()).toBe(1);
  });

  it('shows each attempt with its place, its service and its reason in words, newest first', async () => {
    const usedBefore = 'Pass déjà utilisé le 02/12/2026 à 10:02 chez ' + other.structureName;
    const [p1, p2] = activeBarcodes;
    const accepted = attempt(lille, p1);
    const refused = attempt(lille, p2, { reason: 'PASS_ALREADY_USED', detail: usedBefore });
    const unknown = attempt(other, { id: null, barcode: '2000000000019' }, { reason: 'UNKNOWN_PASS' });
    await publish([accepted], [refused], [unknown]);
    await expect(rows().count()).resolves.toBe(3);
    const first = rows().first();
    await expect(first.getAttribute('data-scan-id')).resolves.toBe(unknown.id);
    await expect(first.getByTestId('live-scan-reason').innerText()).resolves.toBe('Pass inconnu');
    const second = rows().nth(1);
    await expect(second.getByTestId('live-scan-reason').innerText()).resolves.toBe(usedBefore);
    await expect(second.innerText()).resolves.toContain('Refusé');
    await expect(second.innerText()).resolves.toContain(lille.serviceLabel);
    const third = rows().nth(2);
    await expect(third.innerText()).resolves.toContain('Accepté');
    // Links: the scan, its structure, its pass.
    await expect(third.getByTestId('live-scan-link').getAttribute('href')).resolves.toBe(`#/scans/${accepted.id}/show`);
    await expect(third.getByRole('link', { name: lille.structureName }).getAttribute('href')).resolves.toBe(`#/structures/${lille.structureId}/show`);
    await expect(third.getByRole('link', { name: p1.barcode }).getAttribute('href')).resolves.toBe(`#/passes/${p1.id}/show`);
    // Time in Paris, to the second.
    const paris = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Europe/Paris' }).format(new Date(accepted.scannedAt));
    await expect(third.getByTestId('live-scan-link').innerText()).resolves.toBe(paris);
    await expect(page.getByTestId('live-anomaly').count()).resolves.toBe(0);
  });

  it('holds what arrives while paused and shows it on resume', async () => {
    await page.getByTestId('live-pause').click();
    await page.getByTestId('live-status').and(page.locator('[data-status="paused"]')).waitFor();
    const during = activeBarcodes.slice(2, 6).map(p => attempt(other, p));
    await publish([during[0], during[1]], [during[2]], [during[3]]);
    await expect(page.getByTestId('live-status').getAttribute('data-held')).resolves.toBe('4');
    await expect(page.getByTestId('live-status').innerText()).resolves.toBe('En pause : 4 scans en attente');
    await expect(rows().count()).resolves.toBe(3);
    await page.screenshot({ path: `${SHOTS}/live-scans-paused.png` });

    await page.getByTestId('live-resume').click();
    await expect(page.getByTestId('live-resumed').innerText()).resolves.toContain('4 scans reçus pendant la pause, ajoutés au tableau.');
    await expect(rows().count()).resolves.toBe(7);
    await expect(rows().first().getAttribute('data-scan-id')).resolves.toBe(during[3].id);
    await page.getByTestId('live-resumed').getByRole('button').click();
  });

  it('narrows the stream by département and by outcome, and again as new scans arrive', async () => {
    await page.getByTestId('live-filter-departement').fill(other.departement);
    await expect(rows().count()).resolves.toBe(5);
    await page.getByTestId('live-filter-refused').click();
    await expect(rows().count()).resolves.toBe(1);
    await expect(rows().first().getByTestId('live-scan-reason').innerText()).resolves.toBe('Pass inconnu');
    // New scans go through the same filters.
    await publish([attempt(lille, activeBarcodes[6], { reason: 'PASS_EXPIRED' })], [attempt(other, activeBarcodes[7], { reason: 'PASS_CANCELLED' })]);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="live-scan-row"]').length === 2);
    await expect(rows().first().getByTestId('live-scan-reason').innerText()).resolves.toBe('Pass annulé');
    await expect(page.getByTestId('live-scans-page').innerText()).resolves.not.toContain('Pass expiré');
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await expect(rows().count()).resolves.toBe(9);
  });

  it('highlights a burst of refusals, a pass tried in two structures and a barcode failing its check digit again and again', async () => {
    const burst = Array.from({ length: 5 }, (_, i) => [attempt(bursting, activeBarcodes[10 + i], { reason: 'NO_SUBSCRIPTION' })]);
    const twice = activeBarcodes[20];
    const typo = { id: null, barcode: '2000000000002' };
    const tries = [attempt(lille, twice), attempt(other, twice, { reason: 'PASS_ALREADY_USED', detail: `Pass déjà utilisé à l’instant chez ${lille.structureName}` })];
    const typos = Array.from({ length: 3 }, () => attempt(typing, typo, { reason: 'INVALID_BARCODE' }));
    const anomalous = [...burst.flat(), ...tries, ...typos];
    await publish(...anomalous.map(scan => [scan]));
    const anomalies = page.getByTestId('live-anomaly');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="live-anomaly"]').length === 3);
    await expect(anomalies.evaluateAll(nodes => nodes.map(n => n.getAttribute('data-kind')).sort())).resolves.toEqual([
      'PASS_IN_SEVERAL_STRUCTURES',
      'REFUSAL_BURST',
      'REPEATED_INVALID_BARCODE',
    ]);
    const burstText = await page.locator('[data-kind="REFUSAL_BURST"]').innerText();
    expect(burstText).toContain('Rafale de refus');
    expect(burstText).toContain(`${bursting.structureName} : 5 refus en moins d’une minute`);
    await expect(page.locator('[data-kind="PASS_IN_SEVERAL_STRUCTURES"]').innerText()).resolves.toContain(`Pass ${twice.barcode} : ${lille.structureName}, ${other.structureName}`);
    await expect(page.locator('[data-kind="REPEATED_INVALID_BARCODE"]').innerText()).resolves.toContain('2000000000002 : clé de contrôle fausse 3 fois');
    // Their rows stand out, and only theirs: the 5 refusals of the burst, both tries of the pass, the 3 typos.
    const highlighted = await page.locator('[data-testid="live-scan-row"][data-anomaly="true"]').evaluateAll(nodes => nodes.map(n => n.getAttribute('data-scan-id')));
    expect(highlighted.sort()).toEqual(anomalous.map(scan => scan.id).sort());
    await expect(page.locator('[data-testid="live-scan-row"]:not([data-anomaly])').count()).resolves.toBe(9);
    // The chart counts every attempt since the page opened (within its 15 minutes).
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="live-scan-chart"]')?.getAttribute('data-refused')) === 13);
    await expect(page.getByTestId('live-scan-chart').getAttribute('data-accepted')).resolves.toBe('6');
    await page.screenshot({ path: `${SHOTS}/live-scans-anomalies.png` });
  });

  it('keeps at most 500 rows while 1,000 scans pour in, one redemption each', async () => {
    const before = await received();
    for (let i = 0; i < 1000; i++) {
      await publishLiveScans([attempt(i % 2 ? lille : other, { id: null, barcode: `29${String(i).padStart(11, '0')}` }, i % 10 === 0 ? { reason: 'UNKNOWN_PASS' } : undefined)]);
      if (i % 50 === 49) await new Promise(resolve => setTimeout(resolve, 250));
    }
    await page.waitForFunction(n => Number(document.querySelector('[data-testid="live-received"]')?.getAttribute('data-count')) === n, before + 1000, { timeout: 30_000 });
    await expect(rows().count()).resolves.toBe(500);
    await expect(page.getByTestId('live-shown').innerText()).resolves.toBe('500 lignes affichées (les 500 plus récentes au plus)');
    await page.screenshot({ path: `${SHOTS}/live-scans-burst.png` });
    expect(pageErrors).toEqual([]);
  });

  it('shows on a pass’s page every attempt on it, accepted or refused, with its place, service and reason', async () => {
    // A demo pass redeemed, then presented again and refused.
    const [refusedAgain] = await get<Scan[]>(`/api/scans${query({ filter: { reason: 'PASS_ALREADY_USED' }, range: [0, 0] })}`);
    const attempts = (await get<Scan[]>(`/api/scans${query({ filter: { passId: refusedAgain.passId }, range: [0, 99] })}`)).length;
    expect(attempts).toBeGreaterThanOrEqual(2);
    const structure = await get<{ name: string }>(`/api/structures/${refusedAgain.structureId}`);
    const offer = await get<{ title: string }>(`/api/offers/${refusedAgain.offerId}`);
    await page.goto(`${server.baseUrl}/#/passes/${refusedAgain.passId}/show/scans`);
    const table = page.locator('tbody tr');
    await page.waitForFunction(n => document.querySelectorAll('tbody tr').length === n, attempts);
    // Structures and offers are shown by name once their references have loaded.
    await page.locator('tbody').getByText(offer.title).first().waitFor();
    await page.locator('tbody').getByText(structure.name).first().waitFor();
    const text = await page.locator('tbody').innerText();
    expect(text).toContain('Accepté');
    expect(text).toContain('Refusé');
    expect(text).toContain('Pass déjà utilisé');
    expect(text).toContain(structure.name);
    expect(text).toContain(offer.title);
    await expect(table.count()).resolves.toBe(attempts);
    await page.screenshot({ path: `${SHOTS}/live-scans-pass-attempts.png`, fullPage: true });

    // The refused scan's page links its pass, structure, offer and redemption.
    await page.goto(`${server.baseUrl}/#/scans/${refusedAgain.id}/show`);
    await page.getByText(structure.name).first().waitFor();
    for (const href of [`#/passes/${refusedAgain.passId}/show`, `#/structures/${refusedAgain.structureId}/show`, `#/offers/${refusedAgain.offerId}/show`, `#/redemptions/${refusedAgain.redemptionId}/show`]) {
      await page.locator(`a[href="${href}"]`).first().waitFor({ timeout: 10_000 });
    }
    await page.screenshot({ path: `${SHOTS}/live-scans-scan-show.png`, fullPage: true });
  });
});
