import { registerDecorator, ValidationOptions } from 'class-validator';
import { isValidSiret } from '../rules/siret';

/** French département code: 01–95, 2A, 2B, 971–976. */
export const DEPARTEMENT_PATTERN = /^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/;

export function IsSiret(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isSiret',
      target: object.constructor,
      propertyName,
      options: { message: 'SIRET invalide : 14 chiffres dont la clé de contrôle (Luhn) doit être juste', ...options },
      validator: { validate: (value: unknown) => isValidSiret(value) },
    });
}
