import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApplicationStatus, StructureStatus } from '../../generated/prisma/enums';

// The answers of the public and partner eligibility operations as /api/docs describes them.

export class PublicCharterDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 2, description: 'The version an applicant signs (charter.version in the application)' }) version!: number;
  @ApiProperty({ example: 'Charte des APTICulteurs — version 2' }) title!: string;
  @ApiProperty({ description: 'The full text to show before signing' }) body!: string;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
}

class QuestionOptionDto {
  @ApiProperty({ example: 'REGULAR', description: 'What to send in answers[code]' }) value!: string;
  @ApiProperty({ example: 'Oui, de façon régulière' }) label!: string;
}

class QuestionDto {
  @ApiProperty({ example: 'MEDIATION_ACTIVITY', description: 'Key of answers in the application' }) code!: string;
  @ApiProperty({ example: 'La médiation numérique fait-elle partie de vos activités régulières ?' }) label!: string;
  @ApiProperty({ type: [QuestionOptionDto] }) options!: QuestionOptionDto[];
}

export class PublicQuestionnaireDto {
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [QuestionDto], description: 'Every question must be answered, with one of its options' }) questions!: QuestionDto[];
}

export class ApplicationReceiptDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'DEM-2026-MSZQ17', description: 'To quote to the APTIC team' }) reference!: string;
  @ApiProperty({ enum: ApplicationStatus, example: 'SUBMITTED' }) status!: ApplicationStatus;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ example: 'rpl_uvHF94Q98O4W2JEqlkGyB_Q5a_s8g9z6', description: 'Given once: needed to answer a hold (POST /api/public/applications/{id}/reply)' }) replyToken!: string;
  @ApiProperty() message!: string;
}

export class ApplicantViewDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'DEM-2026-MSZQ17' }) reference!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ enum: ApplicationStatus, example: 'ON_HOLD' }) status!: ApplicationStatus;
  @ApiProperty({ example: 'En attente de votre réponse' }) statusLabel!: string;
  @ApiProperty({ description: 'The APTIC team asked a question: POST …/reply answers it' }) awaitingReply!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Quels sont vos horaires d’accueil ?', description: 'The reviewer’s question while a reply is awaited' }) question!: string | null;
}

export class ApplicationReplyAnswerDto {
  @ApiProperty() id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: ApplicationStatus, example: 'IN_REVIEW' }) status!: ApplicationStatus;
  @ApiProperty({ example: 'Réponse transmise : votre demande est de nouveau en cours d’instruction.' }) message!: string;
}

export class PartnerLocationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'Médiathèque du centre' }) name!: string;
  @ApiProperty({ example: '77 rue Calixte Camelle' }) addressLine!: string;
  @ApiProperty({ example: '33130' }) postalCode!: string;
  @ApiProperty({ example: 'Bègles' }) city!: string;
}

export class PartnerMeDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '41234567800012' }) siret!: string;
  @ApiProperty({ enum: StructureStatus, example: 'ELIGIBLE' }) status!: StructureStatus;
  @ApiProperty({ example: '33' }) departement!: string;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 2 }) signedCharterVersion!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 2 }) charterInForce!: number | null;
  @ApiProperty({ description: 'A newer charter was published: sign it (POST /api/partner/charter-signature)' }) charterResignatureNeeded!: boolean;
  @ApiProperty({ type: [PartnerLocationDto], description: 'The structure’s active places: `locationId` of an offer or a redemption' }) locations!: PartnerLocationDto[];
}

export class CharterSignatureAnswerDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 2 }) charterVersion!: number;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
}
