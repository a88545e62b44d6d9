import type { Type } from '@nestjs/common';
import type { WriteContext } from '../audit/audited-transaction';
import type { ResourceName } from '../auth/permissions';
import type { StaffUser } from '../auth/staff-user';
import type { CustomFilter } from './list-query';

/** How one resource of SPEC §4 is listed, searched, shown and (optionally) written. */
export interface ResourceDefinition {
  name: ResourceName;
  /** Prisma model name ("Structure"). */
  model: string;
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

export interface WriteResult {
  record: Record<string, unknown>;
  /** Audit verb when it is not the plain create/update/delete (e.g. "deactivate"). */
  action?: string;
  /** Record the audit event on another record instead (a comment is part of its record's history). */
  auditAs?: { action: string; resource: string; recordId: string; after?: Record<string, unknown> };
  /** For resources readable per the resource they are about (comments): that resource. */
  about?: string;
}

/**
 * Create/update/delete for a resource, provided by the area that owns the rules. The generic
 * controller validates the body against the DTOs, loads the record, and records the audit
 * event and realtime change around these calls.
 */
export interface ResourceWriter {
  createDto?: Type<object>;
  updateDto?: Type<object>;
  create?(dto: any, ctx: WriteContext, user: StaffUser): Promise<WriteResult>;
  update?(id: string, dto: any, before: Record<string, unknown>, ctx: WriteContext, user: StaffUser): Promise<WriteResult>;
  remove?(id: string, before: Record<string, unknown>, ctx: WriteContext, user: StaffUser): Promise<WriteResult>;
}
