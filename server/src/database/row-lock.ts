import type { Prisma } from '../generated/prisma/client';
import { modelMeta } from './model-meta';

/**
 * Locks one row until the end of the transaction (SELECT … FOR UPDATE), so that a check made on
 * it (status, publication, duplicates) still holds when the transaction writes. Concurrent
 * writers of the same record wait their turn instead of overwriting each other.
 */
export async function lockRow(tx: Prisma.TransactionClient, model: Prisma.ModelName, id: string): Promise<void> {
  const table = modelMeta(model).dbName.replace(/"/g, '');
  await tx.$queryRawUnsafe(`SELECT 1 FROM "${table}" WHERE "id" = $1 FOR UPDATE`, id);
}
