// npm run bench:issue — not part of npm test. Issuing an order of BENCH_BOOKLETS booklets
// (5,000 = 50,000 passes) through the issue-order job (chunks committed with the run's
// progress, barcode collisions drawn again, counts checked), against the same rows inserted by
// one hand-written SQL statement (the same barcode expression, no chunks, no checks), in the
// same run on the same database, alternating the two BENCH_ROUNDS times. Prints each duration
// and the ratio of the medians (issue 11 target: at most 3×).
//
// Settings: BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres; a scratch
// database is created beside it and dropped at the end), BENCH_BOOKLETS (5000), BENCH_ROUNDS (3),
// JOB_CHUNK_SIZE (the job's chunk, default 1000 passes).
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { newBarcodeSql } from '../../server/src/emission/issue-order.job';
import { JobRunner } from '../../server/src/jobs/job-runner';
import { acceptedUntilOf } from '../../server/src/rules/orders';
import { startTestApp } from '../support/test-app';
import { scratchDatabase } from './scratch';

const BOOKLETS = Number(process.env.BENCH_BOOKLETS ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  (globalThis as any).expect ??= () => ({ toEqual: () => undefined, toBeGreaterThan: () => undefined });
  const db = await scratchDatabase('issue');
  const app = await startTestApp({ databaseUrl: db.url, env: { JOB_CHUNK_SIZE: process.env.JOB_CHUNK_SIZE ?? '1000' } });
  const sql = new Client({ connectionString: db.url });
  await sql.connect();
  try {
    const prisma = app.started.deps.db.prisma;
    const runner = app.started.app.get(JobRunner);
    const token = await app.token('FINANCE');
    const sponsorId = (await prisma.sponsor.findFirstOrThrow()).id;
    const newOrder = async () => {
      const res = await fetch(`${app.baseUrl}/api/orders`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ sponsorId, bookletCount: BOOKLETS, validityYear: 2027 }),
      });
      if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: string };
    };
    const job: number[] = [];
    const baseline: number[] = [];
    let sequence = 900_000;
    for (let round = 0; round < ROUNDS; round++) {
      // The job, as FINANCE starts it (the HTTP call only claims the run; the rest is the job).
      const order = await newOrder();
      let t0 = performance.now();
      const res = await fetch(`${app.baseUrl}/api/orders/${order.id}/issue`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
      if (res.status !== 202) throw new Error(`issue: ${res.status} ${await res.text()}`);
      await runner.idle();
      job.push(performance.now() - t0);
      const passes = await prisma.pass.count({ where: { orderId: order.id } });
      if (passes !== BOOKLETS * 10) throw new Error(`the job made ${passes} passes: ${JSON.stringify(await prisma.jobRun.findFirst({ where: { key: order.id } }))}`);

      // The baseline: the same booklets and passes by one statement, for another draft order.
      const plain = await newOrder();
      sequence -= BOOKLETS;
      t0 = performance.now();
      await sql.query(
        `WITH b AS (
           INSERT INTO "Booklet" ("id", "number", "sequence", "orderId", "createdAt", "updatedAt")
           SELECT gen_random_uuid()::text, 'C-2099-' || lpad(seq::text, 6, '0'), seq, $1, now(), now()
             FROM generate_series($2::int, $3::int) seq
           RETURNING id
         )
         INSERT INTO "Pass" ("id", "barcode", "bookletId", "orderId", "sponsorId", "faceValueCents", "status", "validityYear", "acceptedUntil", "createdAt", "updatedAt")
         SELECT gen_random_uuid()::text, ${newBarcodeSql('k')}, b.id, $1, $4, 1000, 'INACTIVE', 2027, $5, now(), now()
           FROM b CROSS JOIN generate_series(1, 10) k
         ON CONFLICT ("barcode") DO NOTHING`,
        [plain.id, sequence, sequence + BOOKLETS - 1, sponsorId, acceptedUntilOf(2027)],
      );
      baseline.push(performance.now() - t0);
      console.log(`round ${round + 1}: job ${(job[round] / 1000).toFixed(2)} s, one statement ${(baseline[round] / 1000).toFixed(2)} s`);
    }
    console.log(`\n${BOOKLETS} booklets, ${BOOKLETS * 10} passes: job median ${(median(job) / 1000).toFixed(2)} s, one SQL statement median ${(median(baseline) / 1000).toFixed(2)} s, ratio ${(median(job) / median(baseline)).toFixed(2)}×`);
  } finally {
    await sql.end().catch(() => undefined);
    await app.close().catch(() => undefined);
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
