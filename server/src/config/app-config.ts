import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
  validateSync,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { validateCronExpression } from 'cron';
import { compile as compileTrust } from 'proxy-addr';
import * as path from 'node:path';
import { describeValidationErrors } from '../common/validation';
import { isValidSiret, SIRET_MESSAGE } from '../rules/siret';
import { BIC_MESSAGE, IBAN_MESSAGE, isValidBic, isValidIban, normalizeIban } from '../rules/bank';

const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const v = String(value).toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return value; // left as is so validation reports it
};
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

const splitList = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

@ValidatorConstraint({ name: 'trustedProxies' })
class TrustedProxiesConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    if (typeof value !== 'string') return false;
    // A bare number reads as an address ("1" is 0.0.0.1) where people usually mean a hop count: refused.
    if (splitList(value).some((entry) => /^\d+$/.test(entry))) return false;
    try {
      // proxy-addr is what Express uses to read X-Forwarded-For: what it compiles, Express trusts.
      compileTrust(splitList(value));
      return true;
    } catch {
      return false;
    }
  }

  defaultMessage() {
    return 'TRUSTED_PROXIES : adresses IP ou plages CIDR séparées par des virgules (ou loopback, linklocal, uniquelocal)';
  }
}

@ValidatorConstraint({ name: 'cronExpression' })
class CronExpressionConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    // The same parser that will run it (cron, under @nestjs/schedule): what it accepts, the scheduler runs.
    return typeof value === 'string' && value.trim().split(/\s+/).length >= 5 && validateCronExpression(value).valid;
  }

  defaultMessage() {
    return 'expression cron attendue (minute heure jour mois jour-de-semaine, par exemple « 30 3 * * * »)';
  }
}

@ValidatorConstraint({ name: 'timeZone' })
class TimeZoneConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    if (typeof value !== 'string' || !value) return false;
    try {
      new Intl.DateTimeFormat('fr-FR', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }

  defaultMessage() {
    return 'fuseau horaire IANA attendu (par exemple Europe/Paris)';
  }
}

@ValidatorConstraint({ name: 'siret' })
class SiretConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return isValidSiret(value);
  }

  defaultMessage() {
    return SIRET_MESSAGE;
  }
}

@ValidatorConstraint({ name: 'iban' })
class IbanConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'string' && value === normalizeIban(value) && isValidIban(value);
  }

  defaultMessage() {
    return `PAYOUT_DEBTOR_IBAN : ${IBAN_MESSAGE} (sans espaces, en majuscules)`;
  }
}

@ValidatorConstraint({ name: 'bic' })
class BicConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return isValidBic(value);
  }

  defaultMessage() {
    return `PAYOUT_DEBTOR_BIC : ${BIC_MESSAGE}`;
  }
}

/** Every setting the server reads from the environment, checked once at boot (README "Configuration"). */
export class AppConfig {
  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @Transform(emptyToUndefined) @IsOptional() @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL doit être une URL postgresql://…' })
  DATABASE_URL?: string;

  @Transform(emptyToUndefined) @IsOptional() @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL doit être une URL redis://…' })
  REDIS_URL?: string;

  /** Prefix of every Redis key (locks, presence, rate limits): deployments sharing one Redis need different ones. */
  @Matches(/^[A-Za-z0-9_.-]{1,40}$/, { message: 'REDIS_PREFIX : lettres, chiffres, « . », « _ » ou « - » (40 au plus)' })
  REDIS_PREFIX = 'aptic';

  /** Folder of the embedded PGlite database (used when DATABASE_URL is unset). "memory" keeps it in memory. */
  @IsString()
  DATA_DIR = path.resolve(process.cwd(), '.data', 'pglite');

  @Transform(toBool) @IsBoolean()
  MIGRATE_ON_START = true;

  /** Loads the demo data when the database has no staff account yet. Default: on for the embedded database only. */
  @Transform(toBool) @IsOptional() @IsBoolean()
  SEED_ON_START?: boolean;

  @Transform(toInt) @IsInt() @Min(1) @Max(24 * 30)
  TOKEN_TTL_HOURS = 12;

  /** Failed-or-not login attempts allowed per e-mail and IP address within LOGIN_THROTTLE_WINDOW_SECONDS. */
  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_THROTTLE_LIMIT = 10;

  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_THROTTLE_WINDOW_SECONDS = 60;

