import type { ScanOutcome, ScanRejectionReason } from '../generated/prisma/enums';

// Shared with the console (admin/src/i18n): no dependency beyond types.

/** Each refusal as a person at a counter reads it (scanner screen, console, live feed). */
export const SCAN_REASON_LABELS: Readonly<Record<ScanRejectionReason, string>> = {
  INVALID_BARCODE: 'Code-barres invalide',
  UNKNOWN_PASS: 'Pass inconnu',
  PASS_INACTIVE: 'Pass inactif',
  PASS_ALREADY_USED: 'Pass déjà utilisé',
  PASS_EXPIRED: 'Pass expiré',
  PASS_CANCELLED: 'Pass annulé',
  OUT_OF_AREA: 'Hors du territoire autorisé',
  STRUCTURE_NOT_ELIGIBLE: 'Structure non éligible',
  NO_SUBSCRIPTION: 'Pas d’abonnement au kit',
  OFFER_NOT_APPROVED: 'Offre non approuvée',
  OFFER_NOT_OWNED: 'Offre d’une autre structure',
  SAME_BOOKLET: 'Deux pass du même carnet',
  TOO_MANY_PASSES: 'Trop de pass pour ce service',
  DUPLICATE_IN_REQUEST: 'Pass scanné deux fois',
};

/** At most this many barcodes in one redemption (a service costs a few passes; more is a mistake or abuse). */
export const MAX_BARCODES_PER_REDEMPTION = 20;

/** An Idempotency-Key: what a scanner may send (a UUID, a counter, a timestamp…), printable ASCII. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,100}$/;

/** One scan attempt as the `scans/live` topic carries it (SPEC §4 "Real time"). */
export interface LiveScan {
  id: string;
  /** ISO 8601. */
  scannedAt: string;
  redemptionId: string | null;
  structureId: string;
  structureName: string;
  /** Where the service happened: the location's département, else the structure's. */
  departement: string;
  offerId: string | null;
  /** The offer's title, null when the offer is unknown. */
  serviceLabel: string | null;
  passId: string | null;
  barcode: string;
  outcome: ScanOutcome;
  reason: ScanRejectionReason | null;
  /** The reason in words, with its detail ("Pass déjà utilisé le 3/11 à 10:02 chez …"). */
  reasonLabel: string | null;
  valueCents: number;
  /** True for a staff redemption of a wrongly refused pass (dispute outcome FORCE_REDEEM). */
  forced: boolean;
}

/** The event on `scans/live`: the scans of one redemption (one event per request, not per scan). */
export interface LiveScanEvent {
  topic: 'scans/live';
  type: 'created';
  payload: { scans: LiveScan[] };
}

