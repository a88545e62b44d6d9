import { randomUUID } from 'node:crypto';
import type { Database } from '../../server/src/database/database';
import type { Sql } from '../../server/src/database/sql';
import { post, reverse, structureAccount } from '../../server/src/ledger';
import { expectLedgerInvariants } from '../support/ledger';
import { useSeededDatabase } from '../support/test-app';

// database/sql.ts and Database.sqlTransaction: the hot paths' statements (a scan's redemption),
// straight on a pg connection on PostgreSQL, through Prisma on PGlite; both must behave alike.
const database = useSeededDatabase();
let db: Database;
beforeAll(() => {
  db = database.db;
});

const options = { timeout: 5_000, maxWait: 5_000 };

async function insertEvent(sql: Sql, recordId: string, at: Date, actorName = 'Test') {
  return sql.run`
    INSERT INTO "AuditEvent" ("id", "actorType", "actorName", "action", "resource", "recordId", "after", "createdAt")
    VALUES (${randomUUID()}, ${'SYSTEM'}::"ActorType", ${actorName}, 'test', 'tests', ${recordId}, ${JSON.stringify({ n: 1 })}::jsonb, ${at})`;
}

describe('Database.sqlTransaction', () => {
  it('commits its statements, which Prisma then reads', async () => {
    const recordId = randomUUID();
    const at = new Date('2026-03-29T01:30:00.123Z');
    const count = await db.sqlTransaction((sql) => insertEvent(sql, recordId, at), options);
    expect(count).toBe(1);
    const row = await db.prisma.auditEvent.findFirstOrThrow({ where: { recordId } });
    expect(row.createdAt.toISOString()).toBe(at.toISOString());
    expect(row.after).toEqual({ n: 1 });
  });

  it('rolls every statement back when the work throws', async () => {
    const recordId = randomUUID();
    await expect(
      db.sqlTransaction(async (sql) => {
        await insertEvent(sql, recordId, new Date());
        throw new Error('refused by the rule');
      }, options),
    ).rejects.toThrow('refused by the rule');
    expect(await db.prisma.auditEvent.count({ where: { recordId } })).toBe(0);
  });

  it('rolls back a transaction that outlasts its timeout and sends nothing after it', async () => {
    if (db.kind === 'pglite') return; // PGlite: Prisma's own transaction timeout applies (same options)
    const recordId = randomUUID();
    await expect(
      db.sqlTransaction(
        async (sql) => {
          await insertEvent(sql, recordId, new Date());
          await new Promise((r) => setTimeout(r, 300));
          await insertEvent(sql, recordId, new Date());
        },
        { timeout: 100, maxWait: 100 },
      ),
    ).rejects.toThrow('Transaction already closed');
    expect(await db.prisma.auditEvent.count({ where: { recordId } })).toBe(0);
  });

  it('reads timestamps and dates as UTC, whatever the process time zone', async () => {
    const recordId = randomUUID();
    const at = new Date('2026-10-25T00:59:59.999Z');
    const zone = process.env.TZ;
    process.env.TZ = 'America/Cayenne';
    try {
      const read = await db.sqlTransaction(async (sql) => {
        await insertEvent(sql, recordId, at);
        return sql<{ createdAt: Date; day: Date }>`SELECT "createdAt", "createdAt"::date AS day FROM "AuditEvent" WHERE "recordId" = ${recordId}`;
      }, options);
      expect(read[0].createdAt.toISOString()).toBe(at.toISOString());
      expect(read[0].day.toISOString()).toBe('2026-10-25T00:00:00.000Z');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    const row = await db.prisma.auditEvent.findFirstOrThrow({ where: { recordId } });
    expect(row.createdAt.toISOString()).toBe(at.toISOString());
  });

  it('sends values as parameters, never as SQL', async () => {
    const recordId = randomUUID();
    const name = `Robert'); DROP TABLE "AuditEvent"; --`;
    await db.sqlTransaction((sql) => insertEvent(sql, recordId, new Date(), name), options);
    const [row] = await db.sql<{ actorName: string }>`SELECT "actorName" FROM "AuditEvent" WHERE "recordId" = ${recordId}`;
    expect(row.actorName).toBe(name);
  });

  it('posts ledger lines beside its state change, and the database refuses an unbalanced one', async () => {
    const structure = await db.prisma.structure.findFirstOrThrow({ where: { status: 'ELIGIBLE' }, orderBy: { name: 'asc' } });
    const recordId = randomUUID();
    const posted = await db.sqlTransaction(
      (sql) => post(sql, { event: 'REDEMPTION_ACCEPTED', resource: 'redemptions', recordId, lines: [{ account: 'PASS_FLOAT', debitCents: 1000 }, { account: structureAccount(structure.id), creditCents: 1000 }] }),
      options,
    );
    expect(posted.lineCount).toBe(2);
    const lines = await db.prisma.ledgerEntry.findMany({ where: { transactionId: posted.transactionId }, orderBy: { debitCents: 'desc' } });
    expect(lines.map((l) => [l.account, l.debitCents, l.creditCents, l.recordId])).toEqual([
      ['PASS_FLOAT', 1000, 0, recordId],
      [structureAccount(structure.id), 0, 1000, recordId],
    ]);
    // Raw SQL that bypasses post(): the trigger "LedgerEntry_balanced" refuses it, nothing stays.
    const other = randomUUID();
    await expect(
      db.sqlTransaction(
        (sql) => sql.run`
          INSERT INTO "LedgerEntry" ("id", "transactionId", "account", "debitCents", "creditCents", "event", "resource", "recordId")
          VALUES (${randomUUID()}, ${randomUUID()}, 'PASS_FLOAT', 500, 0, 'REDEMPTION_ACCEPTED', 'redemptions', ${other})`,
        options,
      ),
    ).rejects.toThrow(/déséquilibrée/);
    expect(await db.prisma.ledgerEntry.count({ where: { recordId: other } })).toBe(0);
    // No pass moved with that posting: its reversal puts the books back in line with the states.
    await db.prisma.$transaction((tx) => reverse(tx, posted.transactionId, { resource: 'redemptions', recordId }));
    await expectLedgerInvariants(db.prisma);
  });
});
