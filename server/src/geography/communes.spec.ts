import { DEPARTEMENTS, departementLabel, departementName, isValidDepartement } from '../rules/postal';
import { assertPostalCodeInDepartement, communesOf, postalCodeMismatch } from './communes';

describe('départements (Etalab’s split)', () => {
  it('knows metropolitan, Corsican and overseas départements by code and name, and nothing else', () => {
    expect(departementName('33')).toBe('Gironde');
    expect(departementName('2A')).toBe('Corse-du-Sud');
    expect(departementName('2B')).toBe('Haute-Corse');
    expect(departementName('974')).toBe('La Réunion');
    expect(departementName('976')).toBe('Mayotte');
    expect(departementLabel('972')).toBe('972 — Martinique');
    expect(departementLabel('99')).toBe('99');
    for (const bad of ['20', '96', '00', '977x', '', ' ', 'constructor', '__proto__', 33, null]) expect(isValidDepartement(bad)).toBe(false);
    expect(DEPARTEMENTS.filter((d) => /^(0[1-9]|[1-8]\d|9[0-5]|2[AB])$/.test(d.code))).toHaveLength(96);
  });
});

describe('postal codes → communes', () => {
  it('finds the Corsican commune of a 20xxx code, in 2A or 2B (the code does not say which)', () => {
    expect(communesOf('20000')).toEqual([{ codeInsee: '2A004', nom: 'Ajaccio', departement: '2A' }]);
    expect(communesOf('20200').every((c) => c.departement === '2B')).toBe(true);
    expect(postalCodeMismatch('20000', '2A')).toBeNull();
    expect(postalCodeMismatch('20000', '2B')?.message).toBe('le code postal 20000 est celui de Ajaccio (2A), pas du département 2B — Haute-Corse');
  });

  it('finds overseas communes', () => {
    expect(communesOf('97200')).toEqual([{ codeInsee: '97209', nom: 'Fort-de-France', departement: '972' }]);
    expect(communesOf('97400').map((c) => c.codeInsee)).toEqual(['97411']);
    expect(postalCodeMismatch('97400', '974')).toBeNull();
    expect(postalCodeMismatch('97400', '971')).not.toBeNull();
  });

  it('refuses a postal code of another département, proposing its communes', () => {
    const mismatch = postalCodeMismatch('75001', '33');
    expect(mismatch).toEqual({ message: 'le code postal 75001 est celui de Paris (75), pas du département 33 — Gironde', communes: [{ codeInsee: '75056', nom: 'Paris', departement: '75' }] });
    expect(() => assertPostalCodeInDepartement('75001', '33', 'organisation.')).toThrow(
      expect.objectContaining({ message: 'Adresse incohérente : le code postal 75001 est celui de Paris (75), pas du département 33 — Gironde.', details: expect.objectContaining({ fields: { 'organisation.postalCode': [mismatch!.message] } }) }),
    );
    expect(communesOf('33700')).toEqual([{ codeInsee: '33281', nom: 'Mérignac', departement: '33' }]);
    expect(postalCodeMismatch('33 700', '33')).toBeNull();
  });

  it('accepts a code shared by two départements in either, and a CEDEX code only where it starts right', () => {
    expect(postalCodeMismatch('33220', '33')).toBeNull();
    expect(postalCodeMismatch('33220', '24')).toBeNull();
    expect(postalCodeMismatch('33076', '33')).toBeNull();
    expect(postalCodeMismatch('33076', '24')?.message).toBe('aucune commune du département 24 — Dordogne n’a le code postal 33076');
    expect(postalCodeMismatch('94390', '91')).toBeNull();
  });
});

describe('the demo data', () => {
  it('gives every structure and sponsor a postal code of its département', async () => {
    const { SPONSORS, STRUCTURES } = await import('../seed/demo-data');
    const wrong = [...SPONSORS, ...STRUCTURES].map((a) => ({ name: a.name, mismatch: postalCodeMismatch(a.postalCode, a.departement) })).filter((a) => a.mismatch);
    expect(wrong).toEqual([]);
  });
});

describe('commune names', () => {
  it('finds how a commune is spelt from what a person types', async () => {
    const { communeNamesLike } = await import('./communes');
    expect(communeNamesLike('merignac')).toEqual(['Mérignac']);
    expect(communeNamesLike(' FORT DE FRANCE ')).toEqual(['Fort-de-France']);
    expect(communeNamesLike('nowhere')).toEqual([]);
  });
});
