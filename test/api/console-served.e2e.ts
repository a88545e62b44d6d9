import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expectErrorShape, startTestApp, TestApp } from '../support/test-app';

// As in production: the server also serves the built console at "/".
let t: TestApp;
let dist: string;
beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'aptic-console-'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>#APTIC — Back-office</title><div id="root"></div>');
  t = await startTestApp({ env: { ADMIN_DIST_DIR: dist } });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dist, { recursive: true, force: true });
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
