import { bigintReplacer, toJsonValue } from './json';

describe('bigintReplacer', () => {
  it.each([
    [0n, '0'],
    [3_000_000_000n, '3000000000'],
    [-2_147_483_649n, '-2147483649'],
    [BigInt(Number.MAX_SAFE_INTEGER), String(Number.MAX_SAFE_INTEGER)],
    [BigInt(Number.MAX_SAFE_INTEGER) + 1n, '"9007199254740992"'],
    [-(2n ** 63n), '"-9223372036854775808"'],
  ])('writes %p as %s', (value, json) => {
    expect(JSON.stringify({ grossCents: value }, bigintReplacer)).toBe(`{"grossCents":${json}}`);
  });

  it('leaves every other value as JSON.stringify writes it', () => {
    const value = { a: 1, b: 'x', c: null, d: [1, 'y'], e: new Date('2026-12-03T00:00:00.000Z'), f: { g: true } };
    expect(JSON.stringify(value, bigintReplacer)).toBe(JSON.stringify(value));
  });

  it('converts nested bigints for a JSON column', () => {
    expect(toJsonValue({ totals: [{ netCents: 5n }] })).toEqual({ totals: [{ netCents: 5 }] });
  });
});
