import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { badRequest } from '../common/errors';
import { PrismaClient } from '../generated/prisma/client';
import type { OfferStatus, ScanRejectionReason, StructureStatus, SubscriptionStatus } from '../generated/prisma/enums';
import { post, redemptionAcceptedLines } from '../ledger';
import { PartnerIdentity } from '../partner/partner-auth.guard';
import { RealtimeService } from '../realtime/realtime.service';
import { formatEuros } from '../rules/money';
import { billingStartOf, evaluateRedemption, LiveScan, PassForScan, SCAN_REASON_LABELS, scanMessage } from '../rules/scanning';
import type { Database } from '../database/database';
import type { Sql } from '../database/sql';
import { WriteContext, WritePath } from '../writes/write-path';
import { RedeemDto } from './dto/redeem.dto';
import { redemptionsResource } from './scanning.resources';

/** One scan in the scanner's answer: the barcode, accepted or the reason in words. */
export interface ScanAnswer {
  id: string;
  barcode: string;
  outcome: 'ACCEPTED' | 'REJECTED';
  reason: ScanRejectionReason | null;
  reasonLabel: string | null;
  message: string;
  valueCents: number;
}

/** The answer to POST /api/partner/redemptions, kept for retries with the same Idempotency-Key. */
export interface RedemptionAnswer {
  statusCode: 201 | 422;
  body: Record<string, unknown>;
}

/** The request as a retry must repeat it: same offer, same barcodes in the same order, same place. */
export const requestHashOf = (dto: RedeemDto) =>
  createHash('sha256')
    .update(JSON.stringify([dto.offerId, dto.barcodes, dto.locationId ?? null]))
    .digest('hex');

/** Rolls back a transaction that found the request already answered (a concurrent retry). */
class AnsweredBefore extends Error {
  constructor(readonly answer: RedemptionAnswer) {
    super('answered before');
  }
}

interface ContextRow {
  id: string;
  name: string;
  status: StructureStatus;
  departement: string;
  locationDepartement: string | null;
  offerId: string | null;
  offerStructureId: string | null;
  offerStatus: OfferStatus | null;
  priceCents: number | null;
  offerTitle: string | null;
  subscriptionId: string | null;
  subscriptionStatus: SubscriptionStatus | null;
  subscriptionStartedAt: Date | null;
}

interface PassRow {
  id: string;
  barcode: string;
  bookletId: string;
  status: PassForScan['status'];
  faceValueCents: number;
  acceptedUntil: Date;
  allowedDepartements: string[];
  validFrom: Date | null;
  validUntil: Date | null;
}

/**
 * Redemptions (SPEC §3 "Scanning"): a structure presents passes for one of its offers; all are
 * accepted or none. Every attempt is recorded as scans, in one transaction through the write
 * path with the passes' state, the ledger (float → structure) and the start of the kit's billing.
 *
 * Exactly once: the passes are locked (FOR UPDATE, in id order so two redemptions sharing passes
 * never deadlock) before they are judged, and the pass moves ACTIVE → REDEEMED by a conditional
 * update, under the partial unique index "Scan_passId_accepted_key" (one accepted, non-voided
 * scan per pass). A concurrent request for the same pass waits for the lock, then reads it
 * REDEEMED and is refused PASS_ALREADY_USED. Requests of one structure are serialised on the
 * structure's row (lockFirst), which also makes an Idempotency-Key safe under concurrent retries.
 */
@Injectable()
export class RedemptionsService {
  constructor(
    private readonly prisma: PrismaClient,
    @Inject('DATABASE') private readonly db: Database,
    private readonly writes: WritePath,
    private readonly realtime: RealtimeService,
  ) {}

  async redeem(partner: PartnerIdentity, dto: RedeemDto, idempotencyKey: string | null): Promise<RedemptionAnswer> {
    const requestHash = requestHashOf(dto);
    if (idempotencyKey) {
      const earlier = await this.replay(partner.structureId, idempotencyKey, requestHash);
      if (earlier) return earlier;
    }
    const live: LiveScan[] = [];
    let outcome;
    try {
      outcome = await this.writes.outsideCreate(
      {
        resource: redemptionsResource,
        action: 'redeem',
        by: { kind: 'partner', structureId: partner.structureId },
        lockFirst: [{ model: 'Structure', id: partner.structureId }],
        // Every scan comes through here: its statements go straight to PostgreSQL.
        sqlOnly: true,
      },
      async (ctx) => {
        // A retry that waited for the first request's lock gets its answer; this transaction writes nothing.
        const earlier = idempotencyKey ? await this.replay(partner.structureId, idempotencyKey, requestHash, ctx.sql) : null;
        if (earlier) throw new AnsweredBefore(earlier);
        return this.judgeAndRecord(ctx, partner, dto, idempotencyKey, requestHash, live);
      },
    );
    } catch (error) {
      if (error instanceof AnsweredBefore) return error.answer;
      throw error;
    }
    this.realtime.publishLiveScans(live);
    return outcome.answer;
  }

