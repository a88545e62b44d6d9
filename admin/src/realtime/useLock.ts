import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { useDataProvider, useGetIdentity, type Identifier } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { useSubscribe } from './useSubscribe';
import { LockedError, lockTopic, type Lock } from './types';

/** Server TTL is 90 s: renew well before. */
const RENEW_EVERY_MS = 30_000;

export interface LockState {
    /** The current lock of the record, whoever holds it (null: nobody). */
    lock: Lock | null;
    /** The user holds the lock (edit pages only). */
    isMine: boolean;
    /** Someone else holds it: saving would be refused with 409. */
    isLockedByOther: boolean;
    /** The first answer of the server has not arrived yet. */
    isPending: boolean;
    /** Takes the lock over from its holder (ADMIN); the holder is told. */
    takeOver: () => Promise<void>;
    /** Releases the user's lock (save, cancel, idle). */
    release: () => Promise<void>;
}

export interface UseLockOptions {
    /** Edit pages try to take the lock (and take it as soon as it is released); show pages only watch it. */
    acquire?: boolean;
    /** Told when someone took the lock over from the user. */
    onLost?: (by: Lock | null) => void;
    enabled?: boolean;
}

/**
 * The edit lock of a record (react-admin's useLock / useGetLockLive in one): state kept current
 * through the `lock/<resource>/<id>` topic, renewed while held, released on unmount.
 */
export const useLock = (
    resource: string | undefined,
    id: Identifier | undefined,
    { acquire = false, onLost, enabled = true }: UseLockOptions = {}
): LockState => {
    const dataProvider = useDataProvider<AppDataProvider>();
    const { identity } = useGetIdentity();
    const me = identity?.id != null ? String(identity.id) : undefined;
    const [lock, setLock] = useState<Lock | null>(null);
    const [isPending, setIsPending] = useState(true);
    const holding = useRef(false);
    const onLostRef = useRef(onLost);
    onLostRef.current = onLost;
    const active = enabled && !!resource && id != null && !!me;

    const tryLock = useCallback(
        async (force = false) => {
            if (!resource || id == null) return;
            try {
                const { data } = await dataProvider.lock(resource, { id, force });
                holding.current = true;
                setLock(data);
            } catch (error) {
                holding.current = false;
                setLock(error instanceof LockedError ? error.lock : null);
            } finally {
                setIsPending(false);
            }
        },
        [dataProvider, resource, id]
    );

    const refresh = useCallback(async () => {
        if (!resource || id == null) return;
        if (acquire) return tryLock();
        const { data } = await dataProvider.getLock(resource, { id });
        setLock(data);
        setIsPending(false);
    }, [acquire, dataProvider, resource, id, tryLock]);

    // Take (or look at) the lock on arrival; release it when leaving the page.
    useEffect(() => {
        if (!active) return;
        void refresh();
        return () => {
            if (holding.current && resource && id != null) {
                holding.current = false;
                void dataProvider.unlock(resource, { id });
            }
        };
    }, [active, refresh, dataProvider, resource, id]);

    // Renew while held.
    useEffect(() => {
        if (!active || !acquire) return;
        const timer = setInterval(() => {
            if (!holding.current || !resource || id == null) return;
            dataProvider.renewLock(resource, { id }).catch(error => {
                // Expired and taken by someone else meanwhile: the user lost it.
                holding.current = false;
                const other = error instanceof LockedError ? error.lock : null;
                setLock(other);
                if (other && other.identity !== me) onLostRef.current?.(other);
            });
        }, RENEW_EVERY_MS);
        return () => clearInterval(timer);
    }, [active, acquire, dataProvider, resource, id, me]);

    useSubscribe(active ? lockTopic(resource!, id!) : undefined, event => {
        const next = (event.payload?.lock ?? null) as Lock | null;
        switch (event.type) {
            case 'locked':
                // Only the edit page (acquire) holds a lock; an observer of the same user (the
                // show page's lock chip) must not, or its unmount would release the edit page's lock.
                holding.current = acquire && !!next && next.identity === me;
                setLock(next);
                break;
            case 'taken-over': {
                const previous = event.payload?.previous as Lock | undefined;
                const lostIt = holding.current && previous?.identity === me && next?.identity !== me;
                holding.current = acquire && !!next && next.identity === me;
                setLock(next);
                if (lostIt) onLostRef.current?.(next);
                break;
            }
            case 'unlocked':
                holding.current = false;
                setLock(null);
                // The record is free again: the edit page takes it.
                if (acquire) void tryLock();
                break;
            case 'reconnected':
                // Locks of a lost connection are gone server-side: take it again / look again.
                holding.current = false;
                void refresh();
                break;
        }
    });

    const takeOver = useCallback(() => tryLock(true), [tryLock]);
    const release = useCallback(async () => {
        if (!holding.current || !resource || id == null) return;
        holding.current = false;
        setLock(null);
        await dataProvider.unlock(resource, { id });
    }, [dataProvider, resource, id]);

    const isMine = !!lock && !!me && lock.identity === me;
    return {
        lock,
        isMine,
        isLockedByOther: !!lock && !isMine,
        isPending: active && isPending,
        takeOver,
        release,
    };
};

/** The lock of the record being edited, for the toolbar and the save button. */
export const LockContext = createContext<LockState | null>(null);
export const useLockContext = () => useContext(LockContext);
