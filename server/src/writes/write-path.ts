import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '../auth/staff-user';
import { conflict } from '../common/errors';
import { requestContext } from '../common/request-context';
import type { Database } from '../database/database';
import { lockRow } from '../database/row-lock';
import type { Sql } from '../database/sql';
import { Prisma } from '../generated/prisma/client';
import { CollaborationService } from '../realtime/collaboration.service';
import { Change, ChangeType, RealtimeService, resourceTopic } from '../realtime/realtime.service';
import { SECRET_FIELDS } from '../rest/masking';
import { ModelRow, ResourceDefinition } from '../rest/resource-definition';
import { ResourceService } from '../rest/resource.service';

export type Tx = Prisma.TransactionClient;
export type { ChangeType };
/** A record as the audit log keeps it: JSON, without its secret fields. */
export type Snapshot = Record<string, Prisma.InputJsonValue | null>;

export interface AuditEntry {
  /** Business verb: "create", "update", "delete", "approve", "deactivate", … */
  action: string;
  resource: string;
  recordId: string;
  before?: object | null;
  after?: object | null;
  /** Realtime event to publish after commit; defaults from the action. */
  change?: ChangeType | null;
}

/** What an area's write function receives: the transaction, and a way to tell of side changes. */
export interface WriteContext {
  tx: Tx;
  /** Tagged-template statements in the same transaction, for hot paths (database/sql.ts). */
  sql: Sql;
  /** A further change made by this write (another record): its AuditEvent, in this transaction, and its realtime event after commit. */
  record(entry: AuditEntry): Promise<void>;
  /** Queues a realtime event for after commit (for a change already audited elsewhere). */
  changed(change: Change): void;
  /** Runs once the transaction has committed (never if it rolls back). */
  afterCommit(fn: () => void): void;
}

/** What an area's write function returns: the record as written, and how to tell it in the log. */
export interface WriteOutcome<Row extends { id: string } = { id: string }> {
  record: Row;
  /** Audit verb when it is not the write's own (e.g. "deactivate" for a DELETE of a user). */
  action?: string;
  /** What the audit event shows instead of the record before/after (e.g. the session opened by a login). */
  audit?: { before?: object | null; after?: object | null };
  /** The event belongs to another record's history (a comment is part of its record's). */
  auditAs?: { action: string; resource: string; recordId: string; after?: object };
  /** For resources readable per the resource they are about (comments): that resource. */
  about?: string;
  /** Realtime change of the written record; null when no list shows it (a login). Defaults from the action. */
  change?: ChangeType | null;
}

/**
 * Who writes. Staff: refused while another user holds the record's edit lock. Partner and public
 * (applicant) writes: refused while anyone holds it (a reviewer is deciding).
 */
export type Writer = { kind: 'staff'; user: StaffUser } | { kind: 'partner'; structureId: string } | { kind: 'public' };

export interface WritePlan<M extends Prisma.ModelName> {
  resource: ResourceDefinition<M>;
  /** The record written; absent for a creation. */
  id?: string;
  /** Audit verb: "create", "update", "delete", or the workflow action ("approve", …). */
  action: string;
  by: Writer;
  /** Rows locked before the record, in this order (e.g. the structure whose catalogue changes). */
  lockFirst?: { model: Prisma.ModelName; id: string }[];
  /** Where the record must be for this writer, on top of the resource's scope (a partner's own structure). */
  within?: Prisma.JsonObject | Record<string, unknown>;
  /** A saved edit ends the writer's own edit lock (the edit page's save). */
  releasesLock?: boolean;
  /** Message when the record is not found for this writer. */
  notFound?: string;
  /** Message when the edit lock is held by someone else (partner and public writers). */
  lockedBy?: (holder: string) => string;
  /**
   * The work sends only `ctx.sql` statements (no Prisma model call, `ctx.tx` is not there): the
   * transaction then runs without Prisma on PostgreSQL (Database.sqlTransaction). For the hot
   * paths (a scan's redemption); everything else (locks, audit, realtime events) is the same.
   */
  sqlOnly?: boolean;
}

