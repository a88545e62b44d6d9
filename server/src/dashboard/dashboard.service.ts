import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { StaffUser } from '../auth/staff-user';
import { dataModel } from '../database/model-meta';
import { PrismaClient } from '../generated/prisma/client';
import type { ApplicationStatus, PassStatus, ScanRejectionReason, StructureStatus } from '../generated/prisma/enums';
import type {
  AdminDashboard,
  FinanceDashboard,
  ListLink,
  MoneyQueue,
  Queue,
  ReviewerDashboard,
  RoleDashboard,
  ScanFigures,
  SupportDashboard,
} from '../rules/dashboards';
import { BUSINESS_ZONE } from '../rules/dates';
import { lastReconciliation } from '../reports/reconcile-ledger.job';
import { CronTime } from 'cron';
import { AppConfig } from '../config/app-config';
import { previousMonth } from '../endorsement/period';
import { FEE_RATE_BP, percentOfCents } from '../rules/money';
import { anomaliesSince } from './anomalies';

function countsByStatus<S extends string>(enumName: string, rows: { status: string; _count: { _all: number } }[]): Record<S, number> {
  const out: Record<string, number> = Object.fromEntries((dataModel.enums[enumName] ?? []).map((v) => [v, 0]));
  for (const row of rows) out[row.status] = row._count._all;
  return out as Record<S, number>;
}

const link = (resource: string, filter: Record<string, unknown>): ListLink => ({ resource, filter });

/** A queue from its count and its oldest item (found by the caller, ordered by the waiting date). */
async function queue(count: Promise<number>, oldest: Promise<{ id: string; since: Date | null; label: string } | null>, list: ListLink): Promise<Queue> {
  const [n, first] = await Promise.all([count, oldest]);
  return { count: n, oldestSince: first?.since?.toISOString() ?? null, oldest: first ? { id: first.id, label: first.label } : null, list };
}

