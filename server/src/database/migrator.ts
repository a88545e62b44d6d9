import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Database } from './database';

/** Same advisory lock key on every instance: only one applies migrations at a time. */
const MIGRATION_LOCK_KEY = 72_707_001;

export const MIGRATIONS_DIR = path.resolve(__dirname, '..', '..', '..', 'prisma', 'migrations');

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/** Prisma's layout: prisma/migrations/<timestamp>_<name>/migration.sql, applied in name order. */
export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

// The table `prisma migrate deploy` keeps, created the way Prisma creates it, so that either
// tool can take over from the other.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {}

/**
 * Applies pending migrations, each in its own transaction, recording them in _prisma_migrations.
 * Refuses to go on when an applied migration's file changed or a previous one failed halfway.
 */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<MigrationReport> {
  const files = readMigrations(dir);
  return db.withExclusiveLock(MIGRATION_LOCK_KEY, async () => {
    await db.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await db.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
    );
    const done = new Map<string, { checksum: string }>();
    for (const row of rows) {
      if (row.rolled_back_at) continue;
      if (!row.finished_at) {
        throw new MigrationError(`La migration ${row.migration_name} a échoué lors d'un précédent démarrage : corrigez la base puis marquez-la résolue.`);
      }
      done.set(row.migration_name, { checksum: row.checksum });
    }
    const applied: string[] = [];
    for (const file of files) {
      const previous = done.get(file.name);
      if (previous) {
        if (previous.checksum !== file.checksum) {
          throw new MigrationError(`La migration ${file.name} a été modifiée après avoir été appliquée (somme de contrôle différente).`);
        }
        continue;
      }
      const id = randomUUID();
      // One simple-protocol script runs as a single implicit transaction in PostgreSQL: the
      // migration and its bookkeeping row land together or not at all.
      const record = `INSERT INTO "_prisma_migrations" ("id","checksum","finished_at","migration_name","applied_steps_count","started_at") VALUES ('${id}','${file.checksum}',now(),'${file.name.replace(/'/g, "''")}',1,now());`;
      try {
        await db.exec(`${file.sql}\n;\n${record}`);
      } catch (error) {
        throw new MigrationError(`La migration ${file.name} a échoué : ${(error as Error).message}`);
      }
      applied.push(file.name);
    }
    await db.refreshTypes();
    return { applied, alreadyApplied: done.size };
  });
}
