// npm run api:types — writes the structure space's API types (admin/src/site/api/openapi.ts) from
// the OpenAPI document of the application as it is now (started on an in-memory database).
import { writeFileSync } from 'node:fs';
import { clientTypesOf, CLIENT_TYPES_FILE, openApiDocumentOf } from './openapi';
import { startTestApp } from './test-app';

async function main() {
  const t = await startTestApp();
  try {
    writeFileSync(CLIENT_TYPES_FILE, await clientTypesOf(await openApiDocumentOf(t)));
    console.log(`${CLIENT_TYPES_FILE} written`);
  } finally {
    await t.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
