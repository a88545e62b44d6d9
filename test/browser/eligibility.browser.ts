/**
 * Eligibility review in the console (SPEC §1 step 2, §3 "Eligibility"): the review queue, an
 * application's checks, claim, approval with its one-time partner key, the structure now
 * eligible; a second reviewer sees the claim live; decisions refused by the server show why.
 */
import { mkdirSync } from 'fs';
import type { Page } from 'playwright-core';
import {
  DEMO_ACCOUNTS,
  SECOND_REVIEWER,
  api,
  apiGet,
  apiLogin,
  eventually,
  launchBrowser,
  loginThroughConsole,
  siret,
  startServer,
  type DemoAccount,
  type RunningBrowser,
  type RunningServer,
} from './support';

const SHOTS = '/tmp/aptic-shots';
const REVIEWER = DEMO_ACCOUNTS.find(a => a.role === 'REVIEWER')!;

interface Person {
  browser: RunningBrowser;
  page: Page;
  errors: string[];
}

interface Application {
  id: string;
  reference: string;
  organisationName: string;
  status: string;
  structureId: string;
  assigneeId: string | null;
}

interface Checks {
  score: { score: number; threshold: number; maxScore: number; passes: boolean };
}

describe('eligibility review in the console', () => {
  let server: RunningServer;
  let reviewer: Person;
  let second: Person;
  let reviewerToken: string;
  let application: Application;

  const open = async (account: DemoAccount): Promise<Person> => {
    const browser = await launchBrowser();
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', error => errors.push(error.message));
    await loginThroughConsole(page, server.baseUrl, account);
    return { browser, page, errors };
  };
  const go = (person: Person, hashPath: string) => person.page.goto(`${server.baseUrl}/#${hashPath}`);
  const statusChip = (page: Page) => page.getByTestId('application-status');

  /** A fresh application through the public form's API; the lowest answers score below the threshold. */
  const submit = async (name: string, lowest = false): Promise<Application> => {
    const charter = await (await fetch(`${server.baseUrl}/api/public/charter`)).json();
    const questionnaire = await (await fetch(`${server.baseUrl}/api/public/questionnaire`)).json();
    const answers = Object.fromEntries(
      questionnaire.questions.map((q: { code: string; options: { value: string }[] }) => [
        q.code,
        q.options[lowest ? q.options.length - 1 : 0].value,
      ])
    );
    const response = await fetch(`${server.baseUrl}/api/public/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        organisation: { name, siret: siret(), legalForm: 'Association loi 1901', addressLine: '3 rue du Lac', postalCode: '33300', city: 'Bordeaux', departement: '33' },
        contact: { name: 'Paul Martin', email: 'paul.martin@example.fr' },
        legalRepresentative: { name: 'Paul Martin', role: 'Président' },
        bank: { holder: name, iban: 'FR7630001007941234567890185', bic: 'BDFEFRPP' },
        answers,
        charter: { version: charter.version, accepted: true, signatoryName: 'Paul Martin' },
      }),
    });
    if (response.status !== 201) throw new Error(`submit: ${response.status} ${await response.text()}`);
    const { id } = await response.json();
    return apiGet<Application>(server.baseUrl, reviewerToken, `/api/applications/${id}`);
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    reviewerToken = await apiLogin(server.baseUrl, REVIEWER);
    [application] = await apiGet<Application[]>(
      server.baseUrl,
      reviewerToken,
      `/api/applications?filter=${encodeURIComponent(JSON.stringify({ q: 'Point Cyber Villeurbanne' }))}`
    );
    reviewer = await open(REVIEWER);
    second = await open(SECOND_REVIEWER);
  }, 180_000);

  afterAll(async () => {
    await reviewer?.browser.close();
    await second?.browser.close();
    await server?.stop();
  });

  it('lists the pending applications, newest first, in the review queue', async () => {
    expect(application.status).toBe('SUBMITTED');
    const page = reviewer.page;
    await page.locator('a[href="#/applications"]').first().click();
    const row = page.locator('tbody tr').filter({ hasText: 'Point Cyber Villeurbanne' });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('Déposée');
    // Pending only by default: no decided application in the queue.
    const statuses = await page.locator('tbody tr').allInnerTexts();
    expect(statuses.some(text => /Approuvée|Refusée/.test(text))).toBe(false);
    await expect(page.getByTestId('quick-pending').getAttribute('aria-pressed')).resolves.toBe('true');
    // Newest first: the dates of the rows go down.
    const references = await page.locator('tbody tr td:first-child').allInnerTexts();
    const all = await apiGet<Application[]>(
      server.baseUrl,
      reviewerToken,
      `/api/applications?filter=${encodeURIComponent(JSON.stringify({ status: ['SUBMITTED', 'IN_REVIEW', 'ON_HOLD'] }))}&sort=["submittedAt","DESC"]`
    );
    expect(references.map(r => r.trim())).toEqual(all.map(a => a.reference));
    await page.screenshot({ path: `${SHOTS}/eligibility-review-queue.png`, fullPage: true });
    // "Toutes les demandes" clears the default filter.
    await page.getByTestId('quick-all').click();
    await page.locator('tbody tr').filter({ hasText: /Approuvée|Refusée/ }).first().waitFor();
    await page.getByTestId('quick-pending').click();
  });

  it('shows a second reviewer the claim live, without a reload', async () => {
    await go(second, `/applications/${application.id}/show`);
    await statusChip(second.page).getByText('Déposée').waitFor();
    await reviewer.page.locator('tbody tr').filter({ hasText: 'Point Cyber Villeurbanne' }).click();
    await statusChip(reviewer.page).getByText('Déposée').waitFor();
    await reviewer.page.getByRole('button', { name: 'Prendre en charge' }).click();
    await statusChip(reviewer.page).getByText('En instruction').waitFor();
    await statusChip(second.page).getByText('En instruction').waitFor({ timeout: 15_000 });
    await expect(second.page.getByRole('button', { name: 'Prendre en charge' }).count()).resolves.toBe(0);
    const claimed = await apiGet<Application>(server.baseUrl, reviewerToken, `/api/applications/${application.id}`);
    expect(claimed.status).toBe('IN_REVIEW');
    const me = await apiGet<{ id: string; fullName: string }>(server.baseUrl, reviewerToken, '/api/auth/me');
    expect(claimed.assigneeId).toBe(me.id);
    await second.page.getByText(me.fullName).first().waitFor();
  });

  it('shows the questionnaire score against the threshold and the identity checks', async () => {
    const page = reviewer.page;
    const checks = await apiGet<Checks>(server.baseUrl, reviewerToken, `/api/applications/${application.id}/checks`);
    await expect(page.getByTestId('application-score-total').innerText()).resolves.toBe(
      `${checks.score.score} / ${checks.score.maxScore}`
    );
    await expect(page.getByTestId('application-score').innerText()).resolves.toContain(
      `seuil d’éligibilité : ${checks.score.threshold}`
    );
    await expect(page.getByTestId('check-charter').getAttribute('data-ok')).resolves.toBe('true');
    await expect(page.getByTestId('check-siret').getAttribute('data-ok')).resolves.toBe('true');
    await expect(page.getByTestId('check-iban').getAttribute('data-ok')).resolves.toBe('true');
    // Reviewers see the full IBAN on an application under review.
    await expect(page.getByTestId('application-iban').innerText()).resolves.toMatch(/^FR76\d{21}[A-Z0-9]\d{2}$|^FR\d{2}[0-9A-Z]{23}$/);
    await page.screenshot({ path: `${SHOTS}/eligibility-application-checks.png`, fullPage: true });
  });

  it('approves the application and shows the partner key once', async () => {
    const page = reviewer.page;
    await page.getByRole('button', { name: 'Approuver' }).click();
    const dialog = page.getByTestId('action-dialog');
    await dialog.getByText('Score 75, seuil 60 : le questionnaire est réussi.').waitFor();
    await dialog.getByTestId('action-dialog-confirm').click();
    const secretDialog = page.getByTestId('one-time-secret-dialog');
    await secretDialog.waitFor();
    await secretDialog.getByText('elle ne sera plus jamais affichée', { exact: false }).waitFor();
    const key = (await secretDialog.getByTestId('one-time-secret').innerText()).trim();
    expect(key.length).toBeGreaterThan(20);
    await page.waitForTimeout(500); // the dialog's fade-in
    await page.screenshot({ path: `${SHOTS}/eligibility-approval-key-dialog.png` });
    // The key works on the partner API.
    const partner = await fetch(`${server.baseUrl}/api/partner/offers`, { headers: { Authorization: `Bearer ${key}` } });
    expect(partner.status).toBe(200);
    await secretDialog.getByTestId('close-secret').click();
    await page.getByTestId('one-time-secret-dialog').waitFor({ state: 'detached' });
    await statusChip(page).getByText('Approuvée').waitFor();
    await page.getByTestId('application-decision').waitFor();
    const approved = await apiGet<Application>(server.baseUrl, reviewerToken, `/api/applications/${application.id}`);
    expect(approved.status).toBe('APPROVED');
  });

  it('shows the structure as eligible, with its partner key listed by prefix', async () => {
    const page = reviewer.page;
    await page.getByRole('link', { name: 'Point Cyber Villeurbanne' }).first().click();
    await page.getByTestId('structure-status').getByText('Éligible').waitFor();
    const structure = await apiGet<{ status: string; eligibleAt: string }>(
      server.baseUrl,
      reviewerToken,
      `/api/structures/${application.structureId}`
    );
    expect(structure.status).toBe('ELIGIBLE');
    expect(structure.eligibleAt).toBeTruthy();
    await page.screenshot({ path: `${SHOTS}/eligibility-structure-eligible.png`, fullPage: true });
    await page.getByRole('tab', { name: 'Clés partenaires' }).click();
    await page.getByTestId('api-keys-panel').getByText('Active').waitFor();
    // Key management is ADMIN's: a reviewer has no reissue button.
    await expect(page.getByRole('button', { name: 'Réémettre la clé' }).count()).resolves.toBe(0);
  });

  it('asks for a justification to approve below the threshold', async () => {
    const low = await submit('Espace numérique du Lac', true);
    await api(server.baseUrl, reviewerToken, 'POST', `/api/applications/${low.id}/claim`);
    const page = reviewer.page;
    await go(reviewer, `/applications/${low.id}/show`);
    await page.getByTestId('application-warnings').getByText(/sous le seuil/).first().waitFor();
    await page.getByRole('button', { name: 'Approuver' }).click();
    const dialog = page.getByTestId('action-dialog');
    await dialog.getByText(/sous le seuil de 60/).waitFor();
    await dialog.getByTestId('action-dialog-confirm').click();
    // The form refuses to send without the comment.
    await dialog.getByText('Ce champ est requis').first().waitFor();
    await page.waitForTimeout(500); // the dialog's fade-in
    await page.screenshot({ path: `${SHOTS}/eligibility-approve-below-threshold.png` });
    await expect(page.getByTestId('one-time-secret-dialog').count()).resolves.toBe(0);
    await dialog.getByRole('button', { name: 'Annuler' }).click();
  });

  it('rejects with a translated reason and a comment', async () => {
    const fresh = await submit('Cyber-base de Floirac');
    await api(server.baseUrl, reviewerToken, 'POST', `/api/applications/${fresh.id}/claim`);
    const page = reviewer.page;
    await go(reviewer, `/applications/${fresh.id}/show`);
    await page.getByRole('button', { name: 'Refuser' }).click();
    const dialog = page.getByTestId('action-dialog');
    await dialog.getByLabel('Motif du refus').click();
    await page.getByRole('option', { name: 'Hors du champ du dispositif' }).click();
    await dialog.getByLabel('Commentaire pour le demandeur').fill('Activité sans médiation numérique.');
    await dialog.getByTestId('action-dialog-confirm').click();
    await statusChip(page).getByText('Refusée').waitFor();
    const rejected = await apiGet<Application & { rejectionReason: string; decisionComment: string }>(
      server.baseUrl,
      reviewerToken,
      `/api/applications/${fresh.id}`
    );
    expect(rejected.rejectionReason).toBe('OUT_OF_SCOPE');
    expect(rejected.decisionComment).toBe('Activité sans médiation numérique.');
    await page.getByTestId('application-decision').getByText('Refusée — Hors du champ du dispositif').waitFor();
  });

  it('shows a colleague\'s application with its holder and "Réattribuer", not decision buttons that fail; reassigned, it can be decided', async () => {
    const held = await submit('Atelier numérique de Cenon');
    await api(server.baseUrl, reviewerToken, 'POST', `/api/applications/${held.id}/claim`);
    const page = second.page;
    await go(second, `/applications/${held.id}/show`);
    await page.getByTestId('application-holder').getByText(`Prise en charge par Julien Moreau`).waitFor();
    const decisions = page.locator('[data-action="approve"], [data-action="hold"], [data-action="reject"], [data-action="claim"]');
    await expect(decisions.count()).resolves.toBe(0);
    // Réattribuer → "À moi", confirmed: the decisions are now this reviewer's.
    await page.getByRole('button', { name: 'Réattribuer' }).click();
    const dialog = page.getByTestId('action-dialog');
    await dialog.getByText('À moi').click();
    await dialog.getByTestId('action-dialog-confirm').click();
    await page.getByRole('button', { name: 'Mettre en attente' }).waitFor();
    await expect(page.getByTestId('application-holder').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Approuver' }).count()).resolves.toBe(1);
    const secondToken = await apiLogin(server.baseUrl, SECOND_REVIEWER);
    const me = await apiGet<{ id: string }>(server.baseUrl, secondToken, '/api/auth/me');
    const after = await apiGet<Application>(server.baseUrl, reviewerToken, `/api/applications/${held.id}`);
    expect(after).toEqual(expect.objectContaining({ status: 'IN_REVIEW', assigneeId: me.id }));
    // The holder hands it back to a colleague chosen in the staff directory (reviewers and admins only).
    await page.getByRole('button', { name: 'Réattribuer' }).click();
    await dialog.getByLabel('Collègue (relecteur ou administrateur)').fill('Julien');
    await page.getByRole('option', { name: 'Julien Moreau' }).click();
    await dialog.getByTestId('action-dialog-confirm').click();
    await page.getByTestId('application-holder').getByText(`Prise en charge par Julien Moreau`).waitFor();
    await expect(decisions.count()).resolves.toBe(0);
    const audit = await apiGet<{ action: string }[]>(
      server.baseUrl,
      reviewerToken,
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ resource: 'applications', recordId: held.id, action: 'reassign' }))}`
    );
    expect(audit).toHaveLength(2);
  });

  it('raised no JavaScript error in any page', () => {
    expect(reviewer.errors).toEqual([]);
    expect(second.errors).toEqual([]);
  });
});
