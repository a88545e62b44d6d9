import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { notFound } from '../common/errors';
import { PrismaClient } from '../generated/prisma/client';
import type { ScanRejectionReason } from '../generated/prisma/enums';
import { BUSINESS_ZONE } from '../rules/dates';
import { SCAN_REASON_LABELS } from '../rules/scan-reasons';
import type { Investigation, InvestigationEvent, RefusalFigures } from '../rules/investigation';

export type { Investigation, InvestigationEvent } from '../rules/investigation';

/** Bounds: a dispute names at most 100 scans or passes; the view timelines 50 passes and lists 50 of everything else. */
const MAX_PASSES = 50;
const MAX_LISTED = 50;
const NEARBY_DAYS = 3;
const RATE_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

const CATEGORY_WORDS: Record<string, string> = {
  PASS_REJECTED_WRONGLY: 'pass refusé à tort',
  SERVICE_NOT_RENDERED: 'service non rendu',
  DUPLICATE_SCAN: 'scan en double',
  FRAUD_SUSPICION: 'suspicion de fraude',
  OTHER: 'autre motif',
};
const OUTCOME_WORDS: Record<string, string> = { UPHOLD: 'scan maintenu', VOID_SCAN: 'scan annulé', FORCE_REDEEM: 'pass encaissé par le personnel' };
/** What staff did to a pass, in words; an action not listed here is shown as recorded. */
const ACTION_WORDS: Record<string, string> = { cancel: 'annulation du pass', update: 'modification du pass', create: 'création du pass' };
/** Audit actions that a dated event already tells (the dispute's opening and closing, with who did it): not shown twice. */
const TOLD_BY_DISPUTES = new Set(['dispute-open', 'dispute-resolve', 'dispute-cancel']);
/** Same instant: the order a person expects (issued before activated, a scan before the dispute it causes…). */
const KIND_ORDER: InvestigationEvent['kind'][] = ['ISSUED', 'ACTIVATED', 'HANDED_OUT', 'SCAN', 'DISPUTE', 'ENDORSED', 'PAID', 'CANCELLED', 'EXPIRED', 'STAFF'];

const parisDate = (d: Date) => DateTime.fromJSDate(d, { zone: BUSINESS_ZONE }).toFormat('dd/MM/yyyy');
const rateOf = (scans: number, refused: number): RefusalFigures => ({ scans, refused, rate: scans === 0 ? null : Math.round((refused / scans) * 10_000) / 10_000 });

function event(at: Date, kind: InvestigationEvent['kind'], label: string, more: Partial<Omit<InvestigationEvent, 'at' | 'kind' | 'label'>> = {}): InvestigationEvent {
  return { at: at.toISOString(), kind, label, structureName: null, outcome: null, reason: null, forced: false, voided: false, link: null, ...more };
}

interface PassScanRow {
  id: string;
  passId: string;
  scannedAt: Date;
  outcome: string;
  reason: string | null;
  forced: boolean;
  voidedAt: Date | null;
  voidReason: string | null;
  structureName: string;
}

/**
 * The investigation view of a dispute (SPEC §3 "Disputes"): each pass's whole timeline (issued,
 * activated, handed out, every scan attempt, endorsement, payment, disputes, what staff did), the
 * structure's other scans around the disputed ones, the other disputes on the same structure or
 * passes, and the structure's refusal rate beside everyone else's. Read-only, and bounded: every
 * list is capped and counted in SQL, so a busy structure or pass costs the same as a quiet one.
 */
@Injectable()
export class DisputeInvestigation {
  constructor(private readonly prisma: PrismaClient) {}

