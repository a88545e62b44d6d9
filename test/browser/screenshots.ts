/**
 * Saves PNGs of the console per demo role into /tmp/aptic-shots/ (or SHOTS_DIR), to look at.
 * Not a test. Run after `npm run build`:
 *   npx ts-node -P test/browser/tsconfig.json test/browser/screenshots.ts
 * Uses APTIC_URL (e.g. http://localhost:3100) if set, otherwise starts its own server.
 */
import { mkdirSync } from 'fs';
import path from 'path';
import { DEMO_ACCOUNTS, launchBrowser, loginThroughConsole, logoutThroughConsole, startServer } from './support';

const SHOTS_DIR = process.env.SHOTS_DIR ?? '/tmp/aptic-shots';

// Lists worth a look per role (routes of the console).
const PAGES: Record<string, string[]> = {
  ADMIN: ['users', 'sponsors', 'referential-services', 'audit-events', 'job-runs', 'users/create'],
  REVIEWER: ['applications', 'structures', 'offers', 'questionnaires'],
  FINANCE: ['orders', 'passes', 'endorsements', 'statements', 'payouts', 'ledger-entries'],
  SUPPORT: ['scans', 'disputes', 'redemptions', 'passes'],
};

async function main() {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const server = process.env.APTIC_URL ? null : await startServer();
  const baseUrl = process.env.APTIC_URL ?? server!.baseUrl;
  const browser = await launchBrowser();
  const extra = (process.env.SHOTS_PAGES ?? '').split(',').filter(Boolean);
  try {
    const page = await browser.context.newPage();
    page.on('pageerror', error => console.error('page error:', error.message));
    for (const account of DEMO_ACCOUNTS) {
      await loginThroughConsole(page, baseUrl, account);
      await page.waitForTimeout(1500);
      const role = account.role.toLowerCase();
      await page.screenshot({ path: path.join(SHOTS_DIR, `${role}-dashboard.png`), fullPage: true });
      for (const route of [...PAGES[account.role], ...extra]) {
        await page.goto(`${baseUrl}/#/${route}`);
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(1500);
        const file = path.join(SHOTS_DIR, `${role}-${route.replace(/[^a-z0-9-]+/gi, '_')}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log('saved', file);
      }
      // One show page per role: the first row of its first list.
      await page.goto(`${baseUrl}/#/${PAGES[account.role][0]}`);
      const firstRow = page.locator('tbody tr').first();
      if (await firstRow.waitFor({ timeout: 10_000 }).then(() => true, () => false)) {
        await firstRow.click();
        await page.waitForTimeout(2000);
        await page.screenshot({ path: path.join(SHOTS_DIR, `${role}-show.png`), fullPage: true });
      }
      await logoutThroughConsole(page);
    }
  } finally {
    await browser.close();
    await server?.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
