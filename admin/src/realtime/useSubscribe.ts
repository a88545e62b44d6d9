import { useEffect, useRef } from 'react';
import { useDataProvider, useRecordContext, useResourceContext, type Identifier } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { resourceTopic, type RealtimeCallback, type SubscribeAck } from './types';

export interface UseSubscribeOptions {
    enabled?: boolean;
    /** Told once the server accepted (or refused) the subscription. */
    onAck?: (ack: SubscribeAck) => void;
}

/**
 * Listens to a realtime topic while the component is mounted (react-admin's `useSubscribe`).
 * The callback may change between renders without resubscribing.
 */
export const useSubscribe = (
    topic: string | undefined,
    callback: RealtimeCallback,
    { enabled = true, onAck }: UseSubscribeOptions = {}
) => {
    const dataProvider = useDataProvider<AppDataProvider>();
    const callbackRef = useRef(callback);
    callbackRef.current = callback;
    const onAckRef = useRef(onAck);
    onAckRef.current = onAck;
    useEffect(() => {
        if (!topic || !enabled) return;
        const listener: RealtimeCallback = event => callbackRef.current(event);
        let active = true;
        dataProvider.subscribe(topic, listener).then(ack => {
            if (active) onAckRef.current?.(ack);
        });
        return () => {
            active = false;
            void dataProvider.unsubscribe(topic, listener);
        };
    }, [dataProvider, topic, enabled]);
};

/** Events of one record (`resource/<name>/<id>`), by default the record of the current context. */
export const useSubscribeToRecord = (
    callback: RealtimeCallback,
    resource?: string,
    id?: Identifier,
    options?: UseSubscribeOptions
) => {
    const contextResource = useResourceContext();
    const record = useRecordContext();
    const name = resource ?? contextResource;
    const recordId = id ?? record?.id;
    useSubscribe(name && recordId != null ? resourceTopic(name, recordId) : undefined, callback, options);
};

/** Events of a whole resource (`resource/<name>`), by default the resource of the current context. */
export const useSubscribeToRecordList = (callback: RealtimeCallback, resource?: string, options?: UseSubscribeOptions) => {
    const contextResource = useResourceContext();
    const name = resource ?? contextResource;
    useSubscribe(name ? resourceTopic(name) : undefined, callback, options);
};
