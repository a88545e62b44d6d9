import { DateTime } from 'luxon';
import { parsePeriod, parsePreparationKey, preparationKey, previousMonth } from '../endorsement/period';
import { feesDueCents, type KitBilling } from './subscriptions';
import { carriedFrom, statementHasContent, statementTotals } from './statements';

const paris = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Paris' }).toJSDate();
const none = { subscriptionDueCents: 0, subscriptionChargedCents: 0, adjustmentsCents: 0, previousNetCents: null };
/** The month's last instant: what the statement of that month bills the kit up to. */
const lastInstant = (period: string) => {
  const p = parsePeriod(period, paris('2030-01-01T00:00'));
  if (!p.ok) throw new Error(p.error);
  return new Date(p.params.periodEnd.getTime() - 1);
};

describe('a statement’s downstream fee (4 % of gross, half-up to the cent)', () => {
  it.each([
    ['one pass', 1000, 40],
    ['37 passes', 37_000, 1480],
    ['nothing endorsed', 0, 0],
    // 4 % of an amount is that amount / 25: below ,50 of a cent it rounds down, from ,52 up.
    ['100,12 € (400,48 c)', 10_012, 400],
    ['100,13 € (400,52 c)', 10_013, 401],
    ['a month of the biggest structure, 2 500 passes', 2_500_000, 100_000],
  ])('%s: gross %i c, fee %i c', (_name, gross, fee) => {
    const t = statementTotals({ grossCents: gross, ...none });
    expect(t.feeCents).toBe(fee);
    expect(t.netCents).toBe(gross - fee);
    expect(t.payableCents).toBe(gross - fee);
  });
});

describe('a kit started mid-month', () => {
  // Ordered in October, first accepted scan on 15 November (Paris): billed from that day, monthly.
  const kit: KitBilling = { plan: 'MONTHLY', status: 'ACTIVE', feeCents: 840, startedAt: new Date('2026-11-15T00:00:00Z'), cancelledAt: null };

  it('charges one month on November’s statement (the month begun on the 15th), then one on December’s', () => {
    const november = statementTotals({ grossCents: 3000, subscriptionDueCents: feesDueCents(kit, lastInstant('2026-11')), subscriptionChargedCents: 0, adjustmentsCents: 0, previousNetCents: null });
    // 3 passes: 30,00 € − 1,20 € of fee − 8,40 € of kit = 20,40 €.
    expect(november).toEqual({ grossCents: 3000, feeCents: 120, subscriptionCents: 840, adjustmentsCents: 0, carriedCents: 0, netCents: 2040, payableCents: 2040 });
    const december = statementTotals({ grossCents: 1000, subscriptionDueCents: feesDueCents(kit, lastInstant('2026-12')), subscriptionChargedCents: 840, adjustmentsCents: 0, previousNetCents: 2040 });
    // Two months begun by 31 December (15 Nov, 15 Dec), one charged already: 10,00 − 0,40 − 8,40 = 1,20 €.
    expect(december).toEqual({ grossCents: 1000, feeCents: 40, subscriptionCents: 840, adjustmentsCents: 0, carriedCents: 0, netCents: 120, payableCents: 120 });
  });

  it('catches up months with no statement: February charges January’s and February’s fees', () => {
    const february = statementTotals({ grossCents: 2000, subscriptionDueCents: feesDueCents(kit, lastInstant('2027-02')), subscriptionChargedCents: 2 * 840, adjustmentsCents: 0, previousNetCents: 120 });
    // Begun by 28 February: 15 Nov, 15 Dec, 15 Jan, 15 Feb = 4 × 8,40; 2 charged; 20,00 − 0,80 − 16,80 = 2,40 €.
    expect(february.subscriptionCents).toBe(1680);
    expect(february.netCents).toBe(240);
  });

  it('charges nothing before the first accepted scan (kit ordered, still pending)', () => {
    const pending: KitBilling = { ...kit, status: 'PENDING', startedAt: null };
    expect(statementTotals({ grossCents: 0, subscriptionDueCents: feesDueCents(pending, lastInstant('2026-11')), subscriptionChargedCents: 0, adjustmentsCents: 0, previousNetCents: null }).subscriptionCents).toBe(0);
  });
});

describe('a negative net', () => {
  it('pays nothing and is carried to the next statement, which deducts it', () => {
    // An annual kit (90,00 €) charged in full on the first month, with only 2 passes endorsed.
    const november = statementTotals({ grossCents: 2000, subscriptionDueCents: 9000, subscriptionChargedCents: 0, adjustmentsCents: 0, previousNetCents: null });
    // 20,00 − 0,80 − 90,00 = −70,80 €: nothing to pay.
    expect(november).toEqual({ grossCents: 2000, feeCents: 80, subscriptionCents: 9000, adjustmentsCents: 0, carriedCents: 0, netCents: -7080, payableCents: 0 });
    const december = statementTotals({ grossCents: 10_000, subscriptionDueCents: 9000, subscriptionChargedCents: 9000, adjustmentsCents: 0, previousNetCents: november.netCents });
    // 100,00 − 4,00 − 0 − 70,80 carried = 25,20 €.
    expect(december).toEqual({ grossCents: 10_000, feeCents: 400, subscriptionCents: 0, adjustmentsCents: 0, carriedCents: -7080, netCents: 2520, payableCents: 2520 });
  });

  it('stays carried while it is not absorbed, and a positive net is never carried', () => {
    const january = statementTotals({ grossCents: 1000, subscriptionDueCents: 0, subscriptionChargedCents: 0, adjustmentsCents: 0, previousNetCents: -7080 });
    expect(january.netCents).toBe(1000 - 40 - 7080);
    expect(january.payableCents).toBe(0);
    expect(carriedFrom(2520)).toBe(0);
    expect(carriedFrom(null)).toBe(0);
    expect(carriedFrom(-1)).toBe(-1);
  });
});

