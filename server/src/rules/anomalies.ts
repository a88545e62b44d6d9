/**
 * What support should look at in the scans: the rules and the shape of an anomaly, written once.
 * The live page detects them in the feed as it arrives (admin/src/scans/live/liveFeed.ts); the
 * SUPPORT dashboard asks the server for today's (server/src/dashboard/anomalies.ts, set-based SQL
 * with the same windows). No imports: the console's Vite build bundles this file as it is.
 */

/** The thresholds that raise each anomaly. */
export const ANOMALY_RULES = {
  /** A structure with this many refusals within the window: a broken reader, or someone trying passes. */
  REFUSAL_BURST: { count: 5, windowMs: 60_000 },
  /** One pass presented in this many different structures within the window: a copied barcode, or a resold pass. */
  PASS_IN_SEVERAL_STRUCTURES: { count: 2, windowMs: 10 * 60_000 },
  /** One barcode failing its check digit this many times within the window: a damaged label, or invented codes. */
  REPEATED_INVALID_BARCODE: { count: 3, windowMs: 10 * 60_000 },
} as const;

export type AnomalyKind = keyof typeof ANOMALY_RULES;

export interface Anomaly {
  /** `<kind>:<structure id or barcode>`: one anomaly per subject, updated while it goes on. */
  key: string;
  kind: AnomalyKind;
  /** The structure of a burst; the last structure for a barcode. */
  structureId: string;
  structureName: string;
  /** The pass's barcode (pass and invalid-barcode anomalies). */
  barcode: string | null;
  passId: string | null;
  /** Events counted in the window (the most seen in one window, for the dashboard's day): refusals, structures, failed reads. */
  count: number;
  /** The structures a pass was tried in (names), for PASS_IN_SEVERAL_STRUCTURES. */
  structureNames: string[];
  firstAt: string;
  lastAt: string;
}
