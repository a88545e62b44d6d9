import { beneficiaryImpact, checkOffer, needsRecheck, OfferCheckInput } from './offer-checks';

const clean: OfferCheckInput = { priceCents: 1000, recommendedPriceCents: 1000, referentialActive: true, duplicateOfferExists: false, structureUnderReview: false };

describe('automatic offer checks', () => {
  it.each<[string, Partial<OfferCheckInput>, string[]]>([
    ['exactly the regulated 10 €', {}, []],
    ['under the recommended price, a multiple of a pass', { priceCents: 1000, recommendedPriceCents: 2000 }, []],
    ['20 € when 20 € is recommended', { priceCents: 2000, recommendedPriceCents: 2000 }, []],
    ['above the recommended price', { priceCents: 2000 }, ['PRICE_ABOVE_RECOMMENDED']],
    ['not a multiple of a pass', { priceCents: 500 }, ['PRICE_NOT_MULTIPLE_OF_PASS']],
    ['above and not a multiple', { priceCents: 1500 }, ['PRICE_ABOVE_RECOMMENDED', 'PRICE_NOT_MULTIPLE_OF_PASS']],
    ['one cent above', { priceCents: 1001 }, ['PRICE_ABOVE_RECOMMENDED', 'PRICE_NOT_MULTIPLE_OF_PASS']],
    ['an inactive referential service', { referentialActive: false }, ['REFERENTIAL_INACTIVE']],
    ['a second offer on one service', { duplicateOfferExists: true }, ['DUPLICATE_OFFER']],
    ['a structure under review', { structureUnderReview: true }, ['NEEDS_MANUAL_REVIEW']],
    [
      'everything wrong at once',
      { priceCents: 1250, referentialActive: false, duplicateOfferExists: true, structureUnderReview: true },
      ['PRICE_ABOVE_RECOMMENDED', 'PRICE_NOT_MULTIPLE_OF_PASS', 'REFERENTIAL_INACTIVE', 'DUPLICATE_OFFER', 'NEEDS_MANUAL_REVIEW'],
    ],
  ])('%s', (_name, change, flags) => {
    expect(checkOffer({ ...clean, ...change })).toEqual(flags);
  });
});

describe('what a price means for a beneficiary', () => {
  it.each([
    [1000, 1000, 0, 1, 0, '1 pass, sans reste à charge.'],
    [2000, 1000, 1000, 2, 0, '2 pass, sans reste à charge.'],
    [1500, 1000, 500, 2, 500, '1 pass et 5,00 € à la charge du bénéficiaire (ou 2 pass, soit 5,00 € de plus que le prix).'],
    [800, 1000, -200, 1, 800, '0 pass et 8,00 € à la charge du bénéficiaire (ou 1 pass, soit 2,00 € de plus que le prix).'],
  ])('%i cents (recommended %i)', (price, recommended, difference, passes, remaining, summary) => {
    const impact = beneficiaryImpact(price, recommended);
    expect({ ...impact, summary: impact.summary.replace(/\s/g, ' ') }).toEqual({ priceDifferenceCents: difference, passesNeeded: passes, remainingChargeCents: remaining, summary });
  });
});

describe('which partner edits go back through the checks', () => {
  const approved = { status: 'APPROVED', priceCents: 1000, serviceId: 's1' } as const;
  it.each<[string, { status: 'APPROVED' | 'CHANGES_REQUESTED' | 'PENDING_REVIEW'; priceCents: number; serviceId: string }, { priceCents?: number; serviceId?: string }, boolean]>([
    ['a new price', approved, { priceCents: 2000 }, true],
    ['the same price', approved, { priceCents: 1000 }, false],
    ['another referential service', approved, { serviceId: 's2' }, true],
    ['a new title only', approved, {}, false],
    ['an answer to a change request', { ...approved, status: 'CHANGES_REQUESTED' }, {}, true],
  ])('%s: %s', (_case, before, change, recheck) => {
    expect(needsRecheck(before, change)).toBe(recheck);
  });
});