function snapshot(value: object | null | undefined): Snapshot | undefined {
  if (!value) return undefined;
  const out: Snapshot = {};
  for (const [k, v] of Object.entries(value)) if (!SECRET_FIELDS.has(k)) out[k] = v;
  return JSON.parse(JSON.stringify(out, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

/** For updates, only what changed: field-level before/after. */
export function diff(before: object, after: object) {
  const b = snapshot(before) ?? {};
  const a = snapshot(after) ?? {};
  const changedBefore: Snapshot = {};
  const changedAfter: Snapshot = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (key === 'updatedAt') continue;
    if (JSON.stringify(b[key]) !== JSON.stringify(a[key])) {
      changedBefore[key] = b[key] ?? null;
      changedAfter[key] = a[key] ?? null;
    }
  }
  return { before: changedBefore, after: changedAfter };
}

const defaultChange = (action: string): ChangeType => (action === 'create' ? 'created' : action === 'delete' ? 'deleted' : 'updated');

/**
 * The one write path of the server (staff CRUD, workflow actions, partner and applicant writes,
 * job steps): edit-lock check, one transaction, row locks, the record loaded as the writer may
 * see it, the area's function, its audit events, and realtime events only once committed.
 * Areas supply the rule and the data change; they never open a transaction or check a lock.
 */
@Injectable()
export class WritePath {
  constructor(
    @Inject('DATABASE') private readonly db: Database,
    private readonly realtime: RealtimeService,
    private readonly collaboration: CollaborationService,
    private readonly resources: ResourceService,
  ) {}

  /** A staff write (CRUD or workflow action); returns the outcome and the record as this user may see it. */
  async staff<M extends Prisma.ModelName, T extends WriteOutcome>(
    plan: Omit<WritePlan<M>, 'by' | 'id'> & { id: string; user: StaffUser },
    work: (before: ModelRow<M>, ctx: WriteContext) => Promise<T>,
  ): Promise<T & { presented: Record<string, unknown> }> {
    const { user, ...rest } = plan;
    // With an id, the record is loaded (or the write refused with a 404) before the work runs.
    const outcome = await this.write({ ...rest, by: { kind: 'staff', user } }, (before, ctx) => work(before!, ctx));
    return { ...outcome, presented: this.resources.present(plan.resource, outcome.record, user) };
  }

  /** A staff creation (no record to lock yet). */
  async staffCreate<M extends Prisma.ModelName, T extends WriteOutcome>(
    plan: { resource: ResourceDefinition<M>; user: StaffUser; action?: string },
    work: (ctx: WriteContext) => Promise<T>,
  ): Promise<T & { presented: Record<string, unknown> }> {
    const outcome = await this.write<M, T>({ resource: plan.resource, action: plan.action ?? 'create', by: { kind: 'staff', user: plan.user } }, (_none, ctx) => work(ctx));
    return { ...outcome, presented: this.resources.present(plan.resource, outcome.record, plan.user) };
  }

  /** A write by a structure through its partner key, or by an applicant, on a record it owns (`within`). */
  outside<M extends Prisma.ModelName, T extends WriteOutcome>(plan: WritePlan<M> & { id: string }, work: (before: ModelRow<M>, ctx: WriteContext) => Promise<T>): Promise<T> {
    return this.write(plan, (before, ctx) => work(before!, ctx));
  }

  /** A creation by a structure through its partner key, or by an applicant. */
  outsideCreate<M extends Prisma.ModelName, T extends WriteOutcome>(plan: Omit<WritePlan<M>, 'id'>, work: (ctx: WriteContext) => Promise<T>): Promise<T> {
    return this.write(plan, (_none, ctx) => work(ctx));
  }

  /**
   * One transaction of a long job (server/src/jobs: a claim, a chunk with the run's progress, a
   * failure): no edit lock (nobody edits what a job writes). The job records one summary audit
   * event per step (counts and totals, never a row per record) through ctx.record, and tells of
   * the rows a chunk changed in one merged event through ctx.afterCommit: nothing goes out
   * unless the transaction committed.
   */
  job<T>(work: (ctx: WriteContext) => Promise<T>, { timeoutMs }: { timeoutMs?: number } = {}): Promise<T> {
    return this.transaction(false, work, timeoutMs);
  }

  private async write<M extends Prisma.ModelName, T extends WriteOutcome>(plan: WritePlan<M>, work: (before: ModelRow<M> | null, ctx: WriteContext) => Promise<T>): Promise<T> {
    const { resource: def, id, by } = plan;
    const outcome = await this.transaction(plan.sqlOnly === true, async (ctx) => {
      for (const row of plan.lockFirst ?? []) await lockRow(ctx.sql, row.model, row.id);
      let before: ModelRow<M> | null = null;
      if (id !== undefined) {
        // Lock first (a missing id locks nothing), then read once: a writer that went first has committed by now.
        await lockRow(ctx.sql, def.model, id);
        before = by.kind === 'staff' ? await this.resources.findRaw(def, id, by.user, ctx.tx) : await this.resources.findWithin(def, id, plan.within ?? {}, ctx.tx, plan.notFound);
        // Once the record is known to exist for this writer (a 404 tells nothing about others' locks).
        await this.checkEditLock(plan, id);
      }
      const result = await work(before, ctx);
      const recordId = id ?? result.record.id;
      if (result.auditAs) {
        await ctx.record({ ...result.auditAs, change: null });
        ctx.changed({ resource: def.name, type: 'created', id: recordId, about: result.about });
      } else {
        const action = result.action ?? plan.action;
        const removed = action === 'delete';
        await ctx.record({
          action,
          resource: def.name,
          recordId,
          before: result.audit ? result.audit.before : before,
          after: result.audit ? result.audit.after : removed ? null : result.record,
          change: result.change === undefined ? (id === undefined ? 'created' : removed ? 'deleted' : 'updated') : result.change,
        });
      }
      return result;
    });
    if (plan.releasesLock && id !== undefined && by.kind === 'staff') await this.collaboration.releaseAfterSave(def.name, id, by.user);
    return outcome;
  }

  private async checkEditLock(plan: WritePlan<Prisma.ModelName>, id: string) {
    if (plan.by.kind === 'staff') return this.collaboration.assertWritable(plan.resource.name, id, plan.by.user);
    const lock = await this.collaboration.getLock(plan.resource.name, id);
    if (lock) throw conflict(plan.lockedBy?.(lock.identityName) ?? `Cet enregistrement est en cours de traitement par ${lock.identityName} : réessayez dans un moment.`);
  }

  /** The transaction itself: audit events inside it, realtime events and after-commit work only once it committed. */
  private async transaction<T>(sqlOnly: boolean, work: (ctx: WriteContext) => Promise<T>, timeoutMs = 30_000): Promise<T> {
    const changes: Change[] = [];
    const committed: (() => void)[] = [];
    const options = { timeout: timeoutMs, maxWait: 10_000 };
    const run = (tx: Tx | null, sql: Sql) => {
    const ctx: WriteContext = {
      get tx(): Tx {
        if (!tx) throw new Error('This write was planned sqlOnly: it has ctx.sql, not ctx.tx.');
        return tx;
      },
      sql,
      record: async (entry) => {
        const context = requestContext.get();
        const actor = context?.actor ?? { type: 'SYSTEM' as const, name: 'Système' };
        const isUpdate = entry.before && entry.after;
        const { before, after } = isUpdate ? diff(entry.before!, entry.after!) : { before: snapshot(entry.before), after: snapshot(entry.after) };
        // A plain update that changed nothing (a form saved as it was) is not a change.
        if (isUpdate && entry.action === 'update' && Object.keys(after ?? {}).length === 0) return;
        const id = randomUUID();
        await sql.run`
          INSERT INTO "AuditEvent" ("id", "actorType", "actorId", "actorName", "action", "resource", "recordId", "before", "after", "requestId", "createdAt")
          VALUES (${id}, ${actor.type}::"ActorType", ${actor.id ?? null}, ${actor.name}, ${entry.action}, ${entry.resource}, ${entry.recordId},
                  ${before === undefined ? null : JSON.stringify(before)}::jsonb, ${after === undefined ? null : JSON.stringify(after)}::jsonb,
                  ${context?.requestId ?? null}, ${new Date()})`;
        const type = entry.change === undefined ? defaultChange(entry.action) : entry.change;
        const actorId = actor.id ?? undefined;
        if (type) changes.push({ resource: entry.resource, type, id: entry.recordId, actorId });
        changes.push({ resource: 'audit-events', type: 'created', id, about: entry.resource, aboutId: entry.recordId, actorId });
      },
      changed: (change) => void changes.push({ actorId: requestContext.get()?.actor?.id ?? undefined, ...change }),
      afterCommit: (fn) => void committed.push(fn),
    };
    return work(ctx);
    };
    const result = sqlOnly ? await this.db.sqlTransaction((sql) => run(null, sql), options) : await this.db.transaction(run, options);
    this.realtime.publishChanges(changes);
    for (const fn of committed) fn();
    return result;
  }
}
