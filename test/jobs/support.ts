import type { Database } from '../../server/src/database/database';

/** Expired staff sessions of the first demo user, for the purge job to delete (they can never log in again). */
export const expiredSessionsSql = (count: number) => `
  INSERT INTO "StaffSession" (id, "userId", "tokenHash", "createdAt", "expiresAt")
  SELECT gen_random_uuid()::text, (SELECT id FROM "User" ORDER BY email LIMIT 1), 'expired-' || gen_random_uuid()::text,
         now() - interval '10 days', now() - interval '3 days'
    FROM generate_series(1, ${Number(count)})`;

export async function countExpiredSessions(db: Pick<Database, 'query'>): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "StaffSession" WHERE "expiresAt" < now() - interval '1 day'`);
  return row.n;
}

export async function waitUntil<T>(probe: () => Promise<T | undefined | null | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
