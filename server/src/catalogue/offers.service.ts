import { Injectable, Logger } from '@nestjs/common';
import { UpdateOf, trimmed } from '../common/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { StaffUser } from '../auth/staff-user';
import { AppException, badRequest, conflict, notFound } from '../common/errors';
import { OfferFlag, OfferStatus } from '../generated/prisma/enums';
import { Offer, Prisma, PrismaClient } from '../generated/prisma/client';
import { PartnerIdentity } from '../partner/partner-auth.guard';
import { statusLabel } from '../common/labels';
import { ResourceService } from '../rest/resource.service';
import { OFFER_WORKFLOW } from '../rules/workflows';
import { WriteContext, WritePath } from '../writes/write-path';
import { offersResource } from './catalogue.resources';
import { beneficiaryImpact, checkOffer, FLAG_EXPLANATIONS, needsRecheck } from './offer-checks';

const ID = /^[A-Za-z0-9-]{1,64}$/;
/** 1,000 € for one service act is already far beyond any real offer: more is a typing error. */
export const MAX_OFFER_PRICE_CENTS = 100_000;

export class PartnerOfferDto {
  @ApiProperty({ description: 'Referential service id (GET /api/public/referential)' }) @IsDefined({ message: 'est obligatoire' }) @IsString() @Matches(ID, { message: 'identifiant invalide' }) serviceId!: string;
  @ApiProperty() @Transform(trimmed) @IsDefined({ message: 'est obligatoire' }) @IsString({ message: 'doit être un texte' }) @MinLength(3, { message: '3 caractères au moins' }) @MaxLength(200, { message: '200 caractères au plus' }) title!: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trimmed) @IsString({ message: 'doit être un texte' }) @MaxLength(5000, { message: '5000 caractères au plus' }) description?: string;
  @ApiProperty({ description: 'Price in euro cents (1000 = 10 €)' })
  @IsDefined({ message: 'est obligatoire' })
  @IsInt({ message: 'doit être un nombre entier de centimes (1000 = 10 €)' })
  @Min(1, { message: 'doit être positif : un service a un prix' })
  @Max(MAX_OFFER_PRICE_CENTS, { message: `${MAX_OFFER_PRICE_CENTS / 100} € au plus par service` })
  priceCents!: number;
  @ApiProperty({ description: 'Duration in minutes' }) @IsDefined({ message: 'est obligatoire' }) @IsInt({ message: 'doit être un nombre entier de minutes' }) @Min(5, { message: '5 minutes au moins' }) @Max(600, { message: '10 heures au plus' }) durationMinutes!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(ID, { message: 'identifiant invalide' }) locationId?: string;
}
export class UpdatePartnerOfferDto extends UpdateOf(PartnerOfferDto) {}

export type ModerationAction = keyof typeof OFFER_WORKFLOW;
export const MODERATION_ACTIONS = ['approve', 'reject', 'request-changes'] as const satisfies readonly ModerationAction[];

export class ModerationDto {
  @ApiPropertyOptional({ description: 'Required to reject' }) @IsOptional() @Transform(trimmed) @IsString() @MinLength(3, { message: '3 caractères au moins' }) @MaxLength(2000) reason?: string;
  @ApiPropertyOptional({ description: 'Required to request changes' }) @IsOptional() @Transform(trimmed) @IsString() @MinLength(3, { message: '3 caractères au moins' }) @MaxLength(2000) comment?: string;
}

export class BatchModerationDto extends ModerationDto {
  @ApiProperty({ enum: MODERATION_ACTIONS }) @IsDefined({ message: 'est obligatoire' }) @IsIn(MODERATION_ACTIONS, { message: `action : ${MODERATION_ACTIONS.join(', ')}` }) action!: ModerationAction;
  @ApiProperty({ type: [String] })
  @IsArray({ message: 'doit être une liste d’identifiants' })
  @ArrayMinSize(1, { message: 'au moins une offre' })
  @ArrayMaxSize(500, { message: '500 offres au plus par lot' })
  @IsString({ each: true })
  @Matches(ID, { each: true, message: 'identifiant invalide' })
  ids!: string[];
}

