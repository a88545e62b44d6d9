import { randomUUID } from 'node:crypto';
import { AppErrorCode, AppException } from '../common/errors';
import { prismaSql, Sql } from '../database/sql';
import { Prisma } from '../generated/prisma/client';
import { LedgerTransaction, reversalOf, transactionProblems } from './rules';

/** A transaction the ledger refuses; nothing was written. */
export class LedgerRefusal extends AppException {
  constructor(readonly problems: string[]) {
    super(AppErrorCode.UNPROCESSABLE, `Écriture comptable refusée : ${problems.join(' ')}`, { problems });
  }
}

export interface PostedTransaction {
  transactionId: string;
  lineCount: number;
}

/**
 * Writes one balanced transaction in the caller's database transaction, beside the state change
 * it accounts for, so the books and the states commit or roll back together. Refuses, before
 * writing anything, what transactionProblems() finds. The lines go in one INSERT, so the
 * database's own balance check (trigger "LedgerEntry_balanced") sees the whole transaction.
 * `db` is the write's `ctx.sql` (or a Prisma transaction, for the seed and tests).
 */
export async function post(db: Prisma.TransactionClient | Sql, transaction: LedgerTransaction): Promise<PostedTransaction> {
  const problems = transactionProblems(transaction);
  if (problems.length) throw new LedgerRefusal(problems);
  const sql = typeof db === 'function' ? db : prismaSql(db);
  const transactionId = randomUUID();
  const createdAt = transaction.at ?? new Date();
  const { lines } = transaction;
  const lineCount = await sql.run`
    INSERT INTO "LedgerEntry" ("id", "transactionId", "account", "debitCents", "creditCents", "event", "resource", "recordId", "createdAt")
    SELECT x.id, ${transactionId}, x.account, x.debit, x.credit, ${transaction.event}::"LedgerEvent", ${transaction.resource}, ${transaction.recordId}, ${createdAt}
      FROM unnest(${lines.map(() => randomUUID())}::text[], ${lines.map((l) => l.account)}::text[],
                  ${lines.map((l) => l.debitCents ?? 0)}::int[], ${lines.map((l) => l.creditCents ?? 0)}::int[]) AS x(id, account, debit, credit)`;
  return { transactionId, lineCount };
}

/** Corrects a posted transaction the only way the ledger allows: a REVERSAL with every line swapped. */
export async function reverse(tx: Prisma.TransactionClient, transactionId: string, source: { resource: string; recordId: string; at?: Date }): Promise<PostedTransaction> {
  const lines = await tx.ledgerEntry.findMany({ where: { transactionId }, select: { account: true, debitCents: true, creditCents: true } });
  if (!lines.length) throw new LedgerRefusal([`Transaction comptable ${transactionId} introuvable : rien à contrepasser.`]);
  return post(tx, { event: 'REVERSAL', ...source, lines: reversalOf(lines) });
}