  /** Applications and replies accepted per client address and hour on the public API. */
  @Transform(toInt) @IsInt() @Min(1)
  PUBLIC_SUBMISSIONS_PER_HOUR = 30;

  /**
   * The load balancers and reverse proxies whose X-Forwarded-For is believed (comma-separated
   * addresses, CIDR ranges, or Express's names loopback / linklocal / uniquelocal). Empty: none,
   * the client is the socket's peer. Anyone else can write any X-Forwarded-For they like.
   */
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @Validate(TrustedProxiesConstraint)
  TRUSTED_PROXIES = '';

  /** The proxies of TRUSTED_PROXIES as Express's "trust proxy" setting wants them (false: none). */
  get trustedProxies(): string[] | false {
    const list = splitList(this.TRUSTED_PROXIES);
    return list.length ? list : false;
  }

  /** Comma-separated origins allowed by CORS (the console in development). "*" allows any. */
  @IsString()
  CORS_ORIGINS = 'http://localhost:5173';

  @IsIn(['json', 'pretty'])
  LOG_FORMAT: 'json' | 'pretty' = 'json';

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /** Folder of the built console; served at "/" when it exists. */
  @IsString()
  ADMIN_DIST_DIR = path.resolve(__dirname, '..', '..', '..', 'admin', 'dist');

  @Transform(toInt) @IsInt() @Min(4) @Max(15)
  BCRYPT_ROUNDS = 11;

  /**
   * Lists count their rows exactly up to this many. Beyond it an unfiltered list reports the
   * planner's estimate of the table's size, and a filtered one "more than" this many, so a page
   * of a million-row table does not wait for a full count (README "Lists of large tables").
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(10_000_000)
  LIST_COUNT_LIMIT = 10_000;

  /** An edit lock lapses this long after its last renewal (the console renews every 30 s). */
  @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  LOCK_TTL_SECONDS = 90;

  /** A viewer whose instance stopped refreshing them (crash) disappears after this long. */
  @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  PRESENCE_STALE_SECONDS = 60;

  /** Issuer identity printed on sponsor documents and pass sheets (frozen into each document's snapshot). */
  @IsString() @MinLength(1) @MaxLength(120)
  ISSUER_NAME = 'Association #APTIC';

  @Validate(SiretConstraint)
  ISSUER_SIRET = '91234567500017';

  @IsString() @MinLength(1) @MaxLength(120)
  ISSUER_ADDRESS = '12 rue de l’Inclusion';

  @Matches(/^\d{5}$/, { message: 'ISSUER_POSTAL_CODE : code postal à 5 chiffres' })
  ISSUER_POSTAL_CODE = '75011';

  @IsString() @MinLength(1) @MaxLength(80)
  ISSUER_CITY = 'Paris';

