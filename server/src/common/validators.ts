import type { Type } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';
import { registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { BIC_MESSAGE, IBAN_MESSAGE, isValidBic, isValidIban } from '../rules/bank';
import { DEPARTEMENT_MESSAGE, isValidDepartement, isValidPostalCode, POSTAL_CODE_MESSAGE } from '../rules/postal';
import { isValidSiret, SIRET_MESSAGE } from '../rules/siret';
import { isWebAddress, WEB_ADDRESS_MESSAGE, withScheme } from '../rules/web';

// The rules and their messages live in server/src/rules, which the console imports too.

/** A class-validator decorator from a plain rule function and a French message. */
export function ruleDecorator(name: string, message: string, rule: (value: unknown) => boolean) {
  return (options?: ValidationOptions) => (object: object, propertyName: string) =>
    registerDecorator({ name, target: object.constructor, propertyName, options: { message, ...options }, validator: { validate: rule } });
}

export const IsSiret = ruleDecorator('isSiret', SIRET_MESSAGE, isValidSiret);
export const IsIban = ruleDecorator('isIban', IBAN_MESSAGE, isValidIban);
export const IsBic = ruleDecorator('isBic', BIC_MESSAGE, isValidBic);
export const IsPostalCode = ruleDecorator('isPostalCode', POSTAL_CODE_MESSAGE, isValidPostalCode);
export const IsDepartement = ruleDecorator('isDepartement', DEPARTEMENT_MESSAGE, isValidDepartement);
export const IsWebAddress = ruleDecorator(
  'isWebAddress',
  WEB_ADDRESS_MESSAGE,
  // Too long is MaxLength's to say (with its own message), whatever order the checks run in.
  (v) => typeof v === 'string' && (v.length > 200 || isWebAddress(v)),
);

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
/** A website as typed: trimmed, "https://" added when no scheme was typed (see rules/web.ts). */
export const webAddress = ({ value }: { value: unknown }) => (typeof value === 'string' ? withScheme(value) : value);
export const withoutSpaces = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\s+/g, '') : value);
