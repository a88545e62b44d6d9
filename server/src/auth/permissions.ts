import { Role } from '../generated/prisma/enums';

export const RESOURCE_NAMES = [
  'users',
  'staff',
  'structures',
  'locations',
  'applications',
  'charters',
  'charter-signatures',
  'questionnaires',
  'referential-categories',
  'referential-services',
  'offers',
  'subscriptions',
  'sponsors',
  'orders',
  'booklets',
  'passes',
  'sponsor-payments',
  'sponsor-documents',
  'redemptions',
  'scans',
  'disputes',
  'endorsements',
  'statements',
  'payouts',
  'comments',
  'audit-events',
  'ledger-entries',
  'job-runs',
] as const;
export type ResourceName = (typeof RESOURCE_NAMES)[number];

/**
 * What the role matrix guards besides the REST resources above: figures computed on demand, with
 * no list of records behind them (GET /api/reports/reconciliation). Not in RESOURCE_NAMES: no
 * /api/<name> list, no audit events, comments or realtime topic of their own.
 */
export const REPORT_NAMES = ['reports'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];
/** A row of the role matrix: a REST resource or a report. */
export type PermissionName = ResourceName | ReportName;

/** W = read + create/update/workflow actions, R = read only, absent = 403. */
export type Access = 'W' | 'R';

const W = 'W' as const;
const R = 'R' as const;

/** SPEC §3 role matrix. `questionnaires` is configuration next to `charters` and shares its row. */
export const ROLE_MATRIX: Record<PermissionName, Partial<Record<Role, Access>>> = {
  users: { ADMIN: W },
  /** Read-only directory (id, name, role) so every role can show who claimed or is assigned to a record. */
  staff: { ADMIN: R, REVIEWER: R, FINANCE: R, SUPPORT: R },
  structures: { ADMIN: W, REVIEWER: W, FINANCE: R, SUPPORT: R },
  locations: { ADMIN: W, REVIEWER: W, FINANCE: R, SUPPORT: R },
  applications: { ADMIN: W, REVIEWER: W },
  'charter-signatures': { ADMIN: W, REVIEWER: W },
  charters: { ADMIN: W, REVIEWER: R },
  questionnaires: { ADMIN: W, REVIEWER: R },
  'referential-categories': { ADMIN: W, REVIEWER: R, FINANCE: R, SUPPORT: R },
  'referential-services': { ADMIN: W, REVIEWER: R, FINANCE: R, SUPPORT: R },
  offers: { ADMIN: W, REVIEWER: W, FINANCE: R, SUPPORT: R },
  subscriptions: { ADMIN: W, REVIEWER: R, FINANCE: W, SUPPORT: R },
  sponsors: { ADMIN: W, FINANCE: W, SUPPORT: R },
  orders: { ADMIN: W, FINANCE: W, SUPPORT: R },
  booklets: { ADMIN: W, FINANCE: W, SUPPORT: R },
  passes: { ADMIN: W, FINANCE: W, SUPPORT: R },
  /** Recorded through an order's "record-payment" action; read here. */
  'sponsor-payments': { ADMIN: R, FINANCE: R, SUPPORT: R },
  /** Numbered by the order's activation (fee document) and closing (credit note); read and downloaded here. */
  'sponsor-documents': { ADMIN: R, FINANCE: R, SUPPORT: R },
  redemptions: { ADMIN: R, REVIEWER: R, FINANCE: R, SUPPORT: R },
  scans: { ADMIN: R, REVIEWER: R, FINANCE: R, SUPPORT: R },
  disputes: { ADMIN: W, FINANCE: R, SUPPORT: W },
  endorsements: { ADMIN: W, FINANCE: W, SUPPORT: R },
  statements: { ADMIN: W, FINANCE: W, SUPPORT: R },
  payouts: { ADMIN: W, FINANCE: W },
  comments: { ADMIN: W, REVIEWER: W, FINANCE: W, SUPPORT: W },
  'audit-events': { ADMIN: R, REVIEWER: R, FINANCE: R, SUPPORT: R },
  /** The books: read-only for everyone, even ADMIN; written only by post() beside the money events. */
  'ledger-entries': { ADMIN: R, FINANCE: R },
  /** Runs of long jobs (server/src/jobs), each readable only by the roles of its job (JOB_MATRIX). */
  'job-runs': { ADMIN: R, FINANCE: R },
  /** The reconciliation of the books with the states (SPEC §3 "Ledger"): read-only, like the books. */
  reports: { ADMIN: R, FINANCE: R },
};

