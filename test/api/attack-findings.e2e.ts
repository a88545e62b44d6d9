/**
 * What the outside attack of the API found (issue "Security and robustness defects"), one
 * describe per finding. Each of these failed before its fix.
 */
import { Socket } from 'socket.io-client';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { connect, connected } from '../support/sockets';
import { demoAccount, expectErrorShape, startTestApp, TestApp } from '../support/test-app';

let t: TestApp;
const enc = encodeURIComponent;
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  t = await startTestApp({ env: { PUBLIC_SUBMISSIONS_PER_HOUR: '1000', LOGIN_THROTTLE_LIMIT: '1000' } });
});
afterAll(() => t.close());

const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

async function auditTotal() {
  const res = await t.http.get('/api/audit-events?range=[0,0]').set(auth(await t.token('ADMIN')));
  return res.headers['content-range'];
}

describe('1. a deeply nested body cannot stop or hang the server', () => {
  let instance: ServerProcess;
  beforeAll(async () => {
    // A real, separate server process: a crash shows as a dead process, not as a failed assertion.
    instance = await startServerProcess({ DATABASE_URL: '', REDIS_URL: '', DATA_DIR: 'memory', SEED_ON_START: 'true', PUBLIC_SUBMISSIONS_PER_HOUR: '1000' });
  }, 120_000);
  afterAll(() => instance?.stop());

  it.each([
    ['login, nested arrays', '/api/auth/login', deepArray(5000)],
    ['login, nested objects', '/api/auth/login', deepObject(5000)],
    ['public applications, nested arrays', '/api/public/applications', deepArray(5000)],
    ['public applications, nested objects', '/api/public/applications', deepObject(5000)],
    ['public applications, nesting inside a field', '/api/public/applications', `{"organisation":${deepObject(5000)}}`],
  ])('%s: 400 with a French message, and the process still answers', async (_name, path, body) => {
    const res = await instance.http.post(path).set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 400);
    expect(res.body.message).toMatch(/imbrication/);
    const health = await instance.http.get('/api/health');
    expect(health.status).toBe(200);
  });

  it('refuses a deeply nested list filter the same way', async () => {
    const token = await instance.token('SUPPORT');
    const res = await instance.http.get(`/api/structures?filter=${enc(`{"name":${deepArray(2000)}}`)}`).set(auth(token));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/imbrication/);
    expect((await instance.http.get('/api/health')).status).toBe(200);
  });

  it('ignores a deeply nested socket.io message instead of crashing', async () => {
    const token = await instance.token('ADMIN');
    const socket: Socket = connect(instance.baseUrl, token);
    await connected(socket);
    // socket.io-client itself cannot encode such a message (it walks it recursively): write the
    // raw packet, EVENT with ack id, as another client could, and collect the ack by its id.
    const client = socket as unknown as { ids: number; acks: Record<number, (answer: unknown) => void>; io: { engine: { write(data: string): void } } };
    const id = client.ids++;
    const answer = await new Promise((resolve, reject) => {
      client.acks[id] = resolve;
      setTimeout(() => reject(new Error('no answer to the nested message')), 5000);
      client.io.engine.write(`2${id}["lock",${deepObject(5000)}]`);
    });
    expect(answer).toEqual(expect.objectContaining({ ok: false, error: expect.stringMatching(/imbrication/) }));
    // Binary data: refused without being walked byte by byte.
    const binary = await socket.timeout(5000).emitWithAck('lock', Buffer.alloc(90_000));
    expect(binary).toEqual(expect.objectContaining({ ok: false, error: expect.stringMatching(/binaires/) }));
    // A deeply nested binary packet (socket.io rebuilds those itself, before any check of ours): the
    // connection may be dropped, the process must live.
    const other: Socket = connect(instance.baseUrl, token);
    await connected(other);
    const raw = other as unknown as { io: { engine: { write(data: string | Buffer): void } } };
    raw.io.engine.write(`51-["lock",${'['.repeat(20_000)}{"_placeholder":true,"num":0}${']'.repeat(20_000)}]`);
    raw.io.engine.write(Buffer.from([1, 2, 3]));
    await new Promise((r) => setTimeout(r, 500));
    other.disconnect();
    expect((await instance.http.get('/api/health')).status).toBe(200);
    // The connection still works.
    expect((await socket.timeout(5000).emitWithAck('getLock', { resource: 'sponsors', id: 'x' })).ok).toBe(true);
    socket.disconnect();
    expect((await instance.http.get('/api/health')).status).toBe(200);
  });
});

