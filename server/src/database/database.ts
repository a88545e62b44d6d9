import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import * as fs from 'node:fs';
import { Pool } from 'pg';
import { Prisma, PrismaClient } from '../generated/prisma/client';
import { pgSql, prismaSql, Sql } from './sql';

export type DatabaseKind = 'pglite' | 'postgresql';

/**
 * The one place that knows which PostgreSQL we talk to: the embedded PGlite when no
 * DATABASE_URL is set, a real server through @prisma/adapter-pg otherwise. Everything else
 * uses `prisma`, or `exec`/`query` for the migrator and the few raw statements we need.
 */
export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Runs a script of one or more statements (no parameters). */
  exec(sql: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** One interactive Prisma transaction: work gets `tx`, and `sql` for tagged-template statements in it. */
  /** Tagged-template statements outside any transaction (a hot read: the partner key of every scan). */
  sql: Sql;
  transaction<T>(work: (tx: Prisma.TransactionClient, sql: Sql) => Promise<T>, options: TransactionOptions): Promise<T>;
  /**
   * A transaction of tagged-template statements only (the hot paths: a scan's redemption). On
   * PostgreSQL it runs on a pg connection of the pool with no Prisma in between (a statement
   * through Prisma costs about three times the CPU); on PGlite, in a Prisma transaction.
   */
  sqlTransaction<T>(work: (sql: Sql) => Promise<T>, options: TransactionOptions): Promise<T>;
  /** Runs fn holding an exclusive session-level lock, so two processes never migrate at once. */
  withExclusiveLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** Called after migrations: lets the driver learn types they created (PGlite's enum arrays). */
  refreshTypes(): Promise<void>;
  close(): Promise<void>;
}

export interface TransactionOptions {
  /** Longest run of the work before the transaction is rolled back (ms). */
  timeout: number;
  /** Longest wait for a connection (ms) in a Prisma transaction; a pg transaction waits in the pool's queue. */
  maxWait: number;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** PGlite folder, or "memory". */
  dataDir: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir === 'memory';
  if (!inMemory) fs.mkdirSync(dataDir, { recursive: true });
  // Contrib extensions the migrations create (CREATE EXTENSION) must be loaded by PGlite itself.
  const extensions = { pg_trgm };
  const pglite = inMemory ? new PGlite({ extensions }) : new PGlite(dataDir, { extensions });
  await pglite.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: 'pglite',
    prisma,
    // One connection inside this process: statements go through the Prisma transaction.
    sql: prismaSql(prisma),
    transaction: (work, options) => prisma.$transaction((tx) => work(tx, prismaSql(tx)), options),
    sqlTransaction: (work, options) => prisma.$transaction((tx) => work(prismaSql(tx)), options),
    async exec(sql) {
      await pglite.exec(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await pglite.query<T>(sql, params as any[]);
      return result.rows;
    },
    // PGlite is a single connection inside this process: nothing else can migrate concurrently.
    withExclusiveLock: (_key, fn) => fn(),
    // PGlite serialises array parameters only for array types it knows; enum arrays (Offer.flags)
    // are created by migrations after it started, so it must look again or send them as plain text.
    refreshTypes: () => pglite.refreshArrayTypes(),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

async function openPostgres(databaseUrl: string): Promise<Database> {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: 'postgresql',
    prisma,
    sql: pgSql(pool),
    transaction: (work, options) => prisma.$transaction((tx) => work(tx, prismaSql(tx)), options),
    sqlTransaction: (work, options) => pgTransaction(pool, work, options),
    async exec(sql) {
      await pool.query(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await pool.query(sql, params);
      return result.rows as T[];
    },
    refreshTypes: async () => undefined,
    async withExclusiveLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/**
 * BEGIN … COMMIT on one connection of the pool; ROLLBACK when the work throws or outlasts
 * options.timeout (its later statements are then refused, see pgSql's isOpen). A connection whose
 * ROLLBACK failed is destroyed rather than returned to the pool.
 */
async function pgTransaction<T>(pool: Pool, work: (sql: Sql) => Promise<T>, options: TransactionOptions): Promise<T> {
  const client = await pool.connect();
  let open = true;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    open = false;
  }, options.timeout);
  try {
    await client.query('BEGIN');
    const result = await work(pgSql(client, () => open));
    if (timedOut) throw new Error(`Transaction rolled back: longer than ${options.timeout} ms.`);
    open = false;
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    open = false;
    const broken = await client.query('ROLLBACK').then(
      () => undefined,
      (e: Error) => e,
    );
    client.release(broken);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
