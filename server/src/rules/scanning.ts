import type { OfferStatus, PassStatus, ScanRejectionReason, StructureStatus } from '../generated/prisma/enums';
import { DateTime } from 'luxon';
import { isValidBarcode } from './barcode';
import { BUSINESS_ZONE } from './dates';
import { formatEuros } from './money';
import { SCAN_REASON_LABELS } from './scan-reasons';

export * from './scan-reasons';

/** What the rules need to know of a pass found by its barcode. */
export interface PassForScan {
  id: string;
  barcode: string;
  bookletId: string;
  status: PassStatus;
  faceValueCents: number;
  acceptedUntil: Date;
  /** The order's restrictions: départements (empty = everywhere) and date window. */
  allowedDepartements: readonly string[];
  validFrom: Date | null;
  validUntil: Date | null;
  /** Its accepted, non-voided scan, when it has one: when and where it was used. */
  used?: { scannedAt: Date; structureName: string; serviceLabel: string | null } | null;
}

/** What the rules need to know of the structure, its offer and its kit. */
export interface RedemptionContext {
  structureId: string;
  structureStatus: StructureStatus;
  /** A kit subscription ordered and not ended. */
  hasSubscription: boolean;
  /** The offer named in the request, null when no offer has that id. */
  offer: { structureId: string; status: OfferStatus; priceCents: number } | null;
  /** Département where the service happens (the location's, else the structure's). */
  departement: string;
  now: Date;
}

export interface ScanVerdict {
  barcode: string;
  passId: string | null;
  reason: ScanRejectionReason | null;
  /** Words for the reason's specifics (when and where a pass was used, its validity…). */
  detail: string | null;
  valueCents: number;
}

export interface RedemptionVerdict {
  accepted: boolean;
  scans: ScanVerdict[];
  totalValueCents: number;
}

const parisDateTime = (d: Date) => DateTime.fromJSDate(d, { zone: BUSINESS_ZONE }).setLocale('fr').toFormat("dd/MM/yyyy 'à' HH:mm");
const parisDate = (d: Date) => DateTime.fromJSDate(d, { zone: BUSINESS_ZONE }).setLocale('fr').toFormat('dd/MM/yyyy');

/** The reason of the request as a whole (structure, offer, kit), before any barcode is looked at. */
function requestReason(ctx: RedemptionContext): { reason: ScanRejectionReason; detail: string } | null {
  if (ctx.structureStatus !== 'ELIGIBLE') {
    return { reason: 'STRUCTURE_NOT_ELIGIBLE', detail: ctx.structureStatus === 'SUSPENDED' ? 'La structure est suspendue : ses passages sont refusés.' : 'La structure n’est pas APTICulteur.' };
  }
  if (!ctx.offer || ctx.offer.structureId !== ctx.structureId) return { reason: 'OFFER_NOT_OWNED', detail: 'Cette offre n’est pas au catalogue de la structure.' };
  if (ctx.offer.status !== 'APPROVED') return { reason: 'OFFER_NOT_APPROVED', detail: 'Cette offre n’est pas (ou plus) approuvée : choisissez un service approuvé.' };
  if (!ctx.hasSubscription) return { reason: 'NO_SUBSCRIPTION', detail: 'Sans abonnement au kit, la structure ne peut pas encaisser de pass : commandez le kit.' };
  return null;
}

/** The reason of one pass on its own (status, validity, area), or null. */
function passReason(pass: PassForScan, ctx: RedemptionContext): { reason: ScanRejectionReason; detail: string | null } | null {
  switch (pass.status) {
    case 'CANCELLED':
      return { reason: 'PASS_CANCELLED', detail: 'Pass annulé (carnet perdu ou volé) : il ne peut pas être encaissé.' };
    case 'REDEEMED':
    case 'ENDORSED':
    case 'PAID':
      return {
        reason: 'PASS_ALREADY_USED',
        detail: pass.used
          ? `Déjà utilisé le ${parisDateTime(pass.used.scannedAt)} chez ${pass.used.structureName}${pass.used.serviceLabel ? ` (${pass.used.serviceLabel})` : ''}.`
          : 'Déjà utilisé.',
      };
    case 'EXPIRED':
      return { reason: 'PASS_EXPIRED', detail: `Pass expiré : accepté jusqu’au ${parisDate(pass.acceptedUntil)}.` };
    case 'INACTIVE':
      return { reason: 'PASS_INACTIVE', detail: 'Pass pas encore activé : le commanditaire n’a pas encore réglé sa commande.' };
    case 'ACTIVE':
      break;
  }
  if (ctx.now.getTime() > pass.acceptedUntil.getTime()) return { reason: 'PASS_EXPIRED', detail: `Pass expiré : accepté jusqu’au ${parisDate(pass.acceptedUntil)}.` };
  if (pass.validUntil && ctx.now.getTime() > pass.validUntil.getTime()) return { reason: 'PASS_EXPIRED', detail: `Pass valable jusqu’au ${parisDate(pass.validUntil)} seulement.` };
  if (pass.validFrom && ctx.now.getTime() < pass.validFrom.getTime()) return { reason: 'PASS_INACTIVE', detail: `Pass valable à partir du ${parisDate(pass.validFrom)}.` };
  if (pass.allowedDepartements.length > 0 && !pass.allowedDepartements.includes(ctx.departement)) {
    return { reason: 'OUT_OF_AREA', detail: `Pass valable seulement dans ${pass.allowedDepartements.length > 1 ? 'les départements' : 'le département'} ${pass.allowedDepartements.join(', ')}, pas dans le ${ctx.departement}.` };
  }
  return null;
}