describe('2. list filters cannot reach other tables or columns', () => {
  it('refuses a prototype-chain filter key that carried a raw Prisma where (SUPPORT reading a structure IBAN)', async () => {
    const support = await t.token('SUPPORT');
    const honest = await t.http.get('/api/offers?range=[0,999]').set(auth(support));
    for (const prefix of ['FR', 'XX']) {
      const filter = { constructor: { structure: { iban: { startsWith: prefix } } } };
      const res = await t.http.get(`/api/offers?range=[0,999]&filter=${enc(JSON.stringify(filter))}`).set(auth(support));
      expect(res.status).toBe(400);
      expectErrorShape(res.body, 400);
      expect(res.body.message).toMatch(/Filtre inconnu « constructor »/);
    }
    expect(honest.status).toBe(200);
  });

  it('refuses the same trick aimed at a reviewer password hash (FINANCE)', async () => {
    const finance = await t.token('FINANCE');
    const filter = { constructor: { moderatedBy: { passwordHash: { startsWith: '$2' } } } };
    const res = await t.http.get(`/api/offers?filter=${enc(JSON.stringify(filter))}`).set(auth(finance));
    expect(res.status).toBe(400);
  });

  it.each(['__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'])('answers %s as a filter key with a 400, not a 500', async (key) => {
    const res = await t.http.get(`/api/offers?filter=${enc(`{"${key}":{"id":"x"}}`)}`).set(auth(await t.token('SUPPORT')));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(new RegExp(`Filtre inconnu « ${key} »`));
  });

  it('checks the values of the offers’ own extra filters: texts only, never an object', async () => {
    const support = await t.token('SUPPORT');
    for (const value of [{ startsWith: '3' }, [{ in: ['33'] }], 42, null, true]) {
      const res = await t.http.get(`/api/offers?filter=${enc(JSON.stringify({ departement: value }))}`).set(auth(support));
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/departement/);
    }
    const ok = await t.http.get(`/api/offers?filter=${enc(JSON.stringify({ departement: ['33', '75'] }))}`).set(auth(support));
    expect(ok.status).toBe(200);
  });

  it('never lets a password hash or a key hash be filtered or sorted on', async () => {
    const admin = await t.token('ADMIN');
    for (const [resource, field] of [['users', 'passwordHash'], ['staff', 'passwordHash'], ['applications', 'replyTokenHash']]) {
      const filtered = await t.http.get(`/api/${resource}?filter=${enc(JSON.stringify({ [field]: 'x' }))}`).set(auth(admin));
      expect(filtered.status).toBe(400);
      const ranged = await t.http.get(`/api/${resource}?filter=${enc(JSON.stringify({ [`${field}_gte`]: '$2' }))}`).set(auth(admin));
      expect(ranged.status).toBe(400);
      const sorted = await t.http.get(`/api/${resource}?sort=${enc(JSON.stringify([field, 'ASC']))}`).set(auth(admin));
      expect(sorted.status).toBe(400);
    }
  });
});

