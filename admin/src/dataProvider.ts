import { fetchUtils, type DataProvider } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { getToken } from './authProvider';
import { addRealtimeMethods, type RealtimeDataProvider } from './realtime/realtimeDataProvider';

export const API_URL = '/api';

/** fetchJson with the staff bearer token; errors carry the server's French `message`. */
export const httpClient = (url: string, options: fetchUtils.Options = {}) => {
    const headers = new Headers(options.headers ?? { Accept: 'application/json' });
    const token = getToken();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    return fetchUtils.fetchJson(url, { ...options, headers });
};

/** Figures of GET /api/dashboard; optional keys are absent when the role may not read them. */
export interface DashboardFigures {
    structuresByStatus: Record<string, number>;
    apticulteurs: number;
    applicationsByStatus?: Record<string, number>;
    pendingApplications?: number;
    passesByStatus?: Record<string, number>;
    offersPendingReview?: number;
    openDisputes?: number;
}

export interface AppDataProvider extends DataProvider, RealtimeDataProvider {
    getDashboard(): Promise<DashboardFigures>;
}

const restProvider = simpleRestProvider(API_URL, httpClient);

// CRUD goes through the stock ra-data-simple-rest provider; custom endpoints and realtime
// (subscribe, unsubscribe, lock, unlock, getLock over socket.io) are added around it.
export const dataProvider: AppDataProvider = {
    ...addRealtimeMethods(restProvider, getToken),
    getDashboard: () => httpClient(`${API_URL}/dashboard`).then(({ json }) => json as DashboardFigures),
};
