// Writes server/src/generated/model-meta.json: the data model (fields, types, nullability,
// lists, enums, indexes) as Prisma's own schema engine reads it. The REST contract uses it to
// validate sort/filter fields and coerce filter values; the drift test compares it with the
// migrated database.
const fs = require('node:fs');
const path = require('node:path');
const { get_dmmf } = require('@prisma/prisma-schema-wasm');

const root = path.resolve(__dirname, '..', '..');
const schema = fs.readFileSync(path.join(root, 'prisma', 'schema.prisma'), 'utf8');
const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schema]] })));
const { models, enums, indexes } = dmmf.datamodel;

const meta = {
  enums: Object.fromEntries(enums.map((e) => [e.name, e.values.map((v) => v.name)])),
  models: Object.fromEntries(
    models.map((m) => [
      m.name,
      {
        dbName: m.dbName ?? m.name,
        fields: m.fields.map((f) => ({
          name: f.name,
          kind: f.kind,
          type: f.type,
          isList: f.isList,
          isRequired: f.isRequired,
          isId: f.isId,
          isUnique: f.isUnique,
          hasDefaultValue: f.hasDefaultValue,
          isUpdatedAt: f.isUpdatedAt,
          relationFromFields: f.relationFromFields ?? [],
          relationToFields: f.relationToFields ?? [],
          relationName: f.relationName ?? null,
        })),
      },
    ]),
  ),
  indexes: indexes.map((i) => ({ model: i.model, type: i.type, fields: i.fields.map((f) => f.name) })),
};

const out = path.join(root, 'server', 'src', 'generated', 'model-meta.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(meta, null, 1));
console.log(`model metadata: ${Object.keys(meta.models).length} models -> ${path.relative(root, out)}`);