describe('3. ordinary bad input is a 400, never a 500', () => {
  it.each([
    ['year 0001', '0001-01-01'],
    ['year 0001 with a time', '0001-01-01T00:00:00Z'],
    ['the first instant JavaScript knows', '-271821-04-20'],
    ['a negative year', '-000001-01-01T00:00:00Z'],
    ['year 275760', '+275760-09-13T00:00:00Z'],
    ['a timestamp in milliseconds far in the past', -8.64e15],
  ])('refuses a date filter of %s with a French message', async (_name, value) => {
    const admin = await t.token('ADMIN');
    for (const [resource, field] of [['scans', 'scannedAt'], ['structures', 'createdAt'], ['audit-events', 'createdAt'], ['passes', 'acceptedUntil']]) {
      for (const key of [`${field}_gte`, `${field}_lte`, field]) {
        const res = await t.http.get(`/api/${resource}?filter=${enc(JSON.stringify({ [key]: value }))}`).set(auth(admin));
        expect({ resource, key, status: res.status }).toEqual({ resource, key, status: 400 });
        expect(res.body.message).toMatch(/date/i);
      }
    }
  });

  it('still accepts ordinary dates', async () => {
    const res = await t.http.get(`/api/scans?filter=${enc('{"scannedAt_gte":"2026-10-01","scannedAt_lte":"2026-11-30T23:59:59Z"}')}`).set(auth(await t.token('ADMIN')));
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
  });

  it('refuses a lone surrogate in the login e-mail', async () => {
    const res = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":"a\\ud800@aptic.fr","password":"x"}');
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 400);
    expect(res.body.message).toMatch(/Unicode|caractère/i);
  });

  it('refuses a lone surrogate in a public application, and stores nothing', async () => {
    const before = await t.http.get('/api/applications?range=[0,0]').set(auth(await t.token('ADMIN')));
    for (const raw of ['{"contact":{"email":"x\\udc00@example.fr"}}', '{"organisation":{"name":"Espace \\ud83d"}}', '{"\\ud800":1}']) {
      const res = await t.http.post('/api/public/applications').set('Content-Type', 'application/json').send(raw);
      expect(res.status).toBe(400);
      expectErrorShape(res.body, 400);
    }
    const after = await t.http.get('/api/applications?range=[0,0]').set(auth(await t.token('ADMIN')));
    expect(after.headers['content-range']).toBe(before.headers['content-range']);
  });

  it('refuses a lone surrogate in a staff account e-mail, and creates nothing', async () => {
    const admin = await t.token('ADMIN');
    const before = await auditTotal();
    const res = await t.http
      .post('/api/users')
      .set(auth(admin))
      .set('Content-Type', 'application/json')
      .send('{"email":"louise\\ud800@aptic.fr","fullName":"Louise","role":"SUPPORT","password":"mot-de-passe-solide"}');
    expect(res.status).toBe(400);
    expect(await auditTotal()).toBe(before);
    const search = await t.http.get(`/api/users?filter=${enc('{"q":"louise"}')}`).set(auth(admin));
    expect(search.body).toEqual([]);
  });

  it('refuses a lone surrogate in a list filter', async () => {
    const res = await t.http.get(`/api/structures?filter=${enc('{"q":"a\\ud800"}')}`).set(auth(await t.token('ADMIN')));
    expect(res.status).toBe(400);
  });

  it('keeps well-formed emoji and accents', async () => {
    const res = await t.http.get(`/api/structures?filter=${enc(JSON.stringify({ q: 'Café 😀' }))}`).set(auth(await t.token('ADMIN')));
    expect(res.status).toBe(200);
  });
});

// 4. (rate limits and X-Forwarded-For) is in rate-limits.e2e.ts: it needs its own limits and a second process.

