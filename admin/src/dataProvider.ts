import { fetchUtils, HttpError, type DataProvider, type Identifier, type RaRecord } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { getToken } from './authProvider';
import { addRealtimeMethods, type RealtimeDataProvider } from './realtime/realtimeDataProvider';
import { markLocalWrite } from './realtime/localWrites';
import { withSubmissionErrors } from './common/serverErrors';

export const API_URL = '/api';

/**
 * fetchJson with the staff bearer token; errors carry the server's French `message`, and the
 * server's per-field refusals as `body.errors`, which every react-admin form shows on its fields.
 */
export const httpClient = (url: string, options: fetchUtils.Options = {}) => {
    const headers = new Headers(options.headers ?? { Accept: 'application/json' });
    const token = getToken();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    return fetchUtils.fetchJson(url, { ...options, headers }).catch(error => Promise.reject(withSubmissionErrors(staleSessionAware(error, token))));
};

/**
 * A 401 for a request sent with an earlier session's token (still in flight at logout, answered
 * once that session was revoked) says nothing of the session open now: it must not sign out the
 * person who has just signed in (checkError signs out on 401 only).
 */
export const staleSessionAware = <E,>(error: E, tokenUsed: string | null): E | HttpError =>
    (error as { status?: number })?.status === 401 && tokenUsed !== getToken()
        ? new HttpError('Réponse à une session précédente, ignorée.', 0, { staleSession: true })
        : error;

/** GET /api/dashboard: the signed-in role's dashboard, typed by the server's own file. */
export type { RoleDashboard as DashboardFigures } from '../../server/src/rules/dashboards';
import type { RoleDashboard as DashboardFigures } from '../../server/src/rules/dashboards';

/** A partner API key as the server returns it once, on approval or reissue. */
export interface OneTimeKey {
    key: string;
    prefix: string;
    notice: string;
}

/** What a workflow action answers: the updated record, plus a partner key for some actions. */
export type ActionResult = RaRecord & { partnerApiKey?: OneTimeKey };

export interface ActionParams {
    id: Identifier;
    /** The action segment of `POST /api/<resource>/:id/<action>` (claim, approve, suspend…). */
    action: string;
    data?: Record<string, unknown>;
}

/** `POST /api/<resource>/batch` answer: one result per record, failures with the server's message. */
export interface BatchResult {
    action: string;
    total: number;
    succeeded: number;
    failed: number;
    results: { id: string; ok: boolean; status?: string; error?: string }[];
}

/** One run of a long job (`job-runs`), as the server sends it on `job/<name>` and in lists. */
export interface JobRun extends RaRecord {
    name: string;
    key: string;
    status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
    step: string | null;
    done: number;
    total: number | null;
    /** Counts and totals per step: { step: { name: number } }. */
    counts: Record<string, Record<string, number>>;
    error: string | null;
    startedByName: string;
    attempts: number;
    startedAt: string;
    /** The instance working it; null once it stopped or handed the run back at its shutdown. */
    owner: string | null;
    /** Last sign of life of the instance working it (a run silent for long was abandoned). */
    heartbeatAt: string;
    finishedAt: string | null;
}

/** A long job this role may follow (`GET /api/jobs`). */
export interface JobInfo {
    name: string;
    label: string;
    keyDescription: string;
    defaultKey: string;
    steps: { name: string; label: string }[];
    schedule: { cron: string; timeZone: string } | null;
    canStart: boolean;
    /** Where it is started when not here (an order's « Émettre »), in French; null otherwise. */
    startedFrom: string | null;
    lastRun: JobRun | null;
}

