/**
 * Every list fits the screen (issue 10, item 5): for each role, each entry of its menu opens a
 * page no wider than a 1440-pixel window (no horizontal scroll of the page: the last column, the
 * export button and the pagination stay visible), and no table wider than its box. At 1280 a
 * table may scroll inside its own box, but the page itself still does not.
 */
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS, launchBrowser, loginThroughConsole, logoutThroughConsole, startServer, type RunningBrowser, type RunningServer } from './support';

let server: RunningServer;
let browser: RunningBrowser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The routes of the sidebar's menu entries. */
const menuRoutes = (page: Page) =>
  page
    .locator('.RaSidebar-fixed a[href^="#/"], .RaSidebar-paper a[href^="#/"]')
    .evaluateAll(links => [...new Set(links.map(link => link.getAttribute('href')!))]);

/**
 * The page's width beyond the window once its list (or page) has drawn; with `tables`, also the
 * width of a table beyond its box (which scrolls inside it rather than widen the page).
 */
async function overflow(page: Page, route: string, tables: boolean): Promise<number> {
  await page.goto(`${server.baseUrl}/${route}`);
  await page.waitForLoadState('networkidle');
  await page.locator('table, .RaList-noResults, .RaEmpty-message, main').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500);
  return page.evaluate(
    tables =>
      Math.max(
        document.documentElement.scrollWidth - window.innerWidth,
        ...(tables ? Array.from(document.querySelectorAll('.RaDataTable-tableWrapper')).map(box => box.scrollWidth - box.clientWidth) : []),
      ),
    tables,
  );
}

it.each([1440, 1280])('no menu entry of any role is wider than a %i-pixel window', async width => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const tooWide: string[] = [];
  let visited = 0;
  for (const account of DEMO_ACCOUNTS) {
    await loginThroughConsole(page, server.baseUrl, account);
    const routes = await menuRoutes(page);
    expect(routes.length).toBeGreaterThan(3);
    for (const route of routes) {
      const extra = await overflow(page, route, width >= 1440);
      visited++;
      if (extra > 0) tooWide.push(`${account.role} ${route}: +${extra}px`);
    }
    await logoutThroughConsole(page);
  }
  expect(visited).toBeGreaterThan(20);
  expect(tooWide).toEqual([]);
  await page.close();
}, 600_000);
