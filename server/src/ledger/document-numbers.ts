import { DocumentKind } from '../generated/prisma/enums';
import { Prisma } from '../generated/prisma/client';

/**
 * The next gap-free number of a kind of document for a year (1, 2, 3, …), taken inside the
 * caller's transaction. The counter row stays locked until that transaction ends: concurrent
 * takers wait their turn, and a taker that rolls back gives its number back, so the sequence
 * has neither gaps nor duplicates (statements: SPEC §3 "Endorsement").
 */
export async function nextDocumentNumber(tx: Prisma.TransactionClient, kind: DocumentKind, year: number): Promise<number> {
  return reserveDocumentNumbers(tx, kind, year, 1);
}

/**
 * The next `count` numbers of a kind for a year, in one block (booklets of an order): returns the
 * first. Same row lock as nextDocumentNumber, so blocks never overlap and a rollback leaves no gap.
 */
export async function reserveDocumentNumbers(tx: Prisma.TransactionClient, kind: DocumentKind, year: number, count: number): Promise<number> {
  if (!Object.values(DocumentKind).includes(kind)) throw new Error(`Type de document inconnu « ${kind} ».`);
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new Error(`Année de numérotation invalide « ${year} ».`);
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`Nombre de numéros invalide « ${count} ».`);
  const [row] = await tx.$queryRaw<{ lastNumber: number }[]>`
    INSERT INTO "DocumentCounter" ("kind", "year", "lastNumber", "updatedAt")
    VALUES (${kind}::"DocumentKind", ${year}, ${count}, now())
    ON CONFLICT ("kind", "year") DO UPDATE SET "lastNumber" = "DocumentCounter"."lastNumber" + ${count}, "updatedAt" = now()
    RETURNING "lastNumber"`;
  return Number(row.lastNumber) - count + 1;
}

/** "2026-000123": a statement's number as printed (SPEC §3). */
export const formatDocumentNumber = (year: number, sequence: number) => `${year}-${String(sequence).padStart(6, '0')}`;
