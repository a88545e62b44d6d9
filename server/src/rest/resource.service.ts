import { Injectable } from '@nestjs/common';
import { seesFullIban } from '../auth/permissions';
import { StaffUser } from '../auth/staff-user';
import { AppErrorCode, AppException, notFound } from '../common/errors';
import { Prisma, PrismaClient } from '../generated/prisma/client';
import { ListCounter, TotalKind } from './list-count';
import { ListQueryInput, parseListQuery } from './list-query';
import { maskIban, SECRET_FIELDS } from './masking';
import { scalarFields } from '../database/model-meta';
import { ModelRow, ResourceDefinition } from './resource-definition';
import { resourceDefinition } from './resource-registry';

/** What the REST contract asks of a model's Prisma delegate (prisma.structure, prisma.offer, …). */
interface ModelDelegate {
  findMany(args: object): Promise<object[]>;
  count(args: object): Promise<number>;
  findFirst(args: object): Promise<object | null>;
}

function delegateName(model: string) {
  return model.charAt(0).toLowerCase() + model.slice(1);
}

/** The react-admin REST contract (SPEC §4), written once for every resource. */
@Injectable()
export class ResourceService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly counter: ListCounter,
  ) {}

  private delegate(def: ResourceDefinition, client: Prisma.TransactionClient = this.prisma): ModelDelegate {
    // Every model's delegate has these methods; TypeScript cannot index the client by a model name held in a variable.
    return Reflect.get(client, delegateName(def.model));
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

  present(def: ResourceDefinition, record: object, user: StaffUser): Record<string, unknown> {
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

  /** One record as this user may see it (before masking); 404 when absent or out of the user's scope. */
  findRaw<M extends Prisma.ModelName>(def: ResourceDefinition<M>, id: string, user: StaffUser, client?: Prisma.TransactionClient): Promise<ModelRow<M>> {
    return this.findWhere(def, id, def.scope?.(user), client);
  }

  /** One record within a narrower scope than a staff user's (a partner's own structure). */
  findWithin<M extends Prisma.ModelName>(def: ResourceDefinition<M>, id: string, within: Record<string, unknown>, client?: Prisma.TransactionClient, message?: string): Promise<ModelRow<M>> {
    return this.findWhere(def, id, within, client, message);
  }

  private async findWhere<M extends Prisma.ModelName>(def: ResourceDefinition<M>, id: string, scope: Record<string, unknown> | undefined, client: Prisma.TransactionClient = this.prisma, message?: string): Promise<ModelRow<M>> {
    if (typeof id !== 'string' || id.length > 64) throw notFound(message ?? this.notFoundMessage(def, id));
    const where = scope ? { AND: [scope, { id }] } : { id };
    // The delegate of def.model: its record is that model's.
    const record = (await this.delegate(def, client).findFirst({ where, select: this.select(def) })) as ModelRow<M> | null;
    if (!record) throw notFound(message ?? this.notFoundMessage(def, id));
    return record;
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

  private notFoundMessage(def: ResourceDefinition, id: unknown) {
    return `Aucun enregistrement « ${def.name} » avec l'identifiant ${String(id).slice(0, 64)}.`;
  }
}
