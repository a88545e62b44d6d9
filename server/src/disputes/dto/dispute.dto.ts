import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { trimmed } from '../../common/validators';
import { DisputeCategory, DisputeOrigin, DisputeOutcome } from '../../generated/prisma/enums';

const required = { message: 'est obligatoire' };
const text = { message: 'doit être un texte' };
const ORIGINS = Object.values(DisputeOrigin);
const CATEGORIES = Object.values(DisputeCategory);
const OUTCOMES = Object.values(DisputeOutcome);
/** Scans or passes of one dispute: what one investigation can follow. */
export const MAX_DISPUTE_ITEMS = 50;
const ids = (what: string) => ({ each: true, message: `identifiants de ${what} attendus` });

/**
 * A dispute opened by support from a scan, a pass, a redemption or a structure page: what it is
 * about (at least one of them), where it comes from, its category and what happened.
 */
export class OpenDisputeDto {
  @ApiProperty({ enum: ORIGINS }) @IsDefined(required) @IsIn(ORIGINS, { message: `origine : ${ORIGINS.join(', ')}` }) origin!: DisputeOrigin;
  @ApiProperty({ enum: CATEGORIES }) @IsDefined(required) @IsIn(CATEGORIES, { message: `catégorie : ${CATEGORIES.join(', ')}` }) category!: DisputeCategory;
  @ApiProperty({ example: 'La bénéficiaire dit ne pas avoir reçu l’atelier du 12 novembre.' })
  @Transform(trimmed) @IsDefined(required) @IsString(text) @MinLength(10, { message: 'décrivez ce qui s’est passé (10 caractères au moins)' }) @MaxLength(4000, { message: '4000 caractères au plus' })
  description!: string;
  @ApiPropertyOptional({ type: [String], description: 'Scans involved (accepted or refused)' })
  @IsOptional() @IsArray({ message: 'doit être une liste de scans' }) @ArrayMaxSize(MAX_DISPUTE_ITEMS, { message: `${MAX_DISPUTE_ITEMS} scans au plus` }) @IsUUID('4', ids('scans'))
  scanIds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Passes involved' })
  @IsOptional() @IsArray({ message: 'doit être une liste de pass' }) @ArrayMaxSize(MAX_DISPUTE_ITEMS, { message: `${MAX_DISPUTE_ITEMS} pass au plus` }) @IsUUID('4', ids('pass'))
  passIds?: string[];
  @ApiPropertyOptional({ description: 'A redemption: its scans are involved' }) @IsOptional() @IsUUID('4', { message: 'passage inconnu' }) redemptionId?: string;
  @ApiPropertyOptional({ description: 'The structure concerned (required when no scan nor pass is given)' }) @IsOptional() @IsUUID('4', { message: 'structure inconnue' }) structureId?: string;
}

export class AssignDisputeDto {
  @ApiProperty({ nullable: true, description: 'The SUPPORT or ADMIN staff member (active) who takes it: oneself or a colleague; null: nobody' })
  @ValidateIf((_o, v) => v !== null) @IsDefined(required) @IsString({ message: 'doit être l’identifiant d’un membre de l’équipe' }) @MinLength(1, required) @MaxLength(64, { message: 'identifiant inconnu' })
  assigneeId!: string | null;
}

export class ResolveDisputeDto {
  @ApiProperty({ enum: OUTCOMES }) @IsDefined(required) @IsIn(OUTCOMES, { message: `issue : ${OUTCOMES.join(', ')}` }) outcome!: DisputeOutcome;
  @ApiProperty({ example: 'La structure confirme que l’atelier n’a pas eu lieu.' })
  @Transform(trimmed) @IsDefined(required) @IsString(text) @MinLength(10, { message: 'expliquez la décision (10 caractères au moins)' }) @MaxLength(4000, { message: '4000 caractères au plus' })
  explanation!: string;
  @ApiPropertyOptional({ description: 'FORCE_REDEEM: the structure’s approved offer the passes are redeemed for, when the refused scan named none of its own' })
  @IsOptional() @IsUUID('4', { message: 'offre inconnue' })
  offerId?: string;
}

export class CancelDisputeDto {
  @ApiProperty() @Transform(trimmed) @IsDefined(required) @IsString(text) @MinLength(10, { message: 'expliquez l’annulation (10 caractères au moins)' }) @MaxLength(4000, { message: '4000 caractères au plus' })
  explanation!: string;
}
