import { Injectable } from '@nestjs/common';
import { UpdateOf, trimmed } from '../common/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { StaffUser } from '../auth/staff-user';
import { AppErrorCode, AppException, conflict, notFound } from '../common/errors';
import { Charter, Prisma, PrismaClient, Questionnaire } from '../generated/prisma/client';
import { ResourceWriter } from '../writes/resource-writes';
import { WriteContext, WritePath } from '../writes/write-path';
import { chartersResource, questionnairesResource } from './eligibility.resources';
import { Question, questionnaireProblems, questionsJson, questionsOf } from './questionnaire.rules';


export class CreateCharterDto {
  @ApiProperty() @Transform(trimmed) @IsDefined({ message: 'est obligatoire' }) @IsString() @MinLength(3, { message: '3 caractères au moins' }) @MaxLength(200) title!: string;
  @ApiProperty() @IsDefined({ message: 'est obligatoire' }) @IsString() @MinLength(20, { message: 'le texte de la charte est trop court' }) @MaxLength(100_000) body!: string;
}
export class UpdateCharterDto extends UpdateOf(CreateCharterDto) {}

export class QuestionOptionDto {
  @ApiProperty() @IsString() @Matches(/^[A-Z0-9_]{1,40}$/, { message: 'valeur : majuscules, chiffres et _' }) value!: string;
  @ApiProperty() @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(200) label!: string;
  @ApiProperty() @IsInt({ message: 'le score est un entier' }) @Min(0) @Max(100) score!: number;
}

export class QuestionDto {
  @ApiProperty() @IsString() @Matches(/^[A-Z0-9_]{2,40}$/, { message: 'code : majuscules, chiffres et _' }) code!: string;
  @ApiProperty() @Transform(trimmed) @IsString() @MinLength(3) @MaxLength(500) label!: string;
  @ApiProperty({ type: [QuestionOptionDto] }) @IsArray() @ArrayMinSize(2, { message: 'au moins deux réponses' }) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => QuestionOptionDto) options!: QuestionOptionDto[];
}

export class CreateQuestionnaireDto {
  @ApiProperty() @Transform(trimmed) @IsDefined({ message: 'est obligatoire' }) @IsString() @MinLength(3) @MaxLength(200) title!: string;
  @ApiProperty({ description: 'Minimum score for eligibility' }) @IsDefined({ message: 'est obligatoire' }) @IsInt({ message: 'le seuil est un entier' }) @Min(0) @Max(10_000) threshold!: number;
  @ApiProperty({ type: [QuestionDto] }) @IsDefined({ message: 'est obligatoire' }) @IsArray() @ArrayMinSize(1, { message: 'au moins une question' }) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => QuestionDto) questions!: QuestionDto[];
}
export class UpdateQuestionnaireDto extends UpdateOf(CreateQuestionnaireDto) {}

function published<T extends { publishedAt: Date | null }>(record: T, what: string) {
  if (record.publishedAt) throw conflict(`${what} est publiée : elle ne change plus. Créez une nouvelle version.`);
}

/** The charter in force and the questionnaire in use are the latest published versions. */
@Injectable()
export class CurrentVersions {
  constructor(private readonly prisma: PrismaClient) {}

  charter(client: Prisma.TransactionClient | PrismaClient = this.prisma) {
    return client.charter.findFirst({ where: { publishedAt: { not: null } }, orderBy: { version: 'desc' } });
  }

  questionnaire(client: Prisma.TransactionClient | PrismaClient = this.prisma) {
    return client.questionnaire.findFirst({ where: { publishedAt: { not: null } }, orderBy: { version: 'desc' } });
  }

  /** The charter in force, as an applicant reads and signs it. */
  async publicCharter() {
    const charter = await this.charter();
    if (!charter) throw notFound('Aucune charte publiée.');
    return { id: charter.id, version: charter.version, title: charter.title, body: charter.body, publishedAt: charter.publishedAt };
  }

  /** The questionnaire in use, without the scores. */
  async publicQuestionnaire() {
    const q = await this.questionnaire();
    if (!q) throw notFound('Aucun questionnaire publié.');
    const questions = questionsOf(q.questions).map((question) => ({
      code: question.code,
      label: question.label,
      options: question.options.map((o) => ({ value: o.value, label: o.label })),
    }));
    return { version: q.version, title: q.title, questions };
  }
}