/**
 * SPEC §3 "Scanning": the verdict on a redemption, all or nothing. Every barcode gets a reason or
 * none; the redemption is accepted only when none has one. Order of the checks: the request's
 * own (structure not eligible, offer not owned, offer not approved, no kit) apply to every
 * barcode; then per barcode: repeated in the request, malformed or failing its check digit,
 * unknown, then the pass's state and validity (cancelled, used, expired, inactive, out of
 * area); then across the request: a second pass of one booklet (SAME_BOOKLET), and passes
 * beyond the offer's price (TOO_MANY_PASSES: once the passes before already pay the price,
 * i.e. more than ceil(price / pass value)). When the redemption is refused, a barcode that was
 * fine on its own has no reason: it was simply not taken.
 */
export function evaluateRedemption(ctx: RedemptionContext, barcodes: readonly string[], passes: ReadonlyMap<string, PassForScan>): RedemptionVerdict {
  const whole = requestReason(ctx);
  const seen = new Set<string>();
  const booklets = new Set<string>();
  let covered = 0;
  const scans = barcodes.map((barcode): ScanVerdict => {
    const pass = passes.get(barcode) ?? null;
    const verdict = (reason: ScanRejectionReason | null, detail: string | null = null): ScanVerdict => ({
      barcode,
      passId: pass?.id ?? null,
      reason,
      detail,
      valueCents: reason === null && pass ? pass.faceValueCents : 0,
    });
    const repeated = seen.has(barcode);
    seen.add(barcode);
    if (whole) return verdict(whole.reason, whole.detail);
    if (repeated) return verdict('DUPLICATE_IN_REQUEST', 'Ce pass figure déjà dans ce passage.');
    if (!isValidBarcode(barcode)) return verdict('INVALID_BARCODE', 'Code mal lu ou mal saisi (13 chiffres commençant par 2, clé de contrôle) : scannez-le à nouveau.');
    if (!pass) return verdict('UNKNOWN_PASS', 'Aucun pass #APTIC ne porte ce numéro.');
    const own = passReason(pass, ctx);
    if (own) return verdict(own.reason, own.detail);
    if (booklets.has(pass.bookletId)) return verdict('SAME_BOOKLET', 'Deux pass d’un même carnet ne paient jamais le même service.');
    booklets.add(pass.bookletId);
    if (covered >= ctx.offer!.priceCents) {
      return verdict('TOO_MANY_PASSES', `Le service coûte ${formatEuros(ctx.offer!.priceCents)} : les pass précédents le paient déjà.`);
    }
    covered += pass.faceValueCents;
    return verdict(null);
  });
  const accepted = scans.length > 0 && scans.every((s) => s.reason === null);
  return {
    accepted,
    scans: accepted ? scans : scans.map((s) => ({ ...s, valueCents: 0 })),
    totalValueCents: accepted ? scans.reduce((sum, s) => sum + s.valueCents, 0) : 0,
  };
}

/** A refused scan as the scanner screen and the live feed say it: the reason's words and its detail. */
export function scanMessage(reason: ScanRejectionReason | null, detail: string | null, accepted: boolean, valueCents = 0): string {
  if (accepted) return `Accepté : ${formatEuros(valueCents)}`;
  if (!reason) return detail ?? 'Non encaissé : un autre pass de ce passage est refusé.';
  return detail ? `${SCAN_REASON_LABELS[reason]} — ${detail}` : SCAN_REASON_LABELS[reason];
}

/** The Paris day (00:00 UTC of that date, like every stored day) on which billing of a kit starts. */
export function billingStartOf(firstAcceptedScanAt: Date): Date {
  const d = DateTime.fromJSDate(firstAcceptedScanAt, { zone: BUSINESS_ZONE });
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}
