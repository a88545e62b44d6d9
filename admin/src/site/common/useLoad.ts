import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from './fieldErrors';

/** What a page read from the API: the value once it came, or why it did not (in French), and how to read it again. */
export interface Loaded<T> {
    value: T | undefined;
    error: string | null;
    reload: () => void;
}

/**
 * Reads one thing from the API for a page: an error answer or an unreachable server gives a
 * message (never an empty page that looks like "nothing here"). `read` answers like
 * openapi-fetch: { data } or { error }.
 */
export function useLoad<T>(read: () => Promise<{ data?: T; error?: unknown }>, deps: unknown[]): Loaded<T> {
    const [value, setValue] = useState<T | undefined>(undefined);
    const [error, setError] = useState<string | null>(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
    const latest = useRef(0);
    const reload = useCallback(() => {
        // Only the last read counts: an older answer arriving late (filters changed meanwhile) is dropped.
        const call = ++latest.current;
        setError(null);
        read().then(
            ({ data, error: refused }) => call === latest.current && (data !== undefined ? setValue(data) : setError(messageOf(refused))),
            () => call === latest.current && setError(messageOf(null))
        );
    }, deps);
    useEffect(reload, [reload]);
    return { value, error, reload };
}
