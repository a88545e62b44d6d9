import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  Equals,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsDepartement, IsPostalCode, IsBic, IsIban, IsSiret, IsWebAddress, trimmed, webAddress, withoutSpaces } from '../../common/validators';
import { RejectionReason } from '../../generated/prisma/enums';
import { normalizeBic, normalizeIban } from '../../rules/bank';

const required = { message: 'est obligatoire' };
const text = { message: 'doit être un texte' };

export class OrganisationDto {
  @ApiProperty({ example: 'Espace numérique du Lac' }) @Transform(trimmed) @IsDefined(required) @IsString(text) @MinLength(2, { message: '2 caractères au moins' }) @MaxLength(200, { message: '200 caractères au plus' }) name!: string;
  @ApiProperty({ example: '73282932000074' }) @Transform(withoutSpaces) @IsDefined(required) @IsSiret() siret!: string;
  @ApiProperty({ example: 'Association loi 1901' }) @Transform(trimmed) @IsDefined(required) @IsString(text) @MinLength(2, { message: '2 caractères au moins' }) @MaxLength(100, { message: '100 caractères au plus' }) legalForm!: string;
  @ApiProperty() @Transform(trimmed) @IsDefined(required) @IsString(text) @MinLength(3, { message: '3 caractères au moins' }) @MaxLength(200, { message: '200 caractères au plus' }) addressLine!: string;
  @ApiProperty({ example: '33000' }) @Transform(withoutSpaces) @IsDefined(required) @IsPostalCode() postalCode!: string;
  @ApiProperty() @Transform(trimmed) @IsDefined(required) @IsString(text) @MinLength(1, required) @MaxLength(120, { message: '120 caractères au plus' }) city!: string;
  @ApiProperty({ example: '33' }) @Transform(trimmed) @IsDefined(required) @IsDepartement() departement!: string;
  @ApiPropertyOptional({ example: 'https://www.exemple.fr', description: 'http(s) only; « https:// » is added when no scheme is typed' })
  @Transform(webAddress) @ValidateIf((_o, v) => v !== undefined && v !== null && v !== '') @IsString(text) @MaxLength(200, { message: '200 caractères au plus' }) @IsWebAddress()
  website?: string;
}

export class ContactDto {
  @ApiProperty() @Transform(trimmed) @IsDefined(required) @IsString(text) @MinLength(2, { message: '2 caractères au moins' }) @MaxLength(120) name!: string;
  @ApiProperty() @Transform(trimmed) @IsDefined(required) @IsEmail({}, { message: 'doit être une adresse e-mail valide' }) email!: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trimmed) @IsString(text) @MaxLength(30, { message: '30 caractères au plus' }) phone?: string;
}

export class LegalRepresentativeDto {
  @ApiProperty() @Transform(trimmed) @IsDefined(required) @IsString(text) @MinLength(2, { message: '2 caractères au moins' }) @MaxLength(120) name!: string;
  @ApiPropertyOptional({ example: 'Président·e' }) @IsOptional() @Transform(trimmed) @IsString(text) @MaxLength(80) role?: string;
}

export class BankDetailsDto {
  @ApiProperty() @Transform(trimmed) @IsDefined(required) @IsString(text) @MinLength(2, { message: '2 caractères au moins' }) @MaxLength(140, { message: '140 caractères au plus' }) holder!: string;
  @ApiProperty({ example: 'FR76 3000 4000 0312 3456 7890 143' }) @Transform(({ value }) => normalizeIban(value) ?? value) @IsDefined(required) @IsIban() iban!: string;
  @ApiProperty({ example: 'BNPAFRPPXXX' }) @Transform(({ value }) => normalizeBic(value)) @IsDefined(required) @IsBic() bic!: string;
}

export class CharterSignatureDto {
  @ApiProperty({ description: 'Version of the charter read and signed (GET /api/public/charter)' }) @IsDefined(required) @IsInt({ message: 'doit être un numéro de version' }) @Min(1) version!: number;
  @ApiProperty({ description: 'Must be true: the charter is accepted' }) @IsDefined({ message: 'la charte doit être signée' }) @Equals(true, { message: 'la charte doit être acceptée (true)' }) accepted!: boolean;
  @ApiProperty() @Transform(trimmed) @IsDefined(required) @IsString(text) @MinLength(2, { message: '2 caractères au moins' }) @MaxLength(120) signatoryName!: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trimmed) @IsString(text) @MaxLength(80) signatoryRole?: string;
}

