/** react-admin realtime vocabulary, as the server speaks it (SPEC §4 "Real time"). */
export type ResourceEventType = 'created' | 'updated' | 'deleted';

/**
 * One event of a topic. Besides the server's types, the client delivers `reconnected` to every
 * subscriber after a socket reconnect (subscriptions are back: refetch what is open).
 */
export interface RealtimeEvent<P = Record<string, any>> {
    topic: string;
    type: ResourceEventType | 'presence' | LockEventType | 'reconnected' | string;
    payload: P;
}

export type RealtimeCallback = (event: RealtimeEvent) => void;

export interface Lock {
    resource: string;
    recordId: string;
    /** userId of the holder. */
    identity: string;
    identityName: string;
    createdAt: string;
    expiresAt: string;
}

export type LockEventType = 'locked' | 'unlocked' | 'taken-over';

export interface Viewer {
    userId: string;
    fullName: string;
    role: string;
    since: string;
}

export interface SubscribeAck {
    ok: boolean;
    topic?: string;
    viewers?: Viewer[];
    error?: string;
}

export interface LockAck {
    ok: boolean;
    lock?: Lock | null;
    error?: string;
}

/** Thrown by `lock()` when someone else holds the lock; carries that lock. */
export class LockedError extends Error {
    constructor(
        message: string,
        public readonly lock: Lock | null
    ) {
        super(message);
        this.name = 'LockedError';
    }
}

export const resourceTopic = (resource: string, id?: string | number) =>
    id == null ? `resource/${resource}` : `resource/${resource}/${id}`;
export const presenceTopic = (resource: string, id: string | number) => `presence/${resource}/${id}`;
export const lockTopic = (resource: string, id: string | number) => `lock/${resource}/${id}`;
