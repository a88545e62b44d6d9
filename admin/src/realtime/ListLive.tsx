import { Children, cloneElement, isValidElement, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { DataTable, useListContext, useResourceContext, type RaRecord } from 'react-admin';
import type { SxProps } from '@mui/material';
import { setViewing } from './badges';
import { useSubscribeToRecordList } from './useSubscribe';
import { useChangeRefetch } from './useChangeRefetch';

const HIGHLIGHT_MS = 4000;

const highlightSx: SxProps = {
    bgcolor: 'rgba(255, 193, 7, 0.22)',
    transition: 'background-color 1s ease-out',
};

/**
 * Makes the list of the current ListContext live (react-admin's ListLive): it refetches when a
 * record of the resource is created, changed or deleted by anyone, and highlights the rows that
 * changed for a few seconds. Opening the list also resets the menu badge of the resource.
 */
export const ListLive = ({ children }: { children: ReactNode }) => {
    const resource = useResourceContext();
    const { refetch: refetchNow, isFetching } = useListContext();
    const refetch = useChangeRefetch(refetchNow, isFetching);
    const [highlighted, setHighlighted] = useState<Set<string>>(() => new Set());
    const timers = useRef<ReturnType<typeof setTimeout>[]>([]);

    useEffect(() => {
        if (!resource) return;
        setViewing(resource, true);
        return () => setViewing(resource, false);
    }, [resource]);

    useEffect(() => () => timers.current.forEach(clearTimeout), []);

    useSubscribeToRecordList(event => {
        if (!['created', 'updated', 'deleted', 'reconnected'].includes(event.type)) return;
        refetch();
        const ids: string[] = (event.payload?.ids ?? []).map(String);
        if (event.type === 'deleted' || ids.length === 0) return;
        setHighlighted(current => new Set([...current, ...ids]));
        timers.current.push(
            setTimeout(() => {
                setHighlighted(current => {
                    const next = new Set(current);
                    ids.forEach(id => next.delete(id));
                    return next;
                });
            }, HIGHLIGHT_MS)
        );
        // Once subscribed, fetch again: a change made between the first fetch and the subscription is not missed.
    }, undefined, { onAck: ack => ack.ok && refetch() });

    const rowSxFor = useCallback(
        (original?: (record: RaRecord, index: number) => SxProps) => (record: RaRecord, index: number) =>
            highlighted.has(String(record.id)) ? highlightSx : (original?.(record, index) ?? {}),
        [highlighted]
    );

    return (
        <>
            {Children.map(children, child =>
                isValidElement<{ rowSx?: (record: RaRecord, index: number) => SxProps }>(child) &&
                child.type === DataTable
                    ? cloneElement(child, { rowSx: rowSxFor(child.props.rowSx) })
                    : child
            )}
        </>
    );
};
