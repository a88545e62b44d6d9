import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { canRead } from '../auth/permissions';
import { StaffUser } from '../auth/staff-user';
import { forbidden } from '../common/errors';
import { disputesResource } from '../disputes/disputes.resources';
import { applicationsResource, structuresResource } from '../eligibility/eligibility.resources';
import { endorsementsResource } from '../endorsement/endorsement.resources';
import { offersResource } from '../catalogue/catalogue.resources';
import { ResourceDefinition } from '../rest/resource-definition';
import { ResourceService } from '../rest/resource.service';
import { ResourceWriter } from '../writes/resource-writes';
import { WriteContext } from '../writes/write-path';

/** The records staff discuss (SPEC / issue: applications, structures, offers, disputes, endorsements). */
export const COMMENTABLE: Record<string, ResourceDefinition> = Object.fromEntries(
  [applicationsResource, structuresResource, offersResource, disputesResource, endorsementsResource].map((d) => [d.name, d]),
);

export class CreateCommentDto {
  @ApiProperty({ enum: Object.keys(COMMENTABLE) })
  @IsIn(Object.keys(COMMENTABLE), { message: `doit être l'une des ressources ${Object.keys(COMMENTABLE).join(', ')}` })
  resource!: string;

  @ApiProperty()
  @IsString({ message: 'doit être un texte' })
  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: "identifiant d'enregistrement invalide" })
  recordId!: string;

  @ApiProperty({ minLength: 1, maxLength: 5000 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'doit être un texte' })
  @MinLength(1, { message: 'le commentaire est vide' })
  @MaxLength(5000, { message: '5000 caractères au plus' })
  body!: string;
}

/** Comments are never edited or deleted: they are part of the record's history, like its audit log. */
@Injectable()
export class CommentsWriter implements ResourceWriter<'Comment', CreateCommentDto> {
  createDto = CreateCommentDto;

  constructor(private readonly resources: ResourceService) {}

  async create(dto: CreateCommentDto, { tx }: WriteContext, user: StaffUser) {
    if (!Object.hasOwn(COMMENTABLE, dto.resource) || !canRead(user.role, dto.resource)) throw forbidden(`Votre rôle ne permet pas de consulter « ${dto.resource} », ni donc de les commenter.`);
    await this.resources.findRaw(COMMENTABLE[dto.resource], dto.recordId, user, tx); // 404 when the record does not exist
    const record = await tx.comment.create({ data: { resource: dto.resource, recordId: dto.recordId, body: dto.body, authorId: user.id } });
    return {
      record,
      about: dto.resource,
      auditAs: { action: 'comment', resource: dto.resource, recordId: dto.recordId, after: { commentId: record.id, body: record.body } },
    };
  }
}