export interface AppDataProvider extends DataProvider, RealtimeDataProvider {
    getDashboard(): Promise<DashboardFigures>;
    /** A workflow action on one record (SPEC §4): the updated record comes back. */
    runAction(resource: string, params: ActionParams): Promise<{ data: ActionResult }>;
    /** A workflow action on many records at once (`POST /api/<resource>/batch`). */
    runBatch(
        resource: string,
        params: { action: string; ids: Identifier[]; data?: Record<string, unknown> }
    ): Promise<{ data: BatchResult }>;
    /** A read-only view of one record computed by the server: `GET /api/<resource>/:id/<view>` (checks, review, api-keys). */
    getRecordView<T = unknown>(resource: string, params: { id: Identifier; view: string }): Promise<{ data: T }>;
    /** The long jobs this role may follow, with their last run. */
    getJobs(): Promise<{ data: JobInfo[] }>;
    /** Starts (or resumes) a job's run: `POST /api/jobs/<name>/runs`; without a key, the schedule's. */
    startJob(name: string, key?: string): Promise<{ data: { outcome: 'started' | 'resumed'; run: JobRun } }>;
    /** An action on several records named in the body, not by id: `POST /api/<resource>/<action>` (a range of booklets). */
    runResourceAction<T = unknown>(resource: string, params: { action: string; data?: Record<string, unknown> }): Promise<{ data: T }>;
    /** A report the server computes, as JSON: `GET /api/<path>` (the reconciliation). */
    getJson<T = unknown>(path: string): Promise<T>;
    /** A file the server renders (a PDF), fetched with the staff token: `GET /api/<path>`. */
    getFile(path: string): Promise<{ data: Blob; filename: string | null }>;
}

const restProvider = simpleRestProvider(API_URL, httpClient);

/**
 * How the server obtained a list's total (header X-Total-Kind): counted `exact`ly, the planner's
 * `estimate` of a huge unfiltered table, or `at-least` that many rows for a huge filtered list.
 */
export type TotalKind = 'exact' | 'estimate' | 'at-least';

/**
 * The stock getList, plus the kind of its total in the result's `meta` (read by ListPagination):
 * a provider of the same stock code whose HTTP client keeps the header of its one response.
 */
const getList: DataProvider['getList'] = async (resource, params) => {
    let totalKind: TotalKind = 'exact';
    const provider = simpleRestProvider(API_URL, (url, options) =>
        httpClient(url, options).then(response => {
            const kind = response.headers.get('X-Total-Kind');
            if (kind === 'estimate' || kind === 'at-least') totalKind = kind;
            return response;
        })
    );
    const result = await provider.getList(resource, params);
    return { ...result, meta: { ...result.meta, totalKind } };
};

const recordUrl = (resource: string, id: Identifier) => `${API_URL}/${resource}/${encodeURIComponent(String(id))}`;

const post = (url: string, body: unknown) => httpClient(url, { method: 'POST', body: JSON.stringify(body ?? {}) });

// CRUD goes through the stock ra-data-simple-rest provider; custom endpoints and realtime
// (subscribe, unsubscribe, lock, unlock, getLock over socket.io) are added around it.
export const dataProvider: AppDataProvider = {
    ...addRealtimeMethods({ ...restProvider, getList }, getToken),
    getDashboard: () => httpClient(`${API_URL}/dashboard`).then(({ json }) => json as DashboardFigures),
    runAction: async (resource, { id, action, data }) => {
        markLocalWrite(resource, id);
        const { json } = await post(`${recordUrl(resource, id)}/${action}`, data);
        return { data: json as ActionResult };
    },
    runBatch: async (resource, { action, ids, data }) => {
        ids.forEach(id => markLocalWrite(resource, id));
        const { json } = await post(`${API_URL}/${resource}/batch`, { ...data, action, ids });
        return { data: json as BatchResult };
    },
    getRecordView: async (resource, { id, view }) => {
        const { json } = await httpClient(`${recordUrl(resource, id)}/${view}`);
        return { data: json };
    },
    getJson: async <T,>(path: string) => (await httpClient(`${API_URL}/${path}`)).json as T,
    getJobs: async () => ({ data: (await httpClient(`${API_URL}/jobs`)).json as JobInfo[] }),
    runResourceAction: async (resource, { action, data }) => {
        const { json } = await post(`${API_URL}/${resource}/${action}`, data);
        return { data: json };
    },
    getFile: async path => {
        const headers = new Headers();
        const token = getToken();
        if (token) headers.set('Authorization', `Bearer ${token}`);
        const response = await fetch(`${API_URL}/${path}`, { headers });
        if (!response.ok) {
            // The server's JSON error, in French, as fetchJson would report it.
            const body = await response.json().catch(() => null);
            throw staleSessionAware(new HttpError(body?.message ?? `Erreur ${response.status}`, response.status, body), token);
        }
        const disposition = response.headers.get('Content-Disposition') ?? '';
        const filename = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
        return { data: await response.blob(), filename: filename && decodeURIComponent(filename) };
    },
    startJob: async (name, key) => {
        const { json } = await post(`${API_URL}/jobs/${encodeURIComponent(name)}/runs`, key ? { key } : {});
        return { data: json };
    },
};
