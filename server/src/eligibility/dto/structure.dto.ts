import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { IsBic, IsDepartement, IsIban, IsPostalCode, IsWebAddress, Optional, UpdateOf, trimmed, webAddress, withoutSpaces } from '../../common/validators';
import { normalizeBic, normalizeIban } from '../../rules/bank';

const text = (max: number) => [IsString({ message: 'doit être un texte' }), MinLength(1, { message: 'est obligatoire' }), MaxLength(max, { message: `${max} caractères au plus` })];
const apply = (...decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));
/** Optional text that may be cleared (null or ""). */
const clearable = (max: number) => [
  ValidateIf((_o, v) => v !== undefined && v !== null && v !== ''),
  IsString({ message: 'doit être un texte' }),
  MaxLength(max, { message: `${max} caractères au plus` }),
];
/** French phone: 10 digits starting with 0, or +33 and 9 digits (spaces, dots and dashes allowed). */
export const PHONE_PATTERN = /^(?:0\d{9}|\+33\d{9})$/;
const phoneDigits = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/[\s.-]/g, '') : value);

/**
 * What staff may correct on a structure (SPEC §3, issue 10). SIRET, status and charter fields
 * belong to the eligibility workflow; bank details (holder, IBAN, BIC) are accepted here but do
 * not change the structure: they open a change that a second person confirms (four eyes).
 */
export class UpdateStructureDto {
  @ApiPropertyOptional() @Optional() @Transform(trimmed) @apply(...text(200)) name?: string;
  @ApiPropertyOptional() @Optional() @Transform(trimmed) @apply(...text(80)) legalForm?: string;
  @ApiPropertyOptional() @Optional() @Transform(trimmed) @apply(...text(200)) addressLine?: string;
  @ApiPropertyOptional({ example: '33000' }) @Optional() @Transform(withoutSpaces) @IsPostalCode() postalCode?: string;
  @ApiPropertyOptional() @Optional() @Transform(trimmed) @apply(...text(120)) city?: string;
  @ApiPropertyOptional({ example: '33' }) @Optional() @Transform(trimmed) @IsDepartement() departement?: string;
  @ApiPropertyOptional() @Optional() @Transform(trimmed) @IsEmail({}, { message: 'doit être une adresse e-mail valide' }) email?: string;
  @ApiPropertyOptional({ example: '05 56 00 00 00' }) @Transform(phoneDigits) @ValidateIf((_o, v) => v !== undefined && v !== null && v !== '') @Matches(PHONE_PATTERN, { message: 'téléphone : 10 chiffres commençant par 0, ou +33 suivi de 9 chiffres' }) phone?: string | null;
  @ApiPropertyOptional({ example: 'https://www.exemple.fr', description: 'http(s) only; « https:// » is added when no scheme is typed' })
  @Transform(webAddress) @apply(...clearable(200)) @IsWebAddress()
  website?: string | null;
  @ApiPropertyOptional() @Optional() @Transform(trimmed) @apply(...text(120)) legalRepName?: string;
  @ApiPropertyOptional() @Transform(trimmed) @apply(...clearable(120)) legalRepRole?: string | null;
  @ApiPropertyOptional({ description: 'A change opens a bank details change to confirm' }) @Optional() @Transform(trimmed) @IsString({ message: 'doit être un texte' }) @MinLength(2, { message: '2 caractères au moins' }) @MaxLength(140, { message: '140 caractères au plus' }) bankHolder?: string;
  @ApiPropertyOptional({ description: 'A change opens a bank details change to confirm' }) @Optional() @Transform(({ value }) => (typeof value === 'string' && value.includes('•') ? undefined : (normalizeIban(value) ?? value))) @IsIban() iban?: string;
  @ApiPropertyOptional({ description: 'A change opens a bank details change to confirm' }) @Optional() @Transform(({ value }) => normalizeBic(value)) @IsBic() bic?: string;
}

export class CreateLocationDto {
  @ApiProperty() @Transform(trimmed) @IsString({ message: 'doit être un texte' }) @MinLength(1, { message: 'est obligatoire' }) structureId!: string;
  @ApiProperty() @Transform(trimmed) @apply(...text(200)) name!: string;
  @ApiProperty() @Transform(trimmed) @apply(...text(200)) addressLine!: string;
  @ApiProperty({ example: '33000' }) @Transform(withoutSpaces) @IsPostalCode() postalCode!: string;
  @ApiProperty() @Transform(trimmed) @apply(...text(120)) city!: string;
  @ApiProperty({ example: '33' }) @Transform(trimmed) @IsDepartement() departement!: string;
  @ApiPropertyOptional() @Optional() @IsBoolean({ message: 'doit être vrai ou faux' }) active?: boolean;
  /** Where the place is on the public map (WGS 84, decimal degrees); null clears it. Both or neither. */
  @ApiPropertyOptional({ example: 44.8378, nullable: true, type: Number })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'doit être une latitude en degrés décimaux (44.8378)' }) @Min(-90, { message: 'entre -90 et 90' }) @Max(90, { message: 'entre -90 et 90' })
  latitude?: number | null;
  @ApiPropertyOptional({ example: -0.5792, nullable: true, type: Number })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'doit être une longitude en degrés décimaux (-0.5792)' }) @Min(-180, { message: 'entre -180 et 180' }) @Max(180, { message: 'entre -180 et 180' })
  longitude?: number | null;
}

/** A location stays with its structure (its offers and redemptions are the structure's). */
export class UpdateLocationDto extends UpdateOf(CreateLocationDto) {}

export class BankChangeDecisionDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trimmed) @IsString({ message: 'doit être un texte' }) @MaxLength(2000, { message: '2000 caractères au plus' }) comment?: string;
}
