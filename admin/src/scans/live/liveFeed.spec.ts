import {
    ANOMALY_RULES,
    anomalyKeysOf,
    detectAnomalies,
    emptyAnomalyState,
    isFilterActive,
    keepNewest,
    matchesFilter,
    mergeAnomalies,
    minuteSeries,
    tallyMinutes,
    type Anomaly,
    type LiveScan,
} from './liveFeed';

const T0 = Date.parse('2026-12-03T13:00:00.000Z');
let serial = 0;

/** A scan as `scans/live` carries it; `at` in seconds after T0. */
const scan = (at: number, over: Partial<LiveScan> = {}): LiveScan => ({
    id: `scan-${++serial}`,
    scannedAt: new Date(T0 + at * 1000).toISOString(),
    redemptionId: `red-${serial}`,
    structureId: 'st-lille',
    structureName: 'Espace numérique de Lille',
    departement: '59',
    offerId: 'offer-1',
    serviceLabel: 'Créer son adresse e-mail',
    passId: `pass-${serial}`,
    barcode: `2000000${String(serial).padStart(5, '0')}0`,
    outcome: 'ACCEPTED',
    reason: null,
    reasonLabel: null,
    valueCents: 1000,
    forced: false,
    ...over,
});
const refusal = (at: number, over: Partial<LiveScan> = {}) =>
    scan(at, { outcome: 'REJECTED', reason: 'PASS_ALREADY_USED', reasonLabel: 'Pass déjà utilisé', valueCents: 0, ...over });
const invalid = (at: number, barcode: string, over: Partial<LiveScan> = {}) =>
    scan(at, { outcome: 'REJECTED', reason: 'INVALID_BARCODE', reasonLabel: 'Code-barres invalide', passId: null, barcode, valueCents: 0, ...over });

const feed = (...batches: LiveScan[][]) => {
    let state = emptyAnomalyState();
    let listed: Anomaly[] = [];
    const perBatch: Anomaly[][] = [];
    for (const batch of batches) {
        const result = detectAnomalies(state, batch);
        state = result.state;
        perBatch.push(result.anomalies);
        listed = mergeAnomalies(listed, result.anomalies);
    }
    return { state, listed, perBatch };
};

describe('rows kept in the page', () => {
    it('puts the newest first and keeps at most the maximum', () => {
        const old = [scan(2), scan(1)];
        const batch = [scan(3), scan(4), scan(5)];
        expect(keepNewest(old, batch, 4).map(s => s.id)).toEqual([batch[2].id, batch[1].id, batch[0].id, old[0].id]);
    });

    it('keeps only the end of a batch larger than the page', () => {
        const batch = Array.from({ length: 10 }, (_, i) => scan(i));
        expect(keepNewest([scan(-1)], batch, 3).map(s => s.id)).toEqual([batch[9].id, batch[8].id, batch[7].id]);
    });
});

describe('filters on the stream', () => {
    const lille = scan(0);
    const ajaccio = refusal(0, { structureId: 'st-ajaccio', structureName: 'Tiers-lieu d’Ajaccio', departement: '2A' });

    it('passes everything when no filter is set', () => {
        expect(isFilterActive({ outcome: 'ALL' })).toBe(false);
        expect([lille, ajaccio].filter(s => matchesFilter(s, {}))).toEqual([lille, ajaccio]);
    });

    it('narrows by structure, by département (whatever its case) and by outcome', () => {
        expect(matchesFilter(ajaccio, { structureId: 'st-ajaccio' })).toBe(true);
        expect(matchesFilter(lille, { structureId: 'st-ajaccio' })).toBe(false);
        expect(matchesFilter(ajaccio, { departement: ' 2a ' })).toBe(true);
        expect(matchesFilter(lille, { departement: '2A' })).toBe(false);
        expect(matchesFilter(lille, { departement: '5' })).toBe(false);
        expect(matchesFilter(ajaccio, { outcome: 'REFUSED' })).toBe(true);
        expect(matchesFilter(lille, { outcome: 'REFUSED' })).toBe(false);
        expect(matchesFilter(lille, { outcome: 'ACCEPTED' })).toBe(true);
        expect(isFilterActive({ departement: '59' })).toBe(true);
    });

    it('requires every filter set to match', () => {
        expect(matchesFilter(ajaccio, { departement: '2A', outcome: 'ACCEPTED' })).toBe(false);
    });
});

