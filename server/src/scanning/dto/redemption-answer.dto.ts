import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ScanRejectionReason } from '../../generated/prisma/enums';

// The answers of POST /api/partner/redemptions as the OpenAPI document describes them (what a
// scanner-app vendor integrates with). The service builds them (redemptions.service.ts).

export class ScanAnswerDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '2123456789011', description: 'The barcode as sent' }) barcode!: string;
  @ApiProperty({ enum: ['ACCEPTED', 'REJECTED'] }) outcome!: 'ACCEPTED' | 'REJECTED';
  @ApiPropertyOptional({ enum: ScanRejectionReason, nullable: true, description: 'Null when accepted, or when the pass was fine but another one of the redemption was refused' })
  reason!: ScanRejectionReason | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Pass déjà utilisé' }) reasonLabel!: string | null;
  @ApiProperty({ example: 'Pass déjà utilisé — Déjà utilisé le 03/11/2026 à 10:02 chez EPN Talence (Atelier courriel).', description: 'What the scanner screen shows, in French' })
  message!: string;
  @ApiProperty({ example: 1000, description: 'Value encashed in cents (0 when refused)' }) valueCents!: number;
}

export class RedemptionAcceptedDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['ACCEPTED'] }) status!: 'ACCEPTED';
  @ApiProperty() offerId!: string;
  @ApiProperty() offerTitle!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) locationId!: string | null;
  @ApiProperty({ example: 1 }) passCount!: number;
  @ApiProperty({ example: 1000 }) totalValueCents!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ example: 'Passage accepté : 1 pass, 10,00 €.' }) message!: string;
  @ApiProperty({ type: [ScanAnswerDto] }) scans!: ScanAnswerDto[];
}

class RedemptionRefusedDetailsDto {
  @ApiPropertyOptional({ description: 'The recorded redemption (absent when an Idempotency-Key was reused with another body)' }) id?: string;
  @ApiPropertyOptional({ enum: ['REJECTED'] }) status?: 'REJECTED';
  @ApiPropertyOptional({ type: [ScanAnswerDto], description: 'Each barcode with its reason' }) scans?: ScanAnswerDto[];
  @ApiPropertyOptional({ description: 'The Idempotency-Key reused with another body' }) idempotencyKey?: string;
}

export class RedemptionRefusedDto {
  @ApiProperty({ example: 422 }) statusCode!: number;
  @ApiProperty({ example: 'Unprocessable Entity' }) error!: string;
  @ApiProperty({ example: 'Passage refusé : 1 pass sur 1 est refusé (Pass déjà utilisé). Aucun pass n’a été encaissé.' }) message!: string;
  @ApiProperty({ type: RedemptionRefusedDetailsDto }) details!: RedemptionRefusedDetailsDto;
  @ApiPropertyOptional({ description: 'Quote it to the APTIC team' }) requestId?: string;
}

class HistoryScanDto {
  @ApiProperty() barcode!: string;
  @ApiProperty({ enum: ['ACCEPTED', 'REJECTED'] }) outcome!: 'ACCEPTED' | 'REJECTED';
  @ApiPropertyOptional({ enum: ScanRejectionReason, nullable: true }) reason!: ScanRejectionReason | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Pass déjà utilisé' }) reasonLabel!: string | null;
  @ApiProperty({ example: 1000 }) valueCents!: number;
  @ApiProperty({ description: 'Voided by the APTIC team after a dispute' }) voided!: boolean;
}

/** One redemption in the structure's history (GET /api/partner/redemptions). */
export class RedemptionHistoryItemDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ enum: ['ACCEPTED', 'REJECTED'] }) status!: 'ACCEPTED' | 'REJECTED';
  @ApiPropertyOptional({ type: String, nullable: true }) offerId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Atelier courriel' }) offerTitle!: string | null;
  @ApiProperty({ example: 1 }) passCount!: number;
  @ApiProperty({ example: 1000 }) totalValueCents!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) idempotencyKey!: string | null;
  @ApiProperty({ type: [HistoryScanDto] }) scans!: HistoryScanDto[];
}
