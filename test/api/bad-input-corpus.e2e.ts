/**
 * A corpus of hostile input thrown at every route the server has (read from its router, so a
 * route added later is covered without editing this file): nesting depths from 100 to 100,000 in
 * every POST and PUT body, and keys found on JavaScript's prototype chain in the filters, sorts and
 * bodies of every resource. Never a 5xx, never a crash, never a row an honest filter would not give.
 */
import { RESOURCE_NAMES } from '../../server/src/auth/permissions';
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

  it.each(depths)('refuses %i levels on every route with a 400 or a 413, changing nothing', async (depth) => {
    const before = await auditTotal();
    const seen = new Map<string, number>();
    for (const route of writeRoutes()) {
      for (const [shape, build] of shapes) {
        for (const token of [undefined, admin]) {
          const req = t.http[route.method](concrete(route.path)).set('Content-Type', 'application/json');
          if (token) req.set('Authorization', `Bearer ${token}`);
          const res = await req.send(build(depth));
          seen.set(`${route.method} ${route.path} ${shape}`, res.status);
          if (![400, 413].includes(res.status)) throw new Error(`${route.method.toUpperCase()} ${route.path} (${shape}, ${depth} levels) answered ${res.status}: ${JSON.stringify(res.body)}`);
          if (res.status === 400) expect(res.body.message).toMatch(/imbriqu/);
        }
      }
    }
    expect(seen.size).toBe(writeRoutes().length * shapes.length);
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

  it.each(VALUES)('%s in any field of a POST or PUT is never a 5xx', async (_name, value) => {
    const statuses = new Set<number>();
    for (const resource of RESOURCE_NAMES) {
      const fields = Object.keys((await t.http.get(`/api/${resource}?range=[0,0]`).set('Authorization', `Bearer ${admin}`)).body[0] ?? { id: 1 });
      const id = idFor.get(resource);
      for (const field of fields) {
        const targets: ['post' | 'put', string][] = [['post', `/api/${resource}`], ...(id ? [['put', `/api/${resource}/${id}`] as ['put', string]] : [])];
        for (const [method, path] of targets) {
          const res = await t.http[method](path).set('Authorization', `Bearer ${admin}`).send({ [field]: value });
          if (![200, 201, 400, 403, 404, 409].includes(res.status)) throw new Error(`${method.toUpperCase()} ${path} {"${field}": ${JSON.stringify(value)}} answered ${res.status}`);
          statuses.add(res.status);
        }
      }
    }
    // Most are refused, naming the field (some are honest edits: a text in a text field, null in a nullable one).
    expect(statuses.has(400)).toBe(true);
  });
});
