import { allows } from './workflows';

describe('workflow transition tables', () => {
  it.each([
    // Catalogue moderation (SPEC §3): a reviewer decides offers waiting in the queue.
    ['offers', 'approve', 'PENDING_REVIEW', undefined, true],
    ['offers', 'approve', 'CHANGES_REQUESTED', undefined, false],
    ['offers', 'approve', 'APPROVED', undefined, false],
    ['offers', 'approve', 'REJECTED', undefined, false],
    ['offers', 'reject', 'APPROVED', undefined, true],
    ['offers', 'reject', 'CHANGES_REQUESTED', undefined, true],
    ['offers', 'reject', 'REJECTED', undefined, false],
    ['offers', 'request-changes', 'PENDING_REVIEW', undefined, true],
    ['offers', 'request-changes', 'REJECTED', undefined, false],
    // Applications.
    ['applications', 'claim', 'SUBMITTED', undefined, true],
    ['applications', 'claim', 'IN_REVIEW', undefined, false],
    ['applications', 'approve', 'IN_REVIEW', undefined, true],
    ['applications', 'approve', 'ON_HOLD', undefined, false],
    ['applications', 'hold', 'IN_REVIEW', undefined, true],
    ['applications', 'reject', 'ON_HOLD', undefined, true],
    ['applications', 'reject', 'APPROVED', undefined, false],
    ['applications', 'reply', 'ON_HOLD', undefined, true],
    ['applications', 'reply', 'IN_REVIEW', undefined, false],
    // Structures: suspension, reinstatement, partner keys (ADMIN only).
    ['structures', 'suspend', 'ELIGIBLE', 'REVIEWER', true],
    ['structures', 'suspend', 'SUSPENDED', 'ADMIN', false],
    ['structures', 'reinstate', 'SUSPENDED', 'REVIEWER', true],
    ['structures', 'reinstate', 'APPLICANT', 'ADMIN', false],
    ['structures', 'reissue-api-key', 'ELIGIBLE', 'ADMIN', true],
    ['structures', 'reissue-api-key', 'ELIGIBLE', 'REVIEWER', false],
    ['structures', 'reissue-api-key', 'APPLICANT', 'ADMIN', false],
  ] as const)('%s: %s from %s (role %s) is allowed: %s', (resource, action, state, role, allowed) => {
    expect(allows(resource, action, state, role)).toBe(allowed);
  });

  it.each([
    ['an unknown action', 'offers', 'publish', 'PENDING_REVIEW'],
    ['an inherited property name', 'offers', 'constructor', 'PENDING_REVIEW'],
    ['a state that is not a text', 'offers', 'approve', ['PENDING_REVIEW']],
    ['no state', 'applications', 'claim', undefined],
  ] as const)('refuses %s', (_what, resource, action, state) => {
    expect(allows(resource, action, state)).toBe(false);
  });
});