  async of(rawId: string): Promise<Investigation> {
    const id = typeof rawId === 'string' ? rawId.slice(0, 64) : '';
    const dispute = await this.prisma.dispute.findUnique({
      where: { id },
      select: {
        id: true,
        reference: true,
        structureId: true,
        createdAt: true,
        structure: { select: { name: true } },
        items: { select: { passId: true, scanId: true, scan: { select: { passId: true, scannedAt: true } } }, orderBy: { id: 'asc' }, take: 4 * MAX_PASSES },
      },
    });
    if (!dispute) throw notFound('Litige introuvable.');

    // A scan item counts for its pass even when the item names only the scan.
    const passIds = [...new Set(dispute.items.map((i) => i.passId ?? i.scan?.passId ?? null).filter((p): p is string => p !== null))].slice(0, MAX_PASSES);
    const scanTimes = dispute.items.map((i) => i.scan?.scannedAt.getTime()).filter((t): t is number => t !== undefined);
    const disputedScans = new Set(dispute.items.map((i) => i.scanId).filter((s): s is string => s !== null));

    const disputesOfPasses = this.disputesOfPasses(passIds);
    const [passes, passDisputes, nearbyScans, otherDisputes, refusalRate] = await Promise.all([
      this.timelines(passIds, disputesOfPasses),
      disputesOfPasses,
      this.nearbyScans(dispute.structureId, scanTimes.length ? scanTimes : [dispute.createdAt.getTime()], disputedScans),
      this.otherDisputes(dispute.id, dispute.structureId, passIds),
      this.refusalRate(dispute.structureId),
    ]);
    const samePass = new Set(passDisputes.map((d) => d.dispute.id));
    return {
      dispute: { id: dispute.id, reference: dispute.reference, structureId: dispute.structureId, structureName: dispute.structure?.name ?? null },
      passes,
      nearbyScans,
      otherDisputes: otherDisputes.map(({ structureId, ...d }) => ({ ...d, samePass: samePass.has(d.id), sameStructure: dispute.structureId !== null && structureId === dispute.structureId })),
      refusalRate,
    };
  }