describe('counts per minute', () => {
    const now = T0 + 4 * 60_000 + 30_000; // 13:04:30

    it('counts accepted and refused scans in the minute they were scanned', () => {
        const tally = tallyMinutes(new Map(), [scan(5), refusal(10), scan(70), scan(200), refusal(250), refusal(259)], now);
        const series = minuteSeries(tally, now, 5);
        expect(series.map(m => new Date(m.minute).toISOString().slice(11, 16))).toEqual(['13:00', '13:01', '13:02', '13:03', '13:04']);
        expect(series.map(m => [m.accepted, m.refused])).toEqual([[1, 1], [1, 0], [0, 0], [1, 0], [0, 2]]);
    });

    it('adds batch after batch to the same minutes', () => {
        let tally = tallyMinutes(new Map(), [scan(1), refusal(2)], now);
        tally = tallyMinutes(tally, [scan(3)], now);
        expect(minuteSeries(tally, now, 5)[0]).toEqual({ minute: T0, accepted: 2, refused: 1 });
    });

    it('forgets minutes older than the window and counts a scan from a clock slightly ahead in the current minute', () => {
        const tally = tallyMinutes(new Map(), [scan(-16 * 60), scan(-10 * 60), refusal(5 * 60 + 20)], now, 15);
        const series = minuteSeries(tally, now, 15);
        expect(series).toHaveLength(15);
        expect(series.reduce((sum, m) => sum + m.accepted, 0)).toBe(1);
        expect(series[14]).toEqual({ minute: T0 + 4 * 60_000, accepted: 0, refused: 1 });
        expect([...tally.keys()].every(minute => minute >= series[0].minute)).toBe(true);
    });

    it('counts nothing for a voided scan (neither accepted nor refused)', () => {
        const tally = tallyMinutes(new Map(), [scan(1, { outcome: 'VOIDED' })], now);
        expect(minuteSeries(tally, now, 5).every(m => m.accepted === 0 && m.refused === 0)).toBe(true);
    });
});

describe('anomaly: a structure with a burst of refusals', () => {
    const threshold = ANOMALY_RULES.REFUSAL_BURST.count;

    it(`is raised at the ${threshold}th refusal within 60 s, not before`, () => {
        const refusals = Array.from({ length: threshold }, (_, i) => refusal(i * 10));
        const { perBatch } = feed(refusals.slice(0, threshold - 1), refusals.slice(threshold - 1));
        expect(perBatch[0]).toEqual([]);
        expect(perBatch[1]).toEqual([
            expect.objectContaining({ kind: 'REFUSAL_BURST', key: 'REFUSAL_BURST:st-lille', structureName: 'Espace numérique de Lille', count: threshold }),
        ]);
    });

    it('is not raised by refusals spread over more than 60 s, nor by accepted scans', () => {
        const spread = Array.from({ length: 8 }, (_, i) => refusal(i * 16));
        const accepted = Array.from({ length: 20 }, (_, i) => scan(200 + i));
        expect(feed(spread, accepted).listed).toEqual([]);
    });

    it('counts each structure on its own', () => {
        const a = Array.from({ length: 3 }, (_, i) => refusal(i));
        const b = Array.from({ length: 3 }, (_, i) => refusal(i, { structureId: 'st-brest', structureName: 'Brest' }));
        expect(feed([...a, ...b]).listed).toEqual([]);
    });

    it('stays one anomaly per structure, with its latest count, while the burst goes on', () => {
        const burst = Array.from({ length: 9 }, (_, i) => refusal(i));
        const { listed } = feed(burst.slice(0, 5), burst.slice(5));
        expect(listed).toHaveLength(1);
        expect(listed[0]).toEqual(expect.objectContaining({ count: 9, lastAt: burst[8].scannedAt, firstAt: burst[0].scannedAt }));
    });
});