/** ADMIN drafts a new charter version, then publishes it; signatories of older versions are flagged. */
@Injectable()
export class ChartersWriter implements ResourceWriter<'Charter', CreateCharterDto, UpdateCharterDto> {
  createDto = CreateCharterDto;
  updateDto = UpdateCharterDto;

  async create(dto: CreateCharterDto, { tx }: WriteContext) {
    const last = await tx.charter.findFirst({ orderBy: { version: 'desc' } });
    return { record: await tx.charter.create({ data: { ...dto, version: (last?.version ?? 0) + 1 } }) };
  }

  async update(id: string, dto: UpdateCharterDto, before: Charter, { tx }: WriteContext) {
    published(before, 'Cette version de la charte');
    return { record: await tx.charter.update({ where: { id }, data: dto }) };
  }
}

@Injectable()
export class QuestionnairesWriter implements ResourceWriter<'Questionnaire', CreateQuestionnaireDto, UpdateQuestionnaireDto> {
  createDto = CreateQuestionnaireDto;
  updateDto = UpdateQuestionnaireDto;

  async create(dto: CreateQuestionnaireDto, { tx }: WriteContext) {
    checkQuestions(dto.questions);
    const last = await tx.questionnaire.findFirst({ orderBy: { version: 'desc' } });
    return {
      record: await tx.questionnaire.create({
        data: { title: dto.title, threshold: dto.threshold, questions: questionsJson(dto.questions), version: (last?.version ?? 0) + 1 },
      }),
    };
  }

  async update(id: string, dto: UpdateQuestionnaireDto, before: Questionnaire, { tx }: WriteContext) {
    published(before, 'Cette version du questionnaire');
    if (dto.questions) checkQuestions(dto.questions);
    const data: Prisma.QuestionnaireUpdateInput = { title: dto.title, threshold: dto.threshold };
    if (dto.questions) data.questions = questionsJson(dto.questions);
    return { record: await tx.questionnaire.update({ where: { id }, data }) };
  }
}

function checkQuestions(questions: Question[]) {
  const problems = questionnaireProblems(questions);
  if (problems.length) throw new AppException(AppErrorCode.VALIDATION_FAILED, `Questionnaire incohérent : ${problems.join(' ; ')}`, { fields: { questions: problems } });
}

@Injectable()
export class PublicationService {
  constructor(
    private readonly writes: WritePath,
    private readonly current: CurrentVersions,
  ) {}

  /** Publishes a draft charter: it becomes the version in force; structures on older versions must re-sign. */
  async publishCharter(id: string, user: StaffUser) {
    const { presented } = await this.writes.staff({ resource: chartersResource, id, user, action: 'publish' }, async (before, ctx) => {
      published(before, 'Cette version de la charte');
      const inForce = await this.current.charter(ctx.tx);
      if (inForce && inForce.version > before.version) throw conflict(`La version ${inForce.version} est déjà en vigueur : publiez une version plus récente.`);
      const charter = await ctx.tx.charter.update({ where: { id }, data: { publishedAt: new Date() } });
      const outdated = await ctx.tx.structure.findMany({
        // APTICulteurs only: applicants re-sign through their application, rejected structures never will.
        where: { status: { in: ['ELIGIBLE', 'SUSPENDED'] }, charterResignatureNeeded: false, OR: [{ signedCharterVersion: null }, { signedCharterVersion: { lt: charter.version } }] },
        select: { id: true, signedCharterVersion: true },
      });
      await ctx.tx.structure.updateMany({ where: { id: { in: outdated.map((s) => s.id) } }, data: { charterResignatureNeeded: true } });
      for (const s of outdated) {
        await ctx.record({
          action: 'charter-resignature-needed',
          resource: 'structures',
          recordId: s.id,
          before: { charterResignatureNeeded: false },
          after: { charterResignatureNeeded: true, signedCharterVersion: s.signedCharterVersion, charterInForce: charter.version },
        });
      }
      return { record: charter, flagged: outdated.length };
    });
    return presented;
  }

  async publishQuestionnaire(id: string, user: StaffUser) {
    const { presented } = await this.writes.staff({ resource: questionnairesResource, id, user, action: 'publish' }, async (before, ctx) => {
      published(before, 'Cette version du questionnaire');
      const inUse = await this.current.questionnaire(ctx.tx);
      if (inUse && inUse.version > before.version) throw conflict(`La version ${inUse.version} est déjà en usage : publiez une version plus récente.`);
      return { record: await ctx.tx.questionnaire.update({ where: { id }, data: { publishedAt: new Date() } }) };
    });
    return presented;
  }
}
