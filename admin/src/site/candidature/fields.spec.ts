import { bankFields, fieldMessage, ORGANISATION_FIELDS } from './fields';

const field = (path: string) => [...ORGANISATION_FIELDS, ...bankFields()].find(f => f.path === path)!;

describe('the application form’s checks as the person types', () => {
    it('flags a complete SIRET with a wrong check digit at once, not a SIRET half typed', () => {
        const siret = field('organisation.siret');
        expect(fieldMessage(siret, '7323', false, undefined)).toBeUndefined();
        expect(fieldMessage(siret, '732 829 320 00075', false, undefined)).toMatch(/SIRET invalide/);
        expect(fieldMessage(siret, '732 829 320 00074', false, undefined)).toBeUndefined();
        // Once left, a short one is flagged too.
        expect(fieldMessage(siret, '7323', true, undefined)).toMatch(/SIRET invalide/);
    });

    it('checks a French IBAN when its 27 characters are there, another country’s once the field is left', () => {
        const iban = field('bank.iban');
        expect(fieldMessage(iban, 'FR76 3000 4000 0312 3456 7890 14', false, undefined)).toBeUndefined();
        expect(fieldMessage(iban, 'FR76 3000 4000 0312 3456 7890 144', false, undefined)).toMatch(/IBAN invalide/);
        expect(fieldMessage(iban, 'FR76 3000 4000 0312 3456 7890 143', false, undefined)).toBeUndefined();
        expect(fieldMessage(iban, 'DE89 3704 0044 0532 0130 01', false, undefined)).toBeUndefined();
        expect(fieldMessage(iban, 'DE89 3704 0044 0532 0130 01', true, undefined)).toMatch(/IBAN invalide/);
    });

    it('puts the server’s refusal first, and says an empty required field is required once left', () => {
        expect(fieldMessage(field('bank.bic'), 'BNPAFRPPXXX', false, ['BIC refusé par la banque'])).toBe('BIC refusé par la banque');
        expect(fieldMessage(field('organisation.name'), '', true, undefined)).toBe('Champ obligatoire');
        expect(fieldMessage(field('organisation.name'), '', false, undefined)).toBeUndefined();
    });
});
