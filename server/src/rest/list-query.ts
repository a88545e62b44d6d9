import { badRequest } from '../common/errors';
import { inputRefusal, inspectInput } from '../common/user-input';
import { parseDateInput } from '../rules/dates';
import { FieldMeta, scalarFields } from '../database/model-meta';
import { dataModel } from '../database/model-meta';

/** At most this many rows in one page (SPEC §4). */
export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_RANGE: [number, number] = [0, 24];

export interface ListQueryInput {
  sort?: unknown;
  range?: unknown;
  filter?: unknown;
}

export interface ListQueryOptions {
  model: string;
  resource: string;
  /** Fields searched by `q` (case-insensitive contains). */
  searchFields: string[];
  /** Fields that may not be filtered or sorted on (never returned, or masked for this user). */
  hiddenFields: string[];
  defaultSort: [string, 'ASC' | 'DESC'];
  /** Extra filters a resource understands beyond its own fields. */
  customFilters?: Record<string, CustomFilter>;
}

/**
 * A filter a resource understands beyond its own fields (e.g. offers by category). Its value is
 * checked here against `accepts` before `where` sees it: `where` only ever receives clean texts,
 * never the client's object.
 */
export interface CustomFilter {
  /** One text or a list of texts, each at most `maxLength` characters. */
  accepts: { texts: { maxLength: number } };
  where(values: string[]): Record<string, unknown>;
}

export interface ListQuery {
  where: Record<string, unknown>;
  orderBy: Record<string, 'asc' | 'desc'>[];
  skip: number;
  take: number;
  start: number;
}

function parseJsonParam(name: string, raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw badRequest(`Le paramètre « ${name} » doit apparaître une seule fois, encodé en JSON.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw badRequest(`Le paramètre « ${name} » n'est pas du JSON valide : ${raw.slice(0, 100)}`);
  }
  const problem = inspectInput(parsed);
  if (problem) throw inputRefusal(problem, `le paramètre « ${name} »`);
  return parsed;
}

function fieldMap(options: ListQueryOptions): Map<string, FieldMeta> {
  const hidden = new Set(options.hiddenFields);
  return new Map(scalarFields(options.model).filter((f) => !hidden.has(f.name)).map((f) => [f.name, f]));
}

/** Parses react-admin's `sort`, `range` and `filter` into a Prisma query, refusing anything it does not know. */
export function parseListQuery(input: ListQueryInput, options: ListQueryOptions): ListQuery {
  const fields = fieldMap(options);

  // sort=["field","ASC"]
  const sortRaw = parseJsonParam('sort', input.sort);
  let [sortField, sortOrder] = options.defaultSort as [string, string];
  if (sortRaw !== undefined) {
    if (!Array.isArray(sortRaw) || sortRaw.length !== 2 || typeof sortRaw[0] !== 'string' || typeof sortRaw[1] !== 'string') {
      throw badRequest('Le paramètre « sort » doit être de la forme ["champ","ASC"] ou ["champ","DESC"].');
    }
    [sortField, sortOrder] = sortRaw as [string, string];
  }
  const sortMeta = fields.get(sortField);
  if (!sortMeta || sortMeta.isList || sortMeta.type === 'Json') {
    throw badRequest(`Tri impossible sur « ${sortField} » pour ${options.resource}. Champs triables : ${sortableFields(fields).join(', ')}.`, {
      field: sortField,
    });
  }
  const order = sortOrder.toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') throw badRequest(`Ordre de tri inconnu « ${sortOrder} » : utilisez ASC ou DESC.`);
  const direction = order === 'ASC' ? 'asc' : 'desc';
  const orderBy: Record<string, 'asc' | 'desc'>[] = [{ [sortField]: direction }];
  // Stable pages: ties broken by id in the same direction, so one (field, id) index serves both orders.
  if (sortField !== 'id') orderBy.push({ id: direction });

  // range=[start,end] (inclusive)
  const rangeRaw = parseJsonParam('range', input.range);
  let [start, end] = DEFAULT_RANGE;
  if (rangeRaw !== undefined) {
    if (!Array.isArray(rangeRaw) || rangeRaw.length !== 2 || !rangeRaw.every((n) => Number.isSafeInteger(n) && n >= 0) || rangeRaw[1] < rangeRaw[0]) {
      throw badRequest('Le paramètre « range » doit être de la forme [début,fin] avec deux entiers positifs et fin ≥ début.');
    }
    [start, end] = rangeRaw as [number, number];
  }
  if (end - start + 1 > MAX_PAGE_SIZE) {
    throw badRequest(`Une page contient au plus ${MAX_PAGE_SIZE} lignes (demandé : ${end - start + 1}).`, { maxPageSize: MAX_PAGE_SIZE });
  }

  // filter={...}
  const filterRaw = parseJsonParam('filter', input.filter) ?? {};
  if (filterRaw === null || typeof filterRaw !== 'object' || Array.isArray(filterRaw)) {
    throw badRequest('Le paramètre « filter » doit être un objet JSON, par exemple {"status":"ACTIVE"}.');
  }
  // Own entries only: a key is looked up in maps built from the schema and the resource definition,
  // never on an object whose prototype could answer for it ("constructor", "toString"…).
  const customFilters = new Map(Object.entries(options.customFilters ?? {}));
  const and: Record<string, unknown>[] = [];
  for (const [key, value] of Object.entries(filterRaw as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (key === 'q') {
      and.push(searchWhere(value, options, fields));
      continue;
    }
    const custom = customFilters.get(key);
    if (custom) {
      and.push(custom.where(customFilterValues(custom, key, value)));
      continue;
    }
    const range = /^(.+)_(gte|lte)$/.exec(key);
    const name = range ? range[1] : key;
    const field = fields.get(name);
    if (!field || field.type === 'Json') {
      throw badRequest(`Filtre inconnu « ${key} » pour ${options.resource}.`, { field: key, allowed: filterableFields(fields, options) });
    }
    if (range) {
      if (field.isList || !['Int', 'DateTime', 'String', 'BigInt'].includes(field.type)) {
        throw badRequest(`Le filtre « ${key} » n'a pas de sens : « ${name} » n'est pas une valeur ordonnée.`);
      }
      if (value === null) throw badRequest(`Le filtre « ${key} » est une borne : une valeur est attendue, pas null.`, { field: key });
      and.push({ [name]: { [range[2]]: coerce(field, value, key, range[2] as 'gte' | 'lte') } });
      continue;
    }
    if (field.isList) {
      // `hasSome` even for one value: the driver adapters send `has` on enum lists as a scalar, which PostgreSQL refuses.
      const values = Array.isArray(value) ? value : [value];
      checkValueList(key, values);
      and.push({ [name]: { hasSome: values.map((v) => coerce(field, v, key)) } });
    } else if (Array.isArray(value)) {
      checkValueList(key, value);
      and.push({ [name]: { in: value.map((v) => coerce(field, v, key)) } });
    } else {
      and.push({ [name]: coerce(field, value, key) });
    }
  }
  return { where: and.length ? { AND: and } : {}, orderBy, skip: start, take: end - start + 1, start };
}

/** Values of an IN or a list filter: a bounded list, without null (null is filtered alone). */
function checkValueList(key: string, values: unknown[]) {
  if (values.length > MAX_PAGE_SIZE) throw badRequest(`Le filtre « ${key} » contient trop de valeurs (${MAX_PAGE_SIZE} au plus).`, { field: key });
  if (values.includes(null)) throw badRequest(`Le filtre « ${key} » ne peut pas contenir null dans une liste : filtrez null seul.`, { field: key });
}

function customFilterValues(filter: CustomFilter, key: string, value: unknown): string[] {
  const list = (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'string' ? v.trim() : v));
  const { maxLength } = filter.accepts.texts;
  if (!list.length || list.length > MAX_PAGE_SIZE || !list.every((v) => typeof v === 'string' && v.length > 0 && v.length <= maxLength)) {
    throw badRequest(`Valeur invalide pour le filtre « ${key} » : un texte (${maxLength} caractères au plus) ou une liste de textes attendu.`, { field: key });
  }
  return list as string[];
}