type Tx = Prisma.TransactionClient;

function explain(flags: OfferFlag[]) {
  return flags.map((flag) => ({ flag, explanation: FLAG_EXPLANATIONS[flag] }));
}

/**
 * The catalogue (SPEC §1 step 3, §3): structures submit offers against the national referential,
 * automatic checks approve them or send them to the moderation queue, reviewers decide.
 */
@Injectable()
export class OffersService {
  private readonly logger = new Logger('Catalogue');

  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: WritePath,
    private readonly resources: ResourceService,
  ) {}

  /** Flags for an offer of this structure on this service at this price. */
  async flagsFor(tx: Tx, structureId: string, serviceId: string, priceCents: number, offerId?: string): Promise<OfferFlag[]> {
    const [service, duplicate, structure, openDisputes] = await Promise.all([
      tx.referentialService.findUnique({ where: { id: serviceId }, include: { category: true } }),
      tx.offer.count({ where: { structureId, serviceId, status: { not: 'REJECTED' }, ...(offerId ? { id: { not: offerId } } : {}) } }),
      tx.structure.findUniqueOrThrow({ where: { id: structureId } }),
      tx.dispute.count({ where: { structureId, status: { in: ['OPEN', 'INVESTIGATING'] } } }),
    ]);
    if (!service) throw badRequest(`Service du référentiel inconnu : ${serviceId}.`, { fields: { serviceId: ['service inconnu'] } });
    return checkOffer({
      priceCents,
      recommendedPriceCents: service.recommendedPriceCents,
      referentialActive: service.active && service.category.active,
      duplicateOfferExists: duplicate > 0,
      structureUnderReview: structure.charterResignatureNeeded || openDisputes > 0,
    });
  }

  private statusFor(flags: OfferFlag[]): Pick<Offer, 'status' | 'validation' | 'moderatedAt' | 'moderatedById'> {
    return flags.length === 0
      ? { status: 'APPROVED', validation: 'AUTO', moderatedAt: new Date(), moderatedById: null }
      : { status: 'PENDING_REVIEW', validation: null, moderatedAt: null, moderatedById: null };
  }

  describe<O extends { flags: OfferFlag[] }>(offer: O) {
    return { ...offer, flagExplanations: explain(offer.flags) };
  }

  /** The national referential as structures see it: active categories and their active services. */
  async publicReferential() {
    const categories = await this.prisma.referentialCategory.findMany({
      where: { active: true },
      orderBy: { position: 'asc' },
      include: { services: { where: { active: true }, orderBy: { code: 'asc' }, select: { id: true, code: true, label: true, description: true, recommendedPriceCents: true } } },
    });
    return categories.map((c) => ({ id: c.id, code: c.code, label: c.label, description: c.description, services: c.services }));
  }

  // ── Partner API ──

  async partnerList(partner: PartnerIdentity) {
    const offers = await this.prisma.offer.findMany({ where: { structureId: partner.structureId }, orderBy: { submittedAt: 'desc' } });
    return offers.map((o) => this.describe(o));
  }

  async partnerGet(partner: PartnerIdentity, id: string) {
    const offer = await this.prisma.offer.findFirst({ where: { id, structureId: partner.structureId } });
    if (!offer) throw notFound('Offre introuvable dans votre catalogue.');
    return this.describe(offer);
  }

  async partnerCreate(partner: PartnerIdentity, dto: PartnerOfferDto) {
    // One catalogue change at a time per structure: the duplicate check holds until the insert.
    const plan = { resource: offersResource, action: 'submit', by: this.partnerWriter(partner), lockFirst: [{ model: 'Structure' as const, id: partner.structureId }] };
    const { record: offer } = await this.writes.outsideCreate(plan, async (ctx) => {
      await this.checkLocation(ctx.tx, partner.structureId, dto.locationId);
      const flags = await this.flagsFor(ctx.tx, partner.structureId, dto.serviceId, dto.priceCents);
      const created = await ctx.tx.offer.create({
        data: {
          structureId: partner.structureId,
          serviceId: dto.serviceId,
          locationId: dto.locationId ?? null,
          title: dto.title,
          description: dto.description ?? null,
          priceCents: dto.priceCents,
          durationMinutes: dto.durationMinutes,
          flags,
          ...this.statusFor(flags),
        },
      });
      return { record: created, action: flags.length ? 'submit' : 'submit-auto-approved' };
    });
    return this.describe(offer);
  }

  /** A new price or referential service goes back through the checks; other edits do not, except to answer a change request. */
  async partnerUpdate(partner: PartnerIdentity, id: string, dto: UpdatePartnerOfferDto) {
    const plan = {
      resource: offersResource,
      id,
      action: 'update',
      by: this.partnerWriter(partner),
      within: { structureId: partner.structureId },
      notFound: 'Offre introuvable dans votre catalogue.',
      lockedBy: (holder: string) => `Cette offre est en cours de modération par ${holder} : réessayez dans un moment.`,
      // A reviewer's decision and this edit do not cross: the one that waits sees the other's result.
      lockFirst: [{ model: 'Structure' as const, id: partner.structureId }],
    };
    const { record: offer } = await this.writes.outside(plan, async (before, ctx) => {
      if (before.status === 'REJECTED') throw conflict('Cette offre a été refusée : créez une nouvelle offre.');
      if (dto.locationId) await this.checkLocation(ctx.tx, partner.structureId, dto.locationId);
      const recheck = needsRecheck(before, dto);
      const data: Prisma.OfferUpdateInput = {
        title: dto.title,
        description: dto.description,
        priceCents: dto.priceCents,
        durationMinutes: dto.durationMinutes,
        ...(dto.serviceId ? { service: { connect: { id: dto.serviceId } } } : {}),
        ...(dto.locationId ? { location: { connect: { id: dto.locationId } } } : {}),
      };
      if (recheck) {
        const flags = await this.flagsFor(ctx.tx, partner.structureId, dto.serviceId ?? before.serviceId, dto.priceCents ?? before.priceCents, id);
        const { moderatedById: _none, ...status } = this.statusFor(flags);
        Object.assign(data, { flags, ...status, moderationComment: null, submittedAt: new Date(), moderatedBy: { disconnect: true } });
      }
      return { record: await ctx.tx.offer.update({ where: { id }, data }), action: recheck ? 'resubmit' : 'update' };
    });
    return this.describe(offer);
  }

  private partnerWriter(partner: PartnerIdentity) {
    return { kind: 'partner' as const, structureId: partner.structureId };
  }

  private async checkLocation(tx: Tx, structureId: string, locationId?: string) {
    if (!locationId) return;
    const location = await tx.location.findFirst({ where: { id: locationId, structureId } });
    if (!location) throw badRequest('Lieu inconnu pour votre structure.', { fields: { locationId: ['lieu inconnu'] } });
  }

  // ── Moderation ──

  private checkModeration(action: ModerationAction, dto: ModerationDto) {
    if (action === 'reject' && !dto.reason) throw badRequest('Indiquez le motif du refus.', { fields: { reason: ['obligatoire pour refuser'] } });
    if (action === 'request-changes' && !dto.comment) throw badRequest('Dites ce qui doit changer.', { fields: { comment: ['obligatoire pour demander des modifications'] } });
  }

  async moderate(id: string, user: StaffUser, action: ModerationAction, dto: ModerationDto) {
    this.checkModeration(action, dto);
    const t = OFFER_WORKFLOW[action];
    const { presented } = await this.writes.staff({ resource: offersResource, id, user, action }, async (before, { tx }) => {
      const { count } = await tx.offer.updateMany({
        where: { id, status: { in: [...t.from] } },
        data: {
          status: t.to,
          validation: action === 'approve' ? 'MANUAL' : null,
          moderationComment: action === 'reject' ? dto.reason! : action === 'request-changes' ? dto.comment! : (dto.comment ?? null),
          moderatedById: user.id,
          moderatedAt: new Date(),
        },
      });
      if (count === 0) throw conflict(`Impossible : l'offre est « ${statusLabel(before.status)} ».`, { status: before.status });
      return { record: await tx.offer.findUniqueOrThrow({ where: { id } }) };
    });
    return presented;
  }

  /** Each offer in its own transaction: one that fails is reported and does not stop the others. */
  async moderateBatch(user: StaffUser, dto: BatchModerationDto) {
    this.checkModeration(dto.action, dto);
    const ids = [...new Set(dto.ids)];
    const results: { id: string; ok: boolean; status?: string; error?: string }[] = [];
    for (const id of ids) {
      try {
        const offer = await this.moderate(id, user, dto.action, dto);
        results.push({ id, ok: true, status: String(offer.status) });
      } catch (error) {
        if (error instanceof AppException) {
          results.push({ id, ok: false, error: error.message });
        } else {
          this.logger.error({ message: 'batch moderation: unexpected error', offerId: id, error: error instanceof Error ? error.stack : String(error) });
          results.push({ id, ok: false, error: 'Erreur interne sur cette offre : l’équipe technique a été prévenue.' });
        }
      }
    }
    const succeeded = results.filter((r) => r.ok).length;
    return { action: dto.action, total: results.length, succeeded, failed: results.length - succeeded, results };
  }

  /** The moderation view: offer, structure, referential service, flags explained, impact, other offers. */
  async review(id: string, user: StaffUser) {
    const offer = await this.resources.findRaw(offersResource, id, user);
    const [structure, service, otherOffers] = await Promise.all([
      this.prisma.structure.findUniqueOrThrow({ where: { id: offer.structureId }, select: { id: true, name: true, status: true, departement: true, city: true, charterResignatureNeeded: true } }),
      this.prisma.referentialService.findUniqueOrThrow({ where: { id: offer.serviceId }, include: { category: { select: { id: true, label: true, active: true } } } }),
      this.prisma.offer.findMany({
        where: { structureId: offer.structureId, id: { not: id } },
        select: { id: true, title: true, serviceId: true, priceCents: true, status: true, flags: true },
        orderBy: { submittedAt: 'desc' },
      }),
    ]);
    return {
      offer: { ...this.resources.present(offersResource, offer, user), flagExplanations: explain(offer.flags) },
      structure,
      service: { id: service.id, code: service.code, label: service.label, recommendedPriceCents: service.recommendedPriceCents, active: service.active, category: service.category },
      impact: beneficiaryImpact(offer.priceCents, service.recommendedPriceCents),
      otherOffers,
    };
  }

  /**
   * A referential service (or a whole category) was deactivated: its live offers are not broken,
   * they are flagged REFERENTIAL_INACTIVE and go back to the moderation queue.
   */
  async flagOffersOfInactiveServices(ctx: WriteContext, serviceIds: string[]) {
    const offers = await ctx.tx.offer.findMany({ where: { serviceId: { in: serviceIds }, status: { in: ['APPROVED', 'PENDING_REVIEW', 'CHANGES_REQUESTED'] } } });
    for (const before of offers) {
      const flags = before.flags.includes('REFERENTIAL_INACTIVE') ? before.flags : [...before.flags, OfferFlag.REFERENTIAL_INACTIVE];
      const after = await ctx.tx.offer.update({ where: { id: before.id }, data: { flags, status: 'PENDING_REVIEW', validation: null } });
      await ctx.record({ action: 'flag-referential-inactive', resource: 'offers', recordId: before.id, before, after });
    }
    return offers.length;
  }
}
