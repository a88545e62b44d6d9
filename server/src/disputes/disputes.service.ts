import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { badRequest, conflict, forbidden } from '../common/errors';
import { PrismaClient, type Dispute } from '../generated/prisma/client';
import type { ScanOutcome } from '../generated/prisma/enums';
import { nextDocumentNumber, post, redemptionAcceptedLines, scanVoidedLines } from '../ledger';
import { RealtimeService } from '../realtime/realtime.service';
import { BUSINESS_ZONE } from '../rules/dates';
import { formatEuros } from '../rules/money';
import type { LiveScan } from '../rules/scan-reasons';
import { billingStartOf } from '../rules/scanning';
import { DISPUTE_WORKFLOW, allows, isHolderOrFree } from '../rules/workflows';
import type { StaffUser } from '../auth/staff-user';
import { Tx, WriteContext, WritePath } from '../writes/write-path';
import { ResourceWriter } from '../writes/resource-writes';
import { AssignDisputeDto, CancelDisputeDto, MAX_DISPUTE_ITEMS, OpenDisputeDto, ResolveDisputeDto } from './dto/dispute.dto';
import { disputesResource } from './disputes.resources';

/** Who may take a dispute: support agents and administrators, active. */
const DISPUTE_HANDLERS = ['SUPPORT', 'ADMIN'];

const STATUS_WORDS: Record<string, string> = { OPEN: 'ouvert', INVESTIGATING: 'en instruction', RESOLVED: 'résolu', CANCELLED: 'annulé' };
const PASS_WORDS: Record<string, string> = { INACTIVE: 'inactif', ACTIVE: 'actif', REDEEMED: 'encaissé', ENDORSED: 'endossé', PAID: 'payé', CANCELLED: 'annulé', EXPIRED: 'expiré' };
const parisDate = (d: Date) => DateTime.fromJSDate(d, { zone: BUSINESS_ZONE }).toFormat('dd/MM/yyyy');

/** "LIT-2026-0001": gap-free per year of opening, past any reference already taken (the demo data's). */
async function nextDisputeReference(tx: Tx, at: Date): Promise<string> {
  const year = DateTime.fromJSDate(at, { zone: BUSINESS_ZONE }).year;
  for (;;) {
    const reference = `LIT-${year}-${String(await nextDocumentNumber(tx, 'DISPUTE', year)).padStart(4, '0')}`;
    if (!(await tx.dispute.findUnique({ where: { reference }, select: { id: true } }))) return reference;
  }
}

/** What the dispute needs of a scan. */
const ITEM_SCAN = { id: true, structureId: true, passId: true, offerId: true, outcome: true, voidedAt: true, valueCents: true, scannedAt: true, barcode: true } as const;

interface ItemScan {
  id: string;
  structureId: string;
  passId: string | null;
  offerId: string | null;
  outcome: ScanOutcome;
  voidedAt: Date | null;
  valueCents: number;
  scannedAt: Date;
  barcode: string;
}

interface LockedPass {
  id: string;
  barcode: string;
  status: string;
  faceValueCents: number;
  acceptedUntil: Date;
  sponsorId: string;
  orderId: string;
}

/**
 * Disputes (SPEC §3 "Disputes"): support opens one on scans, passes, a redemption or a structure,
 * assigns it, takes it up, and resolves it with an outcome and an explanation, or cancels it.
 * While it is open its accepted scans are held out of endorsement (the preparation and the
 * closing skip them); resolving releases them (UPHOLD), voids them (VOID_SCAN: ledger reversed,
 * the pass ACTIVE again while valid, and a negative adjustment on the structure's next statement
 * when the scan was already endorsed) or redeems the wrongly refused passes (FORCE_REDEEM, flagged
 * as such). Every action goes through the write path: the dispute's row lock makes a second
 * resolution wait, then find it resolved.
 */
