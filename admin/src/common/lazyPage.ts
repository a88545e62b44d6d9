import { lazy, type ComponentType } from 'react';

/**
 * A page loaded on first visit (its own chunk of the built console), from a module that exports
 * it by name: `lazyPage(() => import('./PassList'), 'PassList')`. react-admin's layout shows its
 * loader (a Suspense boundary) while the chunk arrives.
 */
export const lazyPage = <K extends string>(load: () => Promise<Record<K, ComponentType<any>>>, name: K) =>
    lazy(() => load().then(module => ({ default: module[name] })));
