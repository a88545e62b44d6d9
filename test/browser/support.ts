/**
 * Helpers shared by the browser tests (and test/browser/screenshots.ts): start the built server
 * on a fresh embedded database, launch Debian's Chromium, log in through the console.
 */
import { spawn, type ChildProcess } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type Role = 'ADMIN' | 'REVIEWER' | 'FINANCE' | 'SUPPORT';

export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
}

/** The demo staff seeded on first start (README, SPEC §5). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { role: 'ADMIN', email: 'admin@aptic.fr', password: 'Admin-Aptic-2026!' },
  { role: 'REVIEWER', email: 'relecture@aptic.fr', password: 'Relecture-Aptic-2026!' },
  { role: 'FINANCE', email: 'finance@aptic.fr', password: 'Finance-Aptic-2026!' },
  { role: 'SUPPORT', email: 'support@aptic.fr', password: 'Support-Aptic-2026!' },
];

/** A second reviewer, for what two reviewers see of each other's work. */
export const SECOND_REVIEWER: DemoAccount = {
  role: 'REVIEWER',
  email: 'relecture2@aptic.fr',
  password: 'Relecture2-Aptic-2026!',
};

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

export interface RunningServer {
  baseUrl: string;
  /** Sends a message to a server started with `ipc` and resolves with its answer. */
  ask: <T>(message: Record<string, unknown>) => Promise<T>;
  port: number;
  dataDir: string;
  process: ChildProcess;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `node server/dist/main.js` on a free port with a fresh embedded database
 * (no DATABASE_URL / REDIS_URL), and waits until GET /api/health answers 200. `settings` are
 * extra environment variables (e.g. a low LIST_COUNT_LIMIT).
 */
export async function startServer(
  timeoutMs = 90_000,
  settings: Record<string, string> = {},
  /** Another entry than server/dist/main.js (relative to the repository), with an IPC channel to it. */
  launcher?: { entry: string; ipc: true },
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aptic-browser-db-'));
  const env: NodeJS.ProcessEnv = { ...process.env, ...settings, PORT: String(port), DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  let output = '';
  const child = spawn(process.execPath, [path.join(REPO_ROOT, launcher?.entry ?? 'server/dist/main.js')], {
    cwd: REPO_ROOT,
    env,
    stdio: launcher?.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  let asked = 0;
  const ask = <T>(message: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      if (!child.send) return reject(new Error('this server has no IPC channel'));
      const id = ++asked;
      const onMessage = (answer: { id: number; result?: T; error?: string }) => {
        if (answer?.id !== id) return;
        child.off('message', onMessage);
        if (answer.error) reject(new Error(answer.error));
        else resolve(answer.result as T);
      };
      child.on('message', onMessage);
      child.send({ ...message, id });
    });
  child.stdout?.on('data', chunk => (output += chunk));
  child.stderr?.on('data', chunk => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    if (child.connected) child.disconnect();
    child.stdout?.destroy();
    child.stderr?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with code ${child.exitCode}:\n${output.slice(-4000)}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) {
        return { baseUrl, ask, port, dataDir, process: child, output: () => output, stop };
      }
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  await stop();
  throw new Error(`The server did not become healthy within ${timeoutMs} ms:\n${output.slice(-4000)}`);
}

export interface RunningBrowser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Debian's Chromium, headless, with a throw-away profile (ENVIRONMENT.md). */
export async function launchBrowser(): Promise<RunningBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'aptic-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1440, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=fr-FR',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A new tab at 1440×900 whose uncaught page errors are pushed to `errors` (a test ends by checking it is empty). */
export async function newConsolePage(browser: RunningBrowser, errors: string[]): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  page.on('pageerror', error => errors.push(error.message));
  return page;
}

/** Calls the API directly as the given account (to compare what the console shows). */
export async function apiLogin(baseUrl: string, account: DemoAccount): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (!response.ok) throw new Error(`login ${account.email}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export async function apiGet<T>(baseUrl: string, token: string, url: string): Promise<T> {
  const response = await fetch(`${baseUrl}${url}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A SIRET with a valid Luhn key, different on every call. */
export const siret = (() => {
  let n = 0;
  return () => {
    const base = `${Date.now() % 1e9}`.padStart(9, '0') + String(n++ % 100000).padStart(4, '0');
    for (let check = 0; check < 10; check++) {
      const digits = (base + check).split('').map(Number);
      const sum = digits
        .reverse()
        .map((d, i) => (i % 2 === 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d))
        .reduce((a, b) => a + b, 0);
      if (sum % 10 === 0) return base + check;
    }
    throw new Error('no SIRET key');
  };
})();

/** Calls the API with any method; fails with the server's answer when it is not 2xx. */
export async function api<T>(baseUrl: string, token: string, method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Polls `read` until it returns `expected` (or fails with the last value seen). */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (last === expected) return;
    await sleep(200);
  }
  expect(last).toBe(expected);
}

/** Opens the console's login page and signs in; resolves when the dashboard is shown. */
export async function loginThroughConsole(page: Page, baseUrl: string, account: DemoAccount): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  await page.locator('input[name="username"]').fill(account.email);
  await page.locator('input[name="password"]').fill(account.password);
  await page.locator('button[type="submit"]').click();
  await page.locator('[data-testid="dashboard"][data-role]').waitFor({ timeout: 30_000 });
}

/** Logs out through the user menu of the app bar; resolves when the login form is back. */
export async function logoutThroughConsole(page: Page): Promise<void> {
  await page.getByRole('button', { name: /profil|profile/i }).click();
  await page.getByRole('menuitem', { name: /déconnexion|logout/i }).click();
  await page.locator('input[name="username"]').waitFor({ timeout: 15_000 });
}

/** The resource names shown in the sidebar menu, in order. */
export async function menuItems(page: Page): Promise<string[]> {
  const sidebar = page.locator('.RaSidebar-fixed, .RaSidebar-paper').first();
  const items = await sidebar.locator('a[role="menuitem"], a.RaMenuItemLink-root').allInnerTexts();
  return items.map(text => text.trim()).filter(Boolean);
}

/**
 * Fills /candidature/'s form (already open in `page`): each field by its path (`data-field`), the
 * first answer of every question, and the charter ticked. Sending it is the caller's.
 */
export async function fillApplicationForm(page: Page, values: Record<string, string>): Promise<void> {
  for (const [field, value] of Object.entries(values)) await page.locator(`[data-field="${field}"]`).fill(value);
  for (const group of await page.getByRole('radiogroup').all()) await group.getByRole('radio').first().check();
  await page.getByRole('checkbox', { name: /J’ai lu la charte/ }).check();
}
