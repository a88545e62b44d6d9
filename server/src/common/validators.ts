import type { Type } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';
import { registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
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

/**
 * The property may be left out; when it is given, it is checked, null included. For columns that
 * cannot be empty (a name, a role, a price): class-validator's @IsOptional lets null through, and
 * null would reach the database. Keep @IsOptional for nullable columns, where null clears the value.
 */
export const Optional = () => ValidateIf((_object, value) => value !== undefined);

/**
 * An update DTO from a create DTO: every property may be left out, but one that is given is
 * checked, null included (Nest's PartialType would let null through to required columns).
 */
export const UpdateOf = <T>(dto: Type<T>) => PartialType(dto, { skipNullProperties: false });

/** bcrypt reads the first 72 bytes of a password and ignores the rest: longer ones are refused, not cut. */
export const MAX_PASSWORD_BYTES = 72;
export const fitsBcrypt = (value: unknown) => typeof value === 'string' && Buffer.byteLength(value, 'utf8') <= MAX_PASSWORD_BYTES;
export const FitsBcrypt = ruleDecorator('fitsBcrypt', `${MAX_PASSWORD_BYTES} octets au plus (environ ${MAX_PASSWORD_BYTES} caractères sans accents) : au-delà, le reste ne serait pas vérifié`, fitsBcrypt);

/** Shared body transforms. */
export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const withoutSpaces = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\s+/g, '') : value);
