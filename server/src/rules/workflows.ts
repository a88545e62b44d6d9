/**
 * The workflows of SPEC §3, one table each: for an action, the states it starts from, the state it
 * leads to, and the roles allowed when narrower than "writes the resource" (role matrix). The
 * server's services apply these tables, and the console imports this same file to show a button
 * only when the record's state and the user's role allow it. No imports but types: the console's
 * Vite build bundles it as it is.
 */
import type { ApplicationStatus, DisputeStatus, EndorsementStatus, OfferStatus, OrderStatus, PassStatus, PayoutStatus, Role, StructureStatus, SubscriptionStatus } from '../generated/prisma/enums';

export interface Transition<S extends string> {
  from: readonly S[];
  /** The state reached; null when the action leaves the state as it is (a new partner key). */
  to: S | null;
  /** Only these roles (besides the resource's write permission). */
  roles?: readonly Role[];
  /**
   * Only the record's holder (the staff member it is assigned to), when it has one, or an ADMIN:
   * a colleague's claimed application is not decided behind their back (they reassign it first).
   */
  holderOnly?: true;
}

type Workflow<S extends string> = Record<string, Transition<S>>;

export const APPLICATION_WORKFLOW = {
  claim: { from: ['SUBMITTED'], to: 'IN_REVIEW' },
  hold: { from: ['IN_REVIEW'], to: 'ON_HOLD', holderOnly: true },
  approve: { from: ['IN_REVIEW'], to: 'APPROVED', holderOnly: true },
  reject: { from: ['IN_REVIEW', 'ON_HOLD'], to: 'REJECTED', holderOnly: true },
  /** A claimed application changes hands (to oneself or a colleague who reviews); the state stays. */
  reassign: { from: ['IN_REVIEW', 'ON_HOLD'], to: null, roles: ['REVIEWER', 'ADMIN'] },
  /** The applicant answers a hold (public route, with the reply token). */
  reply: { from: ['ON_HOLD'], to: 'IN_REVIEW' },
} as const satisfies Workflow<ApplicationStatus>;

/**
 * SPEC §3 "Catalogue moderation": a reviewer decides an offer waiting in the queue. An offer whose
 * changes were requested waits for the structure: its edit goes back through the checks, so a
 * reviewer does not approve it as it is (a reviewer may still reject it, or restate the request).
 * An approved offer can be taken back (changes requested, or rejected).
 */
export const OFFER_WORKFLOW = {
  approve: { from: ['PENDING_REVIEW'], to: 'APPROVED' },
  reject: { from: ['PENDING_REVIEW', 'APPROVED', 'CHANGES_REQUESTED'], to: 'REJECTED' },
  'request-changes': { from: ['PENDING_REVIEW', 'APPROVED', 'CHANGES_REQUESTED'], to: 'CHANGES_REQUESTED' },
} as const satisfies Workflow<OfferStatus>;

export const STRUCTURE_WORKFLOW = {
  suspend: { from: ['ELIGIBLE'], to: 'SUSPENDED' },
  reinstate: { from: ['SUSPENDED'], to: 'ELIGIBLE' },
  /** Partner keys belong to qualified structures (APTICulteurs) only; ADMIN only. */
  'reissue-api-key': { from: ['ELIGIBLE', 'SUSPENDED'], to: null, roles: ['ADMIN'] },
  'revoke-api-keys': { from: ['APPLICANT', 'ELIGIBLE', 'SUSPENDED', 'REJECTED'], to: null, roles: ['ADMIN'] },
} as const satisfies Workflow<StructureStatus>;

/**
 * SPEC §3 "Orders": a draft is issued (booklets and passes generated, inactive), activated with
 * the sponsor's payment order number (passes active, the sponsor owes the total), closed by the
 * nightly expiry once nothing is left to spend. Payments are recorded once the order is issued;
 * only a draft or an unpaid order is cancelled.
 */
export const ORDER_WORKFLOW = {
  issue: { from: ['DRAFT'], to: 'AWAITING_PAYMENT' },
  activate: { from: ['AWAITING_PAYMENT'], to: 'ACTIVE' },
  'record-payment': { from: ['AWAITING_PAYMENT', 'ACTIVE', 'CLOSED'], to: null },
  cancel: { from: ['DRAFT', 'AWAITING_PAYMENT'], to: 'CANCELLED' },
} as const satisfies Workflow<OrderStatus>;

/**
 * A single pass (lost, stolen): only an active one is cancelled, its value credited back to the
 * sponsor. Before activation, the whole unpaid order is cancelled instead. Booklets follow the
 * same rule for their passes.
 */
export const PASS_WORKFLOW = {
  cancel: { from: ['ACTIVE'], to: 'CANCELLED' },
} as const satisfies Workflow<PassStatus>;

