/** Today in Paris as the API's bare day, "AAAA-MM-JJ" (SPEC §3: "today" is Europe/Paris). */
export const todayInParis = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

/** The current year in Paris. */
export const yearInParis = (): number => Number(todayInParis().slice(0, 4));

/**
 * A DateInput's value as the API's bare day: "AAAA-MM-JJ" as typed, or the day in Paris of a
 * stored instant the user left unchanged; null when empty.
 */
export const toDay = (value: unknown): string | null => {
    if (value == null || value === '') return null;
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    const date = new Date(value as string);
    return Number.isNaN(date.getTime()) ? null : new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(date);
};
