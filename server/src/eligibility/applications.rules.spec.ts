import { siretFor } from '../rules/siret';
import { approvalRefusal, ApprovalInput, mayDecide, siretQualifiesOnce } from './applications.rules';

const SIRET = siretFor('518654321');
const WRONG_SIRET = SIRET.slice(0, -1) + String((Number(SIRET.slice(-1)) + 1) % 10);

describe('a SIRET qualifies once', () => {
  it.each([
    [undefined, true],
    [null, true],
    ['APPLICANT', true],
    ['REJECTED', true],
    ['ELIGIBLE', false],
    ['SUSPENDED', false],
  ] as const)('a structure %s with this SIRET: may qualify %s', (status, qualifies) => {
    expect(siretQualifiesOnce(status)).toBe(qualifies);
  });
});

describe('who decides a claimed application', () => {
  it.each([
    [null, 'u1', 'REVIEWER', true],
    ['u1', 'u1', 'REVIEWER', true],
    ['u1', 'u2', 'REVIEWER', false],
    ['u1', 'u2', 'ADMIN', true],
  ] as const)('assigned to %s, user %s (%s): %s', (assigneeId, id, role, may) => {
    expect(mayDecide(assigneeId, { id, role })).toBe(may);
  });
});

describe('approval preconditions', () => {
  const valid: ApprovalInput = {
    siret: SIRET,
    iban: 'FR7630004000031234567890143',
    bic: 'BNPAFRPPXXX',
    score: 12,
    scoreThreshold: 10,
    comment: null,
    signedCharterVersion: 2,
    charterInForceVersion: 2,
  };

  it.each<[string, Partial<ApprovalInput>, ReturnType<typeof approvalRefusal>]>([
    ['a complete application', {}, null],
    ['a score at the threshold', { score: 10 }, null],
    ['a score below the threshold, justified', { score: 4, comment: 'Structure de quartier très active.' }, null],
    ['a score below the threshold, without a comment', { score: 4 }, { code: 'JUSTIFICATION_REQUIRED', score: 4, threshold: 10 }],
    ['an older charter signed', { signedCharterVersion: 1 }, { code: 'CHARTER_OUTDATED', signedVersion: 1, currentVersion: 2 }],
    ['no charter in force', { charterInForceVersion: null }, { code: 'CHARTER_OUTDATED', signedVersion: 2, currentVersion: null }],
    ['an invalid SIRET', { siret: WRONG_SIRET }, { code: 'INVALID_IDENTIFIERS', problems: [`SIRET ${WRONG_SIRET} invalide`] }],
    ['an invalid IBAN and BIC', { iban: 'FR7630004000031234567890144', bic: 'XX' }, { code: 'INVALID_IDENTIFIERS', problems: ['IBAN invalide', 'BIC invalide'] }],
    ['an outdated charter and an invalid IBAN: the charter first', { signedCharterVersion: 1, iban: 'FR00' }, { code: 'CHARTER_OUTDATED', signedVersion: 1, currentVersion: 2 }],
  ])('%s', (_case, change, refusal) => {
    expect(approvalRefusal({ ...valid, ...change })).toEqual(refusal);
  });
});
