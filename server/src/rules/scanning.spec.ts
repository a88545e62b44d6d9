import { barcodeFromSerial } from './barcode';
import { acceptedUntilOf } from './orders';
import { billingStartOf, evaluateRedemption, PassForScan, RedemptionContext, scanMessage } from './scanning';

const at = (iso: string) => new Date(iso);
const ctx = (over: Partial<RedemptionContext> = {}): RedemptionContext => ({
  structureId: 's1',
  structureStatus: 'ELIGIBLE',
  hasSubscription: true,
  offer: { structureId: 's1', status: 'APPROVED', priceCents: 1000 },
  departement: '33',
  now: at('2026-12-03T10:00:00Z'),
  ...over,
});
let serial = 0;
const pass = (over: Partial<PassForScan> = {}): PassForScan => {
  serial += 1;
  return {
    id: `p${serial}`,
    barcode: barcodeFromSerial(String(serial).padStart(11, '0')),
    bookletId: `b${serial}`,
    status: 'ACTIVE',
    faceValueCents: 1000,
    acceptedUntil: acceptedUntilOf(2026),
    allowedDepartements: [],
    validFrom: null,
    validUntil: null,
    ...over,
  };
};
const judge = (c: RedemptionContext, passes: PassForScan[], barcodes = passes.map((p) => p.barcode)) =>
  evaluateRedemption(c, barcodes, new Map(passes.map((p) => [p.barcode, p])));
const reasons = (v: ReturnType<typeof judge>) => v.scans.map((s) => s.reason);

