import { ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AppErrorCode, AppException } from './errors';

/** Flattens class-validator errors into { field: [messages] }, in French where class-validator speaks English. */
export function describeValidationErrors(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.entries(error.constraints ?? {}).map(([kind, message]) =>
      kind === 'whitelistValidation' ? 'champ inconnu : il ne fait pas partie de cette ressource' : message,
    );
    if (messages.length) out[field] = messages;
    if (error.children?.length) Object.assign(out, describeValidationErrors(error.children, field));
  }
  return out;
}

export function validationException(errors: ValidationError[]): AppException {
  const fields = describeValidationErrors(errors);
  const summary = Object.entries(fields)
    .map(([field, messages]) => `${field} : ${messages.join(', ')}`)
    .join(' ; ');
  return new AppException(AppErrorCode.VALIDATION_FAILED, `Données invalides — ${summary}`, { fields });
}

/** Global pipe: converts types, strips nothing silently — unknown properties are refused. */
export function createValidationPipe() {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => validationException(errors),
  });
}

/** Validates an arbitrary body against a DTO class (used by the generic resource controllers). */
export async function validateBody<T extends object>(dto: new () => T, body: unknown): Promise<T> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppException(AppErrorCode.VALIDATION_FAILED, 'Le corps de la requête doit être un objet JSON.');
  }
  const instance = plainToInstance(dto, body);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
  if (errors.length) throw validationException(errors);
  return instance;
}