  /** Each pass with its events, oldest first (ties in the order of a pass's life). */
  private async timelines(passIds: string[], disputesOfPasses: ReturnType<DisputeInvestigation['disputesOfPasses']>): Promise<Investigation['passes']> {
    if (!passIds.length) return [];
    const [passes, scans, lines, disputes, audit] = await Promise.all([
      this.prisma.pass.findMany({
        where: { id: { in: passIds } },
        select: {
          id: true,
          barcode: true,
          status: true,
          faceValueCents: true,
          acceptedUntil: true,
          cancelledAt: true,
          cancelReason: true,
          orderId: true,
          order: { select: { reference: true, issuedAt: true, activatedAt: true, sponsor: { select: { name: true } } } },
          booklet: { select: { id: true, number: true, handedOutAt: true, handedOutBy: true } },
        },
        orderBy: { barcode: 'asc' },
      }),
      // Every attempt, the last 100 of each pass (a reader scanning the same pass all day is a fact, not a reason to read it all).
      this.prisma.$queryRaw<PassScanRow[]>`
        SELECT s.id, s."passId", s."scannedAt", s.outcome::text AS outcome, s.reason::text AS reason, s.forced, s."voidedAt", s."voidReason", st.name AS "structureName"
          FROM unnest(${passIds}::text[]) AS p(id)
          CROSS JOIN LATERAL (SELECT * FROM "Scan" WHERE "passId" = p.id ORDER BY "scannedAt" DESC, id DESC LIMIT 100) s
          JOIN "Structure" st ON st.id = s."structureId"`,
      // Endorsed: its line on a closed statement; paid: that statement's payout once PAID.
      this.prisma.statementLine.findMany({
        where: { passId: { in: passIds }, statement: { status: 'FINAL' } },
        select: { passId: true, statement: { select: { id: true, number: true, issuedAt: true, createdAt: true, payout: { select: { status: true, paidAt: true } } } } },
      }),
      disputesOfPasses,
      this.prisma.auditEvent.findMany({
        where: { resource: 'passes', recordId: { in: passIds } },
        select: { id: true, recordId: true, action: true, actorName: true, createdAt: true },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: 40 * MAX_PASSES,
      }),
    ]);

    return passes.map((pass) => {
      const events: InvestigationEvent[] = [];
      const orderLink = { resource: 'orders', id: pass.orderId };
      if (pass.order.issuedAt) events.push(event(pass.order.issuedAt, 'ISSUED', `Émis avec la commande ${pass.order.reference}, carnet ${pass.booklet.number}`, { link: orderLink }));
      if (pass.order.activatedAt) events.push(event(pass.order.activatedAt, 'ACTIVATED', `Activé avec la commande ${pass.order.reference}`, { link: orderLink }));
      if (pass.booklet.handedOutAt) {
        const by = pass.booklet.handedOutBy ? ` par ${pass.booklet.handedOutBy}` : '';
        events.push(event(pass.booklet.handedOutAt, 'HANDED_OUT', `Carnet ${pass.booklet.number} remis${by}`, { link: { resource: 'booklets', id: pass.booklet.id } }));
      }
      for (const s of scans.filter((s) => s.passId === pass.id)) {
        const outcome = s.outcome === 'REJECTED' ? 'REJECTED' : 'ACCEPTED';
        let label = outcome === 'REJECTED' ? `Scan refusé chez ${s.structureName} : ${SCAN_REASON_LABELS[s.reason as ScanRejectionReason] ?? s.reason ?? 'motif inconnu'}` : `Scan accepté chez ${s.structureName}`;
        if (s.forced) label += ', encaissé par le personnel';
        if (s.voidedAt) label += ` — annulé le ${parisDate(s.voidedAt)}${s.voidReason ? ` (${s.voidReason})` : ''}`;
        events.push(event(s.scannedAt, 'SCAN', label, { structureName: s.structureName, outcome, reason: s.reason, forced: s.forced, voided: s.voidedAt !== null, link: { resource: 'scans', id: s.id } }));
      }
      for (const { statement } of lines.filter((l) => l.passId === pass.id)) {
        const link = { resource: 'statements', id: statement.id };
        events.push(event(statement.issuedAt ?? statement.createdAt, 'ENDORSED', `Endossé sur le relevé ${statement.number ?? ''}`.trim(), { link }));
        if (statement.payout?.status === 'PAID' && statement.payout.paidAt) events.push(event(statement.payout.paidAt, 'PAID', `Payé avec le relevé ${statement.number ?? ''}`.trim(), { link }));
      }
      const history = audit.filter((a) => a.recordId === pass.id).reverse();
      if (pass.cancelledAt) {
        // Cancelled one by one by staff (the audit says who), or with its booklet or order.
        const by = history.find((a) => a.action === 'cancel')?.actorName;
        events.push(event(pass.cancelledAt, 'CANCELLED', `Pass annulé${by ? ` par ${by}` : ''}${pass.cancelReason ? ` : ${pass.cancelReason}` : ''}`));
      }
      // Expiry has no date of its own: the pass expired when its validity ended.
      if (pass.status === 'EXPIRED') events.push(event(pass.acceptedUntil, 'EXPIRED', `Pass expiré : accepté jusqu’au ${parisDate(pass.acceptedUntil)}`));
      for (const { dispute: d } of passDisputesOf(disputes, pass.id)) {
        const link = { resource: 'disputes', id: d.id };
        events.push(event(d.createdAt, 'DISPUTE', `Litige ${d.reference} ouvert par ${d.openedBy.fullName} : ${CATEGORY_WORDS[d.category] ?? d.category}`, { link }));
        if (d.resolvedAt && d.status === 'RESOLVED') {
          events.push(event(d.resolvedAt, 'DISPUTE', `Litige ${d.reference} résolu${d.resolvedByName ? ` par ${d.resolvedByName}` : ''} : ${OUTCOME_WORDS[d.outcome ?? ''] ?? d.outcome ?? ''}`, { link }));
        } else if (d.resolvedAt && d.status === 'CANCELLED') {
          events.push(event(d.resolvedAt, 'DISPUTE', `Litige ${d.reference} annulé${d.resolvedByName ? ` par ${d.resolvedByName}` : ''}`, { link }));
        }
      }
      for (const a of history) {
        if (TOLD_BY_DISPUTES.has(a.action) || (a.action === 'cancel' && pass.cancelledAt)) continue;
        events.push(event(a.createdAt, 'STAFF', `${a.actorName} : ${ACTION_WORDS[a.action] ?? a.action}`));
      }
      const timeline = events
        .map((e, i) => ({ e, i }))
        .sort((x, y) => x.e.at.localeCompare(y.e.at) || KIND_ORDER.indexOf(x.e.kind) - KIND_ORDER.indexOf(y.e.kind) || x.i - y.i)
        .map(({ e }) => e);
      return {
        id: pass.id,
        barcode: pass.barcode,
        status: pass.status,
        faceValueCents: pass.faceValueCents,
        orderId: pass.orderId,
        orderReference: pass.order.reference,
        sponsorName: pass.order.sponsor.name,
        bookletNumber: pass.booklet.number,
        timeline,
      };
    });
  }

