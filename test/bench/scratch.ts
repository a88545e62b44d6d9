// The scratch databases of the benchmarks: created beside BENCH_POSTGRES_URL's database, dropped at the end.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const SERVER_URL = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Runs one statement on the server's own database (CREATE / ALTER / DROP DATABASE). */
export async function onServer(sql: string) {
  const c = new Client({ connectionString: SERVER_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A new database beside BENCH_POSTGRES_URL's, dropped by drop() (even with sessions still open). */
export async function scratchDatabase(kind: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `aptic_bench_${kind}_${randomBytes(4).toString('hex')}`;
  await onServer(`CREATE DATABASE "${name}"`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
