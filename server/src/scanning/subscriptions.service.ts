import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { StaffUser } from '../auth/staff-user';
import { conflict } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { Prisma, PrismaClient } from '../generated/prisma/client';
import type { Subscription, SubscriptionPlan } from '../generated/prisma/client';
import type { PartnerIdentity } from '../partner/partner-auth.guard';
import { BUSINESS_ZONE } from '../rules/dates';
import { formatEuros } from '../rules/money';
import { feesDueCents, KIT_PLANS, OPEN_SUBSCRIPTION_STATUSES, PLAN_LABELS, planChange } from '../rules/subscriptions';
import { allows, SUBSCRIPTION_WORKFLOW } from '../rules/workflows';
import { Writer, WritePath } from '../writes/write-path';
import { ChangePlanDto, OrderKitDto } from './dto/subscription.dto';
import { subscriptionsResource } from './scanning.resources';

const parisDate = (d: Date) => DateTime.fromJSDate(d, { zone: BUSINESS_ZONE }).toFormat('dd/MM/yyyy');
const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/** What a structure is told of its kit (partner API): no staff names. */
export interface KitView {
  id: string;
  plan: SubscriptionPlan;
  status: Subscription['status'];
  feeCents: number;
  orderedAt: Date;
  startedAt: Date | null;
  planFrom: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  feesDueCents: number;
}

/**
 * Kit subscriptions (SPEC §1 step 4): a structure orders its kit through the partner API;
 * FINANCE and ADMIN change its plan or end it, with a reason. Fees come from the configuration
 * when the kit is ordered or its plan changed, and stay frozen on the record. The kit starts
 * (ACTIVE, billing from that day) at the structure's first accepted scan: the redemption's doing.
 */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: WritePath,
    private readonly config: AppConfig,
  ) {}

  /** The configured fee per period of a plan, in cents incl. VAT. */
  plans(): { plan: SubscriptionPlan; feeCents: number }[] {
    return KIT_PLANS.map(plan => ({ plan, feeCents: this.feeOf(plan) }));
  }

  feeOf(plan: SubscriptionPlan): number {
    return plan === 'MONTHLY' ? this.config.SUBSCRIPTION_MONTHLY_CENTS : this.config.SUBSCRIPTION_ANNUAL_CENTS;
  }

  /**
   * The kit's structure row, locked before the kit itself: a redemption of that structure (which
   * locks it first too, reads the kit and starts its billing) and this change never interleave,
   * so an ended kit is never started again by a redemption that read it open.
   */
  private async structureLock(id: string): Promise<{ model: 'Structure'; id: string }[]> {
    const sub = await this.prisma.subscription.findUnique({ where: { id }, select: { structureId: true } });
    return sub ? [{ model: 'Structure', id: sub.structureId }] : [];
  }

  /** The structure's open kit, or else its last one; null when it never ordered one. */
  async partnerGet(partner: PartnerIdentity): Promise<KitView | null> {
    const open = await this.prisma.subscription.findFirst({ where: { structureId: partner.structureId, status: { in: [...OPEN_SUBSCRIPTION_STATUSES] } } });
    const sub = open ?? (await this.prisma.subscription.findFirst({ where: { structureId: partner.structureId }, orderBy: [{ orderedAt: 'desc' }, { id: 'desc' }] }));
    return sub ? describeKit(sub, new Date()) : null;
  }

  /** Orders the kit: PENDING until the first accepted scan; refused while another is open. */
  async partnerOrder(partner: PartnerIdentity, dto: OrderKitDto): Promise<KitView> {
    const by: Writer = { kind: 'partner', structureId: partner.structureId };
    // One order at a time per structure: the open-kit check holds until the insert (the partial unique index backs it).
    const plan = { resource: subscriptionsResource, action: 'order', by, lockFirst: [{ model: 'Structure' as const, id: partner.structureId }] };
    const { record } = await this.writes.outsideCreate(plan, async ({ tx }) => {
      const open = await tx.subscription.findFirst({ where: { structureId: partner.structureId, status: { in: [...OPEN_SUBSCRIPTION_STATUSES] } } });
      if (open) throw alreadyOpen(open);
      try {
        return { record: await tx.subscription.create({ data: { structureId: partner.structureId, plan: dto.plan, feeCents: this.feeOf(dto.plan), status: 'PENDING' } }) };
      } catch (error) {
        if (isUniqueViolation(error)) throw alreadyOpen(null);
        throw error;
      }
    });
    return describeKit(record, new Date());
  }

  /** A new plan, its fee from the configuration; once billing started, from the end of the period under way. */
  async changePlan(id: string, user: StaffUser, dto: ChangePlanDto) {
    const t = SUBSCRIPTION_WORKFLOW['change-plan'];
    const { presented } = await this.writes.staff({ resource: subscriptionsResource, id, user, action: 'change-plan', lockFirst: await this.structureLock(id) }, async (before, { tx }) => {
      if (!allows('subscriptions', 'change-plan', before.status)) throw ended(before, 'ne change plus de formule');
      if (before.plan === dto.plan) throw conflict(`Cet abonnement est déjà en formule ${PLAN_LABELS[dto.plan]}.`, { fields: { plan: ['formule actuelle'] } });
      const change = planChange(before, dto.plan, this.feeOf(dto.plan), new Date());
      const { count } = await tx.subscription.updateMany({ where: { id, status: { in: [...t.from] } }, data: change });
      if (count === 0) throw conflict('Cet abonnement vient d’être résilié : il ne change plus de formule.');
      const record = await tx.subscription.findUniqueOrThrow({ where: { id } });
      // The reason lives in the audit event (the record keeps the plan, not the story of its changes).
      return { record, audit: { before, after: { ...record, reason: dto.reason } } };
    });
    return presented;
  }

  /** Ends the kit today: no period starts after; the structure's redemptions are refused until it orders a new one. */
  async end(id: string, user: StaffUser, reason: string) {
    const t = SUBSCRIPTION_WORKFLOW.end;
    const { presented } = await this.writes.staff({ resource: subscriptionsResource, id, user, action: 'end', lockFirst: await this.structureLock(id) }, async (before, { tx }) => {
      if (!allows('subscriptions', 'end', before.status)) throw ended(before, 'ne se résilie pas deux fois');
      const { count } = await tx.subscription.updateMany({
        where: { id, status: { in: [...t.from] } },
        data: { status: t.to, cancelledAt: new Date(), cancelReason: reason, cancelledById: user.id, cancelledByName: user.fullName },
      });
      if (count === 0) throw conflict('Cet abonnement vient d’être résilié.');
      return { record: await tx.subscription.findUniqueOrThrow({ where: { id } }) };
    });
    return presented;
  }
}

