import type { Prisma } from '../generated/prisma/client';
import type { ResourceName } from '../auth/permissions';
import type { StaffUser } from '../auth/staff-user';
import type { CustomFilter } from './list-query';

/** A record of a Prisma model as read from the database (its scalar and enum fields), e.g. ModelRow<'Structure'>. */
export type ModelRow<M extends Prisma.ModelName> = Prisma.TypeMap['model'][M]['payload']['scalars'];
/** Models whose records have a string id (every resource's; not e.g. DocumentCounter, keyed by kind and year). */
export type RecordModelName = { [K in Prisma.ModelName]: ModelRow<K> extends { id: string } ? K : never }[Prisma.ModelName];

/**
 * How one resource of SPEC §4 is listed, searched and shown. Typed by its Prisma model, so the
 * records that writers and workflow actions receive are the model's (ModelRow<M>).
 */
export interface ResourceDefinition<M extends Prisma.ModelName = Prisma.ModelName> {
  name: ResourceName;
  /** Prisma model name ("Structure"). */
  model: M;
  /** When set, the only fields exposed (a narrow view of a model, e.g. the staff directory). */
  fields?: string[];
  /** Fields searched by the `q` filter. */
  search: string[];
  defaultSort: [string, 'ASC' | 'DESC'];
  /** Fields shown masked unless the user may see them in full (IBAN rule of SPEC §3). */
  masked?: string[];
  /** Extra filters beyond the model's own fields. */
  customFilters?: Record<string, CustomFilter>;
  /** Restricts what this user may see of the resource (e.g. audit events of readable resources). */
  scope?: (user: StaffUser) => Record<string, unknown> | undefined;
  /** Reshapes a record for this user after masking (e.g. masks inside audit snapshots). */
  present?: (record: Record<string, unknown>, user: StaffUser) => Record<string, unknown>;
}
