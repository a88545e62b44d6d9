import { accessOf, REPORT_NAMES, RESOURCE_NAMES, ResourceName, seesFullIban } from '../auth/permissions';
import { maskIban } from '../rest/masking';
import { ResourceDefinition } from '../rest/resource-definition';

function maskSnapshot(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const out = { ...(value as Record<string, unknown>) };
  if ('iban' in out) out.iban = maskIban(out.iban);
  return out;
}

/** Audit events are readable on the records (and reports: the nightly reconciliation's figures) one can read; never writable by any API. */
export const auditEventsResource: ResourceDefinition<'AuditEvent'> = {
  name: 'audit-events',
  model: 'AuditEvent',
  search: ['actorName', 'action', 'resource', 'recordId'],
  defaultSort: ['createdAt', 'DESC'],
  scope: (user) => ({ resource: { in: [...RESOURCE_NAMES, ...REPORT_NAMES].filter((r) => accessOf(user.role, r) !== undefined) } }),
  present: (record, user) =>
    seesFullIban(user.role, record.resource as ResourceName)
      ? record
      : { ...record, before: maskSnapshot(record.before), after: maskSnapshot(record.after) },
};
