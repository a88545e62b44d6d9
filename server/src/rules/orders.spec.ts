import { acceptedUntilOf, bookletNumberOf, dueCents, isExpiredAt, orderAmounts, parseBookletNumber } from './orders';

describe('order amounts (integer cents, half-up)', () => {
  it.each([
    // booklets, pass value, face, fee (4 %), VAT on the fee (20 %), total
    [1, 1000, 10_000, 400, 80, 10_480],
    [100, 1000, 1_000_000, 40_000, 8_000, 1_048_000],
    [5000, 1000, 50_000_000, 2_000_000, 400_000, 52_400_000],
    [1, 103, 1030, 41, 8, 1079], // fee 41.2 → 41, VAT 8.2 → 8
    [1, 113, 1130, 45, 9, 1184], // fee 45.2 → 45, VAT 9.0
    [1, 138, 1380, 55, 11, 1446], // fee 55.2 → 55, VAT 11.0
    [1, 137, 1370, 55, 11, 1436], // fee 54.8 → 55 (half-up), VAT 11.0
    [3, 125, 3750, 150, 30, 3930],
  ])('%i booklet(s) at %i cents: face %i, fee %i, VAT %i, total %i', (booklets, value, face, fee, vat, total) => {
    expect(orderAmounts(booklets, value)).toEqual({ faceValueCents: face, upstreamFeeRateBp: 400, upstreamFeeCents: fee, vatRateBp: 2000, vatCents: vat, totalCents: total });
  });

  it('takes the VAT rate of the configuration', () => {
    expect(orderAmounts(1, 1000, 400, 550).vatCents).toBe(22); // 5.5 % of 4.00 € = 0.22 €
    expect(orderAmounts(1, 1000, 400, 0)).toEqual(expect.objectContaining({ vatCents: 0, totalCents: 10_400 }));
  });

  it('refuses non-integers', () => {
    expect(() => orderAmounts(1.5, 1000)).toThrow();
    expect(() => orderAmounts(1, 10.5)).toThrow();
  });

  it('never shows a negative amount due', () => {
    expect(dueCents({ totalCents: 10_480, paidCents: 4_000 })).toBe(6_480);
    expect(dueCents({ totalCents: 10_480, paidCents: 10_480 })).toBe(0);
    expect(dueCents({ totalCents: 10_480, paidCents: 11_000 })).toBe(0);
  });
});

describe('expiry at the Paris date (valid until 31 December, accepted until 31 January)', () => {
  it.each([
    ['2027-01-31T22:30:00Z', false], // 23:30 in Paris on 31 January: still accepted
    ['2027-01-31T22:59:59.999Z', false], // the last millisecond of 31 January in Paris
    ['2027-01-31T23:00:00Z', true], // midnight in Paris: 1 February
    ['2027-01-31T23:30:00Z', true], // 00:30 on 1 February in Paris
    ['2026-12-31T23:30:00Z', false], // 1 January: grace month
    ['2026-06-15T10:00:00Z', false],
  ])('a 2026 pass at %s is expired: %s', (instant, expired) => {
    expect(isExpiredAt(2026, new Date(instant))).toBe(expired);
  });

  it('ends the grace day at 23:59:59.999 Paris, in winter time (UTC+1)', () => {
    expect(acceptedUntilOf(2026).toISOString()).toBe('2027-01-31T22:59:59.999Z');
    expect(acceptedUntilOf(2030).toISOString()).toBe('2031-01-31T22:59:59.999Z');
  });
});

describe('booklet numbers', () => {
  it('prints C-year-sequence on six digits, so they sort as text', () => {
    expect(bookletNumberOf(2027, 42)).toBe('C-2027-000042');
    expect([bookletNumberOf(2027, 100), bookletNumberOf(2027, 99)].sort()).toEqual(['C-2027-000099', 'C-2027-000100']);
    expect(() => bookletNumberOf(2027, 0)).toThrow();
    expect(() => bookletNumberOf(2027, 1_000_000)).toThrow();
  });

  it.each([
    ['C-2027-000042', { year: 2027, sequence: 42 }],
    [' c-2027-000042 ', { year: 2027, sequence: 42 }],
    ['C-2027-42', null],
    ['C-2027-000000', null],
    ['2027-000042', null],
    ['C-2027-000042; DROP TABLE', null],
    [42, null],
  ])('reads %p as %p', (text, parsed) => {
    expect(parseBookletNumber(text)).toEqual(parsed);
  });
});
