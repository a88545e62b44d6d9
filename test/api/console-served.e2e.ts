import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expectErrorShape, startTestApp, TestApp } from '../support/test-app';

// As in production: the server also serves the built console at "/".
let t: TestApp;
let base: string;
let dist: string;
const SCRIPT = 'index-Bx3f9a1Q.js';
beforeAll(async () => {
  // Installed under a folder named "assets": only the console's own assets/ are hashed files.
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'aptic-console-'));
  dist = path.join(base, 'assets', 'console');
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>#APTIC — Back-office</title><div id="root"></div>');
  // A hashed script as Vite writes them, large enough to be worth compressing.
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'assets', SCRIPT), `export const pages = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `page-${i}`))};`);
  t = await startTestApp({ env: { ADMIN_DIST_DIR: dist } });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(base, { recursive: true, force: true });
});

describe('the console served beside the API', () => {
  it('serves the console at / and its routes, and the API under /api', async () => {
    expect((await t.http.get('/')).text).toMatch(/#APTIC — Back-office/);
    expect((await t.http.get('/api/health')).status).toBe(200);
  });

  it('still answers API errors in the API’s shape, not with the console', async () => {
    const token = await t.token('ADMIN');
    const malformed = await t.http.post('/api/sponsors').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send('{"name": ');
    expect(malformed.status).toBe(400);
    expectErrorShape(malformed.body, 400);
    const huge = await t.http.post('/api/sponsors').set('Authorization', `Bearer ${token}`).send({ name: 'x'.repeat(300_000) });
    expect(huge.status).toBe(413);
    const unknown = await t.http.get('/api/nothing-here').set('Authorization', `Bearer ${token}`);
    expect(unknown.status).toBe(404);
    expectErrorShape(unknown.body, 404);
    expect((await t.http.get('/api/structures')).status).toBe(401);
  });
});

describe('the console’s files', () => {
  it('are compressed with gzip or brotli for a client that accepts it', async () => {
    const gzip = await t.http.get(`/assets/${SCRIPT}`).set('Accept-Encoding', 'gzip');
    expect(gzip.status).toBe(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.text).toMatch(/page-1999/);
    const br = await t.http.get(`/assets/${SCRIPT}`).set('Accept-Encoding', 'br');
    expect(br.headers['content-encoding']).toBe('br');
    const plain = await t.http.get(`/assets/${SCRIPT}`).set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toMatch(/page-1999/);
  });

  it('are cached for a year when hashed, revalidated for index.html and console routes', async () => {
    expect((await t.http.get(`/assets/${SCRIPT}`)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const page of ['/', '/index.html', '/passes', '/scans/123/show']) {
      const res = await t.http.get(page);
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/#APTIC — Back-office/);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('and the API’s large JSON pages are compressed too', async () => {
    const res = await t.http.get('/api/passes?range=[0,99]').set('Authorization', `Bearer ${await t.token('ADMIN')}`).set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-range']).toMatch(/^passes 0-/);
    expect(res.body.length).toBeGreaterThan(10);
  });
});