/** POST /api/public/applications. */
export class SubmitApplicationDto {
  @ApiProperty({ type: OrganisationDto }) @IsDefined(required) @IsObject({ message: 'doit être un objet' }) @ValidateNested() @Type(() => OrganisationDto) organisation!: OrganisationDto;
  @ApiProperty({ type: ContactDto }) @IsDefined(required) @IsObject({ message: 'doit être un objet' }) @ValidateNested() @Type(() => ContactDto) contact!: ContactDto;
  @ApiProperty({ type: LegalRepresentativeDto }) @IsDefined(required) @IsObject({ message: 'doit être un objet' }) @ValidateNested() @Type(() => LegalRepresentativeDto) legalRepresentative!: LegalRepresentativeDto;
  @ApiProperty({ type: BankDetailsDto }) @IsDefined(required) @IsObject({ message: 'doit être un objet' }) @ValidateNested() @Type(() => BankDetailsDto) bank!: BankDetailsDto;
  @ApiProperty({ description: '{ questionCode: answerValue } for every question of GET /api/public/questionnaire', type: 'object', additionalProperties: { type: 'string' }, example: { MEDIATION_ACTIVITY: 'REGULAR' } })
  @IsDefined(required) @IsObject({ message: 'doit être un objet { codeQuestion: valeur }' })
  answers!: Record<string, string>;
  @ApiProperty({ type: CharterSignatureDto }) @IsDefined({ message: 'la charte doit être signée' }) @IsObject({ message: 'doit être un objet' }) @ValidateNested() @Type(() => CharterSignatureDto) charter!: CharterSignatureDto;
}

/** POST /api/public/applications/:id/reply (answer to a hold). */
export class ReplyToHoldDto {
  @ApiProperty({ description: 'Token given at submission' }) @IsDefined(required) @IsString(text) @MaxLength(200) token!: string;
  @ApiProperty() @Transform(trimmed) @IsDefined(required) @IsString(text) @MinLength(1, { message: 'la réponse est vide' }) @MaxLength(5000, { message: '5000 caractères au plus' }) message!: string;
  @ApiPropertyOptional({ type: BankDetailsDto, description: 'Corrected bank details, when asked' }) @IsOptional() @IsObject({ message: 'doit être un objet' }) @ValidateNested() @Type(() => BankDetailsDto) bank?: BankDetailsDto;
  @ApiPropertyOptional({ type: CharterSignatureDto, description: 'Signature of the charter in force, when a new version was published meanwhile' })
  @IsOptional() @IsObject({ message: 'doit être un objet' }) @ValidateNested() @Type(() => CharterSignatureDto) charter?: CharterSignatureDto;
}

const REASONS = Object.values(RejectionReason);

export class RejectApplicationDto {
  @ApiProperty({ enum: REASONS }) @IsDefined(required) @IsIn(REASONS, { message: `motif : ${REASONS.join(', ')}` }) reason!: RejectionReason;
  @ApiProperty() @Transform(trimmed) @IsDefined(required) @IsString(text) @MinLength(3, { message: 'expliquez le refus (3 caractères au moins)' }) @MaxLength(5000) comment!: string;
}

export class HoldApplicationDto {
  @ApiProperty({ description: 'What the structure must send or answer' }) @Transform(trimmed) @IsDefined(required) @IsString(text) @MinLength(3, { message: 'dites ce qui est attendu (3 caractères au moins)' }) @MaxLength(5000) comment!: string;
}

export class ApproveApplicationDto {
  @ApiPropertyOptional({ description: 'Required when the score is below the threshold' }) @IsOptional() @Transform(trimmed) @IsString(text) @MaxLength(5000) comment?: string;
}

export class ReasonDto {
  @ApiProperty() @Transform(trimmed) @IsDefined(required) @IsString(text) @MinLength(3, { message: 'indiquez le motif (3 caractères au moins)' }) @MaxLength(2000) reason!: string;
}

export class ReassignApplicationDto {
  @ApiProperty({ description: 'The staff member (REVIEWER or ADMIN, active) who takes the application over: oneself or a colleague' })
  @IsDefined(required)
  @IsString({ message: 'doit être l’identifiant d’un membre de l’équipe' })
  @MinLength(1, required)
  @MaxLength(64, { message: 'identifiant inconnu' })
  assigneeId!: string;
}
