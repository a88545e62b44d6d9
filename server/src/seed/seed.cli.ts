import { loadConfig } from '../config/app-config';
import { openDatabase } from '../database/database';
import { migrate } from '../database/migrator';
import { DEMO_STAFF } from './demo-data';
import { seedDemoData } from './seed';

// `npm run db:seed`: migrates, then loads the demo data into the configured database (refused if it has staff accounts).
async function main() {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await migrate(db);
    const summary = await seedDemoData(db.prisma, { bcryptRounds: config.BCRYPT_ROUNDS });
    process.stdout.write(`Données de démonstration chargées : ${summary.users} comptes, ${summary.structures} structures, ${summary.passes} pass.\n`);
    for (const s of DEMO_STAFF) process.stdout.write(`  ${s.role.padEnd(9)} ${s.email.padEnd(22)} ${s.password}\n`);
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
