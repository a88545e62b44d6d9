import { DataModelMeta, FieldMeta } from './model-meta';
import type { Database } from './database';

/**
 * A database object Prisma's schema cannot describe (partial or expression index, CHECK
 * constraint, trigger, function), created by raw SQL in a migration. The expected ones are
 * declared in prisma/raw-objects.ts; `definition` is PostgreSQL's own text for it
 * (pg_get_indexdef, pg_get_constraintdef, pg_get_triggerdef, pg_get_functiondef), compared
 * with whitespace collapsed and without the schema prefix.
 */
export interface RawObject {
  kind: 'index' | 'check' | 'trigger' | 'function';
  name: string;
  /** Table it belongs to ('' for a function). */
  table: string;
  definition: string;
}

/** What a PostgreSQL schema holds, reduced to what Prisma's schema describes. */
export interface DatabaseShape {
  columns: { table: string; column: string; type: string; nullable: boolean }[];
  enums: Record<string, string[]>;
  /** Unique constraints/indexes and primary keys: "Table(col1,col2)". */
  uniques: string[];
  /** Non-unique indexes: "Table(col1,col2)". */
  indexes: string[];
  /** "Table(col) -> Other(col)". */
  foreignKeys: string[];
  /** Partial and expression indexes, CHECK constraints, triggers and functions. */
  rawObjects: RawObject[];
}

/** PostgreSQL's text of an object, comparable across servers: one space, no schema prefix. */
export function normaliseDefinition(definition: string, schema = 'public'): string {
  return definition
    .replace(new RegExp(`\\b${schema}\\.`, 'g'), '')
    .replace(/\s+/g, ' ')
    .trim();
}

