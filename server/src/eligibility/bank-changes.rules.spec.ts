import { bankChangeDecisionRefusal, bankFieldsChanged } from './bank-changes.rules';

describe('bankChangeDecisionRefusal (four eyes on bank details)', () => {
  const pending = { requestedById: 'reviewer-1', status: 'PENDING' };
  it.each([
    ['an ADMIN who did not ask', { id: 'admin-1', role: 'ADMIN' as const }, pending, null],
    ['a FINANCE officer who did not ask', { id: 'fin-1', role: 'FINANCE' as const }, pending, null],
    ['a REVIEWER', { id: 'reviewer-2', role: 'REVIEWER' as const }, pending, 403],
    ['a SUPPORT agent', { id: 'support-1', role: 'SUPPORT' as const }, pending, 403],
    ['the requester, even ADMIN', { id: 'reviewer-1', role: 'ADMIN' as const }, pending, 409],
    ['anyone when nothing is pending', { id: 'admin-1', role: 'ADMIN' as const }, null, 409],
    ['anyone when the change was already decided', { id: 'admin-1', role: 'ADMIN' as const }, { requestedById: 'x', status: 'CONFIRMED' }, 409],
  ])('%s → %s', (_name, user, change, status) => {
    expect(bankChangeDecisionRefusal(user, change)?.status ?? null).toBe(status);
  });

  it('tells the requester that another person must decide', () => {
    expect(bankChangeDecisionRefusal({ id: 'a', role: 'FINANCE' }, { requestedById: 'a', status: 'PENDING' })?.message).toMatch(/autre personne/);
  });
});

describe('bankFieldsChanged', () => {
  const current = { bankHolder: 'Asso', iban: 'FR7630004000031234567890143', bic: 'BNPAFRPPXXX' };
  it('is false when the edit sends the same details back (react-admin sends the whole record)', () => {
    expect(bankFieldsChanged(current, { ...current })).toBe(false);
    expect(bankFieldsChanged(current, {})).toBe(false);
  });
  it('is true when the IBAN, the BIC or the holder differs', () => {
    expect(bankFieldsChanged(current, { iban: 'FR1420041010050500013M02606' })).toBe(true);
    expect(bankFieldsChanged(current, { bic: 'PSSTFRPPPAR' })).toBe(true);
    expect(bankFieldsChanged(current, { bankHolder: 'Autre' })).toBe(true);
  });
});