describe('evaluateRedemption', () => {
  it('accepts active passes up to the price, with their value', () => {
    const v = judge(ctx(), [pass()]);
    expect(v).toEqual(expect.objectContaining({ accepted: true, totalValueCents: 1000 }));
    expect(judge(ctx({ offer: { structureId: 's1', status: 'APPROVED', priceCents: 1500 } }), [pass(), pass()]).totalValueCents).toBe(2000);
  });

  it.each([
    // [price, passes, reasons]: more than ceil(price / 10 €) passes is too many
    [1000, 1, [null]],
    [1000, 2, [null, 'TOO_MANY_PASSES']],
    [1500, 2, [null, null]],
    [1500, 3, [null, null, 'TOO_MANY_PASSES']],
    [2000, 2, [null, null]],
    [2000, 3, [null, null, 'TOO_MANY_PASSES']],
    [500, 1, [null]],
    [500, 2, [null, 'TOO_MANY_PASSES']],
  ])('a %i-cent service takes ceil(price / pass value) passes (%i sent)', (price, n, expected) => {
    const passes = Array.from({ length: n }, () => pass());
    expect(reasons(judge(ctx({ offer: { structureId: 's1', status: 'APPROVED', priceCents: price } }), passes))).toEqual(expected);
  });

  it('puts the request’s own reason on every barcode, in order: structure, offer owner, offer state, kit', () => {
    const p = [pass(), pass()];
    expect(reasons(judge(ctx({ structureStatus: 'SUSPENDED', hasSubscription: false, offer: null }), p))).toEqual(['STRUCTURE_NOT_ELIGIBLE', 'STRUCTURE_NOT_ELIGIBLE']);
    expect(reasons(judge(ctx({ offer: { structureId: 's2', status: 'PENDING_REVIEW', priceCents: 1000 }, hasSubscription: false }), p))).toEqual(['OFFER_NOT_OWNED', 'OFFER_NOT_OWNED']);
    expect(reasons(judge(ctx({ offer: { structureId: 's1', status: 'PENDING_REVIEW', priceCents: 1000 }, hasSubscription: false }), p))).toEqual(['OFFER_NOT_APPROVED', 'OFFER_NOT_APPROVED']);
    expect(reasons(judge(ctx({ hasSubscription: false }), p))).toEqual(['NO_SUBSCRIPTION', 'NO_SUBSCRIPTION']);
  });

  it.each([
    ['CANCELLED', 'PASS_CANCELLED'],
    ['REDEEMED', 'PASS_ALREADY_USED'],
    ['ENDORSED', 'PASS_ALREADY_USED'],
    ['PAID', 'PASS_ALREADY_USED'],
    ['EXPIRED', 'PASS_EXPIRED'],
    ['INACTIVE', 'PASS_INACTIVE'],
  ] as const)('refuses a %s pass with %s', (status, reason) => {
    expect(reasons(judge(ctx(), [pass({ status })]))).toEqual([reason]);
  });

  it('says when and where a used pass was used, in Paris time', () => {
    const v = judge(ctx(), [pass({ status: 'REDEEMED', used: { scannedAt: at('2026-11-03T09:02:00Z'), structureName: 'EPN Talence', serviceLabel: 'Atelier mail' } })]);
    expect(v.scans[0].detail).toBe('Déjà utilisé le 03/11/2026 à 10:02 chez EPN Talence (Atelier mail).');
  });

  it('expires at the Paris date: 31 January 22:30 UTC still accepted, 23:30 UTC expired', () => {
    const p = pass({ acceptedUntil: acceptedUntilOf(2026) });
    expect(reasons(judge(ctx({ now: at('2027-01-31T22:30:00Z') }), [p]))).toEqual([null]);
    expect(reasons(judge(ctx({ now: at('2027-01-31T23:30:00Z') }), [p]))).toEqual(['PASS_EXPIRED']);
  });

  it('applies the order’s date window and départements', () => {
    const window = { validFrom: at('2026-12-01T23:00:00Z'), validUntil: at('2026-12-31T22:59:59.999Z') };
    expect(reasons(judge(ctx({ now: at('2026-12-01T22:59:00Z') }), [pass(window)]))).toEqual(['PASS_INACTIVE']);
    expect(reasons(judge(ctx({ now: at('2026-12-01T23:00:00Z') }), [pass(window)]))).toEqual([null]);
    expect(reasons(judge(ctx({ now: at('2026-12-31T23:00:00Z') }), [pass(window)]))).toEqual(['PASS_EXPIRED']);
    expect(reasons(judge(ctx({ departement: '33' }), [pass({ allowedDepartements: ['33', '40'] })]))).toEqual([null]);
    expect(reasons(judge(ctx({ departement: '2A' }), [pass({ allowedDepartements: ['33', '40'] })]))).toEqual(['OUT_OF_AREA']);
  });

  it('refuses a mistyped barcode, an unknown one, a repeated one and a second pass of one booklet', () => {
    const p = pass();
    const sibling = pass({ bookletId: p.bookletId });
    const price = ctx({ offer: { structureId: 's1', status: 'APPROVED', priceCents: 3000 } });
    const mistyped = p.barcode.slice(0, 12) + String((Number(p.barcode[12]) + 1) % 10);
    expect(reasons(judge(price, [p, sibling], [mistyped, barcodeFromSerial('99999999999'), p.barcode, p.barcode, sibling.barcode]))).toEqual([
      'INVALID_BARCODE',
      'UNKNOWN_PASS',
      null,
      'DUPLICATE_IN_REQUEST',
      'SAME_BOOKLET',
    ]);
  });

  it('is all or nothing: nothing is encashed when one barcode is refused', () => {
    const v = judge(ctx({ offer: { structureId: 's1', status: 'APPROVED', priceCents: 2000 } }), [pass()], [pass().barcode]);
    expect(v.accepted).toBe(false);
    const both = judge(ctx({ offer: { structureId: 's1', status: 'APPROVED', priceCents: 2000 } }), [pass(), pass({ status: 'CANCELLED' })]);
    expect(both.accepted).toBe(false);
    expect(both.totalValueCents).toBe(0);
    expect(both.scans.map((s) => s.valueCents)).toEqual([0, 0]);
    expect(scanMessage(both.scans[0].reason, both.scans[0].detail, false)).toContain('Non encaissé');
  });
});

describe('billingStartOf', () => {
  it.each([
    ['2026-12-03T10:00:00Z', '2026-12-03'],
    ['2026-12-03T23:30:00Z', '2026-12-04'], // after midnight in Paris
    ['2026-06-30T22:30:00Z', '2026-07-01'], // summer time
  ])('%s starts billing on %s', (scan, day) => {
    expect(billingStartOf(at(scan)).toISOString()).toBe(`${day}T00:00:00.000Z`);
  });
});