function sortableFields(fields: Map<string, FieldMeta>): string[] {
  return [...fields.values()].filter((f) => !f.isList && f.type !== 'Json').map((f) => f.name);
}

function filterableFields(fields: Map<string, FieldMeta>, options: ListQueryOptions): string[] {
  return ['q', ...sortableFields(fields), ...Object.keys(options.customFilters ?? {})];
}

function searchWhere(value: unknown, options: ListQueryOptions, fields: Map<string, FieldMeta>): Record<string, unknown> {
  if (typeof value !== 'string' && typeof value !== 'number') throw badRequest('La recherche « q » doit être un texte.');
  const text = String(value).trim();
  if (text.length > 200) throw badRequest('La recherche « q » est limitée à 200 caractères.');
  if (!text) return {};
  const searchable = options.searchFields.filter((f) => fields.has(f));
  if (!searchable.length) throw badRequest(`La recherche plein texte n'est pas disponible pour ${options.resource}.`);
  // Prisma parameterises the value (quotes and SQL keywords are inert) but passes LIKE
  // wildcards through: escape them so "%" or "_" are searched for literally.
  const literal = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return { OR: searchable.map((f) => ({ [f]: { contains: literal, mode: 'insensitive' } })) };
}

function coerce(field: FieldMeta, value: unknown, key: string, bound?: 'gte' | 'lte'): unknown {
  const fail = (expected: string): never => {
    throw badRequest(`Valeur invalide pour le filtre « ${key} » : ${expected} attendu, reçu ${JSON.stringify(value)?.slice(0, 80)}.`, { field: key });
  };
  if (value === null) {
    if (field.isRequired && !field.isList) fail('une valeur non nulle');
    return null;
  }
  if (field.kind === 'enum') {
    const allowed = dataModel.enums[field.type] ?? [];
    if (typeof value !== 'string' || !allowed.includes(value)) fail(`une des valeurs ${allowed.join(', ')}`);
    return value;
  }
  switch (field.type) {
    case 'String':
      if (typeof value === 'number') return String(value);
      if (typeof value !== 'string') fail('un texte');
      return value;
    case 'Int':
    case 'BigInt': {
      const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
      // A BigInt column (month totals) takes any safe integer; an Int column stays 32-bit.
      const limit = field.type === 'BigInt' ? Number.MAX_SAFE_INTEGER : 2_147_483_647;
      if (typeof n !== 'number' || !Number.isSafeInteger(n) || Math.abs(n) > limit) fail('un nombre entier');
      return n;
    }
    case 'Boolean':
      if (value === true || value === 'true') return true;
      if (value === false || value === 'false') return false;
      return fail('true ou false');
    case 'DateTime': {
      const date = parseDateInput(value, bound === 'lte' ? 'end' : 'start');
      return date.ok ? date.date : fail(date.expected);
    }
    default:
      return fail('un type filtrable');
  }
}
