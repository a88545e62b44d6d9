import 'reflect-metadata';
import { buildApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';
import { DEMO_STAFF } from './seed/demo-data';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nVoir la section « Configuration » du README.\n`);
      process.exit(2);
    }
    throw error;
  }
  const started = await buildApp(config);
  await started.app.listen(config.PORT);
  const url = `http://localhost:${config.PORT}/`;
  const db = config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite embarqué (${config.DATA_DIR})`;
  const lines = [
    '',
    `#APTIC back-office prêt sur ${url}  (API ${url}api, documentation ${url}api/docs)`,
    `Base de données : ${db}${config.REDIS_URL ? ' · Redis : oui' : ' · temps réel en mémoire'}`,
  ];
  if (started.seeded || config.seedOnStart) {
    lines.push(started.seeded ? 'Données de démonstration chargées. Comptes :' : 'Comptes de démonstration :');
    for (const s of DEMO_STAFF) lines.push(`  ${s.role.padEnd(9)} ${s.email.padEnd(22)} ${s.password}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}

main().catch((error) => {
  process.stderr.write(`Démarrage impossible : ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
