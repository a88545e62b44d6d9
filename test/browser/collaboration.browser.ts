/**
 * Real-time collaboration as two (or three) staff members see it in their own browsers:
 * presence on a record, the edit lock and its release, live values, comments, live lists and
 * menu badges. One server, one Chromium profile per person.
 */
import { mkdirSync } from 'fs';
import type { Page } from 'playwright-core';
import {
  DEMO_ACCOUNTS,
  api,
  apiGet,
  apiLogin,
  eventually,
  launchBrowser,
  loginThroughConsole,
  siret,
  startServer,
  type Role,
  type RunningBrowser,
  type RunningServer,
} from './support';

const SHOTS = '/tmp/aptic-shots';
const account = (role: Role) => DEMO_ACCOUNTS.find(a => a.role === role)!;

interface Person {
  browser: RunningBrowser;
  page: Page;
  fullName: string;
  errors: string[];
}

interface Me {
  id: string;
  fullName: string;
}

describe('real-time collaboration between staff members', () => {
  let server: RunningServer;
  const people: Partial<Record<Role, Person>> = {};
  let adminToken: string;
  let sponsorId: string;
  let structureId: string;

  const person = (role: Role) => people[role]!;

  const open = async (role: Role) => {
    const browser = await launchBrowser();
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', error => errors.push(error.message));
    await loginThroughConsole(page, server.baseUrl, account(role));
    const token = await page.evaluate(() => localStorage.getItem('aptic.token'));
    const me = await apiGet<Me>(server.baseUrl, token!, '/api/auth/me');
    people[role] = { browser, page, fullName: me.fullName, errors };
  };

  const go = (role: Role, hashPath: string) => person(role).page.goto(`${server.baseUrl}/#${hashPath}`);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    adminToken = await apiLogin(server.baseUrl, account('ADMIN'));
    [{ id: sponsorId }] = await apiGet<{ id: string }[]>(
      server.baseUrl,
      adminToken,
      '/api/sponsors?sort=["name","ASC"]&range=[0,0]'
    );
    [{ id: structureId }] = await apiGet<{ id: string }[]>(
      server.baseUrl,
      adminToken,
      '/api/structures?sort=["name","ASC"]&range=[0,0]'
    );
    await open('ADMIN');
    await open('FINANCE');
  }, 180_000);

  afterAll(async () => {
    for (const p of Object.values(people)) await p?.browser.close();
    await server?.stop();
  });

  it('shows each person the other one looking at the same sponsor', async () => {
    await go('ADMIN', `/sponsors/${sponsorId}/show`);
    await go('FINANCE', `/sponsors/${sponsorId}/show`);
    await person('ADMIN').page.locator(`[data-testid="presence-avatar"][aria-label="${person('FINANCE').fullName}"]`).waitFor();
    await person('FINANCE').page.locator(`[data-testid="presence-avatar"][aria-label="${person('ADMIN').fullName}"]`).waitFor();
    // Nobody sees themselves among the others.
    await expect(
      person('ADMIN').page.locator(`[data-testid="presence-avatar"][aria-label="${person('ADMIN').fullName}"]`).count()
    ).resolves.toBe(0);
  });

  it('blocks the save of whoever comes second to the edit page, with the editor named', async () => {
    const admin = person('ADMIN').page;
    const finance = person('FINANCE').page;
    await admin.locator(`a[href="#/sponsors/${sponsorId}"]`).first().click();
    await admin.getByText('Vous modifiez cet enregistrement').first().waitFor();
    await go('FINANCE', `/sponsors/${sponsorId}`);
    const expected = `En cours de modification par ${person('ADMIN').fullName}`;
    expect(person('ADMIN').fullName).toBe('Nadia Benali');
    await finance.getByText(expected).first().waitFor();
    // Even after typing, the save button stays disabled while the lock is someone else's.
    await finance.locator('input[name="contactPhone"]').fill('01 02 03 04 05');
    await expect(finance.locator('button[type="submit"]').isDisabled()).resolves.toBe(true);
    await expect(finance.getByTestId('save-blocked-reason').innerText()).resolves.toBe(expected);
    await finance.evaluate(() => window.scrollTo(0, 0));
    await finance.screenshot({ path: `${SHOTS}/lock-blocked-edit.png` });
    // Back to an untouched form, so the live update below may refresh it.
    await finance.reload();
    await finance.getByText(expected).first().waitFor();
  });

  it('shows the saved value to the other person without reload, and frees the record for them', async () => {
    const admin = person('ADMIN').page;
    const finance = person('FINANCE').page;
    const newContact = `Contact ${Date.now() % 100000}`;
    await admin.locator('input[name="contactName"]').fill(newContact);
    await admin.locator('button[type="submit"]').click();
    await admin.waitForURL(/\/show/);
    await eventually(() => finance.locator('input[name="contactName"]').inputValue(), newContact);
    await finance.getByText('Vous modifiez cet enregistrement').first().waitFor();
    await finance.locator('input[name="contactPhone"]').fill('01 02 03 04 05');
    await expect(finance.locator('button[type="submit"]').isEnabled()).resolves.toBe(true);
    await expect(finance.getByTestId('save-blocked-reason').count()).resolves.toBe(0);
    // The timeline of the record on the first person's page tells who changed what.
    const timeline = admin.getByTestId('record-timeline');
    await timeline.getByText(newContact).first().waitFor({ timeout: 15_000 });
    const entry = timeline.getByTestId('timeline-entry').first();
    await expect(entry.innerText()).resolves.toContain('Modification');
    await expect(entry.innerText()).resolves.toContain(person('ADMIN').fullName);
    await admin.getByTestId('lock-status').waitFor();
    await expect(admin.getByTestId('lock-status').innerText()).resolves.toContain(person('FINANCE').fullName);
    await admin.screenshot({ path: `${SHOTS}/sponsor-show-presence-lock-timeline.png`, fullPage: true });
    // FINANCE saves too: no 409 now that the lock is theirs.
    await finance.locator('button[type="submit"]').click();
    await finance.waitForURL(/\/show/);
  });

  it('lets an ADMIN take the lock over, and sends the previous editor back to the record', async () => {
    const admin = person('ADMIN').page;
    const finance = person('FINANCE').page;
    await go('FINANCE', `/sponsors/${sponsorId}`);
    await finance.getByText('Vous modifiez cet enregistrement').first().waitFor();
    await go('ADMIN', `/sponsors/${sponsorId}`);
    await admin.getByText(`En cours de modification par ${person('FINANCE').fullName}`).first().waitFor();
    await admin.getByRole('button', { name: 'Prendre la main' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: /confirmer/i }).click();
    await admin.getByText('Vous modifiez cet enregistrement').first().waitFor();
    await finance.getByText(`${person('ADMIN').fullName} a pris la main sur cet enregistrement`).waitFor();
    await finance.waitForURL(/\/show/);
    await admin.locator('input[name="contactName"]').fill('Repris par Nadia');
    await admin.locator('button[type="submit"]').click();
    await admin.waitForURL(/\/show/);
    await admin.getByText('Repris par Nadia').first().waitFor();
  });

  it('shows a comment posted by one person to the other, with its author', async () => {
    await open('REVIEWER');
    const reviewer = person('REVIEWER').page;
    const admin = person('ADMIN').page;
    await go('REVIEWER', `/structures/${structureId}/show`);
    await go('ADMIN', `/structures/${structureId}/show`);
    await reviewer.getByTestId('comment-thread').waitFor();
    await admin.getByTestId('comment-thread').waitFor();
    const body = `Pièces justificatives reçues, à vérifier (${Date.now() % 100000}).`;
    await admin.getByTestId('comment-input').fill(body);
    await admin.getByTestId('comment-submit').click();
    const comment = reviewer.getByTestId('comment').filter({ hasText: body });
    await comment.waitFor({ timeout: 15_000 });
    await eventually(() => comment.getByTestId('comment-author').innerText(), person('ADMIN').fullName);
    await admin.getByTestId('comment').filter({ hasText: body }).waitFor();
    // The structure's timeline tells of the comment in words, with its text and author (not
    // the raw action "comment" and "Voir les 2 champs").
    const entry = reviewer.getByTestId('record-timeline').getByTestId('timeline-entry').filter({ hasText: body });
    await entry.waitFor({ timeout: 15_000 });
    await expect(entry.getByTestId('timeline-action').innerText()).resolves.toBe('Commentaire');
    await expect(entry.getByTestId('timeline-comment').innerText()).resolves.toBe(body);
    await expect(entry.innerText()).resolves.toContain(person('ADMIN').fullName);
    await expect(entry.getByRole('button').count()).resolves.toBe(0);
    await reviewer.locator(`[data-testid="presence-avatar"][aria-label="${person('ADMIN').fullName}"]`).waitFor();
    await reviewer.screenshot({ path: `${SHOTS}/structure-show-comments-timeline.png`, fullPage: true });
  });

  it('adds a sponsor created by someone else to an open list, and badges the menu of who is elsewhere', async () => {
    const finance = person('FINANCE').page;
    const admin = person('ADMIN').page;
    await go('FINANCE', '/sponsors');
    await finance.locator('tbody tr').first().waitFor();
    // ADMIN is on a structure page: the sponsors list is not open there. The badge may already
    // count FINANCE's save of the sponsor above.
    const badge = admin.locator('a[href="#/sponsors"] [data-testid="menu-badge"]');
    const before = (await badge.count()) === 0 ? 0 : Number(await badge.innerText());
    const name = `AAA Commanditaire en direct ${Date.now() % 100000}`;
    // Created by someone else than ADMIN (the console does not badge its user's own changes).
    const financeToken = await apiLogin(server.baseUrl, account('FINANCE'));
    await api(server.baseUrl, financeToken, 'POST', '/api/sponsors', {
      name,
      kind: 'COMMUNE',
      siret: siret(),
      addressLine: '1 place de la Mairie',
      postalCode: '33000',
      city: 'Bordeaux',
      departement: '33',
      contactName: 'Jeanne Martin',
      contactEmail: 'jeanne.martin@example.fr',
    });
    await finance.getByRole('cell', { name }).waitFor({ timeout: 15_000 });
    const count = async () => ((await badge.count()) === 0 ? 0 : Number(await badge.innerText()));
    await eventually(count, before + 1);
    await admin.screenshot({ path: `${SHOTS}/menu-badge.png` });
    // After a reload the badge starts from the API: sponsors created since the last look.
    await admin.reload();
    await admin.getByTestId('comment-thread').waitFor();
    await eventually(count, 1);
    // Opening the list is looking at it: the badge goes.
    await admin.locator('a[href="#/sponsors"]').click();
    await admin.locator('tbody tr').first().waitFor();
    await expect(badge.count()).resolves.toBe(0);
    // And stays gone after a reload (last look kept per user).
    await admin.reload();
    await admin.locator('tbody tr').first().waitFor();
    await go('ADMIN', '/');
    await admin.getByTestId('dashboard-apticulteurs').waitFor();
    await admin.waitForTimeout(1000);
    await expect(badge.count()).resolves.toBe(0);
  });

  it('raised no JavaScript error in any page', () => {
    for (const p of Object.values(people)) expect(p?.errors).toEqual([]);
  });
});
