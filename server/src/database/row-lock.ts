import type { Prisma } from '../generated/prisma/client';
import { modelMeta } from './model-meta';
import type { Sql } from './sql';

/**
 * Locks one row until the end of the transaction (SELECT … FOR UPDATE), so that a check made on
 * it (status, publication, duplicates) still holds when the transaction writes. Concurrent
 * writers of the same record wait their turn instead of overwriting each other.
 */
export async function lockRow(sql: Sql, model: Prisma.ModelName, id: string): Promise<void> {
  // The table name comes from Prisma's model metadata (never from a request); the id is a parameter.
  const table = modelMeta(model).dbName.replace(/"/g, '');
  await sql([`SELECT 1 FROM "${table}" WHERE "id" = `, ' FOR UPDATE'] as unknown as TemplateStringsArray, id);
}
