import { loadConfig } from '../config/app-config';
import { openDatabase } from './database';
import { migrate } from './migrator';

// `npm run db:migrate`: applies pending migrations to the configured database and exits.
async function main() {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const report = await migrate(db);
    process.stdout.write(`${report.applied.length} migration(s) appliquée(s)${report.applied.length ? ': ' + report.applied.join(', ') : ''} (${report.alreadyApplied} déjà en place)\n`);
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
