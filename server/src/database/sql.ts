import type { PoolClient } from 'pg';
import { types } from 'pg';
import type { Prisma } from '../generated/prisma/client';

/**
 * One parameterised statement written as a tagged template (`sql\`SELECT … WHERE id = ${id}\``):
 * every `${…}` is sent as a parameter ($1, $2, …), never spliced into the text. Used by the write
 * path's transactions for their hot statements (the row locks, the audit event, a scan's
 * redemption). Dates are sent as UTC instants and read back as UTC, like Prisma does; JSON is
 * sent as text by the caller (`${JSON.stringify(v)}::jsonb`).
 */
export interface Sql {
  /** The rows the statement returns. */
  <T = Record<string, unknown>>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T[]>;
  /** How many rows the statement changed (INSERT, UPDATE, DELETE without RETURNING). */
  run(strings: TemplateStringsArray, ...values: unknown[]): Promise<number>;
}

/** "$1, $2, …" in place of the template's holes. */
export function statementOf(strings: TemplateStringsArray): string {
  let text = strings[0];
  for (let i = 1; i < strings.length; i++) text += `$${i}${strings[i]}`;
  return text;
}

/** Through Prisma, in a transaction or not (PGlite, or PostgreSQL when the transaction's connection is not at hand). */
export function prismaSql(tx: Pick<Prisma.TransactionClient, '$queryRawUnsafe' | '$executeRawUnsafe'>): Sql {
  const sql = (<T>(strings: TemplateStringsArray, ...values: unknown[]) => tx.$queryRawUnsafe<T[]>(statementOf(strings), ...values)) as Sql;
  sql.run = (strings, ...values) => tx.$executeRawUnsafe(statementOf(strings), ...values);
  return sql;
}

// PostgreSQL's "timestamp" and "date" columns hold UTC (Prisma writes them so): read them as UTC,
// whatever the server process's time zone.
const TIMESTAMP = 1114;
const DATE = 1082;
const utcTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (format !== 'binary' && oid === TIMESTAMP) return (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
    if (format !== 'binary' && oid === DATE) return (value: string) => new Date(`${value}T00:00:00Z`);
    return types.getTypeParser(oid, format as 'text');
  },
};

const parameter = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/**
 * Straight on a pg pool (outside any transaction) or on the connection that holds the transaction (no Prisma in between: about a third
 * of the CPU of a statement). `isOpen` tells whether the transaction still holds it: once Prisma
 * committed, rolled back or gave up on it (timeout), the connection is back in the pool and a
 * statement sent on it would land in someone else's work, so it is refused.
 */
export function pgSql(client: Pick<PoolClient, 'query'>, isOpen: () => boolean = () => true): Sql {
  const send = async (strings: TemplateStringsArray, values: unknown[]) => {
    if (!isOpen()) throw new Error('Transaction already closed: statement not sent.');
    return client.query({ text: statementOf(strings), values: values.map(parameter), types: utcTypes });
  };
  const sql = (async <T>(strings: TemplateStringsArray, ...values: unknown[]) => (await send(strings, values)).rows as T[]) as Sql;
  sql.run = async (strings, ...values) => (await send(strings, values)).rowCount ?? 0;
  return sql;
}
