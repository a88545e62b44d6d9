import { BIC_MESSAGE, IBAN_MESSAGE, isValidBic, isValidIban, normalizeBic } from '../../../../server/src/rules/bank';
import { DEPARTEMENT_MESSAGE, isValidDepartement, isValidPostalCode, POSTAL_CODE_MESSAGE } from '../../../../server/src/rules/postal';
import { isValidSiret, SIRET_MESSAGE } from '../../../../server/src/rules/siret';
import { isWebAddress, WEB_ADDRESS_MESSAGE, withScheme } from '../../../../server/src/rules/web';

/**
 * A field of the application form: its place in the request body (dotted path, as the server's
 * refusals name it), its label, and the server's own rule (server/src/rules, the same code the
 * API validates with) checked as the person types.
 */
export interface FormField {
    path: string;
    label: string;
    required?: boolean;
    type?: 'email' | 'tel' | 'url';
    help?: string;
    autoComplete?: string;
    /**
     * The server's rule. `complete` says when the value has all its characters: from then on it is
     * checked at each keystroke (before, only once the field is left, not to flag a number half typed).
     */
    rule?: { check: (value: string) => boolean; message: string; complete?: (value: string) => boolean };
    /** Width on a desktop (of 12 columns); a phone always takes the whole line. */
    width?: number;
}

export const ORGANISATION_FIELDS: FormField[] = [
    { path: 'organisation.name', label: 'Nom de la structure', required: true, autoComplete: 'organization' },
    { path: 'organisation.siret', label: 'SIRET', required: true, help: '14 chiffres (avis de situation INSEE)', rule: { check: v => isValidSiret(v.replace(/\s+/g, '')), message: SIRET_MESSAGE, complete: v => v.replace(/\s+/g, '').length >= 14 }, width: 6 },
    { path: 'organisation.legalForm', label: 'Forme juridique', required: true, help: 'Association loi 1901, commune, SCIC…', width: 6 },
    { path: 'organisation.addressLine', label: 'Adresse', required: true, autoComplete: 'street-address' },
    { path: 'organisation.postalCode', label: 'Code postal', required: true, autoComplete: 'postal-code', rule: { check: v => isValidPostalCode(v.replace(/\s+/g, '')), message: POSTAL_CODE_MESSAGE, complete: v => v.replace(/\s+/g, '').length >= 5 }, width: 3 },
    { path: 'organisation.city', label: 'Commune', required: true, autoComplete: 'address-level2', width: 6 },
    { path: 'organisation.departement', label: 'Département', required: true, help: '33, 2A, 974…', rule: { check: v => isValidDepartement(v.trim()), message: DEPARTEMENT_MESSAGE }, width: 3 },
    { path: 'organisation.website', label: 'Site web', type: 'url', help: 'Affiché dans l’annuaire public des lieux', rule: { check: v => isWebAddress(withScheme(v)), message: WEB_ADDRESS_MESSAGE } },
];

export const CONTACT_FIELDS: FormField[] = [
    { path: 'contact.name', label: 'Personne à contacter', required: true, autoComplete: 'name', width: 6 },
    { path: 'contact.email', label: 'Adresse e-mail', required: true, type: 'email', autoComplete: 'email', width: 6 },
    { path: 'contact.phone', label: 'Téléphone de la structure', type: 'tel', autoComplete: 'tel', help: 'Le numéro d’accueil : il est affiché dans l’annuaire public des lieux', width: 6 },
];

export const REPRESENTATIVE_FIELDS: FormField[] = [
    { path: 'legalRepresentative.name', label: 'Représentant·e légal·e', required: true, width: 6 },
    { path: 'legalRepresentative.role', label: 'Fonction', help: 'Président·e, maire, gérant·e…', width: 6 },
];

/** A French IBAN has 27 characters; another country's is checked once the field is left (lengths differ). */
const ibanComplete = (v: string) => {
    const compact = v.replace(/\s+/g, '').toUpperCase();
    return compact.startsWith('FR') && compact.length >= 27;
};

/** Bank details: for the application (bank.…) and for a corrected version in a reply. */
export const bankFields = (prefix = 'bank'): FormField[] => [
    { path: `${prefix}.holder`, label: 'Titulaire du compte', required: true },
    { path: `${prefix}.iban`, label: 'IBAN', required: true, help: 'FR76 …, 27 caractères pour un compte français', rule: { check: isValidIban, message: IBAN_MESSAGE, complete: ibanComplete }, width: 8 },
    { path: `${prefix}.bic`, label: 'BIC', required: true, help: '8 ou 11 caractères', rule: { check: v => isValidBic(normalizeBic(v)), message: BIC_MESSAGE, complete: v => v.replace(/\s+/g, '').length >= 11 }, width: 4 },
];

/** What the form shows under a field: the server's refusal first, else the rule's message once the value is complete or the field was left. */
export function fieldMessage(field: FormField, value: string, left: boolean, serverMessages: string[] | undefined): string | undefined {
    if (serverMessages?.length) return serverMessages.join(' ; ');
    const checkedNow = left || (field.rule?.complete?.(value) ?? false);
    if (!checkedNow) return undefined;
    if (field.required && value.trim() === '') return 'Champ obligatoire';
    if (field.rule && value.trim() !== '' && !field.rule.check(value)) return field.rule.message;
    return undefined;
}

/** Dotted paths and their values → the nested body the API takes (empty optional fields left out). */
export function nestedBody(values: Record<string, string>, paths: string[]): Record<string, Record<string, string>> {
    const body: Record<string, Record<string, string>> = {};
    for (const path of paths) {
        const [group, key] = path.split('.');
        const value = (values[path] ?? '').trim();
        if (value === '') continue;
        (body[group] ??= {})[key] = value;
    }
    return body;
}
