import { io, type Socket } from 'socket.io-client';
import type { LockAck, RealtimeCallback, RealtimeEvent, SubscribeAck } from './types';

/**
 * The one socket.io connection of the console, opened at login with the staff token and closed
 * at logout. It keeps the list of topics the screens listen to, so that after a reconnect every
 * topic is subscribed again and every listener is told (`reconnected`) to refetch.
 */
let socket: Socket | null = null;
let socketToken: string | null = null;
let connectedOnce = false;

const listeners = new Map<string, Set<RealtimeCallback>>();
// A screen that unmounts and the next one that mounts often share topics (show → edit):
// leaving the server room is deferred a little so presence does not flicker.
const pendingLeaves = new Map<string, ReturnType<typeof setTimeout>>();
const LEAVE_DELAY_MS = 300;
const ACK_TIMEOUT_MS = 8000;

const dispatch = (event: RealtimeEvent) => {
    for (const callback of Array.from(listeners.get(event.topic) ?? [])) {
        try {
            callback(event);
        } catch (error) {
            console.error('realtime listener failed', event.topic, error);
        }
    }
};

/** Emits a message and resolves with the server's ack (or a failed ack on timeout). */
export const request = <T extends { ok: boolean; error?: string }>(name: string, body: unknown): Promise<T> =>
    new Promise(resolve => {
        if (!socket) {
            resolve({ ok: false, error: 'Connexion temps réel fermée.' } as T);
            return;
        }
        socket.timeout(ACK_TIMEOUT_MS).emit(name, body, (error: Error | null, ack: T) => {
            if (error) resolve({ ok: false, error: 'Le serveur temps réel ne répond pas.' } as T);
            else resolve(ack ?? ({ ok: false, error: 'Réponse vide.' } as T));
        });
    });

/** Joins a topic on the server; the presence ack (current viewers) is delivered as an event. */
const join = async (topic: string): Promise<SubscribeAck> => {
    const ack = await request<SubscribeAck>('subscribe', { topic });
    if (ack.ok && ack.viewers) dispatch({ topic, type: 'presence', payload: { viewers: ack.viewers } });
    return ack;
};

export const openRealtime = (token: string): Socket => {
    if (socket && socketToken === token) return socket;
    closeRealtime();
    socketToken = token;
    connectedOnce = false;
    const s = io({ path: '/socket.io', auth: { token } });
    socket = s;
    s.on('event', (event: RealtimeEvent) => dispatch(event));
    s.on('connect', () => {
        const reconnect = connectedOnce;
        connectedOnce = true;
        // Rooms do not survive a disconnect: join every topic again, then let screens catch up.
        for (const topic of listeners.keys()) {
            void join(topic).then(() => {
                if (reconnect) dispatch({ topic, type: 'reconnected', payload: {} });
            });
        }
    });
    s.on('connect_error', error => {
        // A refused handshake (bad or expired token) does not retry by itself.
        if (!s.active) console.warn('realtime connection refused:', error.message);
    });
    return s;
};

export const closeRealtime = () => {
    pendingLeaves.forEach(timer => clearTimeout(timer));
    pendingLeaves.clear();
    if (socket) {
        socket.removeAllListeners();
        socket.disconnect();
    }
    socket = null;
    socketToken = null;
};

export const isRealtimeOpen = () => !!socket;

/** Adds a listener to a topic, joining it on the server for the first listener. */
export const subscribeTopic = async (topic: string, callback: RealtimeCallback): Promise<SubscribeAck> => {
    const pending = pendingLeaves.get(topic);
    if (pending) {
        clearTimeout(pending);
        pendingLeaves.delete(topic);
    }
    let set = listeners.get(topic);
    const first = !set;
    if (!set) {
        set = new Set();
        listeners.set(topic, set);
    }
    set.add(callback);
    if (!socket) return { ok: false, error: 'Connexion temps réel fermée.' };
    // While connecting, the `connect` handler joins every listened topic.
    if (!socket.connected) return { ok: true, topic };
    if (first || pending) return join(topic);
    // Already joined: a new listener of a presence topic still needs the current viewers.
    if (topic.startsWith('presence/')) return join(topic);
    return { ok: true, topic };
};

/** Removes a listener; the last one leaves the server room (shortly after, see above). */
export const unsubscribeTopic = async (topic: string, callback: RealtimeCallback): Promise<void> => {
    const set = listeners.get(topic);
    if (!set) return;
    set.delete(callback);
    if (set.size > 0) return;
    listeners.delete(topic);
    pendingLeaves.set(
        topic,
        setTimeout(() => {
            pendingLeaves.delete(topic);
            if (!listeners.has(topic) && socket?.connected) void request('unsubscribe', { topic });
        }, LEAVE_DELAY_MS)
    );
};

export const lockRequest = (name: 'lock' | 'renewLock' | 'unlock' | 'getLock', body: unknown) =>
    request<LockAck>(name, body);
