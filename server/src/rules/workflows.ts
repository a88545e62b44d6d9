/**
 * The workflows of SPEC §3, one table each: for an action, the states it starts from, the state it
 * leads to, and the roles allowed when narrower than "writes the resource" (role matrix). The
 * server's services apply these tables, and the console imports this same file to show a button
 * only when the record's state and the user's role allow it. No imports but types: the console's
 * Vite build bundles it as it is.
 */
import type { ApplicationStatus, OfferStatus, Role, StructureStatus } from '../generated/prisma/enums';

export interface Transition<S extends string> {
  from: readonly S[];
  /** The state reached; null when the action leaves the state as it is (a new partner key). */
  to: S | null;
  /** Only these roles (besides the resource's write permission). */
  roles?: readonly Role[];
}

type Workflow<S extends string> = Record<string, Transition<S>>;

export const APPLICATION_WORKFLOW = {
  claim: { from: ['SUBMITTED'], to: 'IN_REVIEW' },
  hold: { from: ['IN_REVIEW'], to: 'ON_HOLD' },
  approve: { from: ['IN_REVIEW'], to: 'APPROVED' },
  reject: { from: ['IN_REVIEW', 'ON_HOLD'], to: 'REJECTED' },
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

export const WORKFLOWS = {
  applications: APPLICATION_WORKFLOW,
  offers: OFFER_WORKFLOW,
  structures: STRUCTURE_WORKFLOW,
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
