import { getStoredUser } from '../authProvider';
import type { RealtimeEvent } from './types';

/**
 * Records this tab's own writes for a few seconds, so that the event echoing a change the user
 * just made is not announced to them as "modified by another user".
 */
const recent = new Map<string, number>();
const ECHO_WINDOW_MS = 5000;

const key = (resource: string, id: unknown) => `${resource}/${String(id)}`;

export const markLocalWrite = (resource: string, id: unknown) => {
    if (id == null) return;
    recent.set(key(resource, id), Date.now());
};

export const isLocalWrite = (resource: string, id: unknown): boolean => {
    const at = recent.get(key(resource, id));
    return at != null && Date.now() - at < ECHO_WINDOW_MS;
};

/**
 * Whether an event is the echo of the user's own change. When the server names the author
 * (`payload.actorId`) that settles it; otherwise this tab's recent writes are the best guess.
 */
export const isOwnChange = (event: RealtimeEvent, resource: string, id: unknown): boolean => {
    const actorId = event.payload?.actorId;
    if (actorId != null) return String(actorId) === String(getStoredUser()?.id);
    return isLocalWrite(resource, id);
};