  /** The first answer to this key, or a 422 when the key came with another request. */
  /** One statement, before the transaction (`this.db.sql`) and inside it, once the structure is locked (`ctx.sql`). */
  private async replay(structureId: string, key: string, requestHash: string, sql: Sql = this.db.sql): Promise<RedemptionAnswer | null> {
    const [earlier] = await sql<{ requestHash: string | null; response: unknown; responseStatus: number | null }>`
      SELECT "requestHash", "response", "responseStatus" FROM "Redemption" WHERE "structureId" = ${structureId} AND "idempotencyKey" = ${key}`;
    if (!earlier) return null;
    if (earlier.requestHash !== requestHash) {
      return {
        statusCode: 422,
        body: {
          statusCode: 422,
          error: 'Unprocessable Entity',
          message: 'Cette clé Idempotency-Key a déjà servi pour un autre passage (autre offre, autres pass ou autre lieu) : utilisez une nouvelle clé pour un nouveau passage.',
          details: { idempotencyKey: key },
        },
      };
    }
    return { statusCode: earlier.responseStatus === 201 ? 201 : 422, body: earlier.response as Record<string, unknown> };
  }

  private async judgeAndRecord(ctx: WriteContext, partner: PartnerIdentity, dto: RedeemDto, idempotencyKey: string | null, requestHash: string, live: LiveScan[]) {
    const { sql } = ctx;
    const now = new Date();
    // The structure, the place, the offer and the open kit in one statement (the hot path of every scan).
    const [c] = await sql<ContextRow>`
      SELECT s.id, s.name, s.status, s.departement,
             (SELECT l.departement FROM "Location" l WHERE l.id = ${dto.locationId ?? ''} AND l."structureId" = s.id) AS "locationDepartement",
             o.id AS "offerId", o."structureId" AS "offerStructureId", o.status AS "offerStatus", o."priceCents", o.title AS "offerTitle",
             k.id AS "subscriptionId", k.status AS "subscriptionStatus", k."startedAt" AS "subscriptionStartedAt"
        FROM "Structure" s
        LEFT JOIN "Offer" o ON o.id = ${dto.offerId}
        LEFT JOIN LATERAL (
          SELECT id, status, "startedAt" FROM "Subscription"
           WHERE "structureId" = s.id AND status IN ('PENDING', 'ACTIVE') ORDER BY "orderedAt" DESC LIMIT 1
        ) k ON true
       WHERE s.id = ${partner.structureId}`;
    const structure = { id: c.id, name: c.name, status: c.status, departement: c.departement };
    // A place of another structure is a malformed request: nothing is recorded (the transaction rolls back).
    if (dto.locationId && c.locationDepartement === null) throw badRequest('Ce lieu n’est pas un lieu de la structure.', { fields: { locationId: ['lieu inconnu pour cette structure'] } });
    // Where the service happens: the place's département, else the structure's.
    const departement = c.locationDepartement ?? c.departement;
    const offer = c.offerId ? { id: c.offerId, structureId: c.offerStructureId!, status: c.offerStatus!, priceCents: c.priceCents!, title: c.offerTitle! } : null;
    const subscription = c.subscriptionId ? { id: c.subscriptionId, status: c.subscriptionStatus!, startedAt: c.subscriptionStartedAt } : null;
    const ownOffer = offer && offer.structureId === structure.id ? offer : null;

    // The passes, locked in id order, with their order's restrictions.
    const rows = await sql<PassRow>`
      SELECT p.id, p.barcode, p."bookletId", p.status, p."faceValueCents", p."acceptedUntil",
             o."allowedDepartements", o."validFrom", o."validUntil"
        FROM "Pass" p JOIN "Order" o ON o.id = p."orderId"
       WHERE p.barcode = ANY(${[...new Set(dto.barcodes)]}::text[])
       ORDER BY p.id
         FOR UPDATE OF p`;
    const used = await this.usedAt(
      sql,
      rows.filter((r) => r.status === 'REDEEMED' || r.status === 'ENDORSED' || r.status === 'PAID').map((r) => r.id),
    );
    const passes = new Map<string, PassForScan>(rows.map((r) => [r.barcode, { ...r, used: used.get(r.id) ?? null }]));
    const verdict = evaluateRedemption(
      {
        structureId: structure.id,
        structureStatus: structure.status,
        hasSubscription: subscription !== null,
        offer: offer ? { structureId: offer.structureId, status: offer.status, priceCents: offer.priceCents } : null,
        departement,
        now,
      },
      dto.barcodes,
      passes,
    );

    const redemptionId = randomUUID();
    const scans: ScanAnswer[] = verdict.scans.map((s) => ({
      id: randomUUID(),
      barcode: s.barcode,
      outcome: verdict.accepted ? 'ACCEPTED' : 'REJECTED',
      reason: s.reason,
      reasonLabel: s.reason ? SCAN_REASON_LABELS[s.reason] : null,
      message: scanMessage(s.reason, s.detail, verdict.accepted, s.valueCents),
      valueCents: s.valueCents,
    }));
    const refused = scans.filter((s) => s.reason !== null);
    const answer: RedemptionAnswer = verdict.accepted
      ? {
          statusCode: 201,
          body: {
            id: redemptionId,
            status: 'ACCEPTED',
            offerId: offer!.id,
            offerTitle: offer!.title,
            locationId: dto.locationId ?? null,
            passCount: scans.length,
            totalValueCents: verdict.totalValueCents,
            createdAt: now.toISOString(),
            message: `Passage accepté : ${scans.length} pass, ${formatEuros(verdict.totalValueCents)}.`,
            scans,
          },
        }
      : {
          statusCode: 422,
          body: {
            statusCode: 422,
            error: 'Unprocessable Entity',
            message: `Passage refusé : ${refused.length} pass sur ${scans.length} ${refused.length > 1 ? 'sont refusés' : 'est refusé'} (${[...new Set(refused.map((s) => s.reasonLabel))].join(', ')}). Aucun pass n’a été encaissé.`,
            details: { id: redemptionId, status: 'REJECTED', scans },
          },
        };

    // The redemption, its scans and, when accepted, its passes ACTIVE → REDEEMED, in one statement
    // (a conditional update: every pass must still be ACTIVE, under the locks taken above).
    const redemption = { id: redemptionId, status: verdict.accepted ? ('ACCEPTED' as const) : ('REJECTED' as const), passCount: scans.length, totalValueCents: verdict.totalValueCents };
    const collateral = verdict.accepted ? null : scanMessage(null, null, false);
    const passIds = verdict.accepted ? verdict.scans.map((s) => s.passId!) : [];
    const [{ moved }] = await sql<{ moved: number }>`
      WITH r AS (
        INSERT INTO "Redemption" ("id", "structureId", "offerId", "locationId", "status", "passCount", "totalValueCents", "idempotencyKey", "requestHash", "response", "responseStatus", "createdAt")
        VALUES (${redemptionId}, ${structure.id}, ${ownOffer?.id ?? null}, ${dto.locationId ?? null}, ${redemption.status}::"RedemptionStatus", ${redemption.passCount},
                ${redemption.totalValueCents}, ${idempotencyKey}, ${requestHash}, ${JSON.stringify(answer.body)}::jsonb, ${answer.statusCode}, ${now})
        RETURNING id
      ), s AS (
        INSERT INTO "Scan" ("id", "redemptionId", "structureId", "offerId", "passId", "barcode", "outcome", "reason", "reasonDetail", "valueCents", "scannedAt")
        SELECT x.id, r.id, ${structure.id}, ${ownOffer?.id ?? null}, x.pass, x.barcode, ${redemption.status}::text::"ScanOutcome",
               x.reason::"ScanRejectionReason", x.detail, x.value, ${now}
          FROM r, unnest(${scans.map((a) => a.id)}::text[], ${verdict.scans.map((v) => v.passId)}::text[], ${verdict.scans.map((v) => v.barcode.slice(0, 64))}::text[],
                         ${verdict.scans.map((v) => v.reason)}::text[], ${verdict.scans.map((v) => v.detail ?? collateral)}::text[], ${verdict.scans.map((v) => v.valueCents)}::int[])
               AS x(id, pass, barcode, reason, detail, value)
      ), p AS (
        UPDATE "Pass" SET status = 'REDEEMED', "redeemedAt" = ${now}, "updatedAt" = ${now}
         WHERE id = ANY(${passIds}::text[]) AND status = 'ACTIVE'
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM p)::int AS moved`;

    if (verdict.accepted) {
      if (moved !== passIds.length) throw new Error(`${passIds.length - moved} pass ont changé d’état pendant le passage`);
      await post(ctx.sql, { event: 'REDEMPTION_ACCEPTED', resource: 'redemptions', recordId: redemptionId, at: now, lines: redemptionAcceptedLines(structure.id, verdict.totalValueCents) });
      for (const id of passIds) ctx.changed({ resource: 'passes', type: 'updated', id });
      // The first accepted scan starts the kit's billing, on that scan's Paris date.
      if (subscription && subscription.status === 'PENDING') {
        const [started] = await sql<{ id: string; status: SubscriptionStatus; startedAt: Date }>`
          UPDATE "Subscription" SET status = 'ACTIVE', "startedAt" = ${billingStartOf(now)}, "updatedAt" = ${now}
           WHERE id = ${subscription.id} RETURNING id, status, "startedAt"`;
        await ctx.record({
          action: 'start-billing',
          resource: 'subscriptions',
          recordId: started.id,
          before: { status: subscription.status, startedAt: subscription.startedAt },
          after: { status: started.status, startedAt: started.startedAt, firstRedemptionId: redemptionId },
        });
      }
    }
    for (const s of scans) ctx.changed({ resource: 'scans', type: 'created', id: s.id });

    for (const [i, s] of scans.entries()) {
      live.push({
        id: s.id,
        scannedAt: now.toISOString(),
        redemptionId,
        structureId: structure.id,
        structureName: structure.name,
        departement,
        offerId: ownOffer?.id ?? null,
        serviceLabel: ownOffer?.title ?? null,
        passId: verdict.scans[i].passId,
        barcode: s.barcode.slice(0, 64),
        outcome: s.outcome,
        reason: s.reason,
        reasonLabel: s.outcome === 'REJECTED' ? s.message : null,
        valueCents: s.valueCents,
        forced: false,
      });
    }
    return {
      record: redemption,
      answer,
      // One audit event per request (never one per pass): what was asked and what came of it.
      audit: {
        before: null,
        after: {
          status: redemption.status,
          offerId: dto.offerId,
          locationId: dto.locationId ?? null,
          barcodes: dto.barcodes,
          passCount: redemption.passCount,
          totalValueCents: redemption.totalValueCents,
          reasons: [...new Set(refused.map((s) => s.reason))],
          idempotencyKey,
        },
      },
    };
  }

