/** What an API refusal says per field: details.fields, keyed by dotted path ("bank.iban"). */
export type FieldErrors = Record<string, string[]>;

/** The per-field messages of an error answer (ApiErrorDto), or none. */
export function fieldErrorsOf(error: unknown): FieldErrors {
    const fields = (error as { details?: { fields?: unknown } } | undefined)?.details?.fields;
    if (!fields || typeof fields !== 'object') return {};
    const out: FieldErrors = {};
    for (const [path, messages] of Object.entries(fields as Record<string, unknown>)) {
        if (Array.isArray(messages)) out[path] = messages.filter((m): m is string => typeof m === 'string');
    }
    return out;
}

/** The message of an error answer, in French, or a general one when the server could not be reached. */
export function messageOf(error: unknown): string {
    const message = (error as { message?: unknown } | undefined)?.message;
    return typeof message === 'string' && message ? message : 'Le serveur n’a pas pu être joint : vérifiez votre connexion et réessayez.';
}
