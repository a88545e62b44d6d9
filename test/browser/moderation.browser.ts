/**
 * Catalogue moderation in the console (SPEC §3 "Catalogue moderation"): offers submitted through
 * the partner API wait in the moderation queue; a reviewer approves a batch of them and reads
 * the summary; an offer's page explains its flags and what its price means for a beneficiary.
 */
import { mkdirSync } from 'fs';
import type { Page } from 'playwright-core';
import {
  DEMO_ACCOUNTS,
  api,
  apiGet,
  apiLogin,
  launchBrowser,
  loginThroughConsole,
  startServer,
  type RunningBrowser,
  type RunningServer,
} from './support';

const SHOTS = '/tmp/aptic-shots';
const account = (role: 'ADMIN' | 'REVIEWER') => DEMO_ACCOUNTS.find(a => a.role === role)!;

interface Offer {
  id: string;
  title: string;
  status: string;
  flags: string[];
}

interface Review {
  impact: { summary: string; remainingChargeCents: number };
  offer: { flagExplanations: { flag: string; explanation: string }[] };
}

describe('catalogue moderation in the console', () => {
  let server: RunningServer;
  let browser: RunningBrowser;
  let page: Page;
  const errors: string[] = [];
  let adminToken: string;
  let reviewerToken: string;
  let partnerKey: string;
  let services: { id: string; label: string }[];
  const stamp = `${Date.now() % 100000}`;
  const batch: Offer[] = [];

  const submitOffer = (title: string, serviceId: string, priceCents = 1500) =>
    api<Offer>(server.baseUrl, partnerKey, 'POST', '/api/partner/offers', { serviceId, title, priceCents, durationMinutes: 60 });

  const offerStatus = async (id: string) => (await apiGet<Offer>(server.baseUrl, reviewerToken, `/api/offers/${id}`)).status;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    adminToken = await apiLogin(server.baseUrl, account('ADMIN'));
    reviewerToken = await apiLogin(server.baseUrl, account('REVIEWER'));
    const filter = encodeURIComponent(JSON.stringify({ status: 'ELIGIBLE', charterResignatureNeeded: false }));
    const [structure] = await apiGet<{ id: string }[]>(server.baseUrl, adminToken, `/api/structures?filter=${filter}&sort=["name","ASC"]&range=[0,0]`);
    const issued = await api<{ partnerApiKey: { key: string } }>(server.baseUrl, adminToken, 'POST', `/api/structures/${structure.id}/reissue-api-key`);
    partnerKey = issued.partnerApiKey.key;
    const referential = await (await fetch(`${server.baseUrl}/api/public/referential`)).json();
    services = referential.flatMap((category: { services: { id: string; label: string }[] }) => category.services);
    // 15 € for a service: above the regulated 10 € and not a whole number of passes: flagged.
    for (let i = 1; i <= 3; i++) batch.push(await submitOffer(`Lot ${stamp} — atelier ${i}`, services[i].id));
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', error => errors.push(error.message));
    await loginThroughConsole(page, server.baseUrl, account('REVIEWER'));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('puts the flagged offers in the moderation queue, with their flags in words', async () => {
    for (const offer of batch) {
      expect(offer.status).toBe('PENDING_REVIEW');
      expect(offer.flags).toEqual(expect.arrayContaining(['PRICE_ABOVE_RECOMMENDED', 'PRICE_NOT_MULTIPLE_OF_PASS']));
    }
    await page.locator('a[href="#/offers"]').first().click();
    await page.locator('input[name="q"]').fill(`Lot ${stamp}`);
    const rows = page.locator('tbody tr').filter({ hasText: `Lot ${stamp}` });
    await expect(rows.first().waitFor().then(() => true)).resolves.toBe(true);
    await page.waitForFunction(n => document.querySelectorAll('tbody tr').length === n, 3);
    // Amounts are written the French way, with a narrow no-break space before the euro sign.
    const text = (await rows.first().innerText()).replace(/[\u202f\u00a0]/g, ' ');
    expect(text).toContain('Prix supérieur au prix recommandé');
    expect(text).toContain('15,00 €');
    expect(text).toContain('À modérer');
  });

  it('approves a batch and reports what succeeded and what failed', async () => {
    // Meanwhile another reviewer rejects one of them: the batch reports it as failed.
    await page.locator('thead input[type="checkbox"]').check();
    await page.getByText('3 sélectionnés').waitFor();
    await page.waitForTimeout(500); // the bulk toolbar's slide-in
    await page.screenshot({ path: `${SHOTS}/moderation-queue-batch-selected.png`, fullPage: true });
    const adminReject = api(server.baseUrl, adminToken, 'POST', `/api/offers/${batch[2].id}/reject`, { reason: 'Atelier déjà proposé ailleurs.' });
    await adminReject;
    await page.locator('[data-bulk-action="approve"]').click();
    const summary = page.getByTestId('batch-summary');
    await summary.waitFor();
    await expect(summary.innerText()).resolves.toContain('2 offres approuvées, 1 en échec');
    await expect(summary.getByTestId('batch-failures').innerText()).resolves.toContain(`Lot ${stamp} — atelier 3`);
    await expect(summary.getByTestId('batch-failures').innerText()).resolves.toContain('refusée');
    await page.screenshot({ path: `${SHOTS}/moderation-batch-summary.png`, fullPage: true });
    expect(await offerStatus(batch[0].id)).toBe('APPROVED');
    expect(await offerStatus(batch[1].id)).toBe('APPROVED');
    expect(await offerStatus(batch[2].id)).toBe('REJECTED');
    // The approved ones left the queue (pending only), and so did the one rejected meanwhile:
    // nothing stays selected unseen.
    await page.getByText('Aucun résultat trouvé', { exact: false }).waitFor();
    await expect(page.getByText(/\d+ sélectionnés?$/).count()).resolves.toBe(0);
  });

  it('approves a whole batch in one go', async () => {
    const more = [];
    for (let i = 4; i <= 6; i++) more.push(await submitOffer(`Lot ${stamp} — suite ${i}`, services[i].id));
    await page.locator('input[name="q"]').fill(`Lot ${stamp} — suite`);
    await page.waitForFunction(n => document.querySelectorAll('tbody tr').length === n, 3);
    await page.locator('thead input[type="checkbox"]').check();
    await page.locator('[data-bulk-action="approve"]').click();
    await page.getByTestId('batch-summary').getByText('3 offres approuvées', { exact: true }).waitFor();
    for (const offer of more) expect(await offerStatus(offer.id)).toBe('APPROVED');
  });

  it("explains an offer's flags and its cost for a beneficiary, and rejects it with a reason", async () => {
    const offer = await submitOffer(`Lot ${stamp} — à examiner`, services[7].id, 1500);
    const review = await apiGet<Review>(server.baseUrl, reviewerToken, `/api/offers/${offer.id}/review`);
    await page.goto(`${server.baseUrl}/#/offers/${offer.id}/show`);
    const flags = page.getByTestId('offer-flags');
    for (const { explanation } of review.offer.flagExplanations) await flags.getByText(explanation).waitFor();
    await expect(page.getByTestId('offer-impact-summary').innerText()).resolves.toContain(review.impact.summary);
    await page.getByTestId('offer-impact').getByText(/^\+5,00\s€$/).first().waitFor();
    await page.getByTestId('offer-context').getByText(services[7].label).waitFor();
    await page.screenshot({ path: `${SHOTS}/moderation-offer-page.png`, fullPage: true });
    await page.getByRole('button', { name: 'Refuser' }).click();
    const dialog = page.getByTestId('action-dialog');
    await dialog.getByLabel('Motif du refus (transmis à la structure)').fill('Le prix doit être de 10 € (un pass).');
    await dialog.getByTestId('action-dialog-confirm').click();
    await page.getByTestId('offer-status').getByText('Refusée').waitFor();
    const rejected = await apiGet<Offer & { moderationComment: string }>(server.baseUrl, reviewerToken, `/api/offers/${offer.id}`);
    expect(rejected.status).toBe('REJECTED');
    expect(rejected.moderationComment).toBe('Le prix doit être de 10 € (un pass).');
  });

  it('offers only the decisions the server accepts: no approval while the structure has changes to make', async () => {
    const offer = await submitOffer(`Lot ${stamp} — à reprendre`, services[8].id, 1500);
    await api(server.baseUrl, reviewerToken, 'POST', `/api/offers/${offer.id}/request-changes`, { comment: 'Ramenez le prix à 10 €.' });
    await page.goto(`${server.baseUrl}/#/offers/${offer.id}/show`);
    await page.getByTestId('offer-status').getByText('Modifications demandées').waitFor();
    await page.getByRole('button', { name: 'Refuser' }).waitFor();
    await page.getByRole('button', { name: 'Demander des modifications' }).waitFor();
    expect(await page.getByRole('button', { name: 'Approuver' }).count()).toBe(0);
  });

  it('raised no JavaScript error', () => {
    expect(errors).toEqual([]);
  });
});
