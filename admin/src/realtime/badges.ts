import { useSyncExternalStore } from 'react';
import { getStoredUser } from '../authProvider';

/**
 * Menu badges: what changed in each resource since the user last opened its list. The moment
 * of that last look is kept per user and per resource in localStorage, so a badge survives a
 * reload; the count starts from the records created since then (asked to the API at load) and
 * grows with the realtime `created`/`updated` events that arrive while the list is closed.
 */
interface Badge {
    initial: number;
    ids: Set<string>;
}

const badges = new Map<string, Badge>();
const viewing = new Map<string, number>();
const subscribers = new Set<() => void>();

const storageKey = () => `aptic.lastSeen.${getStoredUser()?.id ?? 'anonymous'}`;

const readLastSeen = (): Record<string, string> => {
    try {
        return JSON.parse(localStorage.getItem(storageKey()) ?? '{}') as Record<string, string>;
    } catch {
        return {};
    }
};

const notify = (resource: string) => {
    subscribers.forEach(callback => callback());
};

/** When the user last looked at the list; the first time, from now on. */
export const getLastSeen = (resource: string): string => {
    const all = readLastSeen();
    if (!all[resource]) {
        all[resource] = new Date().toISOString();
        localStorage.setItem(storageKey(), JSON.stringify(all));
    }
    return all[resource];
};

/** The user looked at the list now: badge back to zero. */
export const markSeen = (resource: string) => {
    const all = readLastSeen();
    all[resource] = new Date().toISOString();
    localStorage.setItem(storageKey(), JSON.stringify(all));
    badges.set(resource, { initial: 0, ids: new Set() });
    notify(resource);
};

/** While a list is open, its changes are seen as they arrive. */
export const setViewing = (resource: string, open: boolean) => {
    const count = (viewing.get(resource) ?? 0) + (open ? 1 : -1);
    if (count > 0) viewing.set(resource, count);
    else viewing.delete(resource);
    markSeen(resource);
};

export const isViewing = (resource: string) => viewing.has(resource);

export const setInitialCount = (resource: string, initial: number) => {
    const badge = badges.get(resource) ?? { initial: 0, ids: new Set<string>() };
    badges.set(resource, { ...badge, initial });
    notify(resource);
};

export const countChange = (resource: string, ids: unknown[]) => {
    if (isViewing(resource)) {
        markSeen(resource);
        return;
    }
    const badge = badges.get(resource) ?? { initial: 0, ids: new Set<string>() };
    ids.forEach(id => badge.ids.add(String(id)));
    badges.set(resource, badge);
    notify(resource);
};

const subscribe = (callback: () => void) => {
    subscribers.add(callback);
    return () => {
        subscribers.delete(callback);
    };
};

const countOf = (resource: string) => {
    const badge = badges.get(resource);
    return badge ? badge.initial + badge.ids.size : 0;
};

export const useBadgeCount = (resource: string): number =>
    useSyncExternalStore(subscribe, () => countOf(resource));

/** Forgets the counts of the previous user (logout). */
export const resetBadges = () => {
    badges.clear();
    viewing.clear();
    subscribers.forEach(callback => callback());
};