/**
 * GET /api/dashboard: the first screen of the caller's role (rules/dashboards.ts, shared with the
 * console) — what the role acts on, each queue with its age and the list it opens.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly config: AppConfig,
  ) {}

  figuresFor(user: StaffUser, now = new Date()): Promise<RoleDashboard> {
    switch (user.role) {
      case 'REVIEWER':
        return this.reviewer(user);
      case 'FINANCE':
        return this.finance();
      case 'SUPPORT':
        return this.support(now);
      case 'ADMIN':
        return this.admin(now);
    }
  }

  private async reviewer(user: StaffUser): Promise<ReviewerDashboard> {
    const [toClaim, mine, mineOnHold, offersToModerate, applicationsByStatus] = await Promise.all([
      this.applications({ status: 'SUBMITTED' }, 'submittedAt'),
      this.applications({ status: 'IN_REVIEW', assigneeId: user.id }, 'claimedAt'),
      this.applications({ status: 'ON_HOLD', assigneeId: user.id }, 'updatedAt'),
      this.offersToModerate(),
      this.applicationsByStatus(),
    ]);
    return { role: 'REVIEWER', queues: { toClaim, mine, mineOnHold, offersToModerate }, applicationsByStatus };
  }

  private async finance(): Promise<FinanceDashboard> {
    const [awaiting, oldestAwaiting, active, payoutsPending, payoutsWithheld, passesByStatus, reconciled, payoutsExported, monthToDate, lastEndorsements] = await Promise.all([
      this.prisma.order.aggregate({ where: { status: 'AWAITING_PAYMENT' }, _count: { _all: true }, _sum: { faceValueCents: true, upstreamFeeCents: true } }),
      this.prisma.order.findFirst({ where: { status: 'AWAITING_PAYMENT' }, orderBy: [{ issuedAt: 'asc' }, { createdAt: 'asc' }], select: { id: true, reference: true, issuedAt: true, createdAt: true } }),
      this.prisma.order.aggregate({ where: { status: 'ACTIVE' }, _count: { _all: true }, _sum: { faceValueCents: true } }),
      this.payouts('PENDING'),
      this.payouts('WITHHELD'),
      this.passesByStatus(),
      lastReconciliation(this.prisma),
      this.payouts('EXPORTED'),
      this.monthToDate(new Date()),
      this.prisma.endorsement.findMany({
        orderBy: { period: 'desc' },
        take: 4,
        select: { id: true, period: true, status: true, statementCount: true, passCount: true, grossCents: true, payableCents: true },
      }),
    ]);
    return {
      role: 'FINANCE',
      ordersAwaitingPayment: {
        count: awaiting._count._all,
        amountCents: awaiting._sum.faceValueCents ?? 0,
        upstreamFeeCents: awaiting._sum.upstreamFeeCents ?? 0,
        oldestSince: (oldestAwaiting?.issuedAt ?? oldestAwaiting?.createdAt)?.toISOString() ?? null,
        oldest: oldestAwaiting ? { id: oldestAwaiting.id, label: oldestAwaiting.reference } : null,
        list: link('orders', { status: ['AWAITING_PAYMENT'] }),
      },
      activeOrders: { count: active._count._all, faceValueCents: active._sum.faceValueCents ?? 0, list: link('orders', { status: ['ACTIVE'] }) },
      payoutsPending,
      payoutsWithheld,
      passesByStatus,
      lastReconciliation: reconciled,
      payoutsExported,
      monthToDate,
      nextPreparation: this.nextPreparation(),
      lastEndorsements: lastEndorsements.map((e) => ({ ...e, grossCents: Number(e.grossCents), payableCents: Number(e.payableCents) })),
    };
  }

  private async support(now: Date): Promise<SupportDashboard> {
    const today = DateTime.fromJSDate(now, { zone: BUSINESS_ZONE }).startOf('day');
    const [scansToday, scansLast7Days, openDisputes, { openDisputesByAge, openDisputesByAgeLists }, anomaliesToday] = await Promise.all([
      this.scans(today),
      this.scans(today.minus({ days: 6 })),
      this.openDisputes(),
      this.openDisputesByAge(now),
      anomaliesSince(this.prisma, today.toJSDate()),
    ]);
    return { role: 'SUPPORT', scansToday, scansLast7Days, openDisputes, openDisputesByAge, openDisputesByAgeLists, anomaliesToday };
  }

  private async admin(now: Date): Promise<AdminDashboard> {
    const today = DateTime.fromJSDate(now, { zone: BUSINESS_ZONE }).startOf('day');
    const [structures, applicationsByStatus, passesByStatus, applicationsToClaim, applicationsInReview, offersToModerate, finance, openDisputes, scansToday] = await Promise.all([
      this.prisma.structure.groupBy({ by: ['status'], _count: { _all: true } }).then((rows) => countsByStatus<StructureStatus>('StructureStatus', rows)),
      this.applicationsByStatus(),
      this.passesByStatus(),
      this.applications({ status: 'SUBMITTED' }, 'submittedAt'),
      this.applications({ status: 'IN_REVIEW' }, 'claimedAt'),
      this.offersToModerate(),
      this.finance(),
      this.openDisputes(),
      this.scans(today),
    ]);
    return {
      role: 'ADMIN',
      apticulteurs: structures.ELIGIBLE,
      structuresByStatus: structures,
      applicationsByStatus,
      passesByStatus,
      queues: {
        applicationsToClaim,
        applicationsInReview,
        offersToModerate,
        ordersAwaitingPayment: finance.ordersAwaitingPayment,
        payoutsWithheld: finance.payoutsWithheld,
        openDisputes,
      },
      scansToday,
    };
  }

  // ── figures ──

  private applications(where: { status: ApplicationStatus; assigneeId?: string }, since: 'submittedAt' | 'claimedAt' | 'updatedAt') {
    return queue(
      this.prisma.application.count({ where }),
      this.prisma.application
        .findFirst({
          where,
          orderBy: [{ [since]: 'asc' }, { id: 'asc' }],
          select: { id: true, reference: true, organisationName: true, submittedAt: true, claimedAt: true, updatedAt: true },
        })
        .then((a) => (a ? { id: a.id, since: a[since], label: `${a.reference} — ${a.organisationName}` } : null)),
      link('applications', { status: [where.status], ...(where.assigneeId ? { assigneeId: where.assigneeId } : {}) }),
    );
  }

  private offersToModerate() {
    const where = { status: 'PENDING_REVIEW' as const };
    return queue(
      this.prisma.offer.count({ where }),
      this.prisma.offer
        .findFirst({ where, orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }], select: { id: true, title: true, submittedAt: true } })
        .then((o) => (o ? { id: o.id, since: o.submittedAt, label: o.title } : null)),
      link('offers', { status: ['PENDING_REVIEW'] }),
    );
  }

  private openDisputes() {
    const where = { status: { in: ['OPEN' as const, 'INVESTIGATING' as const] } };
    return queue(
      this.prisma.dispute.count({ where }),
      this.prisma.dispute.findFirst({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true, reference: true, createdAt: true } }).then((d) => (d ? { id: d.id, since: d.createdAt, label: d.reference } : null)),
      link('disputes', { status: ['OPEN', 'INVESTIGATING'] }),
    );
  }

  /** Open disputes by age, in one count over the index Dispute(status, createdAt), and the list each count opens. */
  private async openDisputesByAge(now: Date): Promise<Pick<SupportDashboard, 'openDisputesByAge' | 'openDisputesByAgeLists'>> {
    const twoDays = new Date(now.getTime() - 2 * 86_400_000);
    const sevenDays = new Date(now.getTime() - 7 * 86_400_000);
    const [row] = await this.prisma.$queryRaw<{ under2: number; mid: number; over7: number }[]>`
      SELECT count(*) FILTER (WHERE "createdAt" >= ${twoDays})::int AS under2,
             count(*) FILTER (WHERE "createdAt" < ${twoDays} AND "createdAt" >= ${sevenDays})::int AS mid,
             count(*) FILTER (WHERE "createdAt" < ${sevenDays})::int AS over7
        FROM "Dispute" WHERE status IN ('OPEN', 'INVESTIGATING')`;
    // The list's bounds are inclusive (_gte, _lte): "before" ends one millisecond earlier.
    const open = ['OPEN', 'INVESTIGATING'];
    const before = (d: Date) => new Date(d.getTime() - 1).toISOString();
    return {
      openDisputesByAge: { under2Days: row.under2, from2To7Days: row.mid, over7Days: row.over7 },
      openDisputesByAgeLists: {
        under2Days: link('disputes', { status: open, createdAt_gte: twoDays.toISOString() }),
        from2To7Days: link('disputes', { status: open, createdAt_gte: sevenDays.toISOString(), createdAt_lte: before(twoDays) }),
        over7Days: link('disputes', { status: open, createdAt_lte: before(sevenDays) }),
      },
    };
  }

  /** The Paris month under way, from its accepted scans (index on outcome, scannedAt) and the upstream fees the ledger credited. */
  private async monthToDate(now: Date): Promise<FinanceDashboard['monthToDate']> {
    const start = DateTime.fromJSDate(now, { zone: BUSINESS_ZONE }).startOf('month');
    const from = start.toJSDate();
    const [[scans], [fees]] = await Promise.all([
      this.prisma.$queryRaw<{ passes: number; cents: bigint | null }[]>`
        SELECT count(*)::int AS passes, sum("valueCents") AS cents FROM "Scan" WHERE outcome = 'ACCEPTED' AND "voidedAt" IS NULL AND "scannedAt" >= ${from}`,
      this.prisma.$queryRaw<{ cents: bigint | null }[]>`
        SELECT sum("creditCents") - sum("debitCents") AS cents FROM "LedgerEntry" WHERE account = 'FEES_UPSTREAM' AND "createdAt" >= ${from}`,
    ]);
    const grossCents = Number(scans.cents ?? 0);
    return { period: start.toFormat('yyyy-LL'), passes: scans.passes, grossCents, downstreamFeeCents: percentOfCents(grossCents, FEE_RATE_BP), upstreamFeeCents: Number(fees.cents ?? 0) };
  }

  /** When the schedule prepares the next month (JOB_ENDORSEMENT_PREPARE_CRON), and which month that is. */
  private nextPreparation(): FinanceDashboard['nextPreparation'] {
    try {
      const at = new CronTime(this.config.JOB_ENDORSEMENT_PREPARE_CRON, this.config.JOBS_TIME_ZONE).sendAt();
      return { at: at.toUTC().toISO()!, period: previousMonth(at.toJSDate()) };
    } catch {
      return null;
    }
  }

  private async payouts(status: 'PENDING' | 'WITHHELD' | 'EXPORTED'): Promise<MoneyQueue> {
    const where = { status };
    const [sum, oldest] = await Promise.all([
      this.prisma.payout.aggregate({ where, _count: { _all: true }, _sum: { amountCents: true } }),
      this.prisma.payout.findFirst({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true, createdAt: true, structure: { select: { name: true } } } }),
    ]);
    return {
      count: sum._count._all,
      amountCents: sum._sum.amountCents ?? 0,
      oldestSince: oldest?.createdAt.toISOString() ?? null,
      oldest: oldest ? { id: oldest.id, label: oldest.structure.name } : null,
      list: link('payouts', { status: [status] }),
    };
  }

  /** Scans from the first instant of `from` (a Paris day) on. */
  private async scans(from: DateTime): Promise<ScanFigures> {
    const where = { scannedAt: { gte: from.toJSDate() } };
    const [byOutcome, byReason] = await Promise.all([
      this.prisma.scan.groupBy({ by: ['outcome'], where, _count: { _all: true } }),
      this.prisma.scan.groupBy({ by: ['reason'], where: { ...where, outcome: 'REJECTED' }, _count: { _all: true } }),
    ]);
    const outcome = (o: string) => byOutcome.find((row) => row.outcome === o)?._count._all ?? 0;
    const refusalsByReason: Partial<Record<ScanRejectionReason, number>> = {};
    for (const row of byReason) if (row.reason) refusalsByReason[row.reason] = row._count._all;
    return {
      from: from.toISODate()!,
      accepted: outcome('ACCEPTED'),
      refused: outcome('REJECTED'),
      voided: outcome('VOIDED'),
      refusalsByReason,
      refusedList: link('scans', { outcome: ['REJECTED'], scannedAt_gte: from.toISODate() }),
    };
  }

  private applicationsByStatus() {
    return this.prisma.application.groupBy({ by: ['status'], _count: { _all: true } }).then((rows) => countsByStatus<ApplicationStatus>('ApplicationStatus', rows));
  }

  private passesByStatus() {
    return this.prisma.pass.groupBy({ by: ['status'], _count: { _all: true } }).then((rows) => countsByStatus<PassStatus>('PassStatus', rows));
  }
}
