import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { MAX_BARCODES_PER_REDEMPTION } from '../../rules/scanning';

const ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** What a reader may type: visible ASCII, 64 characters at most (a mistyped code is recorded and refused INVALID_BARCODE). */
const READ_CODE = /^[\x21-\x7E]{1,64}$/;
const trimmedEach = ({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value);

/** POST /api/partner/redemptions: one service act, an offer of the structure and the passes scanned for it. */
export class RedeemDto {
  @ApiProperty({ description: 'The offer (service) of the structure’s catalogue the passes pay for' })
  @IsDefined({ message: 'est obligatoire : choisissez le service' })
  @IsString({ message: 'doit être l’identifiant d’une offre' })
  @Matches(ID, { message: 'identifiant d’offre invalide' })
  offerId!: string;

  @ApiProperty({ type: [String], example: ['2123456789011'], description: `The barcodes as read (13 digits), ${MAX_BARCODES_PER_REDEMPTION} at most` })
  @Transform(trimmedEach)
  @IsDefined({ message: 'est obligatoire : au moins un code-barres' })
  @IsArray({ message: 'doit être une liste de codes-barres' })
  @ArrayMinSize(1, { message: 'au moins un code-barres' })
  @ArrayMaxSize(MAX_BARCODES_PER_REDEMPTION, { message: `${MAX_BARCODES_PER_REDEMPTION} codes-barres au plus par passage` })
  @IsString({ each: true, message: 'chaque code-barres est un texte (13 chiffres)' })
  @Matches(READ_CODE, { each: true, message: 'chaque code-barres fait de 1 à 64 caractères visibles (13 chiffres attendus)' })
  barcodes!: string[];

  @ApiPropertyOptional({ description: 'Where the service took place (one of the structure’s locations)' })
  @IsOptional()
  @IsString({ message: 'doit être l’identifiant d’un lieu' })
  @Matches(ID, { message: 'identifiant de lieu invalide' })
  locationId?: string;
}

/** GET /api/partner/redemptions: the newest first, a page at a time. */
export class RedemptionHistoryQueryDto {
  @ApiPropertyOptional({ description: 'Number of redemptions (1–100, 20 by default)', example: '20' })
  @IsOptional()
  @Matches(/^(100|[1-9]\d?)$/, { message: 'un nombre de 1 à 100' })
  limit?: string;

  @ApiPropertyOptional({ description: 'Only those before this instant (the createdAt of the last one of the previous page)', example: '2026-12-03T10:02:00.000Z' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'une date et heure ISO 8601 (2026-12-03T10:02:00.000Z)' })
  before?: string;
}
