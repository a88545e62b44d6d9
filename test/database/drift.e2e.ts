import { Database, openDatabase } from '../../server/src/database/database';
import { migrate, readMigrations } from '../../server/src/database/migrator';
import { compareWithModel, readDatabaseShape } from '../../server/src/database/schema-drift';
import { dataModel } from '../../server/src/database/model-meta';
import { RAW_OBJECTS } from '../../prisma/raw-objects';
import { freshDatabase } from '../support/test-app';

let db: Database;
let drop: () => Promise<void>;

beforeEach(async () => {
  const fresh = await freshDatabase();
  drop = fresh.drop;
  db = await openDatabase({ databaseUrl: fresh.databaseUrl, dataDir: 'memory' });
  await migrate(db);
});
afterEach(async () => {
  await db.close();
  await drop();
});

describe('migrations and prisma/schema.prisma', () => {
  it('describe the same database: tables, columns, types, nullability, enums, unique indexes, indexes, foreign keys, raw-SQL objects', async () => {
    expect(compareWithModel(await readDatabaseShape(db), dataModel, RAW_OBJECTS)).toEqual([]);
  });

  it('would be caught disagreeing when the database drifts', async () => {
    await db.exec(`
      ALTER TABLE "Sponsor" ALTER COLUMN "contactPhone" SET NOT NULL;
      ALTER TABLE "Pass" ADD COLUMN "colour" TEXT;
      DROP INDEX "Booklet_number_key";
      ALTER TABLE "Offer" DROP CONSTRAINT "Offer_serviceId_fkey";
      ALTER TYPE "PassStatus" ADD VALUE 'LOST';
    `);
    const problems = compareWithModel(await readDatabaseShape(db), dataModel, RAW_OBJECTS);
    expect(problems).toEqual(
      expect.arrayContaining([
        'column Sponsor.contactPhone is NOT NULL in the database, optional in the schema',
        'column Pass.colour exists in the database but not in the schema',
        'unique index Booklet(number) is missing from the database',
        'foreign key Offer(serviceId) -> ReferentialService(id) is missing from the database',
        'enum PassStatus is (INACTIVE, ACTIVE, REDEEMED, ENDORSED, PAID, CANCELLED, EXPIRED, LOST) in the database, (INACTIVE, ACTIVE, REDEEMED, ENDORSED, PAID, CANCELLED, EXPIRED) in the schema',
      ]),
    );
  });

  it('would be caught disagreeing when a partial index, a trigger, a check or a function is dropped or changed', async () => {
    await db.exec(`
      DROP INDEX "Scan_passId_accepted_key";
      DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent";
      ALTER TABLE "LedgerEntry" DROP CONSTRAINT "LedgerEntry_amount_check";
      CREATE OR REPLACE FUNCTION refuse_history_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$;
    `);
    const problems = compareWithModel(await readDatabaseShape(db), dataModel, RAW_OBJECTS);
    expect(problems).toEqual([
      'raw index Scan_passId_accepted_key on Scan is missing from the database',
      'check constraint LedgerEntry_amount_check on LedgerEntry is missing from the database',
      'function refuse_history_rewrite differs: "CREATE OR REPLACE FUNCTION refuse_history_rewrite() RETURNS trigger LANGUAGE plpgsql AS $function$ BEGIN RETURN OLD; END $function$" in the database, "' +
        RAW_OBJECTS.find((o) => o.name === 'refuse_history_rewrite')!.definition +
        '" declared',
      'trigger AuditEvent_append_only on AuditEvent is missing from the database',
    ]);
  });

  it('would be caught disagreeing when a migration adds a partial or expression index, trigger or check nobody declared', async () => {
    await db.exec(`
      CREATE INDEX "Pass_lower_barcode_idx" ON "Pass" (lower(barcode));
      CREATE INDEX "Pass_active_idx" ON "Pass" ("orderId") WHERE status = 'ACTIVE';
      CREATE TRIGGER "Pass_touch" BEFORE UPDATE ON "Pass" FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
      ALTER TABLE "Pass" ADD CONSTRAINT "Pass_value_check" CHECK ("faceValueCents" > 0);
    `);
    expect(compareWithModel(await readDatabaseShape(db), dataModel, RAW_OBJECTS).sort()).toEqual([
      'check constraint Pass_value_check on Pass exists in the database but is not declared in prisma/raw-objects.ts',
      'raw index Pass_active_idx on Pass exists in the database but is not declared in prisma/raw-objects.ts',
      'raw index Pass_lower_barcode_idx on Pass exists in the database but is not declared in prisma/raw-objects.ts',
      'trigger Pass_touch on Pass exists in the database but is not declared in prisma/raw-objects.ts',
    ]);
  });

  it('would be caught disagreeing when the schema gains a field no migration adds', async () => {
    const model = structuredClone(dataModel);
    model.models.Structure.fields.push({ ...model.models.Structure.fields.find((f) => f.name === 'website')!, name: 'rna', isRequired: true });
    expect(compareWithModel(await readDatabaseShape(db), model, RAW_OBJECTS)).toEqual(['column Structure.rna is missing from the database']);
  });
});

describe('the migrator', () => {
  it('records migrations the way Prisma does and applies each only once', async () => {
    const rows = await db.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    const files = readMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
    expect(await migrate(db)).toEqual({ applied: [], alreadyApplied: files.length });
  });

  it('refuses to start when an applied migration was edited afterwards', async () => {
    await db.exec(`UPDATE "_prisma_migrations" SET checksum = 'edited' WHERE migration_name = '${readMigrations()[0].name}'`);
    await expect(migrate(db)).rejects.toThrow(/modifiée après avoir été appliquée/);
  });
});
