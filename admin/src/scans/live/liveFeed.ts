import type { LiveScan } from '../../../../server/src/rules/scan-reasons';
import { ANOMALY_RULES, type Anomaly, type AnomalyKind } from '../../../../server/src/rules/anomalies';

/**
 * The live scan feed's arithmetic, kept out of React so it can be tested directly: which rows
 * the page keeps, which match the filters, the counts per minute, and the anomalies. Everything
 * here is a plain function of its inputs; windows are measured on the scans' own times
 * (`scannedAt`, the server's clock), so a browser whose clock is off still sees a burst.
 */
export type { LiveScan, Anomaly, AnomalyKind };
export { ANOMALY_RULES };

/** Rows kept in the page (newest first): enough to read, little enough to stay smooth at 200 scans/s. */
export const LIVE_ROWS_MAX = 500;

/** The newest `max` scans of `rows` and `batch` (a batch arrives oldest first), newest first. */
export const keepNewest = (rows: readonly LiveScan[], batch: readonly LiveScan[], max = LIVE_ROWS_MAX): LiveScan[] => {
    const fresh = batch.slice(-max).reverse();
    return fresh.length >= max ? fresh : fresh.concat(rows.slice(0, max - fresh.length));
};

export type OutcomeFilter = 'ALL' | 'ACCEPTED' | 'REFUSED';

export interface LiveFilter {
    structureId?: string | null;
    /** A département code ("59", "2A", "971"); matched exactly, case-insensitive. */
    departement?: string | null;
    outcome?: OutcomeFilter;
}

export const isRefused = (scan: Pick<LiveScan, 'outcome'>) => scan.outcome === 'REJECTED';

export const isFilterActive = (filter: LiveFilter) =>
    !!filter.structureId || !!filter.departement?.trim() || (filter.outcome ?? 'ALL') !== 'ALL';

export const matchesFilter = (scan: LiveScan, filter: LiveFilter): boolean => {
    if (filter.structureId && scan.structureId !== filter.structureId) return false;
    const departement = filter.departement?.trim().toUpperCase();
    if (departement && scan.departement.toUpperCase() !== departement) return false;
    if (filter.outcome === 'ACCEPTED' && scan.outcome !== 'ACCEPTED') return false;
    if (filter.outcome === 'REFUSED' && !isRefused(scan)) return false;
    return true;
};

// ───────────────────────────── Counts per minute ─────────────────────────────

const MINUTE_MS = 60_000;

/** Accepted and refused scans per minute (key: the minute's start, epoch ms). */
export type MinuteTally = ReadonlyMap<number, { accepted: number; refused: number }>;

export interface MinuteCount {
    /** Start of the minute, epoch ms. */
    minute: number;
    accepted: number;
    refused: number;
}

/** Minutes shown on the chart. */
export const CHART_MINUTES = 15;

/**
 * Adds a batch to the tally and forgets minutes older than the window. A scan stamped ahead of
 * `now` (clocks differ a little) counts in the current minute; one older than the window is dropped.
 */
export const tallyMinutes = (tally: MinuteTally, batch: readonly LiveScan[], now: number, minutes = CHART_MINUTES): MinuteTally => {
    const current = Math.floor(now / MINUTE_MS) * MINUTE_MS;
    const oldest = current - (minutes - 1) * MINUTE_MS;
    const next = new Map<number, { accepted: number; refused: number }>();
    for (const [minute, counts] of tally) if (minute >= oldest) next.set(minute, { ...counts });
    for (const scan of batch) {
        const minute = Math.min(Math.floor(Date.parse(scan.scannedAt) / MINUTE_MS) * MINUTE_MS, current);
        if (!(minute >= oldest)) continue;
        const counts = next.get(minute) ?? { accepted: 0, refused: 0 };
        if (scan.outcome === 'ACCEPTED') counts.accepted += 1;
        else if (isRefused(scan)) counts.refused += 1;
        next.set(minute, counts);
    }
    return next;
};

/** The last `minutes` minutes up to `now`, oldest first, empty minutes included. */
export const minuteSeries = (tally: MinuteTally, now: number, minutes = CHART_MINUTES): MinuteCount[] => {
    const current = Math.floor(now / MINUTE_MS) * MINUTE_MS;
    return Array.from({ length: minutes }, (_, i) => {
        const minute = current - (minutes - 1 - i) * MINUTE_MS;
        const counts = tally.get(minute);
        return { minute, accepted: counts?.accepted ?? 0, refused: counts?.refused ?? 0 };
    });
};

// ───────────────────────────── Anomalies ─────────────────────────────

interface Seen {
    at: number;
    structureId: string;
    structureName: string;
}

/**
 * What the detector remembers between batches: the recent events of each subject. At 200 scans/s
 * the barcodes of ten minutes are 120,000 entries: detectAnomalies updates these maps in place
 * rather than copying them at every batch, so keep only the state it returns.
 */
export interface AnomalyState {
    refusalsByStructure: Map<string, readonly Seen[]>;
    structuresByBarcode: Map<string, readonly Seen[]>;
    invalidByBarcode: Map<string, readonly Seen[]>;
    /** The latest scan time seen: the clock the windows are measured on. */
    clock: number;
    /** When subjects out of their windows were last forgotten (once a second is enough). */
    prunedAt: number;
}

