import { Socket } from 'socket.io-client';
import { connect, connected } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';

// Its own file (and so its own process): this app runs with a 2-second lock TTL.
let short: TestApp;
const sockets: Socket[] = [];
const ack = (s: Socket, event: string, body: unknown) => s.timeout(5000).emitWithAck(event, body);
beforeAll(async () => {
  short = await startTestApp({ env: { LOCK_TTL_SECONDS: '2' } });
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await short.close();
});

describe('edit locks that are not renewed', () => {
  it('lapse after LOCK_TTL_SECONDS, unless the holder renews them', async () => {
    const sponsor = (await short.http.get('/api/sponsors?range=[0,0]').set('Authorization', `Bearer ${await short.token('ADMIN')}`)).body[0].id;
    const admin = connect(short.baseUrl, await short.token('ADMIN'));
    sockets.push(admin);
    await connected(admin);
    await ack(admin, 'lock', { resource: 'sponsors', id: sponsor });
    const put = async () => short.http.put(`/api/sponsors/${sponsor}`).set('Authorization', `Bearer ${await short.token('FINANCE')}`).send({ contactName: 'X' });
    // Renewed twice across more than the TTL: still held.
    for (let i = 0; i < 2; i++) {
      await new Promise((r) => setTimeout(r, 1200));
      expect((await ack(admin, 'renewLock', { resource: 'sponsors', id: sponsor })).ok).toBe(true);
    }
    expect((await put()).status).toBe(409);
    // Not renewed (as if the holder's instance died): gone once the TTL has passed.
    let status = 409;
    for (let i = 0; i < 40 && status === 409; i++) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await put()).status;
    }
    expect(status).toBe(200);
  });
});


describe('a lock held longer than its TTL through renewals', () => {
  it('is still released at once when its holder disconnects', async () => {
    const sponsor = (await short.http.get('/api/sponsors?range=[1,1]').set('Authorization', `Bearer ${await short.token('ADMIN')}`)).body[0].id;
    const admin = connect(short.baseUrl, await short.token('ADMIN'));
    const finance = connect(short.baseUrl, await short.token('FINANCE'));
    sockets.push(admin, finance);
    await Promise.all([connected(admin), connected(finance)]);
    await ack(admin, 'lock', { resource: 'sponsors', id: sponsor });
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      expect((await ack(admin, 'renewLock', { resource: 'sponsors', id: sponsor })).ok).toBe(true);
    }
    admin.disconnect();
    // Released by the disconnect, not by expiry: free well before another TTL has passed.
    let lock: unknown = 'held';
    for (let i = 0; i < 10 && lock; i++) {
      await new Promise((r) => setTimeout(r, 100));
      lock = (await ack(finance, 'getLock', { resource: 'sponsors', id: sponsor })).lock;
    }
    expect(lock).toBeNull();
  });
});
