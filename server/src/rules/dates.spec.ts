import { parseDateInput } from './dates';

describe('dates sent by clients', () => {
  it.each([
    ['a bare day, from its first instant in Paris (winter)', '2026-12-01', 'start', '2026-11-30T23:00:00.000Z'],
    ['a bare day, to its last instant in Paris (winter)', '2026-12-01', 'end', '2026-12-01T22:59:59.999Z'],
    ['a bare day in summer time', '2026-07-14', 'start', '2026-07-13T22:00:00.000Z'],
    ['an instant in UTC', '2026-11-26T14:30:00Z', 'start', '2026-11-26T14:30:00.000Z'],
    ['an instant with an offset', '2026-11-26T14:30:00+01:00', 'end', '2026-11-26T13:30:00.000Z'],
    ['a time without offset is Paris time', '2026-11-26T14:30', 'start', '2026-11-26T13:30:00.000Z'],
    ['milliseconds since 1970', Date.UTC(2026, 10, 26), 'start', '2026-11-26T00:00:00.000Z'],
    ['the first day accepted, as a day in Paris', '1900-01-01', 'start', '1899-12-31T23:50:39.000Z'],
    ['the first day accepted, as an instant', '1900-01-01T12:00:00Z', 'start', '1900-01-01T12:00:00.000Z'],
    ['the last day accepted', '9999-12-31T00:00:00Z', 'end', '9999-12-31T00:00:00.000Z'],
  ])('accepts %s', (_name, value, bound, iso) => {
    const parsed = parseDateInput(value, bound as 'start' | 'end');
    expect(parsed.ok && parsed.date.toISOString()).toBe(iso);
  });

  it.each([
    ['year 0001', '0001-01-01'],
    ['year 1899', '1899-12-31T12:00:00Z'],
    ['JavaScript’s first instant', '-271821-04-20'],
    ['JavaScript’s last instant', '+275760-09-13T00:00:00Z'],
    ['a negative year', '-000001-01-01T00:00:00Z'],
    ['a number far in the past', -8.64e15],
    ['not a number', NaN],
    ['infinity', Infinity],
    ['a word', 'hier'],
    ['a non-ISO English date', 'December 1, 2026'],
    ['an impossible day', '2026-02-30'],
    ['an object', { $gt: '2026-01-01' }],
    ['a boolean', true],
    ['a very long text', '2026-11-26T10:00:00'.padEnd(500, '0')],
    ['the basic form', '20261126'],
    ['a month alone', '2026-11'],
    ['a week date', '2026-W48-4'],
    ['an ordinal date', '2026-330'],
  ])('refuses %s, saying what is expected', (_name, value) => {
    const parsed = parseDateInput(value);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.expected).toMatch(/ISO 8601 entre 1900 et 9999/);
  });
});
