import createClient from 'openapi-fetch';
import type { paths } from './openapi';

/**
 * The structure space's client of the public and partner APIs, typed by the OpenAPI document
 * (openapi.ts, generated from /api/docs by `npm run api:types`): a request or an answer that the
 * document does not describe does not compile. `partnerKey` authenticates partner calls.
 */
export function apticClient(options: { baseUrl?: string; partnerKey?: string; fetch?: typeof fetch } = {}) {
    return createClient<paths>({
        baseUrl: options.baseUrl ?? '',
        headers: options.partnerKey ? { Authorization: `Bearer ${options.partnerKey}` } : {},
        ...(options.fetch ? { fetch: options.fetch } : {}),
    });
}

export type ApticClient = ReturnType<typeof apticClient>;
