import { Injectable } from '@nestjs/common';
import { requestContext } from '../common/request-context';
import { Prisma, PrismaClient } from '../generated/prisma/client';
import { Change, RealtimeService } from '../realtime/realtime.service';

export type Tx = Prisma.TransactionClient;
export type ChangeType = 'created' | 'updated' | 'deleted';

/** Fields never copied into the audit log or sent to a client. */
export const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash', 'keyHash', 'replyTokenHash']);

export interface AuditEntry {
  /** Business verb: "create", "update", "delete", "approve", "deactivate", … */
  action: string;
  resource: string;
  recordId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Realtime event to publish after commit; defaults from the action. */
  change?: ChangeType | null;
}

export interface WriteContext {
  tx: Tx;
  /** Writes an AuditEvent in this transaction and queues the realtime event for after commit. */
  record(entry: AuditEntry): Promise<void>;
  /** Queues a realtime event for after commit (for a change already audited elsewhere). */
  changed(change: Change): void;
  /** Runs once the transaction has committed (never if it rolls back). */
  afterCommit(fn: () => void): void;
}

function snapshot(value: Record<string, unknown> | null | undefined): Record<string, unknown> | undefined {
  if (!value) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!SECRET_FIELDS.has(k)) out[k] = v;
  return JSON.parse(JSON.stringify(out));
}

/** For updates, only what changed: field-level before/after. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b = snapshot(before) ?? {};
  const a = snapshot(after) ?? {};
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (key === 'updatedAt') continue;
    if (JSON.stringify(b[key]) !== JSON.stringify(a[key])) {
      changedBefore[key] = b[key] ?? null;
      changedAfter[key] = a[key] ?? null;
    }
  }
  return { before: changedBefore, after: changedAfter };
}

/**
 * The write path of the whole server: runs the work in one database transaction, records an
 * AuditEvent for each change inside it, and publishes the realtime events only once the
 * transaction has committed.
 */
@Injectable()
export class AuditedTransactions {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly realtime: RealtimeService,
  ) {}

  async run<T>(work: (ctx: WriteContext) => Promise<T>): Promise<T> {
    const changes: Change[] = [];
    const committed: (() => void)[] = [];
    const result = await this.prisma.$transaction(
      async (tx) => {
        const ctx: WriteContext = {
          tx,
          record: async (entry) => {
            const context = requestContext.get();
            const actor = context?.actor ?? { type: 'SYSTEM' as const, name: 'Système' };
            const isUpdate = entry.before && entry.after;
            const { before, after } = isUpdate ? diff(entry.before!, entry.after!) : { before: snapshot(entry.before), after: snapshot(entry.after) };
            // A plain update that changed nothing (a form saved as it was) is not a change.
            if (isUpdate && entry.action === 'update' && Object.keys(after ?? {}).length === 0) return;
            const event = await tx.auditEvent.create({
              data: {
                actorType: actor.type,
                actorId: actor.id ?? null,
                actorName: actor.name,
                action: entry.action,
                resource: entry.resource,
                recordId: entry.recordId,
                before: (before ?? undefined) as Prisma.InputJsonValue | undefined,
                after: (after ?? undefined) as Prisma.InputJsonValue | undefined,
                requestId: context?.requestId ?? null,
              },
            });
            const type = entry.change === undefined ? (entry.action === 'create' ? 'created' : entry.action === 'delete' ? 'deleted' : 'updated') : entry.change;
            const actorId = actor.id ?? undefined;
            if (type) changes.push({ resource: entry.resource, type, id: entry.recordId, actorId });
            changes.push({ resource: 'audit-events', type: 'created', id: event.id, about: entry.resource, aboutId: entry.recordId, actorId });
          },
          changed: (change) => void changes.push({ actorId: requestContext.get()?.actor?.id ?? undefined, ...change }),
          afterCommit: (fn) => void committed.push(fn),
        };
        return work(ctx);
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
    this.realtime.publishChanges(changes);
    for (const fn of committed) fn();
    return result;
  }
}
