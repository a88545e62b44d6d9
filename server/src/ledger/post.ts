import { randomUUID } from 'node:crypto';
import { AppErrorCode, AppException } from '../common/errors';
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
 */
export async function post(tx: Prisma.TransactionClient, transaction: LedgerTransaction): Promise<PostedTransaction> {
  const problems = transactionProblems(transaction);
  if (problems.length) throw new LedgerRefusal(problems);
  const transactionId = randomUUID();
  const createdAt = transaction.at ?? new Date();
  const { count } = await tx.ledgerEntry.createMany({
    data: transaction.lines.map((line) => ({
      transactionId,
      account: line.account,
      debitCents: line.debitCents ?? 0,
      creditCents: line.creditCents ?? 0,
      event: transaction.event,
      resource: transaction.resource,
      recordId: transaction.recordId,
      createdAt,
    })),
  });
  return { transactionId, lineCount: count };
}

/** Corrects a posted transaction the only way the ledger allows: a REVERSAL with every line swapped. */
export async function reverse(tx: Prisma.TransactionClient, transactionId: string, source: { resource: string; recordId: string; at?: Date }): Promise<PostedTransaction> {
  const lines = await tx.ledgerEntry.findMany({ where: { transactionId }, select: { account: true, debitCents: true, creditCents: true } });
  if (!lines.length) throw new LedgerRefusal([`Transaction comptable ${transactionId} introuvable : rien à contrepasser.`]);
  return post(tx, { event: 'REVERSAL', ...source, lines: reversalOf(lines) });
}
