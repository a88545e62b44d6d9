import { useCallback, useEffect, useRef, useState } from 'react';
import { useSubscribe, type SubscribeAck } from '../../realtime';
import {
    detectAnomalies,
    emptyAnomalyState,
    keepNewest,
    matchesFilter,
    mergeAnomalies,
    minuteSeries,
    tallyMinutes,
    type Anomaly,
    type LiveFilter,
    type LiveScan,
    type MinuteCount,
    type MinuteTally,
} from './liveFeed';

/** The realtime topic of every scan attempt (server/src/realtime/realtime.service.ts LIVE_SCANS_TOPIC). */
export const LIVE_SCANS_TOPIC = 'scans/live';

/** Events are buffered as they come and handed to React this often: a few renders a second, whatever the rate. */
const FLUSH_MS = 250;
/** The chart follows the clock even when nothing arrives. */
const CHART_MS = 1000;

export interface SeenStructure {
    id: string;
    name: string;
    departement: string;
}

interface View {
    /** The newest scans received (newest first), whatever the filters. */
    all: LiveScan[];
    /** The newest scans matching the filters: kept on their own so a rare structure's rows are not pushed out by the others. */
    matching: LiveScan[];
}

export interface LiveScanFeed {
    rows: LiveScan[];
    ack: SubscribeAck | null;
    paused: boolean;
    /** Scans received since the pause (they join the table on resume). */
    heldCount: number;
    /** How many joined the table at the last resume (null once acknowledged). */
    resumedCount: number | null;
    dismissResumed: () => void;
    pause: () => void;
    resume: () => void;
    received: number;
    anomalies: Anomaly[];
    series: MinuteCount[];
    structures: SeenStructure[];
}

/**
 * Follows `scans/live`: events go to a ref, and every FLUSH_MS the batch is counted, checked for
 * anomalies and (unless paused) added to the table; at most LIVE_ROWS_MAX rows are kept.
 */
export const useLiveScanFeed = (filter: LiveFilter): LiveScanFeed => {
    const buffer = useRef<LiveScan[]>([]);
    const [ack, setAck] = useState<SubscribeAck | null>(null);
    useSubscribe(
        LIVE_SCANS_TOPIC,
        event => {
            const scans = (event.payload as { scans?: LiveScan[] }).scans;
            if (event.type === 'created' && Array.isArray(scans)) buffer.current.push(...scans);
        },
        { onAck: setAck }
    );

    const filterRef = useRef(filter);
    filterRef.current = filter;
    const [view, setView] = useState<View>({ all: [], matching: [] });
    // A new filter applies to the rows already in the page, then to those to come.
    useEffect(() => {
        setView(v => ({ all: v.all, matching: v.all.filter(scan => matchesFilter(scan, filter)) }));
    }, [filter]);

    const pausedRef = useRef(false);
    const [paused, setPaused] = useState(false);
    const held = useRef<LiveScan[]>([]);
    const heldTotal = useRef(0);
    const [heldCount, setHeldCount] = useState(0);
    const [resumedCount, setResumedCount] = useState<number | null>(null);

    const receivedRef = useRef(0);
    const [received, setReceived] = useState(0);
    const detector = useRef(emptyAnomalyState());
    const [anomalies, setAnomalies] = useState<Anomaly[]>([]);
    const tally = useRef<MinuteTally>(new Map());
    const [series, setSeries] = useState<MinuteCount[]>(() => minuteSeries(new Map(), Date.now()));
    const structuresRef = useRef(new Map<string, SeenStructure>());
    const [structures, setStructures] = useState<SeenStructure[]>([]);

    const addToTable = useCallback((batch: LiveScan[]) => {
        const current = filterRef.current;
        setView(v => ({
            all: keepNewest(v.all, batch),
            matching: keepNewest(v.matching, batch.filter(scan => matchesFilter(scan, current))),
        }));
    }, []);

    useEffect(() => {
        const flush = () => {
            if (buffer.current.length === 0) return;
            const batch = buffer.current;
            buffer.current = [];
            receivedRef.current += batch.length;
            setReceived(receivedRef.current);
            tally.current = tallyMinutes(tally.current, batch, Date.now());
            const detected = detectAnomalies(detector.current, batch);
            detector.current = detected.state;
            if (detected.anomalies.length > 0) setAnomalies(listed => mergeAnomalies(listed, detected.anomalies));
            let newStructure = false;
            for (const scan of batch) {
                if (!structuresRef.current.has(scan.structureId)) {
                    structuresRef.current.set(scan.structureId, { id: scan.structureId, name: scan.structureName, departement: scan.departement });
                    newStructure = true;
                }
            }
            if (newStructure) setStructures([...structuresRef.current.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr')));
            if (pausedRef.current) {
                // Held rows are bounded like the table; the count says how many came.
                held.current = keepNewest(held.current, batch);
                heldTotal.current += batch.length;
                setHeldCount(heldTotal.current);
            } else {
                addToTable(batch);
            }
        };
        const flushTimer = setInterval(flush, FLUSH_MS);
        const chartTimer = setInterval(() => setSeries(minuteSeries(tally.current, Date.now())), CHART_MS);
        return () => {
            clearInterval(flushTimer);
            clearInterval(chartTimer);
        };
    }, [addToTable]);

    const pause = useCallback(() => {
        pausedRef.current = true;
        held.current = [];
        heldTotal.current = 0;
        setHeldCount(0);
        setResumedCount(null);
        setPaused(true);
    }, []);

    const resume = useCallback(() => {
        pausedRef.current = false;
        // held is newest first; the table takes batches oldest first.
        addToTable([...held.current].reverse());
        setResumedCount(heldTotal.current);
        held.current = [];
        heldTotal.current = 0;
        setHeldCount(0);
        setPaused(false);
    }, [addToTable]);

    const dismissResumed = useCallback(() => setResumedCount(null), []);

    return {
        rows: view.matching,
        ack,
        paused,
        heldCount,
        resumedCount,
        dismissResumed,
        pause,
        resume,
        received,
        anomalies,
        series,
        structures,
    };
};