  /** The structure's redemptions, newest first (index Redemption(structureId, createdAt DESC, id DESC)). */
  async history(partner: PartnerIdentity, limit: number, before: Date | null) {
    const rows = await this.prisma.redemption.findMany({
      where: { structureId: partner.structureId, ...(before ? { createdAt: { lt: before } } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
      select: {
        id: true,
        createdAt: true,
        status: true,
        offerId: true,
        passCount: true,
        totalValueCents: true,
        idempotencyKey: true,
        offer: { select: { title: true } },
        scans: { orderBy: { id: 'asc' }, select: { barcode: true, outcome: true, reason: true, valueCents: true, voidedAt: true } },
      },
    });
    return rows.map(({ offer, scans, ...r }) => ({
      ...r,
      offerTitle: offer?.title ?? null,
      scans: scans.map(({ voidedAt, ...s }) => ({ ...s, reasonLabel: s.reason ? SCAN_REASON_LABELS[s.reason] : null, voided: voidedAt !== null })),
    }));
  }

  /** When and where each used pass was accepted (its accepted, non-voided scan). */
  private async usedAt(sql: Sql, passIds: string[]) {
    if (passIds.length === 0) return new Map<string, PassForScan['used']>();
    const rows = await sql<{ passId: string; scannedAt: Date; structureName: string; serviceLabel: string | null }>`
      SELECT sc."passId", sc."scannedAt", s.name AS "structureName", o.title AS "serviceLabel"
        FROM "Scan" sc JOIN "Structure" s ON s.id = sc."structureId" LEFT JOIN "Offer" o ON o.id = sc."offerId"
       WHERE sc."passId" = ANY(${passIds}::text[]) AND sc.outcome = 'ACCEPTED' AND sc."voidedAt" IS NULL`;
    return new Map(rows.map((r) => [r.passId, { scannedAt: r.scannedAt, structureName: r.structureName, serviceLabel: r.serviceLabel }]));
  }
}
