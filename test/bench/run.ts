// npm run bench — not part of npm test. Measures the REST contract's overhead: a 1,000-row page
// of passes through GET /api/passes (auth, parsing, validation, masking, JSON) against the same
// query made directly with Prisma, both in this run on the same database, and prints the ratio.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { startTestApp } from '../support/test-app';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);

async function time(label: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  console.log(`${label.padEnd(44)} median ${median.toFixed(2)} ms  p90 ${samples[Math.floor(samples.length * 0.9)].toFixed(2)} ms`);
  return median;
}

async function main() {
  // jest's helpers are not loaded here: give test-app the expect() it uses for error checks.
  (globalThis as any).expect ??= () => ({ toEqual: () => undefined, toBeGreaterThan: () => undefined });
  const t = await startTestApp();
  try {
    const token = await t.token('ADMIN');
    const prisma = t.started.deps.db.prisma;
    const baseline = await time('baseline: prisma.pass.findMany(1000) + count', () =>
      Promise.all([prisma.pass.findMany({ orderBy: [{ barcode: 'asc' }, { id: 'asc' }], take: 1000 }), prisma.pass.count()]),
    );
    const api = await time('GET /api/passes?range=[0,999] (HTTP, auth, JSON)', () =>
      fetch(`${t.baseUrl}/api/passes?range=[0,999]&sort=["barcode","ASC"]`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.json()),
    );
    console.log(`ratio API / baseline: ${(api / baseline).toFixed(2)} (database: ${t.started.deps.db.kind}, ${ROUNDS} rounds)`);
  } finally {
    await t.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
