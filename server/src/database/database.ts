import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import * as fs from 'node:fs';
import { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';

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
  /** Runs fn holding an exclusive session-level lock, so two processes never migrate at once. */
  withExclusiveLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** Called after migrations: lets the driver learn types they created (PGlite's enum arrays). */
  refreshTypes(): Promise<void>;
  close(): Promise<void>;
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
