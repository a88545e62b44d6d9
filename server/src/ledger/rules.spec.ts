import { LedgerTransaction, parseAccount, reversalOf, sponsorAccount, structureAccount, transactionProblems } from './rules';

const SPONSOR = 'SPONSOR:0b7c6a52-51d4-4f0e-9a43-1c1b7f0e2a11';
const STRUCTURE = 'STRUCTURE:5f1e2d3c-4b5a-4697-8877-665544332211';

describe('account names', () => {
  it.each([
    ['PASS_FLOAT', { kind: 'PASS_FLOAT' }],
    ['FEES_UPSTREAM', { kind: 'FEES_UPSTREAM' }],
    ['FEES_DOWNSTREAM', { kind: 'FEES_DOWNSTREAM' }],
    ['SUBSCRIPTIONS', { kind: 'SUBSCRIPTIONS' }],
    ['VAT_COLLECTED', { kind: 'VAT_COLLECTED' }],
    ['BANK', { kind: 'BANK' }],
    [SPONSOR, { kind: 'SPONSOR', id: '0b7c6a52-51d4-4f0e-9a43-1c1b7f0e2a11' }],
    [STRUCTURE, { kind: 'STRUCTURE', id: '5f1e2d3c-4b5a-4697-8877-665544332211' }],
  ])('%s is an account', (name, parsed) => {
    expect(parseAccount(name)).toEqual(parsed);
  });

  it.each([['bank'], ['PASS_FLOAT '], ['SPONSOR:'], ['SPONSOR:42'], ['STRUCTURE:5F1E2D3C-4B5A-4697-8877-665544332211'], ['CUSTOMER:0b7c6a52-51d4-4f0e-9a43-1c1b7f0e2a11'], [''], [null], [12]])(
    '%p is not an account',
    (name) => {
      expect(parseAccount(name)).toBeNull();
    },
  );

  it('are built from ids, and refuse what is not an id', () => {
    expect(sponsorAccount('0b7c6a52-51d4-4f0e-9a43-1c1b7f0e2a11')).toBe(SPONSOR);
    expect(structureAccount('5f1e2d3c-4b5a-4697-8877-665544332211')).toBe(STRUCTURE);
    expect(() => structureAccount('abc')).toThrow(/identifiant invalide/);
  });
});

const base = { event: 'REDEMPTION_ACCEPTED', resource: 'redemptions', recordId: 'r1' } as const;
const tx = (lines: unknown[], extra: Record<string, unknown> = {}) => ({ ...base, lines, ...extra }) as unknown as LedgerTransaction;

describe('a transaction is postable', () => {
  it.each([
    ['a redemption', [{ account: 'PASS_FLOAT', debitCents: 1000 }, { account: STRUCTURE, creditCents: 1000 }]],
    [
      'an order activation in four lines',
      [
        { account: SPONSOR, debitCents: 104_960 },
        { account: 'PASS_FLOAT', creditCents: 100_000 },
        { account: 'FEES_UPSTREAM', creditCents: 4_000 },
        { account: 'VAT_COLLECTED', creditCents: 960 },
      ],
    ],
    ['the largest line', [{ account: 'BANK', debitCents: 2_147_483_647 }, { account: SPONSOR, creditCents: 2_147_483_647 }]],
  ])('%s', (_name, lines) => {
    expect(transactionProblems(tx(lines))).toEqual([]);
  });
});

describe('a transaction is refused', () => {
  it.each([
    ['unbalanced', [{ account: 'PASS_FLOAT', debitCents: 1000 }, { account: STRUCTURE, creditCents: 999 }], 'Transaction déséquilibrée : débits 10,00 €, crédits 9,99 €.'],
    ['with debits only', [{ account: 'PASS_FLOAT', debitCents: 1000 }], 'Transaction déséquilibrée : débits 10,00 €, crédits 0,00 €.'],
    ['empty', [], 'Une transaction comptable sans ligne ne peut pas être passée.'],
    ['with fractions of a cent', [{ account: 'PASS_FLOAT', debitCents: 10.5 }, { account: STRUCTURE, creditCents: 10.5 }], 'Ligne 1 : le montant doit être un nombre entier de centimes.'],
    ['with an amount as text', [{ account: 'PASS_FLOAT', debitCents: '1000' }, { account: STRUCTURE, creditCents: 1000 }], 'Ligne 1 : le montant doit être un nombre entier de centimes.'],
    ['with a zero line', [{ account: 'PASS_FLOAT', debitCents: 0 }, { account: STRUCTURE, creditCents: 0 }], 'Ligne 1 : le montant doit être positif (le sens est donné par débit ou crédit).'],
    ['with a negative line', [{ account: 'PASS_FLOAT', debitCents: -1000 }, { account: STRUCTURE, debitCents: 1000 }], 'Ligne 1 : le montant doit être positif (le sens est donné par débit ou crédit).'],
    ['with a line both debit and credit', [{ account: 'PASS_FLOAT', debitCents: 1000, creditCents: 1000 }], 'Ligne 1 : un débit ou un crédit, exactement un des deux.'],
    ['with a line neither debit nor credit', [{ account: 'PASS_FLOAT' }], 'Ligne 1 : un débit ou un crédit, exactement un des deux.'],
    ['with an unknown account', [{ account: 'CASH', debitCents: 1000 }, { account: STRUCTURE, creditCents: 1000 }], 'Ligne 1 : compte inconnu « CASH ».'],
    ['with a structure account without an id', [{ account: 'PASS_FLOAT', debitCents: 1000 }, { account: 'STRUCTURE:', creditCents: 1000 }], 'Ligne 2 : compte inconnu « STRUCTURE: ».'],
    ['with a line too large for the column', [{ account: 'BANK', debitCents: 2_147_483_648 }, { account: SPONSOR, creditCents: 2_147_483_648 }], 'Ligne 1 : montant trop grand pour une ligne (au plus 21\u202f474\u202f836,47 €).'],
  ])('%s', (_name, lines, problem) => {
    expect(transactionProblems(tx(lines))).toContain(problem);
  });

  it.each([
    ['an unknown event', { event: 'GIFT' }, 'Événement comptable inconnu « GIFT ».'],
    ['no source resource', { resource: '' }, "L'écriture doit indiquer la ressource d'origine."],
    ['no source record', { recordId: undefined }, "L'écriture doit indiquer l'enregistrement d'origine."],
    ['an invalid date', { at: new Date('x') }, "La date de l'écriture n'est pas une date valide."],
  ])('with %s', (_name, extra, problem) => {
    const lines = [{ account: 'PASS_FLOAT', debitCents: 1000 }, { account: STRUCTURE, creditCents: 1000 }];
    expect(transactionProblems(tx(lines, extra))).toEqual([problem]);
  });
});

describe('a reversal', () => {
  it('swaps every line, so the two transactions cancel out', () => {
    expect(
      reversalOf([
        { account: 'PASS_FLOAT', debitCents: 1000, creditCents: 0 },
        { account: STRUCTURE, debitCents: 0, creditCents: 1000 },
      ]),
    ).toEqual([
      { account: 'PASS_FLOAT', creditCents: 1000 },
      { account: STRUCTURE, debitCents: 1000 },
    ]);
  });
});
