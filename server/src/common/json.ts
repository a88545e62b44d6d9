/**
 * JSON for money totals stored as BigInt (month and report totals past 21 M€): JSON.stringify
 * throws on a bigint, so every HTTP response goes through this replacer (set once as Express's
 * "json replacer" in app.factory.ts). A bigint becomes a JSON number when it is a safe integer
 * (every real amount: 2^53 cents is 90 000 billion euros), else a decimal string, never a
 * rounded number. Not BigInt.prototype.toJSON: a global patch would hide the choice.
 */
export function bigintReplacer(_key: string, value: unknown): unknown {
  if (typeof value !== 'bigint') return value;
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

/** The same conversion for a value about to be stored as JSON (an audit snapshot). */
export function toJsonValue<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, bigintReplacer));
}