describe('5. smaller findings', () => {
  it.each([
    ['the query string', (token: string) => t.http.get(`/api/structures?access_token=${token}`)],
    ['the JSON body', (token: string) => t.http.post('/api/sponsors').send({ access_token: token })],
  ])('accepts a staff token only in the Authorization header, not in %s', async (_where, call) => {
    const token = await t.token('ADMIN');
    const res = await call(token);
    expect(res.status).toBe(401);
    expectErrorShape(res.body, 401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="aptic"');
    expect(res.body.message).toMatch(/Authorization/);
  });

  it('does not read a form body at all (the API speaks JSON), so no token there either', async () => {
    const res = await t.http.post('/api/sponsors').type('form').send({ access_token: await t.token('ADMIN') });
    expect(res.status).toBe(415);
    expectErrorShape(res.body, 415);
  });

  it.each(['constructor', '__proto__', 'prototype'])('refuses an unknown property named %s, at the top and nested, naming it', async (key) => {
    const admin = await t.token('ADMIN');
    const before = await auditTotal();
    const top = await t.http.post('/api/referential-categories').set(auth(admin)).set('Content-Type', 'application/json').send(`{"code":"PROTO-${key.length}","label":"Catégorie","${key}":{"x":1}}`);
    expect(top.status).toBe(400);
    expect(Object.keys(top.body.details.fields)).toEqual([key]);
    const nested = await t.http.post('/api/public/applications').set('Content-Type', 'application/json').send(`{"organisation":{"${key}":{"polluted":true}}}`);
    expect(nested.status).toBe(400);
    expect(Object.keys(nested.body.details.fields)).toContain(`organisation.${key}`);
    const login = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send(`{"email":"a@b.fr","password":"x","${key}":{}}`);
    expect(login.status).toBe(400);
    expect(await auditTotal()).toBe(before);
  });

  it('answers every validation message in French', async () => {
    const admin = await t.token('ADMIN');
    const long = await t.http.post('/api/referential-categories').set(auth(admin)).send({ code: 'LONG', label: 'Catégorie', position: 5_000_000 });
    expect(long.status).toBe(400);
    expect(long.body.message).not.toMatch(/must|should|shorter|longer|than/);
    expect(long.body.details.fields.position[0]).toMatch(/au plus/);
    const charter = await t.http.post('/api/charters').set(auth(admin)).send({ title: 'x'.repeat(500), body: 42 });
    expect(charter.status).toBe(400);
    expect(charter.body.message).not.toMatch(/must|should|shorter|longer|than/);
    const application = await t.http.post('/api/public/applications').send({ organisation: { website: 'x'.repeat(500) }, contact: 'texte', legalRepresentative: { name: 'y'.repeat(500) } });
    expect(application.status).toBe(400);
    expect(application.body.message).not.toMatch(/must|should|shorter|longer|than|nested|undefined/);
  });

  describe('edit locks', () => {
    const sockets: Socket[] = [];
    const socketFor = async (role: 'ADMIN' | 'FINANCE' | 'REVIEWER') => {
      const s = connect(t.baseUrl, await t.token(role));
      sockets.push(s);
      await connected(s);
      return s;
    };
    const ack = (s: Socket, event: string, body: unknown) => s.timeout(5000).emitWithAck(event, body);
    afterAll(() => sockets.forEach((s) => s.disconnect()));

    it('refuses an unlock by someone who does not hold the lock, and keeps the lock', async () => {
      const admin = await t.token('ADMIN');
      const sponsorId = (await t.http.get('/api/sponsors?range=[0,0]').set(auth(admin))).body[0].id;
      const holder = await socketFor('FINANCE');
      const other = await socketFor('ADMIN');
      expect((await ack(holder, 'lock', { resource: 'sponsors', id: sponsorId })).ok).toBe(true);
      const refused = await ack(other, 'unlock', { resource: 'sponsors', id: sponsorId });
      expect(refused).toEqual(expect.objectContaining({ ok: false, error: expect.stringMatching(/Claire Dubois/) }));
      expect((await ack(other, 'getLock', { resource: 'sponsors', id: sponsorId })).lock.identityName).toBe('Claire Dubois');
      expect(await ack(holder, 'unlock', { resource: 'sponsors', id: sponsorId })).toEqual({ ok: true, released: true });
      // Already free: nothing to release, nothing refused.
      expect(await ack(holder, 'unlock', { resource: 'sponsors', id: sponsorId })).toEqual({ ok: true, released: false });
    });

    it('tells who holds a lock only to roles that may read the record', async () => {
      const admin = await t.token('ADMIN');
      const otherSponsorId = (await t.http.get('/api/sponsors?range=[1,1]').set(auth(admin))).body[0].id;
      const holder = await socketFor('FINANCE');
      expect((await ack(holder, 'lock', { resource: 'sponsors', id: otherSponsorId })).ok).toBe(true);
      const reviewer = connect(t.baseUrl, await t.token('REVIEWER'));
      sockets.push(reviewer);
      await connected(reviewer);
      for (const event of ['unlock', 'renewLock', 'getLock']) {
        const answer = await ack(reviewer, event, { resource: 'sponsors', id: otherSponsorId });
        expect(answer.ok).toBe(false);
        expect(JSON.stringify(answer)).not.toMatch(/Claire Dubois/);
      }
      await ack(holder, 'unlock', { resource: 'sponsors', id: otherSponsorId });
    });

    it('refuses to lock a record that does not exist', async () => {
      const admin = await socketFor('ADMIN');
      const answer = await ack(admin, 'lock', { resource: 'sponsors', id: 'nexiste-pas' });
      expect(answer).toEqual(expect.objectContaining({ ok: false, error: expect.stringMatching(/Aucun enregistrement/) }));
      expect((await ack(admin, 'getLock', { resource: 'sponsors', id: 'nexiste-pas' })).lock).toBeNull();
    });
  });
});

describe('the attacks leave the demo accounts working', () => {
  it('still logs the admin in', async () => {
    const account = demoAccount('ADMIN');
    expect((await t.http.post('/api/auth/login').send({ email: account.email, password: account.password })).status).toBe(200);
  });
});

describe('found by a second attack on the fixed server', () => {
  it('answers the checks of workflow, public and partner routes in French, with their limits and own messages', async () => {
    const res = await t.http.post('/api/public/applications').send({
      organisation: { name: 'x'.repeat(300), siret: '12345678901234', postalCode: 33300, website: 'w'.repeat(300) },
      bank: { iban: 'FR00', bic: 'X' },
    });
    expect(res.status).toBe(400);
    const fields = res.body.details.fields;
    expect(fields['organisation.name']).toEqual(['200 caractères au plus']);
    expect(fields['organisation.website']).toEqual(['200 caractères au plus']);
    expect(fields['organisation.siret'][0]).toMatch(/SIRET invalide/);
    expect(fields['organisation.postalCode']).toEqual(['code postal : 5 chiffres']);
    expect(fields['bank.iban'][0]).toMatch(/IBAN invalide/);
    expect(res.body.message).not.toMatch(/undefined|must|should/);
    const batch = await t.http.post('/api/offers/batch').set(auth(await t.token('REVIEWER'))).send({ action: 'constructor', ids: [] });
    expect(batch.status).toBe(400);
    expect(JSON.stringify(batch.body.details.fields)).not.toMatch(/undefined|: "\]/);
    expect(batch.body.details.fields.action[0]).toMatch(/approve/);
    expect(batch.body.details.fields.ids[0]).toMatch(/au moins/);
  });

  it('refuses null for a column that cannot be empty, on staff and partner updates', async () => {
    const admin = await t.token('ADMIN');
    const user = (await t.http.get('/api/users?range=[0,0]').set(auth(admin))).body[0];
    for (const field of ['fullName', 'role', 'active', 'password']) {
      const res = await t.http.put(`/api/users/${user.id}`).set(auth(admin)).send({ [field]: null });
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body.details.fields).toHaveProperty([field]);
    }
    const structure = (await t.http.get(`/api/structures?filter=${enc('{"status":"ELIGIBLE"}')}&range=[0,0]`).set(auth(admin))).body[0];
    const key = (await t.http.post(`/api/structures/${structure.id}/reissue-api-key`).set(auth(admin))).body.partnerApiKey.key;
    const offer = (await t.http.get('/api/partner/offers').set(auth(key))).body[0];
    for (const field of ['priceCents', 'title', 'durationMinutes', 'serviceId']) {
      const res = await t.http.put(`/api/partner/offers/${offer.id}`).set(auth(key)).send({ [field]: null });
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
    }
    // A nullable column can still be emptied.
    const cleared = await t.http.put(`/api/partner/offers/${offer.id}`).set(auth(key)).send({ description: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.description).toBeNull();
  });

  it('refuses a password longer than bcrypt reads, and never lets a longer one log in', async () => {
    const admin = await t.token('ADMIN');
    const long = 'Aa1!'.repeat(18) + 'SUFFIXE';
    const refused = await t.http.post('/api/users').set(auth(admin)).send({ email: 'long.mdp@aptic.fr', fullName: 'Mot Long', role: 'SUPPORT', password: long });
    expect(refused.status).toBe(400);
    expect(refused.body.details.fields.password[0]).toMatch(/72 octets au plus/);
    const accents = await t.http.post('/api/users').set(auth(admin)).send({ email: 'accents@aptic.fr', fullName: 'Accents', role: 'SUPPORT', password: 'é'.repeat(37) });
    expect(accents.status).toBe(400);
    const exact = 'Aa1!'.repeat(18);
    const created = await t.http.post('/api/users').set(auth(admin)).send({ email: 'juste.mdp@aptic.fr', fullName: 'Mot Juste', role: 'SUPPORT', password: exact });
    expect(created.status).toBe(201);
    expect((await t.http.post('/api/auth/login').send({ email: 'juste.mdp@aptic.fr', password: exact })).status).toBe(200);
    const longer = await t.http.post('/api/auth/login').send({ email: 'juste.mdp@aptic.fr', password: exact + 'autre-chose' });
    expect(longer.status).toBe(400);
    expect(longer.body.details.fields.password[0]).toMatch(/72 octets au plus.*réinitialiser/);
  });

  it('answers an address it cannot decode in French', async () => {
    for (const path of ['/api/structures/%ED%A0%80', '/api/structures/%E0%A4%A', '/api/structures/%FF']) {
      const res = await t.http.get(path).set(auth(await t.token('ADMIN')));
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/Adresse invalide/);
    }
  });

  it('refuses a body that is not JSON with a 415, and says how big a body may be in French', async () => {
    const admin = await t.token('ADMIN');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const res = await t.http.post('/api/sponsors').set(auth(admin)).set('Content-Type', type).send('name=x');
      expect(res.status).toBe(415);
      expect(res.body.message).toMatch(/JSON/);
    }
    const huge = await t.http.post('/api/sponsors').set(auth(admin)).send({ name: 'x'.repeat(200_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.message).toMatch(/100 ko/);
    // An action without a body still works.
    const applications = (await t.http.get(`/api/applications?filter=${enc('{"status":"SUBMITTED"}')}&range=[0,0]`).set(auth(admin))).body;
    expect((await t.http.post(`/api/applications/${applications[0].id}/claim`).set(auth(admin))).status).toBe(200);
  });

  describe('socket topics', () => {
    const sockets: Socket[] = [];
    afterAll(() => sockets.forEach((s) => s.disconnect()));
    const open = async () => {
      const s = connect(t.baseUrl, await t.token('SUPPORT'));
      sockets.push(s);
      await connected(s);
      return s;
    };

    it('refuses presence on a record that does not exist', async () => {
      const s = await open();
      const answer = await s.timeout(5000).emitWithAck('subscribe', { topic: 'presence/structures/nexiste-pas' });
      expect(answer).toEqual(expect.objectContaining({ ok: false, error: expect.stringMatching(/Aucun enregistrement/) }));
    });

    it('limits the topics one connection follows', async () => {
      const s = await open();
      const answers = [];
      for (let i = 0; i < 520; i++) answers.push(await s.timeout(5000).emitWithAck('subscribe', { topic: `resource/structures/id-${i}` }));
      const refused = answers.filter((a) => !a.ok);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused[0].error).toMatch(/500 au plus/);
      expect(answers.filter((a) => a.ok).length).toBeLessThanOrEqual(500);
    });
  });
});