export const emptyAnomalyState = (): AnomalyState => ({
    refusalsByStructure: new Map(),
    structuresByBarcode: new Map(),
    invalidByBarcode: new Map(),
    clock: 0,
    prunedAt: 0,
});

/** Keys of the anomalies a row belongs to (to highlight it). */
export const anomalyKeysOf = (scan: LiveScan): string[] => {
    const keys = [`PASS_IN_SEVERAL_STRUCTURES:${scan.barcode}`];
    if (isRefused(scan)) keys.push(`REFUSAL_BURST:${scan.structureId}`);
    if (scan.reason === 'INVALID_BARCODE') keys.push(`REPEATED_INVALID_BARCODE:${scan.barcode}`);
    return keys;
};

const within = (events: readonly Seen[] | undefined, since: number) => (events ?? []).filter(e => e.at > since);

/**
 * Feeds a batch (oldest first) to the detector: returns its new memory (the given one, updated)
 * and the anomalies raised or still going on because of this batch (one per key, with its latest
 * count). Each window keeps only what falls inside it, so memory stays bounded by the traffic of
 * a few minutes.
 */
export const detectAnomalies = (state: AnomalyState, batch: readonly LiveScan[]): { state: AnomalyState; anomalies: Anomaly[] } => {
    const { refusalsByStructure: refusals, structuresByBarcode: structures, invalidByBarcode: invalid } = state;
    let clock = state.clock;
    const raised = new Map<string, Anomaly>();

    const raise = (kind: AnomalyKind, subject: string, scan: LiveScan, events: readonly Seen[], count: number) => {
        const key = `${kind}:${subject}`;
        const names = [...new Set(events.map(e => e.structureName))];
        raised.set(key, {
            key,
            kind,
            structureId: scan.structureId,
            structureName: scan.structureName,
            barcode: kind === 'REFUSAL_BURST' ? null : scan.barcode,
            passId: kind === 'REFUSAL_BURST' ? null : scan.passId,
            count,
            structureNames: kind === 'PASS_IN_SEVERAL_STRUCTURES' ? names : [],
            firstAt: new Date(events[0].at).toISOString(),
            lastAt: scan.scannedAt,
        });
    };

    for (const scan of batch) {
        const at = Date.parse(scan.scannedAt);
        if (Number.isNaN(at)) continue;
        clock = Math.max(clock, at);
        const seen: Seen = { at, structureId: scan.structureId, structureName: scan.structureName };

        if (isRefused(scan)) {
            const rule = ANOMALY_RULES.REFUSAL_BURST;
            const events = [...within(refusals.get(scan.structureId), clock - rule.windowMs), seen];
            refusals.set(scan.structureId, events);
            if (events.length >= rule.count) raise('REFUSAL_BURST', scan.structureId, scan, events, events.length);
        }

        // A barcode that fails its check digit is no pass: it cannot be "tried in two structures".
        if (scan.reason !== 'INVALID_BARCODE') {
            const rule = ANOMALY_RULES.PASS_IN_SEVERAL_STRUCTURES;
            const events = [...within(structures.get(scan.barcode), clock - rule.windowMs).filter(e => e.structureId !== scan.structureId), seen];
            structures.set(scan.barcode, events);
            if (events.length >= rule.count) raise('PASS_IN_SEVERAL_STRUCTURES', scan.barcode, scan, events, events.length);
        } else {
            const rule = ANOMALY_RULES.REPEATED_INVALID_BARCODE;
            const events = [...within(invalid.get(scan.barcode), clock - rule.windowMs), seen];
            invalid.set(scan.barcode, events);
            if (events.length >= rule.count) raise('REPEATED_INVALID_BARCODE', scan.barcode, scan, events, events.length);
        }
    }

    // Forget subjects whose window has passed (the maps would otherwise grow with every barcode ever seen).
    const prune = (map: Map<string, readonly Seen[]>, windowMs: number) => {
        for (const [subject, events] of map) {
            if (events.length === 0 || events[events.length - 1].at <= clock - windowMs) map.delete(subject);
        }
    };
    let prunedAt = state.prunedAt;
    if (clock - prunedAt >= 1000) {
        prune(refusals, ANOMALY_RULES.REFUSAL_BURST.windowMs);
        prune(structures, ANOMALY_RULES.PASS_IN_SEVERAL_STRUCTURES.windowMs);
        prune(invalid, ANOMALY_RULES.REPEATED_INVALID_BARCODE.windowMs);
        prunedAt = clock;
    }

    return {
        state: { refusalsByStructure: refusals, structuresByBarcode: structures, invalidByBarcode: invalid, clock, prunedAt },
        anomalies: [...raised.values()],
    };
};

/** Anomalies listed on the page: the newest first, at most `max`; a key seen again replaces its old entry. */
export const mergeAnomalies = (listed: readonly Anomaly[], raised: readonly Anomaly[], max = 50): Anomaly[] => {
    if (raised.length === 0) return listed as Anomaly[];
    const keys = new Set(raised.map(a => a.key));
    const fresh = [...raised].sort((a, b) => Date.parse(b.lastAt) - Date.parse(a.lastAt));
    return fresh.concat(listed.filter(a => !keys.has(a.key))).slice(0, max);
};
