import { ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate } from 'class-validator';
import { AppErrorCode, AppException } from './errors';
import { UNKNOWN_FIELD_MESSAGE } from './user-input';

type Constraints = unknown[] | undefined;
const list = (values: unknown) => (Array.isArray(values) ? values : Object.values((values ?? {}) as object)).join(', ');

/**
 * French wording of class-validator's own checks, used when a decorator was given no message of
 * its own (class-validator answers in English: "name must be shorter than or equal to 200 characters").
 */
export const FRENCH_DEFAULTS: Record<string, (c: Constraints) => string> = {
  isDefined: () => 'est obligatoire',
  isNotEmpty: () => 'ne doit pas être vide',
  isString: () => 'doit être un texte',
  isInt: () => 'doit être un nombre entier',
  isNumber: () => 'doit être un nombre',
  isBoolean: () => 'doit être vrai ou faux (true ou false)',
  isObject: () => 'doit être un objet',
  isArray: () => 'doit être une liste',
  isEmail: () => 'doit être une adresse e-mail valide',
  isUUID: () => 'doit être un identifiant valide',
  isIn: (c) => `doit être l’une des valeurs : ${list(c?.[0])}`,
  isEnum: (c) => `doit être l’une des valeurs : ${list(c?.[0])}`,
  equals: (c) => `doit valoir ${JSON.stringify(c?.[0])}`,
  matches: () => 'format invalide',
  minLength: (c) => `${c?.[0]} caractères au moins`,
  maxLength: (c) => `${c?.[0]} caractères au plus`,
  min: (c) => `${c?.[0]} au moins`,
  max: (c) => `${c?.[0]} au plus`,
  arrayMinSize: (c) => `${c?.[0]} éléments au moins`,
  arrayMaxSize: (c) => `${c?.[0]} éléments au plus`,
  arrayNotEmpty: () => 'la liste ne doit pas être vide',
  nestedValidation: () => 'doit être un objet (ou une liste d’objets)',
  whitelistValidation: () => UNKNOWN_FIELD_MESSAGE,
  unknownValue: () => 'valeur inattendue',
};

type Metadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/**
 * Whether a check's message is ours: given to the decorator, or written by one of our own
 * constraint classes (@Validate). class-validator fills ValidateNested's message with its English
 * default, which does not count.
 */
export function hasOwnMessage(meta: Metadata): boolean {
  if (meta.type === 'nestedValidation') return typeof meta.message === 'string' && !meta.message.includes('nested property');
  if (meta.type === 'customValidation' && !meta.name) return true;
  return meta.message !== undefined;
}

/** The check a validation error kind comes from, on the validated object's class. */
function checkOf(error: ValidationError, kind: string): Metadata | undefined {
  const target = error.target?.constructor;
  if (!target) return undefined;
  const checks = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .filter((m) => m.propertyName === error.property);
  return checks.find((m) => m.name === kind || m.type === kind) ?? checks.find((m) => m.type === 'customValidation' && !m.name);
}

/** The message of one failed check: our own (French) message, or the French wording of class-validator's. */
function frenchMessage(error: ValidationError, kind: string, message: string): string {
  const meta = checkOf(error, kind);
  if (meta && hasOwnMessage(meta)) return message;
  const french = Object.hasOwn(FRENCH_DEFAULTS, kind) ? FRENCH_DEFAULTS[kind] : undefined;
  return french ? french(meta?.constraints) : 'valeur invalide';
}

/** Flattens class-validator errors into { field: [messages] }, every message in French. */
export function describeValidationErrors(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.entries(error.constraints ?? {}).map(([kind, message]) => frenchMessage(error, kind, message));
    if (messages.length) Object.defineProperty(out, field, { value: messages, enumerable: true, writable: true, configurable: true });
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
    // The validated object is needed to find each check's own message and limits (Nest drops it by default).
    validationError: { target: true, value: false },
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

