/**
 * The investigation view of a dispute (GET /api/disputes/:id/investigation), as types only: the
 * server builds it (server/src/disputes/investigation.ts) and the console imports this file as it is.
 */
/** One dated fact of a pass's life, as the investigation view lists it. */
export interface InvestigationEvent {
  /** ISO 8601 instant. */
  at: string;
  kind: 'ISSUED' | 'ACTIVATED' | 'HANDED_OUT' | 'SCAN' | 'ENDORSED' | 'PAID' | 'CANCELLED' | 'EXPIRED' | 'DISPUTE' | 'STAFF';
  /** A French sentence: « Scan refusé chez Espace X : Pass inactif », « Endossé sur le relevé 2026-000012 ». */
  label: string;
  structureName: string | null;
  /** For SCAN only. */
  outcome: 'ACCEPTED' | 'REJECTED' | null;
  /** ScanRejectionReason code of a refused scan. */
  reason: string | null;
  /** Accepted by staff (dispute outcome FORCE_REDEEM). */
  forced: boolean;
  /** Voided (dispute outcome VOID_SCAN). */
  voided: boolean;
  /** The record the console links to: { resource: 'scans', id }, 'statements', 'disputes', 'orders', 'booklets'. */
  link: { resource: string; id: string } | null;
}

/** GET /api/disputes/:id/investigation: what support looks at before deciding a dispute. Money in cents, dates ISO 8601. */
export interface Investigation {
  dispute: { id: string; reference: string; structureId: string | null; structureName: string | null };
  passes: {
    id: string;
    barcode: string;
    status: string;
    faceValueCents: number;
    orderId: string;
    orderReference: string;
    sponsorName: string;
    bookletNumber: string;
    /** Oldest first. */
    timeline: InvestigationEvent[];
  }[];
  /** The dispute structure's scans within ±3 days of the dispute's scans, newest first. */
  nearbyScans: { id: string; scannedAt: string; barcode: string; outcome: string; reason: string | null; valueCents: number; forced: boolean; voided: boolean; passId: string | null; disputed: boolean }[];
  /** Other disputes on the same structure or on one of the same passes, newest first. */
  otherDisputes: { id: string; reference: string; status: string; outcome: string | null; category: string; createdAt: string; samePass: boolean; sameStructure: boolean }[];
  /** Refused scans over the last `days` days: the dispute's structure, and all the others together. */
  refusalRate: { days: number; structure: RefusalFigures; others: RefusalFigures };
}

export interface RefusalFigures {
  scans: number;
  refused: number;
  /** refused / scans, 4 decimals; null without any scan. */
  rate: number | null;
}