  /**
   * The public directory's map (/lieux/): a tile server's URL template ("https://…/{z}/{x}/{y}.png").
   * None by default: the directory is a list, and no visitor's browser asks a third party for tiles.
   */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^https?:\/\/\S+\{z\}\S*\{x\}\S*\{y\}\S*$/, { message: 'PUBLIC_MAP_TILES_URL : modèle d’URL http(s) avec {z}, {x} et {y}' })
  PUBLIC_MAP_TILES_URL?: string;

  /** The credit the tile server asks for, shown on the map ("© les contributeurs d’OpenStreetMap"). */
  @IsString() @MaxLength(200)
  PUBLIC_MAP_ATTRIBUTION = '';

  /** Intra-community VAT number (FR + 2-character key + SIREN). */
  @Matches(/^FR[0-9A-HJ-NP-Z]{2}\d{9}$/, { message: 'ISSUER_VAT_NUMBER : numéro de TVA intracommunautaire français attendu (FR, 2 caractères de clé, SIREN)' })
  ISSUER_VAT_NUMBER = 'FR65912345675';

  @IsEmail({}, { message: 'ISSUER_EMAIL : adresse e-mail attendue' })
  ISSUER_EMAIL = 'facturation@aptic.example';

  /** The account the monthly payouts are paid from (SEPA debtor), frozen into each export. */
  @IsString() @MinLength(1) @MaxLength(70)
  PAYOUT_DEBTOR_NAME = 'Association #APTIC';

  @Validate(IbanConstraint)
  PAYOUT_DEBTOR_IBAN = 'FR7630006000011234567890189';

  @Validate(BicConstraint)
  PAYOUT_DEBTOR_BIC = 'AGRIFRPP';

  /** VAT on fees (upstream intermediation fee, kit subscriptions), in basis points: 2000 = 20 %. Frozen on each order when it is created. */
  @Transform(toInt) @IsInt() @Min(0) @Max(10_000)
  VAT_RATE_BP = 2000;

  /** Kit subscription, monthly plan: fee per month incl. VAT, in cents (8.40 €). Applies to kits ordered or changed from then on. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000)
  SUBSCRIPTION_MONTHLY_CENTS = 840;

  /** Kit subscription, annual plan: fee per year incl. VAT, in cents (90 €, below twelve months at 8.40 €). */
  @Transform(toInt) @IsInt() @Min(1) @Max(10_000_000)
  SUBSCRIPTION_ANNUAL_CENTS = 9000;

  /** Scheduled jobs on this instance (every instance may run them: PostgreSQL picks the one that works). Off in tests. */
  @Transform(toBool) @IsBoolean()
  JOBS_SCHEDULE_ENABLED = true;

  /** Time zone of the cron expressions below. */
  @Validate(TimeZoneConstraint)
  JOBS_TIME_ZONE = 'Europe/Paris';

  /** When the purge of expired and revoked staff sessions runs (cron, JOBS_TIME_ZONE). */
  @Validate(CronExpressionConstraint)
  JOB_PURGE_SESSIONS_CRON = '30 3 * * *';

  /** When the nightly expiry of passes past their grace date (and the closing of spent orders) runs (cron, JOBS_TIME_ZONE). */
  @Validate(CronExpressionConstraint)
  JOB_EXPIRE_PASSES_CRON = '30 1 * * *';

  /** When the previous month's endorsement is prepared (cron, JOBS_TIME_ZONE): the 1st at 02:00 by default (SPEC §3 "Endorsement"). */
  @Validate(CronExpressionConstraint)
  JOB_ENDORSEMENT_PREPARE_CRON = '0 2 1 * *';

  /** When the nightly reconciliation of the books with the states runs (cron, JOBS_TIME_ZONE); a difference shows on the FINANCE dashboard (SPEC §3 "Ledger"). */
  @Validate(CronExpressionConstraint)
  JOB_RECONCILE_CRON = '30 3 * * *';

  /** Rows a job step handles per transaction (each chunk commits with the run's progress). */
  @Transform(toInt) @IsInt() @Min(1) @Max(100_000)
  JOB_CHUNK_SIZE = 1000;

  /** A running job whose instance has not reported for this long is taken to have died: the next trigger resumes it. */
  @Transform(toInt) @IsInt() @Min(2) @Max(3600)
  JOB_STALE_SECONDS = 60;

  /** Pause after each chunk, for tests that must stop a job mid-run. Leave at 0. */
  @Transform(toInt) @IsInt() @Min(0) @Max(60_000)
  JOB_CHUNK_DELAY_MS = 0;

  /** Keeps each chunk's transaction open this long before it commits, for tests that kill a process inside one. Leave at 0. */
  @Transform(toInt) @IsInt() @Min(0) @Max(10_000)
  JOB_CHUNK_HOLD_MS = 0;

  get usesEmbeddedDatabase(): boolean {
    return !this.DATABASE_URL;
  }

  get seedOnStart(): boolean {
    return this.SEED_ON_START ?? this.usesEmbeddedDatabase;
  }
}

export class ConfigError extends Error {}

/** Reads and validates the configuration; throws a ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const known = Object.keys(new AppConfig()).concat(['DATABASE_URL', 'REDIS_URL', 'SEED_ON_START']);
  const raw: Record<string, unknown> = {};
  for (const key of known) if (env[key] !== undefined) raw[key] = env[key];
  const config = plainToInstance(AppConfig, { ...raw, ...overrides });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    // URLs may carry passwords: never print them.
    const shown = (e: { property: string; value?: unknown }) => (e.property.endsWith('_URL') ? JSON.stringify(String(e.value).replace(/\/\/[^@/]*@/, '//***@')) : JSON.stringify(e.value));
    const messages = describeValidationErrors(errors);
    const lines = errors.map((e) => `  - ${e.property}=${shown(e)} : ${(messages[e.property] ?? []).join(' ; ')}`);
    throw new ConfigError(`Configuration invalide :\n${lines.join('\n')}`);
  }
  return config;
}
