/** Dates of the collaboration panels: French format, Paris time, whatever the browser says. */
const dateTime = new Intl.DateTimeFormat('fr-FR', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
});

export const formatDateTime = (value: string | number | Date | null | undefined): string =>
    value == null ? '' : dateTime.format(new Date(value));

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A value of an audit before/after, readable by a person. */
export const formatValue = (value: unknown, yes = 'Oui', no = 'Non'): string => {
    if (value === undefined || value === null || value === '') return '∅';
    if (typeof value === 'boolean') return value ? yes : no;
    if (typeof value === 'string') {
        if (ISO_DATE.test(value) && value.length > 10) return formatDateTime(value);
        return value.length > 140 ? `${value.slice(0, 140)}…` : value;
    }
    if (Array.isArray(value) && value.every(v => typeof v !== 'object')) return value.join(', ') || '∅';
    const json = JSON.stringify(value);
    return json.length > 140 ? `${json.slice(0, 140)}…` : json;
};
