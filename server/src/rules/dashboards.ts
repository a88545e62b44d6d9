/**
 * What GET /api/dashboard answers: one dashboard per role, a union discriminated by `role`. The
 * server builds it (server/src/dashboard) and the console imports this same file to show it
 * (admin/src/dashboard): the shape is written once. No imports but types: the console's Vite build
 * bundles it as it is.
 */
import type { ApplicationStatus, PassStatus, Role, ScanRejectionReason, StructureStatus } from '../generated/prisma/enums';
import type { Anomaly } from './anomalies';

/** The list a figure counts: its console link opens this resource with this filter. */
export interface ListLink {
  resource: string;
  filter: Record<string, unknown>;
}

/** Work waiting: how much, since when the oldest item waits (ISO 8601), and which one it is. */
export interface Queue {
  count: number;
  oldestSince: string | null;
  oldest: { id: string; label: string } | null;
  list: ListLink;
}

/** A queue of money: its items' total, in euro cents. */
export interface MoneyQueue extends Queue {
  amountCents: number;
}

/** Scans over a period (Europe/Paris days): accepted, refused (by reason), voided. */
export interface ScanFigures {
  /** First day of the period, "AAAA-MM-JJ" (Paris). */
  from: string;
  accepted: number;
  refused: number;
  voided: number;
  refusalsByReason: Partial<Record<ScanRejectionReason, number>>;
  /** Refused scans of the period in the scans list. */
  refusedList: ListLink;
}

/** REVIEWER: the eligibility and moderation queues, with their ages. */
export interface ReviewerDashboard {
  role: 'REVIEWER';
  queues: {
    /** Submitted, nobody has claimed them yet. */
    toClaim: Queue;
    /** In review and mine (a reply to my hold comes back here). */
    mine: Queue;
    /** Mine, waiting for the applicant's reply. */
    mineOnHold: Queue;
    offersToModerate: Queue;
  };
  applicationsByStatus: Record<ApplicationStatus, number>;
}

/** The last nightly reconciliation of the books (job reconcile-ledger): shown in red when it found a difference. */
export interface LastReconciliation {
  /** When it finished (ISO 8601). */
  at: string;
  /** The run's key: the day AAAA-MM-JJ (Paris) it reconciled the month of. */
  key: string;
  ok: boolean;
  /** Accounts or transactions in difference (0 when ok). */
  differences: number;
}

/** FINANCE: orders awaiting the sponsor's payment, and the money figures. */
export interface FinanceDashboard {
  role: 'FINANCE';
  ordersAwaitingPayment: MoneyQueue & { upstreamFeeCents: number };
  activeOrders: { count: number; faceValueCents: number; list: ListLink };
  payoutsPending: MoneyQueue;
  payoutsWithheld: MoneyQueue;
  passesByStatus: Record<PassStatus, number>;
  /** Null until the first nightly reconciliation has run (GET /api/reports/reconciliation for the details). */
  lastReconciliation: LastReconciliation | null;
  /** Exported transfers the bank has not executed yet (« Marquer payé » on their month). */
  payoutsExported: MoneyQueue;
  /** The Paris month under way: passes redeemed (accepted, not voided), their value, the 4 % downstream fee it will bear, the upstream fees of orders activated. */
  monthToDate: { period: string; passes: number; grossCents: number; downstreamFeeCents: number; upstreamFeeCents: number };
  /** The next scheduled preparation of a month (ISO 8601) and the month it will prepare. */
  nextPreparation: { at: string; period: string } | null;
  /** The last months, newest first, with their totals. */
  lastEndorsements: { id: string; period: string; status: string; statementCount: number; passCount: number; grossCents: number; payableCents: number }[];
}

/** SUPPORT: today's scans and why some were refused, and the open disputes. */
export interface SupportDashboard {
  role: 'SUPPORT';
  scansToday: ScanFigures;
  scansLast7Days: ScanFigures;
  openDisputes: Queue;
  /** The open disputes by age (since opened): under 2 days, 2 to 7 days, over 7 days. */
  openDisputesByAge: { under2Days: number; from2To7Days: number; over7Days: number };
  /** The disputes list each of those counts opens (open ones, by their opening date). */
  openDisputesByAgeLists: { under2Days: ListLink; from2To7Days: ListLink; over7Days: ListLink };
  /** Today's anomalies in the scans (rules/anomalies.ts), newest first, at most 20. */
  anomaliesToday: Anomaly[];
}

/** ADMIN: a summary of everyone's first screen. */
export interface AdminDashboard {
  role: 'ADMIN';
  apticulteurs: number;
  structuresByStatus: Record<StructureStatus, number>;
  applicationsByStatus: Record<ApplicationStatus, number>;
  passesByStatus: Record<PassStatus, number>;
  queues: {
    applicationsToClaim: Queue;
    applicationsInReview: Queue;
    offersToModerate: Queue;
    ordersAwaitingPayment: MoneyQueue;
    payoutsWithheld: MoneyQueue;
    openDisputes: Queue;
  };
  scansToday: ScanFigures;
}

export type RoleDashboard = ReviewerDashboard | FinanceDashboard | SupportDashboard | AdminDashboard;

/** Every role has its dashboard (the union covers the Role enum). */
export type DashboardOf<R extends Role> = Extract<RoleDashboard, { role: R }>;