/** Long jobs (server/src/jobs): the only names a route or a `job/<name>` topic accepts. */
export const JOB_NAMES = ['purge-sessions', 'issue-order', 'expire-passes', 'endorsement-prepare', 'endorsement-close', 'reconcile-ledger'] as const;
export type JobName = (typeof JOB_NAMES)[number];

/** W = may start a run by hand (and follow it), R = may follow its runs and progress, absent = neither. */
export const JOB_MATRIX: Record<JobName, Partial<Record<Role, Access>>> = {
  'purge-sessions': { ADMIN: W },
  /** Generates an order's booklets and passes (key: the order's id); started by the order's "issue" action. */
  'issue-order': { ADMIN: W, FINANCE: W },
  /** Nightly: expires passes past their grace date, closes spent orders with their credit note (key: a day). */
  'expire-passes': { ADMIN: W, FINANCE: W },
  /** Monthly: the previous month's draft statements (key: a month, or month.rN for a recomputation); started by the schedule or the endorsement's actions. */
  'endorsement-prepare': { ADMIN: W, FINANCE: W, SUPPORT: R },
  /** Closes a prepared month in one transaction (key: the month); started by the endorsement's « Clôturer ». */
  'endorsement-close': { ADMIN: W, FINANCE: W, SUPPORT: R },
  /** Nightly: the reconciliation of the current month, its differences kept with the run for the dashboard (key: a day). */
  'reconcile-ledger': { ADMIN: W, FINANCE: W },
};

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOB_MATRIX, name);
}

export function canFollowJob(role: Role, name: string): boolean {
  return isJobName(name) && JOB_MATRIX[name][role] !== undefined && canRead(role, 'job-runs');
}

export function canStartJob(role: Role, name: string): boolean {
  return isJobName(name) && JOB_MATRIX[name][role] === 'W';
}

/** The jobs whose runs this role may see. */
export function jobsFollowedBy(role: Role): JobName[] {
  return JOB_NAMES.filter((name) => canFollowJob(role, name));
}

export function accessOf(role: Role, resource: PermissionName): Access | undefined {
  return ROLE_MATRIX[resource]?.[role];
}

export function canRead(role: Role, resource: string): boolean {
  return isResourceName(resource) && accessOf(role, resource) !== undefined;
}

export function canWrite(role: Role, resource: string): boolean {
  return isResourceName(resource) && accessOf(role, resource) === 'W';
}

export function isResourceName(name: string): name is ResourceName {
  return (RESOURCE_NAMES as readonly string[]).includes(name);
}

/** What the console needs to build its menu: { resource or report: 'W' | 'R' } for this role. */
export function permissionsOf(role: Role): Partial<Record<PermissionName, Access>> {
  const out: Partial<Record<PermissionName, Access>> = {};
  for (const name of [...RESOURCE_NAMES, ...REPORT_NAMES]) {
    const access = accessOf(role, name);
    if (access) out[name] = access;
  }
  return out;
}

const UNDER_REVIEW = ['SUBMITTED', 'IN_REVIEW', 'ON_HOLD'];

/**
 * Full IBANs: ADMIN and FINANCE everywhere; REVIEWER only on an application under review (the
 * record is needed to say so: without it — filters, audit snapshots — the IBAN stays masked).
 */
export function seesFullIban(role: Role, resource: ResourceName, record?: { status?: unknown }): boolean {
  if (role === 'ADMIN' || role === 'FINANCE') return true;
  return role === 'REVIEWER' && resource === 'applications' && !!record && UNDER_REVIEW.includes(String(record.status));
}