describe('adjustments', () => {
  it('deduct a positive adjustment (a voided scan already paid) and add a negative one', () => {
    expect(statementTotals({ grossCents: 5000, subscriptionDueCents: 0, subscriptionChargedCents: 0, adjustmentsCents: 1000, previousNetCents: null }).netCents).toBe(5000 - 200 - 1000);
    expect(statementTotals({ grossCents: 5000, subscriptionDueCents: 0, subscriptionChargedCents: 0, adjustmentsCents: -500, previousNetCents: null }).netCents).toBe(5000 - 200 + 500);
  });

  it('can make a statement on their own, without passes; a carried balance alone cannot', () => {
    const alone = statementTotals({ grossCents: 0, subscriptionDueCents: 0, subscriptionChargedCents: 0, adjustmentsCents: 1000, previousNetCents: null });
    expect(alone.netCents).toBe(-1000);
    expect(statementHasContent(alone)).toBe(true);
    expect(statementHasContent(statementTotals({ grossCents: 0, ...none, previousNetCents: -500 }))).toBe(false);
  });
});

describe('payouts that never reached the structure (withheld, returned)', () => {
  it('are carried into the next statement on top of a negative balance: 120,00 € returned − 20,00 € owed = 100,00 € carried', () => {
    const t = statementTotals({ grossCents: 3000, ...none, previousNetCents: -2000, unpaidPayoutsCents: 12000 });
    // 30,00 € gross − 1,20 € fee − 20,00 € owed + 120,00 € returned
    expect(t).toEqual(expect.objectContaining({ carriedCents: 10000, netCents: 3000 - 120 + 10000, payableCents: 12880 }));
  });

  it('make a statement on their own, to be paid again', () => {
    const alone = statementTotals({ grossCents: 0, ...none, previousNetCents: 4500, unpaidPayoutsCents: 4500 });
    expect(alone).toEqual(expect.objectContaining({ carriedCents: 4500, netCents: 4500, payableCents: 4500 }));
    expect(statementHasContent(alone)).toBe(true);
  });

  it('are never negative', () => {
    expect(() => statementTotals({ grossCents: 0, ...none, previousNetCents: null, unpaidPayoutsCents: -1 })).toThrow(/positif/);
  });
});

describe('what the arithmetic refuses', () => {
  it.each([
    ['fractions of a cent', { grossCents: 1000.5 }],
    ['a negative gross', { grossCents: -1000 }],
    ['NaN', { grossCents: Number.NaN }],
    ['a fee charged that is not a number', { grossCents: 1000, subscriptionChargedCents: Number.POSITIVE_INFINITY }],
  ])('%s', (_name, input) => {
    expect(() => statementTotals({ ...none, ...input })).toThrow();
  });
});

describe('the period of a run', () => {
  const now = paris('2026-12-03T10:00');

  it('is a Paris calendar month: bounds at Paris midnight, summer and winter time alike', () => {
    expect(parsePeriod('2026-10', now)).toEqual({ ok: true, params: { period: '2026-10', periodStart: new Date('2026-09-30T22:00:00Z'), periodEnd: new Date('2026-10-31T23:00:00Z') } });
    expect(parsePeriod('2026-11', now)).toEqual({ ok: true, params: { period: '2026-11', periodStart: new Date('2026-10-31T23:00:00Z'), periodEnd: new Date('2026-11-30T23:00:00Z') } });
  });

  it('is last month by default, also on the night of the 1st in Paris when UTC is still in the month before', () => {
    expect(previousMonth(now)).toBe('2026-11');
    expect(previousMonth(new Date('2026-11-30T23:30:00Z'))).toBe('2026-11'); // 00:30 on 1 December in Paris
    expect(previousMonth(new Date('2027-01-01T01:00:00Z'))).toBe('2026-12');
  });

  it.each([
    ['the month under way', '2026-12', /n’est pas terminé/],
    ['a future month', '2027-03', /n’est pas terminé/],
    ['year 0001', '0001-01', /antérieur à 2000/],
    ['month 13', '2026-13', /n’est pas un mois AAAA-MM/],
    ['a day', '2026-11-01', /n’est pas un mois AAAA-MM/],
    ['an injection-looking string', "2026-11'; DROP TABLE \"Statement\"; --", /n’est pas un mois AAAA-MM/],
  ])('refuses %s (%s) in French', (_name, key, message) => {
    const check = parsePeriod(key, now);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.error).toMatch(message);
  });

  it('names each preparation of a month: the first is the month, recomputations .r2, .r3…', () => {
    expect(preparationKey('2026-11', 1)).toBe('2026-11');
    expect(preparationKey('2026-11', 3)).toBe('2026-11.r3');
    expect(parsePreparationKey('2026-11.r3', now)).toEqual(expect.objectContaining({ ok: true, params: expect.objectContaining({ period: '2026-11', revision: 3 }) }));
    expect(parsePreparationKey('2026-11', now)).toEqual(expect.objectContaining({ ok: true, params: expect.objectContaining({ revision: 1 }) }));
    for (const bad of ['2026-11.r1', '2026-11.r0', '2026-11.x2', '2026-11.r2.r3', '2026-12.r2']) expect(parsePreparationKey(bad, now).ok).toBe(false);
  });
});
