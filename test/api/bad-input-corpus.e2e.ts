/**
 * A corpus of hostile input thrown at every route the server has (read from its router, so a
 * route added later is covered without editing this file): nesting depths from 100 to 100,000 in
 * every POST and PUT body, and keys found on JavaScript's prototype chain in the filters, sorts and
 * bodies of every resource. Never a 5xx, never a crash, never a row an honest filter would not give.
 */
import { RESOURCE_NAMES } from '../../server/src/auth/permissions';
import { scalarFields } from '../../server/src/database/model-meta';
import { resourceDefinition } from '../../server/src/rest/resource-registry';
import { startTestApp, TestApp } from '../support/test-app';

let t: TestApp;
let admin: string;
const enc = encodeURIComponent;

interface Route {
  method: 'post' | 'put';
  path: string;
}

/** Every POST and PUT route of the running application. */
function writeRoutes(): Route[] {
  const router = t.started.app.getHttpAdapter().getInstance().router as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  const routes: Route[] = [];
  for (const layer of router.stack) {
    if (!layer.route || !layer.route.path.startsWith('/api/')) continue;
    for (const method of ['post', 'put'] as const) if (layer.route.methods[method]) routes.push({ method, path: layer.route.path });
  }
  return routes;
}

const idFor = new Map<string, string>();
/** A route's path with a real id where it takes one (the body is refused before the id matters, but it should be a real one). */
const concrete = (path: string) => path.replace(/:id\b/, () => idFor.get(path.split('/')[2]) ?? 'inconnu');

async function auditTotal() {
  return (await t.http.get('/api/audit-events?range=[0,0]').set('Authorization', `Bearer ${admin}`)).headers['content-range'];
}

beforeAll(async () => {
  t = await startTestApp({ env: { PUBLIC_SUBMISSIONS_PER_HOUR: '100000', LOGIN_THROTTLE_LIMIT: '100000' } });
  admin = await t.token('ADMIN');
  for (const resource of RESOURCE_NAMES) {
    const first = await t.http.get(`/api/${resource}?range=[0,0]`).set('Authorization', `Bearer ${admin}`);
    if (first.status === 200 && first.body[0]) idFor.set(resource, String(first.body[0].id));
  }
});
afterAll(() => t.close());

describe('nesting depths in every POST and PUT body', () => {
  const depths = [100, 1000, 10_000, 100_000];
  const shapes: [string, (depth: number) => string][] = [
    ['arrays', (d) => '['.repeat(d) + ']'.repeat(d)],
    ['objects', (d) => '{"a":'.repeat(d) + 'null' + '}'.repeat(d)],
    ['objects inside a field', (d) => `{"name":${'{"a":'.repeat(d)}null${'}'.repeat(d)}}`],
  ];

  it('finds the routes to attack', () => {
    const routes = writeRoutes();
    expect(routes.length).toBeGreaterThan(40);
    expect(routes).toEqual(expect.arrayContaining([{ method: 'post', path: '/api/auth/login' }, { method: 'post', path: '/api/public/applications' }]));
  });

  // What each body must get: too deep → 400 naming the nesting; never closed → 400, not JSON; over 100 kB → 413 first.
  const expected = (body: string, closed: boolean): [number, RegExp] =>
    Buffer.byteLength(body) > 100 * 1024 ? [413, /100 ko/] : closed ? [400, /imbrication/] : [400, /JSON valide/];

  it.each(depths)('refuses %i levels on every route with the right 4xx, changing nothing', async (depth) => {
    const before = await auditTotal();
    const seen = new Map<string, number>();
    const bodies: [string, string, boolean][] = [
      ...shapes.map(([shape, build]) => [shape, build(depth), true] as [string, string, boolean]),
      ['arrays never closed', '['.repeat(depth), false],
    ];
    for (const route of writeRoutes()) {
      for (const [shape, body, closed] of bodies) {
        const [status, message] = expected(body, closed);
        for (const token of [undefined, admin]) {
          const req = t.http[route.method](concrete(route.path)).set('Content-Type', 'application/json');
          if (token) req.set('Authorization', `Bearer ${token}`);
          const res = await req.send(body);
          seen.set(`${route.method} ${route.path} ${shape}`, res.status);
          if (res.status !== status || !message.test(res.body.message)) {
            throw new Error(`${route.method.toUpperCase()} ${route.path} (${shape}, ${depth} levels) answered ${res.status}: ${JSON.stringify(res.body)}`);
          }
        }
      }
    }
    expect(seen.size).toBe(writeRoutes().length * bodies.length);
    expect((await t.http.get('/api/health')).status).toBe(200);
    expect(await auditTotal()).toBe(before);
  });

  it('still accepts the nesting real forms use', async () => {
    const res = await t.http.post('/api/referential-categories').set('Authorization', `Bearer ${admin}`).send({ code: 'CORPUS-OK', label: 'Catégorie ordinaire' });
    expect(res.status).toBe(201);
  });
});

