import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import request from 'supertest';
import { buildApp, StartedApp } from '../../server/src/app.factory';
import { AppConfig, loadConfig } from '../../server/src/config/app-config';
import { DEMO_STAFF } from '../../server/src/seed/demo-data';
import { Database, openDatabase } from '../../server/src/database/database';
import { migrate } from '../../server/src/database/migrator';
import { seedDemoData } from '../../server/src/seed/seed';

export type DemoRole = 'ADMIN' | 'REVIEWER' | 'FINANCE' | 'SUPPORT';
export const ROLES: DemoRole[] = ['ADMIN', 'REVIEWER', 'FINANCE', 'SUPPORT'];

/** True when the suite runs against a real PostgreSQL (CI's second pass). */
export const usingPostgres = Boolean(process.env.DATABASE_URL);
export const usingRedis = Boolean(process.env.REDIS_URL);

export function demoAccount(role: DemoRole) {
  const account = DEMO_STAFF.find((s) => s.role === role);
  if (!account) throw new Error(role);
  return account;
}

/**
 * A fresh database for one test file: an in-memory PGlite, or — with DATABASE_URL set — a new
 * PostgreSQL database created beside the one DATABASE_URL names and dropped at the end.
 */
export async function freshDatabase(): Promise<{ databaseUrl?: string; drop(): Promise<void> }> {
  if (!usingPostgres) return { drop: async () => undefined };
  const base = new URL(process.env.DATABASE_URL!);
  const name = `aptic_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    async drop() {
      const c = new Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * For a suite that talks to the database itself (no application): a fresh database, migrated and
 * seeded with the demo data before the suite, closed and dropped after it. Read `.db` in tests.
 */
export function useSeededDatabase(): { db: Database } {
  const holder = {} as { db: Database };
  let drop: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    holder.db = await openDatabase({ databaseUrl: fresh.databaseUrl, dataDir: 'memory' });
    await migrate(holder.db);
    await seedDemoData(holder.db.prisma, { bcryptRounds: 4 });
  });
  afterAll(async () => {
    await holder.db?.close();
    await drop();
  });
  return holder;
}

export interface TestApp {
  started: StartedApp;
  config: AppConfig;
  baseUrl: string;
  http: ReturnType<typeof request>;
  /** Logs a demo account in and returns its bearer token (cached per role). */
  token(role: DemoRole): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Reuse a database (several instances on one PostgreSQL); seeded only by the first. */
  databaseUrl?: string;
  seed?: boolean;
}

/** Starts the real application (real database, real HTTP server on a free port) with the demo data. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.databaseUrl ? { databaseUrl: options.databaseUrl, drop: async () => undefined } : await freshDatabase();
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: 'memory',
    DATABASE_URL: db.databaseUrl,
    REDIS_URL: process.env.REDIS_URL,
    // Each test app its own Redis keys (rate-limit counters would add up across test files).
    REDIS_PREFIX: `aptic-test-${randomBytes(4).toString('hex')}`,
    SEED_ON_START: String(options.seed ?? true),
    BCRYPT_ROUNDS: '4',
    LOG_LEVEL: 'error',
    ADMIN_DIST_DIR: '/nonexistent',
    CORS_ORIGINS: 'http://localhost:5173',
    // Scheduled jobs would fire at their hour in the middle of a test: on only where a test turns them on.
    JOBS_SCHEDULE_ENABLED: 'false',
    ...options.env,
  });
  const started = await buildApp(config, process.env.APTIC_TEST_LOGS ? {} : { logger: false });
  await started.app.listen(0, '127.0.0.1');
  const address = started.app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const tokens = new Map<DemoRole, string>();
  const http = request(started.app.getHttpServer());
  return {
    started,
    config,
    baseUrl,
    http,
    async token(role) {
      const cached = tokens.get(role);
      if (cached) return cached;
      const account = demoAccount(role);
      const res = await request(started.app.getHttpServer()).post('/api/auth/login').send({ email: account.email, password: account.password });
      if (res.status !== 200) throw new Error(`login ${role}: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(role, res.body.accessToken);
      return res.body.accessToken;
    },
    async close() {
      await started.close();
      await db.drop();
    },
  };
}

/** The JSON error shape of SPEC §4, with a human message. */
export function expectErrorShape(body: any, statusCode: number) {
  expect(body).toEqual(expect.objectContaining({ statusCode, error: expect.any(String), message: expect.any(String) }));
  expect(body.message.length).toBeGreaterThan(5);
}
