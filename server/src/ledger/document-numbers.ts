import { DocumentKind } from '../generated/prisma/enums';
import { Prisma } from '../generated/prisma/client';

/**
 * The next gap-free number of a kind of document for a year (1, 2, 3, …), taken inside the
 * caller's transaction. The counter row stays locked until that transaction ends: concurrent
 * takers wait their turn, and a taker that rolls back gives its number back, so the sequence
 * has neither gaps nor duplicates (statements: SPEC §3 "Endorsement").
 */
export async function nextDocumentNumber(tx: Prisma.TransactionClient, kind: DocumentKind, year: number): Promise<number> {
  if (!Object.values(DocumentKind).includes(kind)) throw new Error(`Type de document inconnu « ${kind} ».`);
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new Error(`Année de numérotation invalide « ${year} ».`);
  const [row] = await tx.$queryRaw<{ lastNumber: number }[]>`
    INSERT INTO "DocumentCounter" ("kind", "year", "lastNumber", "updatedAt")
    VALUES (${kind}::"DocumentKind", ${year}, 1, now())
    ON CONFLICT ("kind", "year") DO UPDATE SET "lastNumber" = "DocumentCounter"."lastNumber" + 1, "updatedAt" = now()
    RETURNING "lastNumber"`;
  return Number(row.lastNumber);
}

/** "2026-000123": a statement's number as printed (SPEC §3). */
export const formatDocumentNumber = (year: number, sequence: number) => `${year}-${String(sequence).padStart(6, '0')}`;
