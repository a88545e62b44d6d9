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
