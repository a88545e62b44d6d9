import { DataModelMeta, FieldMeta } from './model-meta';
import type { Database } from './database';

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
  const indexRows = await db.query<{ table_name: string; is_unique: boolean; columns: string }>(
    `SELECT c.relname AS table_name, i.indisunique AS is_unique,
            (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum) AS columns
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname <> '_prisma_migrations' AND i.indpred IS NULL`,
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
  return {
    columns: columns.map((c) => ({
      table: c.table_name,
      column: c.column_name,
      type: c.data_type === 'USER-DEFINED' ? c.udt_name : c.data_type === 'ARRAY' ? `${c.udt_name.replace(/^_/, '')}[]` : c.data_type,
      nullable: c.is_nullable === 'YES',
    })),
    enums,
    uniques: indexRows.filter((i) => i.is_unique).map((i) => `${i.table_name}(${i.columns})`).sort(),
    indexes: indexRows.filter((i) => !i.is_unique).map((i) => `${i.table_name}(${i.columns})`).sort(),
    foreignKeys: fkRows.map((f) => `${f.table_name}(${f.columns}) -> ${f.foreign_table}(${f.foreign_columns})`).sort(),
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
};
const ARRAY_ELEMENT: Record<string, string> = { String: 'text', Int: 'int4', Boolean: 'bool' };

function expectedType(field: FieldMeta): string {
  if (field.kind === 'enum') return field.isList ? `${field.type}[]` : field.type;
  return field.isList ? `${ARRAY_ELEMENT[field.type] ?? field.type}[]` : (SCALAR_TYPES[field.type] ?? field.type);
}

/** Every difference between the migrated database and the data model; empty when they agree. */
export function compareWithModel(shape: DatabaseShape, model: DataModelMeta): string[] {
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
  return problems;
}

function diffLists(what: string, expected: string[], actual: string[], problems: string[]) {
  const a = new Set(actual);
  const e = new Set(expected);
  for (const x of e) if (!a.has(x)) problems.push(`${what} ${x} is missing from the database`);
  for (const x of a) if (!e.has(x)) problems.push(`${what} ${x} exists in the database but not in the schema`);
}