export async function readDatabaseShape(db: Database, schema = 'public'): Promise<DatabaseShape> {
  const columns = await db.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns
      WHERE table_schema = $1 AND table_name <> '_prisma_migrations' ORDER BY table_name, ordinal_position`,
    [schema],
  );
  const enumRows = await db.query<{ name: string; value: string }>(
    `SELECT t.typname AS name, e.enumlabel AS value FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = $1 ORDER BY t.typname, e.enumsortorder`,
    [schema],
  );
  const indexRows = await db.query<{ name: string; table_name: string; is_unique: boolean; columns: string; is_raw: boolean; definition: string }>(
    `SELECT ic.relname AS name, c.relname AS table_name, i.indisunique AS is_unique,
            (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum) AS columns,
            (i.indpred IS NOT NULL OR i.indexprs IS NOT NULL) AS is_raw,
            pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname <> '_prisma_migrations'`,
    [schema],
  );
  const checkRows = await db.query<{ name: string; table_name: string; definition: string }>(
    `SELECT con.conname AS name, c.relname AS table_name, pg_get_constraintdef(con.oid) AS definition
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE con.contype = 'c' AND n.nspname = $1`,
    [schema],
  );
  const triggerRows = await db.query<{ name: string; table_name: string; definition: string }>(
    `SELECT t.tgname AS name, c.relname AS table_name, pg_get_triggerdef(t.oid) AS definition
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT t.tgisinternal AND n.nspname = $1`,
    [schema],
  );
  // Functions written by migrations (not those an extension brings).
  const functionRows = await db.query<{ name: string; definition: string }>(
    `SELECT p.proname AS name, pg_get_functiondef(p.oid) AS definition
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = $1 AND p.prokind = 'f'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`,
    [schema],
  );
  const fkRows = await db.query<{ table_name: string; columns: string; foreign_table: string; foreign_columns: string }>(
    `SELECT c.relname AS table_name, f.relname AS foreign_table,
            (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
            (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS foreign_columns
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class f ON f.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE con.contype = 'f' AND n.nspname = $1`,
    [schema],
  );
  const enums: Record<string, string[]> = {};
  for (const r of enumRows) (enums[r.name] ??= []).push(r.value);
  const plainIndexes = indexRows.filter((i) => !i.is_raw);
  const rawObjects: RawObject[] = [
    ...indexRows.filter((i) => i.is_raw).map((i) => ({ kind: 'index' as const, name: i.name, table: i.table_name, definition: i.definition })),
    ...checkRows.map((r) => ({ kind: 'check' as const, name: r.name, table: r.table_name, definition: r.definition })),
    ...triggerRows.map((r) => ({ kind: 'trigger' as const, name: r.name, table: r.table_name, definition: r.definition })),
    ...functionRows.map((r) => ({ kind: 'function' as const, name: r.name, table: '', definition: r.definition })),
  ].map((o) => ({ ...o, definition: normaliseDefinition(o.definition, schema) }));
  return {
    columns: columns.map((c) => ({
      table: c.table_name,
      column: c.column_name,
      type: c.data_type === 'USER-DEFINED' ? c.udt_name : c.data_type === 'ARRAY' ? `${c.udt_name.replace(/^_/, '')}[]` : c.data_type,
      nullable: c.is_nullable === 'YES',
    })),
    enums,
    uniques: plainIndexes.filter((i) => i.is_unique).map((i) => `${i.table_name}(${i.columns})`).sort(),
    indexes: plainIndexes.filter((i) => !i.is_unique).map((i) => `${i.table_name}(${i.columns})`).sort(),
    foreignKeys: fkRows.map((f) => `${f.table_name}(${f.columns}) -> ${f.foreign_table}(${f.foreign_columns})`).sort(),
    rawObjects,
  };
}

const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Boolean: 'boolean',
  DateTime: 'timestamp without time zone',
  Json: 'jsonb',
  Float: 'double precision',
  Decimal: 'numeric',
  Bytes: 'bytea',
};
const ARRAY_ELEMENT: Record<string, string> = { String: 'text', Int: 'int4', Boolean: 'bool' };

function expectedType(field: FieldMeta): string {
  if (field.kind === 'enum') return field.isList ? `${field.type}[]` : field.type;
  return field.isList ? `${ARRAY_ELEMENT[field.type] ?? field.type}[]` : (SCALAR_TYPES[field.type] ?? field.type);
}

/**
 * Every difference between the migrated database and the data model plus the raw-SQL objects
 * the migrations declare (prisma/raw-objects.ts); empty when they agree.
 */
export function compareWithModel(shape: DatabaseShape, model: DataModelMeta, rawObjects: readonly RawObject[]): string[] {
  const problems: string[] = [];
  const expectedColumns = new Map<string, { type: string; nullable: boolean }>();
  for (const [name, m] of Object.entries(model.models)) {
    for (const f of m.fields) {
      if (f.kind !== 'scalar' && f.kind !== 'enum') continue;
      // Prisma creates scalar lists as nullable arrays even though the client treats them as required.
      expectedColumns.set(`${m.dbName}.${f.name}`, { type: expectedType(f), nullable: f.isList || !f.isRequired });
    }
    if (!shape.columns.some((c) => c.table === m.dbName)) problems.push(`table ${m.dbName} (model ${name}) is missing from the database`);
  }
  const actualColumns = new Map(shape.columns.map((c) => [`${c.table}.${c.column}`, c]));
  for (const [key, exp] of expectedColumns) {
    const act = actualColumns.get(key);
    if (!act) problems.push(`column ${key} is missing from the database`);
    else {
      if (act.type !== exp.type) problems.push(`column ${key} is ${act.type} in the database, ${exp.type} in the schema`);
      if (act.nullable !== exp.nullable) problems.push(`column ${key} is ${act.nullable ? 'nullable' : 'NOT NULL'} in the database, ${exp.nullable ? 'optional' : 'required'} in the schema`);
    }
  }
  for (const key of actualColumns.keys()) if (!expectedColumns.has(key)) problems.push(`column ${key} exists in the database but not in the schema`);

  for (const [name, values] of Object.entries(model.enums)) {
    const actual = shape.enums[name];
    if (!actual) problems.push(`enum ${name} is missing from the database`);
    else if (actual.join(',') !== values.join(',')) problems.push(`enum ${name} is (${actual.join(', ')}) in the database, (${values.join(', ')}) in the schema`);
  }
  for (const name of Object.keys(shape.enums)) if (!model.enums[name]) problems.push(`enum ${name} exists in the database but not in the schema`);

  const dbName = (modelName: string) => model.models[modelName]?.dbName ?? modelName;
  const expectedUniques = model.indexes.filter((i) => i.type === 'id' || i.type === 'unique').map((i) => `${dbName(i.model)}(${i.fields.join(',')})`).sort();
  const expectedIndexes = model.indexes.filter((i) => i.type === 'normal').map((i) => `${dbName(i.model)}(${i.fields.join(',')})`).sort();
  diffLists('unique index', expectedUniques, shape.uniques, problems);
  diffLists('index', expectedIndexes, shape.indexes, problems);

  const expectedFks: string[] = [];
  for (const m of Object.values(model.models)) {
    for (const f of m.fields) {
      if (f.kind === 'object' && f.relationFromFields.length) {
        expectedFks.push(`${m.dbName}(${f.relationFromFields.join(',')}) -> ${dbName(f.type)}(${f.relationToFields.join(',')})`);
      }
    }
  }
  diffLists('foreign key', expectedFks.sort(), shape.foreignKeys, problems);
  compareRawObjects(shape.rawObjects, rawObjects, problems);
  return problems;
}

const RAW_KIND_LABEL: Record<RawObject['kind'], string> = { index: 'raw index', check: 'check constraint', trigger: 'trigger', function: 'function' };

function compareRawObjects(actual: readonly RawObject[], expected: readonly RawObject[], problems: string[]) {
  const key = (o: RawObject) => `${o.kind}:${o.table}:${o.name}`;
  const label = (o: RawObject) => `${RAW_KIND_LABEL[o.kind]} ${o.name}${o.table ? ` on ${o.table}` : ''}`;
  const actualByKey = new Map(actual.map((o) => [key(o), o]));
  const expectedKeys = new Set(expected.map(key));
  for (const exp of expected) {
    const act = actualByKey.get(key(exp));
    if (!act) problems.push(`${label(exp)} is missing from the database`);
    else if (act.definition !== normaliseDefinition(exp.definition)) problems.push(`${label(exp)} differs: "${act.definition}" in the database, "${normaliseDefinition(exp.definition)}" declared`);
  }
  for (const act of actual) if (!expectedKeys.has(key(act))) problems.push(`${label(act)} exists in the database but is not declared in prisma/raw-objects.ts`);
}

function diffLists(what: string, expected: string[], actual: string[], problems: string[]) {
  const a = new Set(actual);
  const e = new Set(expected);
  for (const x of e) if (!a.has(x)) problems.push(`${what} ${x} is missing from the database`);
  for (const x of a) if (!e.has(x)) problems.push(`${what} ${x} exists in the database but not in the schema`);
}
