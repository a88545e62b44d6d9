import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils } from 'ra-core';
import { startTestApp, TestApp } from '../support/test-app';

// Lists count exactly up to LIST_COUNT_LIMIT rows; set low here so the demo data crosses it.
const LIMIT = 9;
let t: TestApp;
let token: string;
let provider: ReturnType<typeof simpleRestProvider>;

beforeAll(async () => {
  t = await startTestApp({ env: { LIST_COUNT_LIMIT: String(LIMIT) } });
  token = await t.token('ADMIN');
  const httpClient = (url: string, options: fetchUtils.Options = {}) =>
    fetchUtils.fetchJson(url, { ...options, user: { authenticated: true, token: `Bearer ${token}` } });
  provider = simpleRestProvider(`${t.baseUrl}/api`, httpClient);
  // The planner's estimates, as autovacuum keeps them on a live database.
  await t.started.deps.db.exec('ANALYZE');
});
afterAll(() => t.close());

const list = (path: string) => t.http.get(path).set('Authorization', `Bearer ${token}`);
const rowCount = async (table: string, where = 'TRUE') =>
  Number((await t.started.deps.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE ${where}`))[0].n);

describe('list totals', () => {
  it('are exact for a table at the limit, and say so', async () => {
    expect(await rowCount('ReferentialCategory')).toBe(LIMIT);
    const res = await list('/api/referential-categories?range=[0,3]');
    expect(res.headers['content-range']).toBe(`referential-categories 0-3/${LIMIT}`);
    expect(res.headers['x-total-kind']).toBe('exact');
  });

  it('are exact for a filtered list with fewer rows than the limit', async () => {
    const expected = await rowCount('Pass', `"status" = 'CANCELLED'`);
    expect(expected).toBeLessThanOrEqual(LIMIT);
    const res = await list(`/api/passes?filter=${encodeURIComponent('{"status":"CANCELLED"}')}`);
    expect(res.headers['content-range']).toMatch(new RegExp(`/${expected}$`));
    expect(res.headers['x-total-kind']).toBe('exact');
  });

  it('are the planner’s estimate for an unfiltered table above the limit, still read by the stock provider', async () => {
    const passes = await rowCount('Pass');
    expect(passes).toBeGreaterThan(LIMIT);
    const res = await list('/api/passes?range=[0,4]');
    expect(res.headers['x-total-kind']).toBe('estimate');
    // Freshly analysed, the estimate of a small table is its size.
    expect(res.headers['content-range']).toBe(`passes 0-4/${passes}`);
    const page = await provider.getList('passes', { pagination: { page: 1, perPage: 5 }, sort: { field: 'barcode', order: 'ASC' }, filter: {} });
    expect(page.total).toBe(passes);
    expect(page.data).toHaveLength(5);
  });

  it('are a lower bound for a filtered list above the limit', async () => {
    const active = await rowCount('Pass', `"status" = 'ACTIVE'`);
    expect(active).toBeGreaterThan(LIMIT + 1);
    const res = await list(`/api/passes?range=[0,1]&filter=${encodeURIComponent('{"status":"ACTIVE"}')}`);
    expect(res.headers['x-total-kind']).toBe('at-least');
    expect(res.headers['content-range']).toBe(`passes 0-1/${LIMIT}`);
  });

  it('never claim fewer rows than the page shows', async () => {
    const res = await list(`/api/passes?range=[${LIMIT},${LIMIT + 1}]&filter=${encodeURIComponent('{"status":"ACTIVE"}')}`);
    expect(res.body).toHaveLength(2);
    expect(res.headers['content-range']).toBe(`passes ${LIMIT}-${LIMIT + 1}/${LIMIT + 2}`);
  });

  it('tell the console through CORS how to read the total', async () => {
    const res = await list('/api/passes').set('Origin', 'http://localhost:5173');
    expect(res.headers['access-control-expose-headers']).toMatch(/X-Total-Kind/);
  });
});
