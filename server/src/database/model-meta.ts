import meta from '../generated/model-meta.json';

export interface FieldMeta {
  name: string;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  hasDefaultValue: boolean;
  isUpdatedAt: boolean;
  relationFromFields: string[];
  relationToFields: string[];
  relationName: string | null;
}

export interface ModelMeta {
  dbName: string;
  fields: FieldMeta[];
}

export interface DataModelMeta {
  enums: Record<string, string[]>;
  models: Record<string, ModelMeta>;
  indexes: { model: string; type: string; fields: string[] }[];
}

/** The data model as Prisma's schema engine reads prisma/schema.prisma (see prisma/tools/generate-model-meta.js). */
export const dataModel = meta as unknown as DataModelMeta;

export function modelMeta(model: string): ModelMeta {
  const m = dataModel.models[model];
  if (!m) throw new Error(`Unknown model ${model}`);
  return m;
}

/** Scalar and enum fields (what a record returned by the API holds). */
export function scalarFields(model: string): FieldMeta[] {
  return modelMeta(model).fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum');
}