@Injectable()
export class DisputesService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: WritePath,
    private readonly realtime: RealtimeService,
  ) {}

  /** POST /api/disputes (the resource's create, DisputesWriter), in the write path's transaction. */
  async open(dto: OpenDisputeDto, ctx: WriteContext, user: StaffUser) {
    const { tx } = ctx;
    const scanIds = new Set(dto.scanIds ?? []);
    if (dto.redemptionId) {
      const redemption = await tx.redemption.findUnique({ where: { id: dto.redemptionId }, select: { scans: { select: { id: true } } } });
      if (!redemption) throw badRequest('Ce passage est inconnu.', { fields: { redemptionId: ['passage inconnu'] } });
      for (const s of redemption.scans) scanIds.add(s.id);
    }
    const scans = await this.scans(tx, [...scanIds]);
    if (scans.length !== scanIds.size) throw badRequest('Un des scans indiqués est inconnu.', { fields: { scanIds: ['scan inconnu'] } });
    const passIds = new Set(dto.passIds ?? []);
    if (scanIds.size + passIds.size > 2 * MAX_DISPUTE_ITEMS) throw badRequest('Trop de scans et de pass pour un seul litige.');

    // Concurrent openings on the same passes wait here, then see each other's dispute; the lock also tells the unknown ones.
    const locked = await this.lockPasses(tx, [...passIds, ...scans.map((s) => s.passId).filter((id): id is string => id !== null)]);
    if ([...passIds].some((id) => !locked.has(id))) throw badRequest('Un des pass indiqués est inconnu.', { fields: { passIds: ['pass inconnu'] } });

    // A pass named alone is disputed with its accepted scan, if it has one (that scan is then held).
    const items = new Map<string, { scanId: string | null; passId: string | null }>();
    for (const s of scans) items.set(`scan:${s.id}`, { scanId: s.id, passId: s.passId });
    const passScans = await this.acceptedScansOf(tx, [...passIds]);
    for (const passId of passIds) {
      const scan = passScans.get(passId);
      if (scan) {
        scans.push(scan);
        items.set(`scan:${scan.id}`, { scanId: scan.id, passId });
      } else if (![...items.values()].some((i) => i.passId === passId)) items.set(`pass:${passId}`, { scanId: null, passId });
    }

    if (dto.structureId && !(await tx.structure.findUnique({ where: { id: dto.structureId }, select: { id: true } }))) {
      throw badRequest('Cette structure est inconnue.', { fields: { structureId: ['structure inconnue'] } });
    }
    if (items.size === 0 && !dto.structureId) throw badRequest('Indiquez les scans, les pass ou la structure concernés par le litige.', { fields: { scanIds: ['au moins un scan, un pass ou une structure'] } });
    // The structure it is about: the one named, else the one of its scans when they share one (a pass refused at
    // one place because it was used at another involves two: the dispute then names none, its scans tell).
    const structures = new Set(scans.map((s) => s.structureId));
    const structureId = dto.structureId ?? (structures.size === 1 ? [...structures][0] : null);

    const itemList = [...items.values()];
    await this.assertNotDisputed(tx, itemList);
    const now = new Date();
    const dispute = await tx.dispute.create({
      data: {
        reference: await nextDisputeReference(tx, now),
        origin: dto.origin,
        category: dto.category,
        description: dto.description,
        structureId,
        openedById: user.id,
        createdAt: now,
      },
    });
    if (itemList.length) await tx.disputeItem.createMany({ data: itemList.map((i) => ({ disputeId: dispute.id, ...i })) });
    // The passes' own histories tell of it (at most 100 passes: never a bulk write).
    await this.tellPasses(ctx, itemList, 'dispute-open', { dispute: dispute.reference, category: dispute.category });
    for (const s of scans) ctx.changed({ resource: 'scans', type: 'updated', id: s.id });
    return { record: dispute, audit: { before: null, after: { ...dispute, scans: itemList.filter((i) => i.scanId).length, passes: new Set(itemList.map((i) => i.passId).filter(Boolean)).size } } };
  }

  /** To oneself or a colleague who handles disputes (SUPPORT or ADMIN, active); null: back to the queue. The state stays. */
  async assign(id: string, dto: AssignDisputeDto, user: StaffUser) {
    const assignee = dto.assigneeId === null ? null : await this.prisma.user.findUnique({ where: { id: dto.assigneeId.slice(0, 64) }, select: { id: true, fullName: true, role: true, active: true } });
    if (dto.assigneeId !== null) {
      if (!assignee) throw badRequest('Ce membre de l’équipe est inconnu.', { fields: { assigneeId: ['membre de l’équipe inconnu'] } });
      if (!assignee.active) throw badRequest(`${assignee.fullName} n’est plus actif : choisissez un autre membre de l’équipe.`, { fields: { assigneeId: ['compte désactivé'] } });
      if (!DISPUTE_HANDLERS.includes(assignee.role)) throw badRequest(`${assignee.fullName} ne traite pas les litiges : choisissez un agent du support ou un administrateur.`, { fields: { assigneeId: ['ni support ni administrateur'] } });
    }
    const { presented } = await this.writes.staff({ resource: disputesResource, id, user, action: 'assign' }, async (before, { tx }) => {
      this.assertState(before, 'assign', 'réattribué');
      if (before.assigneeId === (assignee?.id ?? null)) throw conflict(assignee ? `Le litige ${before.reference} est déjà suivi par ${assignee.fullName}.` : `Le litige ${before.reference} n’est suivi par personne.`);
      return { record: await tx.dispute.update({ where: { id }, data: { assigneeId: assignee?.id ?? null } }) };
    });
    return presented;
  }

  /** « Instruire »: the dispute is being investigated, by its assignee or, when it has none, by whoever takes it up. */
  async investigate(id: string, user: StaffUser) {
    const { presented } = await this.writes.staff({ resource: disputesResource, id, user, action: 'investigate' }, async (before, { tx }) => {
      await this.assertMayDecide(tx, before, 'investigate', 'mis en instruction', user);
      return { record: await tx.dispute.update({ where: { id }, data: { status: DISPUTE_WORKFLOW.investigate.to, assigneeId: before.assigneeId ?? user.id } }) };
    });
    return presented;
  }

  async cancel(id: string, dto: CancelDisputeDto, user: StaffUser) {
    const { presented } = await this.writes.staff({ resource: disputesResource, id, user, action: 'cancel' }, async (before, ctx) => {
      await this.assertMayDecide(ctx.tx, before, 'cancel', 'annulé', user);
      const record = await ctx.tx.dispute.update({
        where: { id },
        data: { status: DISPUTE_WORKFLOW.cancel.to, resolutionComment: dto.explanation, resolvedAt: new Date(), resolvedByName: user.fullName, assigneeId: before.assigneeId ?? user.id },
      });
      await this.tellPasses(ctx, await this.itemsOf(ctx.tx, id), 'dispute-cancel', { dispute: before.reference });
      return { record };
    });
    return presented;
  }

  async resolve(id: string, dto: ResolveDisputeDto, user: StaffUser) {
    const live: LiveScan[] = [];
    const { presented } = await this.writes.staff({ resource: disputesResource, id, user, action: 'resolve' }, async (before, ctx) => {
      const { tx } = ctx;
      await this.assertMayDecide(tx, before, 'resolve', 'résolu', user);
      const items = await this.itemsOf(tx, id);
      const now = new Date();
      let effect: Record<string, unknown> = {};
      if (dto.outcome === 'VOID_SCAN') effect = await this.voidScans(ctx, before, items, dto.explanation, now);
      else if (dto.outcome === 'FORCE_REDEEM') effect = await this.forceRedeem(ctx, before, items, dto, user, now, live);
      const record = await tx.dispute.update({
        where: { id },
        data: { status: DISPUTE_WORKFLOW.resolve.to, outcome: dto.outcome, resolutionComment: dto.explanation, resolvedAt: now, resolvedByName: user.fullName, assigneeId: before.assigneeId ?? user.id },
      });
      await this.tellPasses(ctx, items, 'dispute-resolve', { dispute: before.reference, outcome: dto.outcome });
      for (const i of items) if (i.scanId) ctx.changed({ resource: 'scans', type: 'updated', id: i.scanId });
      return { record, audit: { before, after: { ...record, ...effect } } };
    });
    this.realtime.publishLiveScans(live);
    return presented;
  }

  /**
   * VOID_SCAN: each accepted, non-voided scan of the dispute is voided. Its value leaves the
   * structure's account (SCAN_VOIDED) and goes back to the float, its pass ACTIVE again, or, past
   * the pass's validity, to the sponsor (pass EXPIRED, credited to its order). A scan already on a
   * closed statement was counted in a payout: a negative adjustment of its value lands on the
   * structure's next statement (the downstream fee charged on it stays charged).
   */
  private async voidScans(ctx: WriteContext, dispute: Dispute, items: { scanId: string | null; passId: string | null }[], explanation: string, now: Date) {
    const { tx } = ctx;
    const scanIds = items.map((i) => i.scanId).filter((s): s is string => s !== null);
    // The accepted scans of the dispute, and of its passes (a pass refused here because it was accepted elsewhere:
    // that acceptance is the one voided). At most one per pass: the partial unique index.
    const passIds = [...new Set(items.map((i) => i.passId).filter((p): p is string => p !== null))];
    const candidates = new Map([...(await this.scans(tx, scanIds)), ...(await this.acceptedScansOf(tx, passIds)).values()].map((s) => [s.id, s]));
    const targets = [...candidates.values()].filter((s) => s.outcome === 'ACCEPTED' && s.voidedAt === null && s.passId);
    if (targets.length === 0) throw conflict(`Le litige ${dispute.reference} ne porte sur aucun scan accepté à annuler : choisissez une autre issue.`);
    const passes = await this.lockPasses(tx, targets.map((s) => s.passId!));
    // Where each scan stands in the endorsement: on a closed statement, or on a month being closed right now.
    const lines = await tx.$queryRaw<{ scanId: string; statementStatus: string; endorsementStatus: string; period: string }[]>`
      SELECT l."scanId", st.status::text AS "statementStatus", e.status::text AS "endorsementStatus", e.period
        FROM "StatementLine" l JOIN "Statement" st ON st.id = l."statementId" JOIN "Endorsement" e ON e.id = st."endorsementId"
       WHERE l."scanId" = ANY(${targets.map((s) => s.id)}::text[])`;
    const closing = lines.find((l) => l.endorsementStatus === 'CLOSING');
    if (closing) throw conflict(`Le mois ${closing.period} est en cours de clôture avec ce scan : réessayez une fois la clôture finie.`);
    const endorsed = new Set(lines.filter((l) => l.statementStatus === 'FINAL').map((l) => l.scanId));

    let voidedCents = 0;
    let adjustedCents = 0;
    const expired: string[] = [];
    for (const scan of targets) {
      const pass = passes.get(scan.passId!)!;
      if (!['REDEEMED', 'ENDORSED', 'PAID'].includes(pass.status)) throw conflict(`Le pass ${pass.barcode} est « ${PASS_WORDS[pass.status] ?? pass.status} » : son scan ne s’annule pas.`);
      const stillValid = now.getTime() <= pass.acceptedUntil.getTime();
      await tx.scan.update({ where: { id: scan.id }, data: { voidedAt: now, voidReason: `Litige ${dispute.reference} : ${explanation}`.slice(0, 1000) } });
      if (stillValid) {
        await tx.pass.update({ where: { id: pass.id }, data: { status: 'ACTIVE', redeemedAt: null } });
      } else {
        await tx.pass.update({ where: { id: pass.id }, data: { status: 'EXPIRED', redeemedAt: null } });
        await tx.order.update({ where: { id: pass.orderId }, data: { creditedCents: { increment: scan.valueCents } } });
        expired.push(pass.barcode);
      }
      await post(tx, {
        event: 'SCAN_VOIDED',
        resource: 'disputes',
        recordId: dispute.id,
        at: now,
        lines: scanVoidedLines(scan.structureId, scan.valueCents, stillValid ? 'PASS_FLOAT' : { sponsorId: pass.sponsorId }),
      });
      if (endorsed.has(scan.id)) {
        await tx.adjustment.create({
          data: {
            structureId: scan.structureId,
            amountCents: scan.valueCents,
            reason: `Litige ${dispute.reference} : scan du pass ${pass.barcode} du ${parisDate(scan.scannedAt)} annulé`,
            disputeId: dispute.id,
            createdAt: now,
          },
        });
        adjustedCents += scan.valueCents;
      }
      voidedCents += scan.valueCents;
      ctx.changed({ resource: 'passes', type: 'updated', id: pass.id });
    }
    return { voidedScans: targets.length, voidedCents, adjustedCents, expiredPasses: expired };
  }

  /**
   * FORCE_REDEEM: the dispute's passes that were refused (its rejected scans, or passes named
   * alone) and are still ACTIVE are redeemed by staff at the dispute's structure, for the offer
   * the refused scan named (or the one given), in one redemption flagged `forced`: ledger, kit
   * billing and live feed as any redemption.
   */
  private async forceRedeem(ctx: WriteContext, dispute: Dispute, items: { scanId: string | null; passId: string | null }[], dto: ResolveDisputeDto, user: StaffUser, now: Date, live: LiveScan[]) {
    const { tx } = ctx;
    const scans = await this.scans(tx, items.map((i) => i.scanId).filter((s): s is string => s !== null));
    const refused = scans.filter((s) => s.outcome === 'REJECTED' && s.passId);
    // Where the passes are redeemed: the dispute's structure, else the one that refused them.
    const refusers = [...new Set(refused.map((s) => s.structureId))];
    const structureId = dispute.structureId ?? (refusers.length === 1 ? refusers[0] : null);
    if (!structureId) throw conflict(`Le litige ${dispute.reference} ne désigne pas la structure où encaisser les pass : ouvrez-en un sur les refus d’une seule structure.`);
    const passIds = [...new Set([...refused.map((s) => s.passId!), ...items.filter((i) => i.scanId === null && i.passId).map((i) => i.passId!)])];
    if (passIds.length === 0) throw conflict(`Le litige ${dispute.reference} ne porte sur aucun pass refusé : il n’y a rien à encaisser.`);
    const passes = [...(await this.lockPasses(tx, passIds)).values()];
    const notActive = passes.filter((p) => p.status !== 'ACTIVE');
    if (notActive.length) {
      throw conflict(`Seul un pass actif s’encaisse : ${notActive.map((p) => `${p.barcode} est « ${PASS_WORDS[p.status] ?? p.status} »`).join(', ')}.`);
    }

    const offerIds = [...new Set(refused.map((s) => s.offerId).filter((o): o is string => o !== null))];
    const offerId = dto.offerId ?? (offerIds.length === 1 ? offerIds[0] : null);
    if (!offerId) throw badRequest('Choisissez l’offre de la structure pour laquelle les pass sont encaissés.', { fields: { offerId: ['offre à choisir'] } });
    const [context] = await tx.$queryRaw<{ name: string; departement: string; offerStatus: string | null; offerTitle: string | null; subscriptionId: string | null; subscriptionStatus: string | null }[]>`
      SELECT s.name, s.departement, o.status::text AS "offerStatus", o.title AS "offerTitle", k.id AS "subscriptionId", k.status::text AS "subscriptionStatus"
        FROM "Structure" s
        LEFT JOIN "Offer" o ON o.id = ${offerId} AND o."structureId" = s.id
        LEFT JOIN LATERAL (SELECT id, status FROM "Subscription" WHERE "structureId" = s.id AND status IN ('PENDING', 'ACTIVE') ORDER BY "orderedAt" DESC LIMIT 1) k ON true
       WHERE s.id = ${structureId}`;
    if (!context?.offerStatus) throw badRequest('Cette offre n’est pas une offre de la structure du litige.', { fields: { offerId: ['offre d’une autre structure'] } });
    if (context.offerStatus !== 'APPROVED') throw badRequest('Cette offre n’est pas approuvée : choisissez une offre approuvée de la structure.', { fields: { offerId: ['offre non approuvée'] } });

    const totalCents = passes.reduce((sum, p) => sum + p.faceValueCents, 0);
    const redemptionId = randomUUID();
    const detail = `Encaissé par ${user.fullName} (litige ${dispute.reference})`;
    await tx.redemption.create({
      data: { id: redemptionId, structureId, offerId, status: 'ACCEPTED', passCount: passes.length, totalValueCents: totalCents, forced: true, createdAt: now },
    });
    const created = passes.map((p) => ({ id: randomUUID(), pass: p }));
    await tx.scan.createMany({
      data: created.map(({ id, pass }) => ({
        id,
        redemptionId,
        structureId,
        offerId,
        passId: pass.id,
        barcode: pass.barcode,
        outcome: 'ACCEPTED' as const,
        reasonDetail: detail,
        valueCents: pass.faceValueCents,
        scannedAt: now,
        forced: true,
      })),
    });
    const { count } = await tx.pass.updateMany({ where: { id: { in: passIds }, status: 'ACTIVE' }, data: { status: 'REDEEMED', redeemedAt: now } });
    if (count !== passIds.length) throw conflict('Un des pass vient de changer d’état : réessayez.');
    await post(tx, { event: 'REDEMPTION_ACCEPTED', resource: 'redemptions', recordId: redemptionId, at: now, lines: redemptionAcceptedLines(structureId, totalCents) });
    await tx.disputeItem.createMany({ data: created.map(({ id, pass }) => ({ disputeId: dispute.id, scanId: id, passId: pass.id })) });
    // The first accepted scan starts the kit's billing, a staff one too.
    if (context.subscriptionId && context.subscriptionStatus === 'PENDING') {
      const started = await tx.subscription.update({ where: { id: context.subscriptionId }, data: { status: 'ACTIVE', startedAt: billingStartOf(now) } });
      await ctx.record({ action: 'start-billing', resource: 'subscriptions', recordId: started.id, before: { status: 'PENDING', startedAt: null }, after: { status: started.status, startedAt: started.startedAt, firstRedemptionId: redemptionId } });
    }
    await ctx.record({ action: 'force-redeem', resource: 'redemptions', recordId: redemptionId, after: { dispute: dispute.reference, passCount: passes.length, totalValueCents: totalCents, offerId }, change: 'created' });
    for (const { id, pass } of created) {
      ctx.changed({ resource: 'scans', type: 'created', id });
      ctx.changed({ resource: 'passes', type: 'updated', id: pass.id });
      live.push({
        id,
        scannedAt: now.toISOString(),
        redemptionId,
        structureId,
        structureName: context.name,
        departement: context.departement,
        offerId,
        serviceLabel: context.offerTitle,
        passId: pass.id,
        barcode: pass.barcode,
        outcome: 'ACCEPTED',
        reason: null,
        reasonLabel: null,
        valueCents: pass.faceValueCents,
        forced: true,
      });
    }
    return { redemptionId, forcedPasses: passes.length, forcedCents: totalCents, message: `${passes.length} pass encaissé${passes.length > 1 ? 's' : ''} par le personnel : ${formatEuros(totalCents)}.` };
  }

  private assertState(dispute: Dispute, action: keyof typeof DISPUTE_WORKFLOW, done: string) {
    if (allows('disputes', action, dispute.status)) return;
    const when = dispute.resolvedAt ? ` le ${parisDate(dispute.resolvedAt)}` : '';
    const by = dispute.resolvedByName ? ` par ${dispute.resolvedByName}` : '';
    throw conflict(`Le litige ${dispute.reference} est ${STATUS_WORDS[dispute.status] ?? dispute.status}${by}${when} : il ne peut plus être ${done}.`, { status: dispute.status });
  }

  /** Its state allows it, and it is the user's to decide: assigned to them, to nobody, or they are an ADMIN. */
  private async assertMayDecide(tx: Tx, dispute: Dispute, action: 'investigate' | 'resolve' | 'cancel', done: string, user: StaffUser) {
    this.assertState(dispute, action, done);
    if (isHolderOrFree(dispute.assigneeId, user)) return;
    const holder = await tx.user.findUnique({ where: { id: dispute.assigneeId! }, select: { fullName: true } });
    throw forbidden(`Le litige ${dispute.reference} est suivi par ${holder?.fullName ?? 'un collègue'} : réattribuez-le-vous d’abord.`);
  }

  /** Its scans or passes already under another open dispute: one investigation at a time. */
  private async assertNotDisputed(tx: Tx, items: { scanId: string | null; passId: string | null }[]) {
    const scanIds = items.map((i) => i.scanId).filter((s): s is string => s !== null);
    const passIds = items.map((i) => i.passId).filter((p): p is string => p !== null);
    if (!scanIds.length && !passIds.length) return;
    const [taken] = await tx.$queryRaw<{ reference: string; barcode: string | null }[]>`
      SELECT d.reference, coalesce(sc.barcode, p.barcode) AS barcode
        FROM "DisputeItem" di JOIN "Dispute" d ON d.id = di."disputeId"
        LEFT JOIN "Scan" sc ON sc.id = di."scanId" LEFT JOIN "Pass" p ON p.id = di."passId"
       WHERE d.status IN ('OPEN', 'INVESTIGATING') AND (di."scanId" = ANY(${scanIds}::text[]) OR (di."scanId" IS NULL AND di."passId" = ANY(${passIds}::text[])))
       LIMIT 1`;
    if (taken) throw conflict(`Le pass ${taken.barcode ?? ''} est déjà en litige (${taken.reference}) : complétez ce litige plutôt que d’en ouvrir un second.`, { dispute: taken.reference });
  }

  private itemsOf(tx: Tx, disputeId: string) {
    return tx.disputeItem.findMany({ where: { disputeId }, select: { scanId: true, passId: true }, orderBy: { id: 'asc' } });
  }

  private scans(tx: Tx, ids: string[]): Promise<ItemScan[]> {
    if (!ids.length) return Promise.resolve([]);
    return tx.scan.findMany({ where: { id: { in: ids } }, select: ITEM_SCAN, orderBy: { id: 'asc' } });
  }

  /** Each pass's accepted, non-voided scan (at most one: the partial unique index). */
  private async acceptedScansOf(tx: Tx, passIds: string[]): Promise<Map<string, ItemScan>> {
    if (!passIds.length) return new Map();
    const rows = await tx.scan.findMany({ where: { passId: { in: passIds }, outcome: 'ACCEPTED', voidedAt: null }, select: ITEM_SCAN });
    return new Map(rows.map((r) => [r.passId!, r]));
  }

  /** Locked in id order (as a redemption locks them): a scan of the same passes waits, then sees what this did. */
  private async lockPasses(tx: Tx, ids: string[]): Promise<Map<string, LockedPass>> {
    const rows = await tx.$queryRaw<LockedPass[]>`
      SELECT id, barcode, status::text, "faceValueCents", "acceptedUntil", "sponsorId", "orderId" FROM "Pass"
       WHERE id = ANY(${[...new Set(ids)].sort()}::text[]) ORDER BY id FOR UPDATE`;
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** One event in each pass's history (the pass timeline), at most the dispute's passes. */
  private async tellPasses(ctx: WriteContext, items: { passId: string | null }[], action: string, after: Record<string, unknown>) {
    for (const passId of new Set(items.map((i) => i.passId).filter((p): p is string => p !== null))) {
      await ctx.record({ action, resource: 'passes', recordId: passId, after, change: null });
    }
  }
}

/** Disputes are opened through the resource's create (POST /api/disputes); nothing edits or deletes one. */
@Injectable()
export class DisputesWriter implements ResourceWriter<'Dispute', OpenDisputeDto> {
  createDto = OpenDisputeDto;

  constructor(private readonly disputes: DisputesService) {}

  create(dto: OpenDisputeDto, ctx: WriteContext, user: StaffUser) {
    return this.disputes.open(dto, ctx, user);
  }
}