/** A subscription as the partner API shows it, with its fees due so far on `now`. */
export function describeKit(sub: Subscription, now: Date): KitView {
  return {
    id: sub.id,
    plan: sub.plan,
    status: sub.status,
    feeCents: sub.feeCents,
    orderedAt: sub.orderedAt,
    startedAt: sub.startedAt,
    planFrom: sub.planFrom,
    cancelledAt: sub.cancelledAt,
    cancelReason: sub.cancelReason,
    feesDueCents: feesDueCents(sub, now),
  };
}

function alreadyOpen(open: Subscription | null) {
  if (!open) return conflict('Votre structure a déjà un abonnement au kit en cours : une seule commande à la fois.');
  const state = open.status === 'ACTIVE' && open.startedAt ? `facturé depuis le ${parisDate(open.startedAt)}` : `commandé le ${parisDate(open.orderedAt)}, facturé à partir de votre premier pass encaissé`;
  return conflict(
    `Votre structure a déjà un abonnement au kit (formule ${PLAN_LABELS[open.plan]}, ${formatEuros(open.feeCents)} TTC, ${state}). Pour changer de formule ou résilier, contactez l’équipe APTIC.`,
  );
}

function ended(sub: Subscription, what: string) {
  return conflict(`Cet abonnement est résilié${sub.cancelledAt ? ` depuis le ${parisDate(sub.cancelledAt)}` : ''} : il ${what}. La structure peut commander un nouveau kit.`);
}
