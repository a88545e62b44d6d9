import { DEMO_STAFF } from './demo-data';
import { runDemoScans } from './demo-scans';

// `npm run demo:scans [-- --count 500 --rate 10]`: redemptions through the partner API of a running
// server (APTIC_URL, default http://localhost:3000), as the demo ADMIN unless APTIC_ADMIN_EMAIL /
// APTIC_ADMIN_PASSWORD say otherwise. Watch them on the console's "Scans en direct" page.
function arg(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : undefined;
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}

async function main() {
  const admin = DEMO_STAFF.find((s) => s.role === 'ADMIN')!;
  const baseUrl = (process.env.APTIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
  const result = await runDemoScans({
    baseUrl,
    email: process.env.APTIC_ADMIN_EMAIL ?? admin.email,
    password: process.env.APTIC_ADMIN_PASSWORD ?? admin.password,
    count: arg('count'),
    ratePerSecond: arg('rate'),
    structures: arg('structures'),
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(`Terminé : ${result.accepted} passages acceptés, ${result.refused} refusés.\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