  /** The disputes involving these passes (a scan item carries its pass), one row per pass and dispute. */
  private async disputesOfPasses(passIds: string[]) {
    if (!passIds.length) return [];
    return this.prisma.disputeItem.findMany({
      where: { passId: { in: passIds } },
      select: {
        passId: true,
        dispute: { select: { id: true, reference: true, category: true, status: true, outcome: true, createdAt: true, resolvedAt: true, resolvedByName: true, openedBy: { select: { fullName: true } } } },
      },
      orderBy: { id: 'asc' },
      take: 20 * MAX_PASSES,
    });
  }

  /** The structure's scans from 3 days before the first disputed scan to 3 days after the last (index Scan(structureId, scannedAt DESC, id DESC)). */
  private async nearbyScans(structureId: string | null, times: number[], disputed: Set<string>): Promise<Investigation['nearbyScans']> {
    if (!structureId) return [];
    const from = new Date(Math.min(...times) - NEARBY_DAYS * DAY_MS);
    const to = new Date(Math.max(...times) + NEARBY_DAYS * DAY_MS);
    const scans = await this.prisma.scan.findMany({
      where: { structureId, scannedAt: { gte: from, lte: to } },
      select: { id: true, scannedAt: true, barcode: true, outcome: true, reason: true, valueCents: true, forced: true, voidedAt: true, passId: true },
      orderBy: [{ scannedAt: 'desc' }, { id: 'desc' }],
      take: MAX_LISTED,
    });
    return scans.map((s) => ({
      id: s.id,
      scannedAt: s.scannedAt.toISOString(),
      barcode: s.barcode,
      outcome: s.outcome,
      reason: s.reason,
      valueCents: s.valueCents,
      forced: s.forced,
      voided: s.voidedAt !== null,
      passId: s.passId,
      disputed: disputed.has(s.id),
    }));
  }

  private async otherDisputes(disputeId: string, structureId: string | null, passIds: string[]) {
    const about = [...(structureId ? [{ structureId }] : []), ...(passIds.length ? [{ items: { some: { passId: { in: passIds } } } }] : [])];
    if (!about.length) return [];
    const rows = await this.prisma.dispute.findMany({
      where: { id: { not: disputeId }, OR: about },
      select: { id: true, reference: true, status: true, outcome: true, category: true, createdAt: true, structureId: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: MAX_LISTED,
    });
    return rows.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() }));
  }

  /** Counted in SQL over the scannedAt range (never a scan loaded to be counted); the dispute without a structure: everyone is "others". */
  private async refusalRate(structureId: string | null): Promise<Investigation['refusalRate']> {
    const since = new Date(Date.now() - RATE_DAYS * DAY_MS);
    const [row] = await this.prisma.$queryRaw<{ scans: number; refused: number; otherScans: number; otherRefused: number }[]>`
      SELECT count(*) FILTER (WHERE "structureId" = ${structureId}::text)::int AS scans,
             count(*) FILTER (WHERE "structureId" = ${structureId}::text AND outcome = 'REJECTED')::int AS refused,
             count(*) FILTER (WHERE "structureId" IS DISTINCT FROM ${structureId}::text)::int AS "otherScans",
             count(*) FILTER (WHERE "structureId" IS DISTINCT FROM ${structureId}::text AND outcome = 'REJECTED')::int AS "otherRefused"
        FROM "Scan" WHERE "scannedAt" >= ${since}`;
    return { days: RATE_DAYS, structure: rateOf(row.scans, row.refused), others: rateOf(row.otherScans, row.otherRefused) };
  }
}

/** One entry per dispute of a pass (a dispute may hold a pass's refused scan and its forced one). */
function passDisputesOf<T extends { passId: string | null; dispute: { id: string } }>(rows: T[], passId: string): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => r.passId === passId && !seen.has(r.dispute.id) && seen.add(r.dispute.id));
}