describe('prototype-chain keys in the filters, sorts and bodies of every resource', () => {
  const KEYS = ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
  const readable = RESOURCE_NAMES;

  it.each(KEYS)('%s as a filter key, a range filter or a sort field is a 400 on every resource', async (key) => {
    for (const resource of readable) {
      const honest = await t.http.get(`/api/${resource}?range=[0,0]`).set('Authorization', `Bearer ${admin}`);
      expect(honest.status).toBe(200);
      const attempts = [
        `filter=${enc(`{"${key}":"x"}`)}`,
        `filter=${enc(`{"${key}":{"id":{"not":"x"}}}`)}`,
        `filter=${enc(`{"${key}":["x"]}`)}`,
        `filter=${enc(`{"${key}_gte":"a"}`)}`,
        `filter=${enc(`{"id":{"${key}":"x"}}`)}`,
        `sort=${enc(`["${key}","ASC"]`)}`,
      ];
      for (const query of attempts) {
        const res = await t.http.get(`/api/${resource}?${query}`).set('Authorization', `Bearer ${admin}`);
        if (res.status !== 400) throw new Error(`GET /api/${resource}?${decodeURIComponent(query)} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
        expect(res.body.message.length).toBeGreaterThan(10);
      }
    }
  });

  it.each(KEYS)('%s as a body property is refused on every resource, at the top and nested, changing nothing', async (key) => {
    const before = await auditTotal();
    for (const resource of readable) {
      const bodies = [`{"${key}":{"role":"ADMIN"}}`, `{"${key}":"x","label":"y"}`, `{"nested":{"${key}":{"polluted":true}}}`];
      const targets = [`/api/${resource}`, ...(idFor.has(resource) ? [`/api/${resource}/${idFor.get(resource)}`] : [])];
      for (const path of targets) {
        const method = path === `/api/${resource}` ? 'post' : 'put';
        for (const body of bodies) {
          const res = await t.http[method](path).set('Authorization', `Bearer ${admin}`).set('Content-Type', 'application/json').send(body);
          if (![400, 403].includes(res.status)) throw new Error(`${method.toUpperCase()} ${path} ${body} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
        }
      }
    }
    expect(await auditTotal()).toBe(before);
    // Nothing leaked onto objects' prototype either.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });

  it('names a prototype key as an unknown field on the public routes too', async () => {
    for (const key of ['constructor', '__proto__', 'prototype']) {
      const res = await t.http.post('/api/public/applications').set('Content-Type', 'application/json').send(`{"bank":{"${key}":{"iban":"x"}}}`);
      expect(res.status).toBe(400);
      expect(res.body.details.fields).toHaveProperty([`bank.${key}`]);
    }
  });
});

describe('null and wrong types for every field of every resource', () => {
  const VALUES: [string, unknown][] = [
    ['null', null],
    ['an object', { $ne: null }],
    ['an array', [1, 2]],
    ['a huge number', 1e308],
    ['a string', 'texte'],
    ['true', true],
  ];

  /** The resource's first record as the console has it: a PUT sends it back whole, with the user's change. */
  const firstRecord = async (resource: string) => (await t.http.get(`/api/${resource}?range=[0,0]`).set('Authorization', `Bearer ${admin}`)).body[0] as Record<string, unknown> | undefined;

  it.each(VALUES)('%s in one field of an otherwise whole record, on POST and PUT, is never a 5xx nor stored in a required column', async (_name, value) => {
    let refused = 0;
    for (const resource of RESOURCE_NAMES) {
      const record = await firstRecord(resource);
      if (!record) continue;
      const required = new Set(scalarFields(resourceDefinition(resource)!.model).filter((f) => f.isRequired).map((f) => f.name));
      const { id, ...withoutId } = record;
      for (const field of Object.keys(record)) {
        for (const [method, path, body] of [
          ['put', `/api/${resource}/${id}`, { ...record, [field]: value }],
          ['post', `/api/${resource}`, { ...withoutId, [field]: value }],
        ] as ['put' | 'post', string, object][]) {
          const res = await t.http[method](path).set('Authorization', `Bearer ${admin}`).send(body);
          if (![200, 201, 400, 403, 404, 409].includes(res.status)) throw new Error(`${method.toUpperCase()} ${path} {"${field}": ${JSON.stringify(value)}} answered ${res.status}`);
          if (res.status === 400) refused++;
          if (value === null && res.status < 300 && required.has(field)) expect({ resource, field, stored: res.body[field] }).not.toEqual({ resource, field, stored: null });
        }
      }
    }
    expect(refused).toBeGreaterThan(10);
  });

  it('answers null, nested and odd values in every filter of every resource with a 200 or a 400', async () => {
    const odd: unknown[] = [null, [null], {}, [{}], 1e308, ''];
    for (const resource of RESOURCE_NAMES) {
      for (const field of scalarFields(resourceDefinition(resource)!.model).map((f) => f.name)) {
        const attempts = [field, `${field}_gte`, `${field}_lte`].flatMap((key) => odd.map((value) => ({ key, value })));
        const answers = await Promise.all(attempts.map(({ key, value }) => t.http.get(`/api/${resource}?filter=${enc(JSON.stringify({ [key]: value }))}`).set('Authorization', `Bearer ${admin}`)));
        answers.forEach((res, i) => {
          if (![200, 400].includes(res.status)) throw new Error(`GET /api/${resource}?filter={"${attempts[i].key}":${JSON.stringify(attempts[i].value)}} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 200)}`);
        });
      }
    }
    // Thousands of requests: on a loaded two-core machine this can pass the default 120 s.
  }, 600_000);
});
