import { allows, isHolderOnly, mayTake } from './workflows';

describe('workflow tables', () => {
  const julien = { id: 'u-julien', role: 'REVIEWER' as const };
  const sophie = { id: 'u-sophie', role: 'REVIEWER' as const };
  const nadia = { id: 'u-nadia', role: 'ADMIN' as const };
  const claimed = { status: 'IN_REVIEW', assigneeId: julien.id };

  it('leaves the decisions of a claimed application to its holder (or an ADMIN)', () => {
    for (const action of ['approve', 'hold', 'reject']) {
      expect(isHolderOnly('applications', action)).toBe(true);
      expect(mayTake('applications', action, claimed, julien)).toBe(true);
      expect(mayTake('applications', action, claimed, sophie)).toBe(false);
      expect(mayTake('applications', action, claimed, nadia)).toBe(true);
    }
    expect(mayTake('applications', 'approve', { status: 'IN_REVIEW', assigneeId: null }, sophie)).toBe(true);
  });

  it('reassigns only a claimed application, by a reviewer or an ADMIN', () => {
    expect(mayTake('applications', 'reassign', claimed, sophie)).toBe(true);
    expect(mayTake('applications', 'reassign', { status: 'ON_HOLD', assigneeId: julien.id }, sophie)).toBe(true);
    expect(mayTake('applications', 'reassign', { status: 'SUBMITTED', assigneeId: null }, sophie)).toBe(false);
    expect(mayTake('applications', 'reassign', { status: 'APPROVED', assigneeId: julien.id }, nadia)).toBe(false);
    expect(allows('applications', 'reassign', 'IN_REVIEW', 'FINANCE')).toBe(false);
  });

  it('knows no action outside the tables', () => {
    expect(mayTake('applications', 'toString', claimed, nadia)).toBe(false);
    expect(mayTake('offers', 'approve', { status: 'PENDING_REVIEW' }, sophie)).toBe(true);
  });
});
