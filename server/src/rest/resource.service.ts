import { Injectable } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { AuditedTransactions, SECRET_FIELDS, WriteContext } from '../audit/audited-transaction';
import { seesFullIban } from '../auth/permissions';
import { StaffUser } from '../auth/staff-user';
import { AppErrorCode, AppException, notFound } from '../common/errors';
import { validateBody } from '../common/validation';
import { lockRow } from '../database/row-lock';
import { PrismaClient } from '../generated/prisma/client';
import { CollaborationService } from '../realtime/collaboration.service';
import { ListCounter, TotalKind } from './list-count';
import { ListQueryInput, parseListQuery } from './list-query';
import { maskIban } from './masking';
import { scalarFields } from './model-meta';
import { ResourceDefinition, ResourceWriter } from './resource-definition';
import { resourceDefinition } from './resource-registry';

const READ_ONLY_ALWAYS = new Set(['id', 'createdAt', 'updatedAt']);

function delegateName(model: string) {
  return model.charAt(0).toLowerCase() + model.slice(1);
}

/** The react-admin REST contract (SPEC §4), written once for every resource. */
@Injectable()
export class ResourceService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly transactions: AuditedTransactions,
    private readonly collaboration: CollaborationService,
    private readonly counter: ListCounter,
  ) {}

  private delegate(def: ResourceDefinition, client: unknown = this.prisma): any {
    return (client as Record<string, unknown>)[delegateName(def.model)];
  }

  private exposed(def: ResourceDefinition, field: string) {
    return !SECRET_FIELDS.has(field) && (!def.fields || def.fields.includes(field));
  }

  private select(def: ResourceDefinition): Record<string, true> {
    return Object.fromEntries(scalarFields(def.model).filter((f) => this.exposed(def, f.name)).map((f) => [f.name, true]));
  }

  private hiddenFor(def: ResourceDefinition, user: StaffUser): string[] {
    const hidden = scalarFields(def.model).filter((f) => !this.exposed(def, f.name)).map((f) => f.name);
    if (def.masked && !seesFullIban(user.role, def.name)) hidden.push(...def.masked);
    return hidden;
  }

  present(def: ResourceDefinition, record: Record<string, unknown>, user: StaffUser): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) if (this.exposed(def, key)) out[key] = value;
    if (def.masked && !seesFullIban(user.role, def.name, record)) for (const key of def.masked) out[key] = maskIban(out[key]);
    return def.present ? def.present(out, user) : out;
  }

  private scoped(def: ResourceDefinition, user: StaffUser, where: Record<string, unknown>) {
    const scope = def.scope?.(user);
    return scope ? { AND: [scope, where] } : where;
  }

  async list(def: ResourceDefinition, input: ListQueryInput, user: StaffUser) {
    const query = parseListQuery(input, {
      model: def.model,
      resource: def.name,
      searchFields: def.search,
      hiddenFields: this.hiddenFor(def, user),
      defaultSort: def.defaultSort,
      customFilters: def.customFilters,
    });
    const where = this.scoped(def, user, query.where);
    const delegate = this.delegate(def);
    const [rows, counted] = await Promise.all([
      delegate.findMany({ where, orderBy: query.orderBy, skip: query.skip, take: query.take, select: this.select(def) }) as Promise<Record<string, unknown>[]>,
      this.counter.count(def.model, delegate, where, query.orderBy),
    ]);
    // An estimate or a lower bound never claims fewer rows than this page shows.
    const total = counted.kind === 'exact' ? counted.total : Math.max(counted.total, query.start + rows.length);
    const end = rows.length ? query.start + rows.length - 1 : query.start;
    return {
      rows: rows.map((r) => this.present(def, r, user)),
      contentRange: `${def.name} ${query.start}-${end}/${total}`,
      totalKind: counted.kind as TotalKind,
    };
  }

  async findRaw(def: ResourceDefinition, id: string, user: StaffUser, client: unknown = this.prisma): Promise<Record<string, unknown>> {
    if (typeof id !== 'string' || id.length > 64) throw notFound(this.notFoundMessage(def, id));
    const record = await this.delegate(def, client).findFirst({ where: this.scoped(def, user, { id }), select: this.select(def) });
    if (!record) throw notFound(this.notFoundMessage(def, id));
    return record;
  }

  /** Inside a write: the record, locked for the rest of the transaction, as this user may see it. */
  private async lockAndLoad(def: ResourceDefinition, id: string, user: StaffUser, ctx: WriteContext) {
    // Lock first (a missing id locks nothing), then read once: a writer that went first has committed by now.
    await lockRow(ctx.tx, def.model, id);
    return this.findRaw(def, id, user, ctx.tx);
  }

  /** Whether a record of this resource (by its REST name) exists and this user may see it. */
  async exists(resource: string, id: string, user: StaffUser): Promise<boolean> {
    const def = resourceDefinition(resource);
    if (!def) return false;
    try {
      await this.findRaw(def, id, user);
      return true;
    } catch (error) {
      if (error instanceof AppException && error.code === AppErrorCode.NOT_FOUND) return false;
      throw error;
    }
  }

  async getOne(def: ResourceDefinition, id: string, user: StaffUser) {
    return this.present(def, await this.findRaw(def, id, user), user);
  }

  async create(def: ResourceDefinition, writer: ResourceWriter | undefined, body: unknown, user: StaffUser) {
    if (!writer?.create || !writer.createDto) throw this.readOnly(def, 'la création');
    const dto = await validateBody(writer.createDto, body);
    const record = await this.transactions.run(async (ctx) => {
      const result = await writer.create!(dto, ctx, user);
      if (result.auditAs) {
        // The change is told in the history of another record (e.g. a comment on a structure).
        await ctx.record({ ...result.auditAs, change: null });
        ctx.changed({ resource: def.name, type: 'created', id: String(result.record.id), about: result.about });
      } else {
        await ctx.record({ action: result.action ?? 'create', resource: def.name, recordId: String(result.record.id), after: result.record });
      }
      return result.record;
    });
    return this.present(def, record, user);
  }

  async update(def: ResourceDefinition, writer: ResourceWriter | undefined, id: string, body: unknown, user: StaffUser) {
    if (!writer?.update || !writer.updateDto) throw this.readOnly(def, 'la modification');
    const dto = await validateBody(writer.updateDto, this.withoutReadOnlyFields(def, writer.updateDto, body));
    await this.collaboration.assertWritable(def.name, id, user);
    const record = await this.transactions.run(async (ctx) => {
      const before = await this.lockAndLoad(def, id, user, ctx);
      const result = await writer.update!(id, dto, before, ctx, user);
      await ctx.record({ action: result.action ?? 'update', resource: def.name, recordId: id, before, after: result.record });
      return result.record;
    });
    await this.collaboration.releaseAfterSave(def.name, id, user);
    return this.present(def, record, user);
  }

  async remove(def: ResourceDefinition, writer: ResourceWriter | undefined, id: string, user: StaffUser) {
    if (!writer?.remove) throw this.readOnly(def, 'la suppression');
    await this.collaboration.assertWritable(def.name, id, user);
    const record = await this.transactions.run(async (ctx) => {
      const before = await this.lockAndLoad(def, id, user, ctx);
      const result = await writer.remove!(id, before, ctx, user);
      const deleted = (result.action ?? 'delete') === 'delete';
      await ctx.record({ action: result.action ?? 'delete', resource: def.name, recordId: id, before, after: deleted ? null : result.record });
      return result.record;
    });
    return this.present(def, record, user);
  }

  /**
   * A workflow action on one record (POST /api/<resource>/:id/<action>): refused while someone
   * else holds the record's edit lock, run in one audited transaction with the record loaded
   * inside it; the audit event holds the fields the action changed. Returns the raw record.
   */
  async runAction<T extends { record: Record<string, unknown> }>(
    def: ResourceDefinition,
    id: string,
    user: StaffUser,
    action: string,
    work: (before: Record<string, unknown>, ctx: WriteContext) => Promise<T>,
  ): Promise<T> {
    await this.collaboration.assertWritable(def.name, id, user);
    return this.transactions.run(async (ctx) => {
      const before = await this.lockAndLoad(def, id, user, ctx);
      const result = await work(before, ctx);
      await ctx.record({ action, resource: def.name, recordId: id, before, after: result.record });
      return result;
    });
  }

  /**
   * react-admin sends the whole record back on PUT: fields of the model that the update DTO does
   * not accept (id, timestamps, computed or workflow-owned fields) are dropped; anything that is
   * not a field of the model at all is still refused by validation.
   */
  private withoutReadOnlyFields(def: ResourceDefinition, dto: new () => object, body: unknown): unknown {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
    const writable = new Set(getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).map((m) => m.propertyName));
    const modelFields = new Set(scalarFields(def.model).map((f) => f.name));
    return Object.fromEntries(
      Object.entries(body as Record<string, unknown>).filter(([key]) => writable.has(key) || !(READ_ONLY_ALWAYS.has(key) || modelFields.has(key))),
    );
  }

  private readOnly(def: ResourceDefinition, what: string) {
    return new AppException(AppErrorCode.BAD_REQUEST, `${what.charAt(0).toUpperCase()}${what.slice(1)} n'est pas possible sur « ${def.name} » par cette route.`);
  }

  private notFoundMessage(def: ResourceDefinition, id: unknown) {
    return `Aucun enregistrement « ${def.name} » avec l'identifiant ${String(id).slice(0, 64)}.`;
  }
}
