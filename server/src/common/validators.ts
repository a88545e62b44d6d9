import { registerDecorator, ValidationOptions } from 'class-validator';
import { isValidBic, isValidIban } from '../rules/bank';
import { isValidSiret } from '../rules/siret';

/** French département code: 01–95 (no 20: Corsica is 2A and 2B), 971–976. */
export const DEPARTEMENT_PATTERN = /^(0[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5]|2A|2B|97[1-6])$/;

/** A class-validator decorator from a plain rule function and a French message. */
export function ruleDecorator(name: string, message: string, rule: (value: unknown) => boolean) {
  return (options?: ValidationOptions) => (object: object, propertyName: string) =>
    registerDecorator({ name, target: object.constructor, propertyName, options: { message, ...options }, validator: { validate: rule } });
}

export const IsSiret = ruleDecorator('isSiret', 'SIRET invalide : 14 chiffres dont la clé de contrôle (Luhn) doit être juste', isValidSiret);
export const IsIban = ruleDecorator('isIban', 'IBAN invalide : longueur du pays ou clé de contrôle incorrecte', isValidIban);
export const IsBic = ruleDecorator('isBic', 'BIC invalide : 8 ou 11 caractères (banque, pays, ville, agence)', isValidBic);

/** Shared body transforms. */
export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const withoutSpaces = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\s+/g, '') : value);
