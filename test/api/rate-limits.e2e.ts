/**
 * Rate limits count the real client: X-Forwarded-For is believed only from the proxies named in
 * TRUSTED_PROXIES (issue "Security and robustness defects", finding 4). Each test failed before
 * the fix (40 of 40 submissions accepted past the limit by rotating X-Forwarded-For).
 */
import { ServerProcess, startServerProcess } from '../support/server-process';
import { expectErrorShape, startTestApp, TestApp } from '../support/test-app';

let strict: TestApp;
beforeAll(async () => {
  // No TRUSTED_PROXIES: the default.
  strict = await startTestApp({ env: { PUBLIC_SUBMISSIONS_PER_HOUR: '3', LOGIN_THROTTLE_LIMIT: '3' } });
});
afterAll(() => strict.close());

describe('without a trusted proxy (the default)', () => {
  it('counts public submissions per real address, whatever X-Forwarded-For says', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await strict.http.post('/api/public/applications').set('X-Forwarded-For', `10.0.${i}.${i + 1}`).send({});
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
    expect(statuses.slice(3)).toEqual([429, 429, 429, 429, 429]);
  });

  it('counts wrong passwords per real address, whatever X-Forwarded-For says, and says when to retry', async () => {
    const statuses: number[] = [];
    let last: any;
    for (let i = 0; i < 6; i++) {
      last = await strict.http.post('/api/auth/login').set('X-Forwarded-For', `192.168.1.${i + 1}`).send({ email: 'cible@aptic.fr', password: `essai-${i}` });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expectErrorShape(last.body, 429);
    expect(last.body.message).toMatch(/Réessayez dans \d+/);
    expect(last.body.details.retryAfterSeconds).toBe(Number(last.headers['retry-after']));
  });
});

describe('behind a balancer named in TRUSTED_PROXIES', () => {
  let proxied: ServerProcess;
  beforeAll(async () => {
    // Its own process, as a deployed instance: the tests reach it from 127.0.0.1, the "balancer".
    proxied = await startServerProcess({ DATABASE_URL: '', REDIS_URL: '', DATA_DIR: 'memory', SEED_ON_START: 'true', PUBLIC_SUBMISSIONS_PER_HOUR: '2', TRUSTED_PROXIES: '127.0.0.1' });
  }, 120_000);
  afterAll(() => proxied?.stop());

  it('counts each client the balancer names separately, and one client once', async () => {
    const send = (client: string) => proxied.http.post('/api/public/applications').set('X-Forwarded-For', client).send({});
    expect([(await send('203.0.113.7')).status, (await send('203.0.113.7')).status, (await send('203.0.113.7')).status]).toEqual([400, 400, 429]);
    expect((await send('203.0.113.8')).status).toBe(400);
    // An address the client wrote in front of the one the balancer added is not believed.
    expect((await send('198.51.100.1, 203.0.113.7')).status).toBe(429);
  });

  it('counts an IPv6 client by its /64 network, so rotating its last bits does not help', async () => {
    const send = (client: string) => proxied.http.post('/api/public/applications').set('X-Forwarded-For', client).send({});
    expect((await send('2001:db8:1:2::1')).status).toBe(400);
    expect((await send('2001:db8:1:2::ffff')).status).toBe(400);
    expect((await send('2001:db8:1:2:aaaa::3')).status).toBe(429);
    expect((await send('2001:db8:1:3::1')).status).toBe(400);
  });
});