/**
 * SPEC §1 step 4: a kit is ordered by its structure (PENDING), started by its first accepted scan
 * (ACTIVE, the redemption's doing). FINANCE and ADMIN change its plan or end it, with a reason,
 * while it is open; an ended kit stays ended (the structure orders a new one).
 */
export const SUBSCRIPTION_WORKFLOW = {
  'change-plan': { from: ['PENDING', 'ACTIVE'], to: null },
  end: { from: ['PENDING', 'ACTIVE'], to: 'CANCELLED' },
} as const satisfies Workflow<SubscriptionStatus>;

/**
 * SPEC §3 "Endorsement": a month's draft is recomputed as often as FINANCE wants (an interrupted
 * computation is taken up again), then closed for good; a month left CLOSING by a crash is closed
 * again. The jobs move it on: PREPARING → PREPARED, CLOSING → CLOSED.
 */
export const ENDORSEMENT_WORKFLOW = {
  recompute: { from: ['PREPARED', 'PREPARING'], to: 'PREPARING' },
  close: { from: ['PREPARED', 'CLOSING'], to: 'CLOSING' },
  /** Exporting again gives the same file (nothing changes once exported). */
  export: { from: ['CLOSED', 'EXPORTED'], to: 'EXPORTED' },
  'mark-paid': { from: ['EXPORTED'], to: 'PAID' },
} as const satisfies Workflow<EndorsementStatus>;

/** A transfer the bank executed and then returned (closed account, wrong holder): its amount is owed again. */
export const PAYOUT_WORKFLOW = {
  return: { from: ['PAID'], to: 'RETURNED' },
} as const satisfies Workflow<PayoutStatus>;

/**
 * SPEC §3 "Disputes": support opens a dispute (OPEN), takes it up (INVESTIGATING), and resolves it
 * with an outcome and an explanation, or cancels it; assigning it (to oneself or a colleague)
 * keeps its state. Deciding it is its assignee's, when it has one (or an ADMIN's).
 */
export const DISPUTE_WORKFLOW = {
  assign: { from: ['OPEN', 'INVESTIGATING'], to: null },
  investigate: { from: ['OPEN'], to: 'INVESTIGATING', holderOnly: true },
  resolve: { from: ['OPEN', 'INVESTIGATING'], to: 'RESOLVED', holderOnly: true },
  cancel: { from: ['OPEN', 'INVESTIGATING'], to: 'CANCELLED', holderOnly: true },
} as const satisfies Workflow<DisputeStatus>;

export const WORKFLOWS = {
  endorsements: ENDORSEMENT_WORKFLOW,
  payouts: PAYOUT_WORKFLOW,
  applications: APPLICATION_WORKFLOW,
  offers: OFFER_WORKFLOW,
  structures: STRUCTURE_WORKFLOW,
  orders: ORDER_WORKFLOW,
  passes: PASS_WORKFLOW,
  subscriptions: SUBSCRIPTION_WORKFLOW,
  disputes: DISPUTE_WORKFLOW,
} as const;

export type WorkflowResource = keyof typeof WORKFLOWS;
export type WorkflowAction<R extends WorkflowResource> = keyof (typeof WORKFLOWS)[R] & string;

function transition(resource: WorkflowResource, action: string): Transition<string> | undefined {
  const workflow: Workflow<string> = WORKFLOWS[resource];
  return Object.hasOwn(workflow, action) ? workflow[action] : undefined;
}

/** Whether this action may start from this state (and, given a role, whether the role may take it). */
export function allows(resource: WorkflowResource, action: string, state: unknown, role?: Role): boolean {
  const t = transition(resource, action);
  if (!t || typeof state !== 'string' || !t.from.includes(state)) return false;
  return !role || !t.roles || t.roles.includes(role);
}

/** The holder rule alone: nobody holds the record, the user does, or the user is an ADMIN. */
export function isHolderOrFree(holderId: string | null | undefined, user: { id: string; role: Role }): boolean {
  return !holderId || holderId === user.id || user.role === 'ADMIN';
}

/**
 * Whether this user may take this action on this record now: its state, the user's role, and for
 * a holder-only action, who holds it (`assigneeId`). What the server checks and the console shows.
 */
export function mayTake(
  resource: WorkflowResource,
  action: string,
  record: { status?: unknown; assigneeId?: string | null },
  user: { id: string; role: Role },
): boolean {
  if (!allows(resource, action, record.status, user.role)) return false;
  return !transition(resource, action)?.holderOnly || isHolderOrFree(record.assigneeId, user);
}

/** Whether the action is reserved to the record's holder (the console then names the holder). */
export function isHolderOnly(resource: WorkflowResource, action: string): boolean {
  return !!transition(resource, action)?.holderOnly;
}
