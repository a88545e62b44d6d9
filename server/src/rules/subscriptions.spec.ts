import { feesDueCents, KitBilling, nextPeriodStart, periodsStarted, planChange } from './subscriptions';

/** A stored day: 00:00 UTC of that Paris date (what billingStartOf gives). */
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** An instant in Paris time (winter: UTC+1, summer: UTC+2). */
const paris = (iso: string) => new Date(iso);

describe('billing periods started (Paris dates, start day included)', () => {
  it.each([
    // plan, billing start, up to, periods
    ['MONTHLY', '2026-01-15', '2026-01-14', 0], // before the start
    ['MONTHLY', '2026-01-15', '2026-01-15', 1], // the start day itself is billed
    ['MONTHLY', '2026-01-15', '2026-02-14', 1],
    ['MONTHLY', '2026-01-15', '2026-02-15', 2],
    ['MONTHLY', '2026-01-15', '2027-01-14', 12],
    ['MONTHLY', '2026-01-15', '2027-01-15', 13],
    // The 31st: the period starts on a shorter month's last day, then back on the 31st.
    ['MONTHLY', '2026-01-31', '2026-02-27', 1],
    ['MONTHLY', '2026-01-31', '2026-02-28', 2],
    ['MONTHLY', '2026-01-31', '2026-03-30', 2],
    ['MONTHLY', '2026-01-31', '2026-03-31', 3],
    ['MONTHLY', '2026-01-31', '2026-04-30', 4],
    ['MONTHLY', '2026-01-31', '2026-05-30', 4],
    ['MONTHLY', '2027-12-31', '2028-02-29', 3], // leap year: 31 Dec, 31 Jan, 29 Feb
    ['MONTHLY', '2026-03-30', '2026-04-29', 1],
    ['MONTHLY', '2026-03-30', '2026-04-30', 2],
    ['ANNUAL', '2026-03-01', '2026-03-01', 1],
    ['ANNUAL', '2026-03-01', '2027-02-28', 1],
    ['ANNUAL', '2026-03-01', '2027-03-01', 2],
    ['ANNUAL', '2026-03-01', '2036-03-01', 11],
    ['ANNUAL', '2028-02-29', '2029-02-27', 1], // 29 February: 28 February in other years
    ['ANNUAL', '2028-02-29', '2029-02-28', 2],
    ['ANNUAL', '2028-02-29', '2032-02-29', 5],
  ] as const)('%s from %s up to %s: %i', (plan, start, upTo, n) => {
    expect(periodsStarted(plan, day(start), day(upTo))).toBe(n);
  });

  it('reads "today" as the Paris date, not the UTC one', () => {
    // 14 February 23:30 UTC is already 15 February in Paris: the second month has begun.
    expect(periodsStarted('MONTHLY', day('2026-01-15'), new Date('2026-02-14T23:30:00Z'))).toBe(2);
    // 15 March 00:30 in Paris (summer time not yet): 14 March 23:30 UTC.
    expect(periodsStarted('MONTHLY', day('2026-02-15'), paris('2026-03-15T00:30:00+01:00'))).toBe(2);
    // Summer: 1 July 01:00 in Paris is 30 June 23:00 UTC.
    expect(periodsStarted('MONTHLY', day('2026-06-01'), paris('2026-07-01T01:00:00+02:00'))).toBe(2);
  });

  it('reads the billing start as a Paris date too, whatever the hour it was stored at', () => {
    expect(periodsStarted('MONTHLY', new Date('2026-01-14T23:30:00Z'), day('2026-02-14'))).toBe(1);
    expect(periodsStarted('MONTHLY', new Date('2026-01-14T23:30:00Z'), day('2026-02-15'))).toBe(2);
  });
});

describe('next period start', () => {
  it.each([
    ['MONTHLY', '2026-01-15', '2026-03-20', '2026-04-15'],
    ['MONTHLY', '2026-01-15', '2026-03-15', '2026-04-15'], // a period starting today has begun
    ['MONTHLY', '2026-01-31', '2026-02-10', '2026-02-28'],
    ['MONTHLY', '2026-01-15', '2026-01-01', '2026-01-15'], // before the start: the start
    ['ANNUAL', '2026-05-02', '2026-11-20', '2027-05-02'],
  ] as const)('%s from %s, after %s: %s', (plan, start, after, next) => {
    expect(nextPeriodStart(plan, day(start), day(after))).toEqual(day(next));
  });
});

