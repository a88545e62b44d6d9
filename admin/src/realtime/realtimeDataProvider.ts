import type { DataProvider, Identifier } from 'react-admin';
import { lockRequest, openRealtime, subscribeTopic, unsubscribeTopic } from './socket';
import { markLocalWrite } from './localWrites';
import { LockedError, type Lock, type RealtimeCallback, type SubscribeAck } from './types';

export interface LockParams {
    id: Identifier;
    /** Take the lock over from its holder (ADMIN only). */
    force?: boolean;
}

/** The realtime methods react-admin's realtime hooks expect of a data provider. */
export interface RealtimeDataProvider {
    subscribe(topic: string, callback: RealtimeCallback): Promise<SubscribeAck>;
    unsubscribe(topic: string, callback: RealtimeCallback): Promise<void>;
    /** Resolves with the lock now held by the user; rejects with LockedError when someone else holds it. */
    lock(resource: string, params: LockParams): Promise<{ data: Lock }>;
    /** Keeps the user's lock alive (the server forgets locks after 90 s). */
    renewLock(resource: string, params: LockParams): Promise<{ data: Lock }>;
    unlock(resource: string, params: LockParams): Promise<{ data: null }>;
    getLock(resource: string, params: LockParams): Promise<{ data: Lock | null }>;
}

/**
 * Adds realtime to a CRUD data provider (the stock ra-data-simple-rest one, left as it is):
 * subscriptions and locks travel over the console's socket.io connection, opened lazily with
 * the stored token when a page is reloaded after login.
 */
export const addRealtimeMethods = <D extends DataProvider>(
    provider: D,
    getToken: () => string | null
): D & RealtimeDataProvider => {
    const ensureSocket = () => {
        const token = getToken();
        if (token) openRealtime(token);
    };
    const lockCall = async (name: 'lock' | 'renewLock', resource: string, { id, force }: LockParams) => {
        ensureSocket();
        const ack = await lockRequest(name, { resource, id: String(id), ...(force ? { force: true } : {}) });
        if (!ack.ok || !ack.lock) throw new LockedError(ack.error ?? 'Verrou refusé.', ack.lock ?? null);
        return { data: ack.lock };
    };
    return {
        ...provider,
        // Remember this tab's writes so their echo is not announced as someone else's.
        create: (resource, params) =>
            provider.create(resource, params).then(result => {
                markLocalWrite(resource, result.data?.id);
                return result;
            }),
        update: (resource, params) => {
            markLocalWrite(resource, params.id);
            return provider.update(resource, params);
        },
        delete: (resource, params) => {
            markLocalWrite(resource, params.id);
            return provider.delete(resource, params);
        },
        subscribe: async (topic, callback) => {
            ensureSocket();
            return subscribeTopic(topic, callback);
        },
        unsubscribe: (topic, callback) => unsubscribeTopic(topic, callback),
        lock: (resource, params) => lockCall('lock', resource, params),
        renewLock: (resource, params) => lockCall('renewLock', resource, params),
        unlock: async (resource, { id }) => {
            await lockRequest('unlock', { resource, id: String(id) });
            return { data: null };
        },
        getLock: async (resource, { id }) => {
            ensureSocket();
            const ack = await lockRequest('getLock', { resource, id: String(id) });
            return { data: ack.ok ? (ack.lock ?? null) : null };
        },
    };
};