describe('anomaly: a pass tried in two structures', () => {
    it('is raised when the same barcode is scanned in another structure within the window', () => {
        const first = scan(0, { barcode: '2123456789013' });
        const second = refusal(120, { barcode: '2123456789013', structureId: 'st-brest', structureName: 'Brest numérique' });
        const { listed } = feed([first], [second]);
        expect(listed).toEqual([
            expect.objectContaining({
                kind: 'PASS_IN_SEVERAL_STRUCTURES',
                barcode: '2123456789013',
                count: 2,
                structureNames: ['Espace numérique de Lille', 'Brest numérique'],
            }),
        ]);
    });

    it('is not raised by the same pass scanned twice in one structure, nor by two structures far apart in time', () => {
        const sameStructure = [scan(0, { barcode: '2123456789013' }), refusal(30, { barcode: '2123456789013' })];
        const farApart = [
            scan(0, { barcode: '2999999999994' }),
            refusal(ANOMALY_RULES.PASS_IN_SEVERAL_STRUCTURES.windowMs / 1000 + 1, { barcode: '2999999999994', structureId: 'st-brest', structureName: 'Brest' }),
        ];
        expect(feed(sameStructure).listed).toEqual([]);
        expect(feed([farApart[0]], [farApart[1]]).listed).toEqual([]);
    });
});

describe('anomaly: a barcode failing its check digit repeatedly', () => {
    it('is raised at the third failure of the same barcode', () => {
        const { perBatch } = feed([invalid(0, '2000000000002'), invalid(10, '2000000000002')], [invalid(20, '2000000000002')]);
        expect(perBatch[0]).toEqual([]);
        expect(perBatch[1]).toEqual([expect.objectContaining({ kind: 'REPEATED_INVALID_BARCODE', barcode: '2000000000002', count: 3 })]);
    });

    it('is not raised by three different mistyped barcodes, nor counted as a pass tried in two structures', () => {
        const typos = [invalid(0, '2000000000002'), invalid(1, '2000000000003'), invalid(2, '2000000000004')];
        const elsewhere = [invalid(3, '2000000000002', { structureId: 'st-brest', structureName: 'Brest' })];
        expect(feed(typos, elsewhere).listed).toEqual([]);
    });
});

describe('highlighting and memory', () => {
    it('names the anomalies a row belongs to', () => {
        expect(anomalyKeysOf(invalid(0, '2000000000002'))).toEqual([
            'PASS_IN_SEVERAL_STRUCTURES:2000000000002',
            'REFUSAL_BURST:st-lille',
            'REPEATED_INVALID_BARCODE:2000000000002',
        ]);
        expect(anomalyKeysOf(scan(0, { barcode: '2123456789013' }))).toEqual(['PASS_IN_SEVERAL_STRUCTURES:2123456789013']);
    });

    it('forgets subjects whose window has passed', () => {
        const { state } = feed([refusal(0), invalid(0, '2000000000002')], [scan(11 * 60, { structureId: 'st-brest' })]);
        expect([...state.refusalsByStructure.keys()]).toEqual([]);
        expect([...state.invalidByBarcode.keys()]).toEqual([]);
        expect(state.structuresByBarcode.size).toBe(1);
    });

    it('lists the newest anomalies first, at most the maximum', () => {
        const burst = (structureId: string, at: number) => Array.from({ length: 5 }, (_, i) => refusal(at + i, { structureId, structureName: structureId }));
        const { listed } = feed(burst('a', 0), burst('b', 100), burst('a', 200));
        expect(listed.map(a => a.structureId)).toEqual(['a', 'b']);
        expect(mergeAnomalies(listed, [], 1)).toBe(listed);
        expect(mergeAnomalies([], listed, 1).map(a => a.structureId)).toEqual(['a']);
    });
});
