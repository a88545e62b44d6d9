import { HttpError } from 'react-admin';

/** What react-admin reads from a rejected save: `{ <field path>: message, root: { serverError } }`. */
export type SubmissionErrors = Record<string, unknown> & { root?: { serverError: string } };

/**
 * The server's per-field refusals (SPEC error body) in react-admin's shape, or undefined when the
 * body names no field. The server says it three ways:
 * - validation: `details.fields = { siret: ['SIRET invalide…'], 'organisation.siret': [...] }`;
 * - a conflict on one field: `details.field = 'siret'` with the body's `message`;
 * - a unique index (Prisma P2002): `details.fields = ['siret']` with the body's `message`.
 * `root.serverError` carries the whole message, which react-admin shows as the form's notification.
 */
export function submissionErrorsOf(body: unknown): SubmissionErrors | undefined {
    if (!body || typeof body !== 'object') return undefined;
    const { message, details } = body as { message?: unknown; details?: { fields?: unknown; field?: unknown } };
    const whole = typeof message === 'string' ? message : '';
    const errors: Record<string, string> = {};
    const fields = details?.fields;
    if (Array.isArray(fields)) {
        for (const field of fields) if (typeof field === 'string') errors[field] = whole;
    } else if (fields && typeof fields === 'object') {
        for (const [field, messages] of Object.entries(fields)) {
            const text = Array.isArray(messages) ? messages.join(' ; ') : String(messages);
            if (text) errors[field] = text;
        }
    }
    if (typeof details?.field === 'string') errors[details.field] = whole;
    if (Object.keys(errors).length === 0) return undefined;
    return { ...errors, root: { serverError: whole || 'ra.message.invalid_form' } };
}

/** The same HttpError, its body given `errors` (read by react-admin's forms) when the server named fields. */
export function withSubmissionErrors(error: unknown): unknown {
    if (!(error instanceof HttpError)) return error;
    const errors = submissionErrorsOf(error.body);
    if (!errors) return error;
    return new HttpError(error.message, error.status, { ...error.body, errors });
}