describe('fees due so far (integer cents)', () => {
  const monthly: KitBilling = { plan: 'MONTHLY', status: 'ACTIVE', feeCents: 840, startedAt: day('2026-01-15'), cancelledAt: null };

  it.each<[string, string, number, KitBilling]>([
    ['a pending kit (no scan yet)', '2026-12-01', 0, { ...monthly, status: 'PENDING' as const, startedAt: null }],
    ['the first day', '2026-01-15', 840, monthly],
    ['three months in', '2026-04-01', 3 * 840, monthly],
    ['a year in', '2027-01-15', 13 * 840, monthly],
    ['an annual kit in its second year', '2027-02-01', 18_000, { ...monthly, plan: 'ANNUAL' as const, feeCents: 9000 }],
    ['a kit ended on 10 March', '2026-12-01', 2 * 840, { ...monthly, status: 'CANCELLED' as const, cancelledAt: paris('2026-03-10T16:00:00+01:00') }],
    ['a kit ended on a period start (that period began)', '2026-12-01', 3 * 840, { ...monthly, status: 'CANCELLED' as const, cancelledAt: paris('2026-03-15T09:00:00+01:00') }],
    ['a kit ended before any scan', '2026-12-01', 0, { ...monthly, status: 'CANCELLED' as const, startedAt: null, cancelledAt: day('2026-03-01') }],
  ])('%s, seen on %s: %i cents', (_what, today, cents, sub) => {
    expect(feesDueCents(sub, paris(`${today}T12:00:00+01:00`))).toBe(cents);
  });
});

describe('a plan change', () => {
  const monthly: KitBilling = { plan: 'MONTHLY', status: 'ACTIVE', feeCents: 840, startedAt: day('2026-01-15'), cancelledAt: null };
  const on = (iso: string) => paris(`${iso}T12:00:00+01:00`);

  it('before billing started, simply replaces the plan and fee', () => {
    expect(planChange({ ...monthly, status: 'PENDING', startedAt: null }, 'ANNUAL', 9000, on('2026-02-01'))).toEqual({ plan: 'ANNUAL', feeCents: 9000, earlierPlansFeesCents: 0, planFrom: null });
  });

  it('keeps the months begun billed and starts the annual plan when the current month ends', () => {
    const change = planChange(monthly, 'ANNUAL', 9000, on('2026-03-20'));
    expect(change).toEqual({ plan: 'ANNUAL', feeCents: 9000, earlierPlansFeesCents: 3 * 840, planFrom: day('2026-04-15') });
    const after = { ...monthly, ...change };
    expect(feesDueCents(after, on('2026-04-14'))).toBe(3 * 840);
    expect(feesDueCents(after, on('2026-04-15'))).toBe(3 * 840 + 9000);
    expect(feesDueCents(after, on('2027-04-15'))).toBe(3 * 840 + 2 * 9000);
  });

  it('from annual to monthly, keeps the year paid and bills months from its end', () => {
    const annual: KitBilling = { ...monthly, plan: 'ANNUAL', feeCents: 9000 };
    const after = { ...annual, ...planChange(annual, 'MONTHLY', 840, on('2026-06-01')) };
    expect(after.planFrom).toEqual(day('2027-01-15'));
    expect(feesDueCents(after, on('2026-12-31'))).toBe(9000);
    expect(feesDueCents(after, on('2027-02-15'))).toBe(9000 + 2 * 840);
  });

  it('changed twice before the boundary, bills nothing twice', () => {
    const once = { ...monthly, ...planChange(monthly, 'ANNUAL', 9000, on('2026-03-20')) };
    const twice = { ...once, ...planChange(once, 'MONTHLY', 840, on('2026-03-25')) };
    expect(twice).toEqual(expect.objectContaining({ earlierPlansFeesCents: 3 * 840, planFrom: day('2026-04-15') }));
    expect(feesDueCents(twice, on('2026-05-15'))).toBe(5 * 840);
  });
});
