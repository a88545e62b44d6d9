import { Injectable, Type } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { StaffUser } from '../auth/staff-user';
import { AppErrorCode, AppException } from '../common/errors';
import { validateBody } from '../common/validation';
import { scalarFields } from '../database/model-meta';
import type { Prisma } from '../generated/prisma/client';
import type { ModelRow, RecordModelName, ResourceDefinition } from '../rest/resource-definition';
import { WriteContext, WriteOutcome, WritePath } from './write-path';

/**
 * Create/update/delete of one resource, provided by the area that owns its rules: only the rule
 * and the data change. The write path validates the body against the DTOs, checks the edit lock,
 * locks and loads the record, and records the audit event and realtime change around these calls.
 */
export interface ResourceWriter<M extends RecordModelName = RecordModelName, Create extends object = object, Update extends object = object> {
  createDto?: Type<Create>;
  updateDto?: Type<Update>;
  create?(dto: Create, ctx: WriteContext, user: StaffUser): Promise<WriteOutcome<ModelRow<M>>>;
  update?(id: string, dto: Update, before: ModelRow<M>, ctx: WriteContext, user: StaffUser): Promise<WriteOutcome<ModelRow<M>>>;
  remove?(id: string, before: ModelRow<M>, ctx: WriteContext, user: StaffUser): Promise<WriteOutcome<ModelRow<M>>>;
}

const READ_ONLY_ALWAYS = new Set(['id', 'createdAt', 'updatedAt']);

/** The generic writes of the REST contract (POST, PUT, DELETE /api/<resource>), through the write path. */
@Injectable()
export class ResourceWrites {
  constructor(private readonly writes: WritePath) {}

  async create<M extends RecordModelName>(def: ResourceDefinition<M>, writer: ResourceWriter<M> | undefined, body: unknown, user: StaffUser) {
    const create = writer?.create?.bind(writer);
    if (!create || !writer?.createDto) throw this.readOnly(def, 'la création');
    const dto = await validateBody(writer.createDto, body);
    return (await this.writes.staffCreate({ resource: def, user }, (ctx) => create(dto, ctx, user))).presented;
  }

  async update<M extends RecordModelName>(def: ResourceDefinition<M>, writer: ResourceWriter<M> | undefined, id: string, body: unknown, user: StaffUser) {
    const update = writer?.update?.bind(writer);
    if (!update || !writer?.updateDto) throw this.readOnly(def, 'la modification');
    const dto = await validateBody(writer.updateDto, this.withoutReadOnlyFields(def, writer.updateDto, body));
    return (await this.writes.staff({ resource: def, id, user, action: 'update', releasesLock: true }, (before, ctx) => update(id, dto, before, ctx, user))).presented;
  }

  async remove<M extends RecordModelName>(def: ResourceDefinition<M>, writer: ResourceWriter<M> | undefined, id: string, user: StaffUser) {
    const remove = writer?.remove?.bind(writer);
    if (!remove) throw this.readOnly(def, 'la suppression');
    return (await this.writes.staff({ resource: def, id, user, action: 'delete' }, (before, ctx) => remove(id, before, ctx, user))).presented;
  }

  /**
   * react-admin sends the whole record back on PUT: fields of the model that the update DTO does
   * not accept (id, timestamps, computed or workflow-owned fields) are dropped; anything that is
   * not a field of the model at all is still refused by validation.
   */
  private withoutReadOnlyFields(def: ResourceDefinition, dto: Type<object>, body: unknown): unknown {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
    const writable = new Set(getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).map((m) => m.propertyName));
    const modelFields = new Set(scalarFields(def.model).map((f) => f.name));
    return Object.fromEntries(Object.entries(body).filter(([key]) => writable.has(key) || !(READ_ONLY_ALWAYS.has(key) || modelFields.has(key))));
  }

  private readOnly(def: ResourceDefinition, what: string) {
    return new AppException(AppErrorCode.BAD_REQUEST, `${what.charAt(0).toUpperCase()}${what.slice(1)} n'est pas possible sur « ${def.name} » par cette route.`);
  }
}
