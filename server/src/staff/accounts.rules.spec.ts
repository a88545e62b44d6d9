import { accountAction, AccountChange, endsSessions, selfLockout } from './accounts.rules';

const active = { role: 'REVIEWER', active: true } as const;
const inactive = { role: 'REVIEWER', active: false } as const;

describe('staff account rules', () => {
  it.each<[string, string, AccountChange, boolean]>([
    ['deactivating oneself', 'me', { active: false }, true],
    ['changing one’s own role', 'me', { role: 'SUPPORT' }, true],
    ['restating one’s own role', 'me', { role: 'ADMIN' }, false],
    ['changing one’s own password', 'me', { password: true }, false],
    ['deactivating someone else', 'other', { active: false }, false],
  ])('%s locks oneself out: %s', (_case, accountId, change, locked) => {
    expect(selfLockout(accountId, change, { id: 'me', role: 'ADMIN' })).toBe(locked);
  });

  it.each<[string, typeof active | typeof inactive, AccountChange, boolean, string]>([
    ['deactivation', active, { active: false }, true, 'deactivate'],
    ['deactivating an inactive account', inactive, { active: false }, false, 'update'],
    ['reactivation', inactive, { active: true }, false, 'reactivate'],
    ['a new role', active, { role: 'SUPPORT' }, true, 'update'],
    ['the same role', active, { role: 'REVIEWER' }, false, 'update'],
    ['a new password', active, { password: true }, true, 'update'],
    ['nothing', active, {}, false, 'update'],
  ])('%s: ends sessions %s, logged as %s', (_case, before, change, ends, action) => {
    expect(endsSessions(before, change)).toBe(ends);
    expect(accountAction(before, change)).toBe(action);
  });
});
