import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OfferFlag, OfferStatus, OfferValidation } from '../../generated/prisma/enums';

// The answers of the public referential and the partner catalogue as /api/docs describes them.

class ReferentialServiceDto {
  @ApiProperty({ description: 'serviceId of an offer' }) id!: string;
  @ApiProperty({ example: 'MATERIEL-SOLIDAIRE-01' }) code!: string;
  @ApiProperty({ example: 'Conseil pour choisir un ordinateur reconditionné' }) label!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ example: 1000, description: 'Recommended price in cents' }) recommendedPriceCents!: number;
}

export class ReferentialCategoryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'MATERIEL-SOLIDAIRE' }) code!: string;
  @ApiProperty() label!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: [ReferentialServiceDto] }) services!: ReferentialServiceDto[];
}

class FlagExplanationDto {
  @ApiProperty({ enum: OfferFlag }) flag!: OfferFlag;
  @ApiProperty({ example: 'Prix supérieur au prix recommandé du référentiel' }) explanation!: string;
}

export class PartnerOfferAnswerDto {
  @ApiProperty() id!: string;
  @ApiProperty() structureId!: string;
  @ApiProperty() serviceId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) locationId!: string | null;
  @ApiProperty({ example: 'Atelier courriel' }) title!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ example: 1000, description: 'Price in cents' }) priceCents!: number;
  @ApiProperty({ example: 60 }) durationMinutes!: number;
  @ApiProperty({ enum: OfferStatus, description: 'Only APPROVED offers can be scanned' }) status!: OfferStatus;
  @ApiProperty({ enum: OfferValidation, description: 'AUTO: approved by the automatic checks; MANUAL: decided by a reviewer' }) validation!: OfferValidation;
  @ApiProperty({ enum: OfferFlag, isArray: true }) flags!: OfferFlag[];
  @ApiProperty({ type: [FlagExplanationDto], description: 'Each flag in words' }) flagExplanations!: FlagExplanationDto[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The reviewer’s words (rejection, changes requested)' }) moderationComment!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) moderatedById!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) moderatedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) submittedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
