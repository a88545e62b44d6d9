import type { Validator } from 'react-admin';
// The server's own rules and messages: the console checks before sending what the server checks on receipt.
import { BIC_MESSAGE, IBAN_MESSAGE, isValidBic, isValidIban, normalizeBic } from '../../../server/src/rules/bank';
import { DEPARTEMENT_MESSAGE, isValidDepartement, isValidPostalCode, POSTAL_CODE_MESSAGE } from '../../../server/src/rules/postal';
import { isValidSiret, SIRET_MESSAGE } from '../../../server/src/rules/siret';
import { isWebAddress, WEB_ADDRESS_MESSAGE, withScheme } from '../../../server/src/rules/web';

/** A react-admin validator from a server rule: empty values pass (`required()` is separate). */
const fromRule =
    (rule: (value: unknown) => boolean, message: string, normalize: (value: string) => unknown = value => value): Validator =>
    (value: unknown) =>
        value === undefined || value === null || value === '' || rule(typeof value === 'string' ? normalize(value) : value)
            ? undefined
            : message;

const withoutSpaces = (value: string) => value.replace(/\s+/g, '');

export const siret = () => fromRule(isValidSiret, SIRET_MESSAGE, withoutSpaces);
/** `keepMasked`: an IBAN shown masked ("FR76 •••• 143") and sent back unchanged is not a new IBAN (the server ignores it). */
export const iban = ({ keepMasked = false } = {}) =>
    fromRule(value => (keepMasked && typeof value === 'string' && value.includes('•')) || isValidIban(value), IBAN_MESSAGE);
export const bic = () => fromRule(isValidBic, BIC_MESSAGE, normalizeBic);
export const postalCode = () => fromRule(isValidPostalCode, POSTAL_CODE_MESSAGE);
export const departement = () => fromRule(isValidDepartement, DEPARTEMENT_MESSAGE);
/** A website: « https:// » may be left out (the server adds it). */
export const webAddress = () => fromRule(value => typeof value === 'string' && isWebAddress(value), WEB_ADDRESS_MESSAGE, withScheme);
