import { randomUUID } from 'node:crypto';
import type { Database } from '../../server/src/database/database';
import { formatDocumentNumber, ledgerDifferences, LedgerRefusal, nextDocumentNumber, reserveDocumentNumbers, post, reverse, structureAccount } from '../../server/src/ledger';
import { expectLedgerInvariants } from '../support/ledger';
import { useSeededDatabase, usingPostgres } from '../support/test-app';

const database = useSeededDatabase();
let db: Database;
beforeAll(() => {
  db = database.db;
});

const ledgerCount = () => db.prisma.ledgerEntry.count();
const anyStructure = () => db.prisma.structure.findFirstOrThrow({ where: { status: 'ELIGIBLE' }, orderBy: { name: 'asc' } });
const differences = () => ledgerDifferences(db.prisma);

describe('post()', () => {
  it('writes a balanced transaction beside the state change, in the same database transaction', async () => {
    const before = await ledgerCount();
    const structure = await anyStructure();
    const posted = await db.prisma.$transaction((tx) =>
      post(tx, {
        event: 'MONTH_CLOSED',
        resource: 'statements',
        recordId: randomUUID(),
        lines: [
          { account: structureAccount(structure.id), debitCents: 40 },
          { account: 'FEES_DOWNSTREAM', creditCents: 40 },
        ],
      }),
    );
    const lines = await db.prisma.ledgerEntry.findMany({ where: { transactionId: posted.transactionId }, orderBy: { debitCents: 'desc' } });
    expect(lines.map((l) => [l.account, l.debitCents, l.creditCents, l.event])).toEqual([
      [`STRUCTURE:${structure.id}`, 40, 0, 'MONTH_CLOSED'],
      ['FEES_DOWNSTREAM', 0, 40, 'MONTH_CLOSED'],
    ]);
    expect(await ledgerCount()).toBe(before + 2);
    // and a reversal puts the books back
    await db.prisma.$transaction((tx) => reverse(tx, posted.transactionId, { resource: 'statements', recordId: lines[0].recordId }));
    await expectLedgerInvariants(db.prisma);
  });

  it('refuses an unbalanced transaction before writing, and the state change rolls back with it', async () => {
    const before = await ledgerCount();
    const structure = await anyStructure();
    const attempt = db.prisma.$transaction(async (tx) => {
      await tx.structure.update({ where: { id: structure.id }, data: { phone: '01 00 00 00 00' } });
      return post(tx, {
        event: 'REDEMPTION_ACCEPTED',
        resource: 'redemptions',
        recordId: randomUUID(),
        lines: [
          { account: 'PASS_FLOAT', debitCents: 1000 },
          { account: structureAccount(structure.id), creditCents: 900 },
        ],
      });
    });
    await expect(attempt).rejects.toThrow(LedgerRefusal);
    await expect(attempt).rejects.toThrow('Écriture comptable refusée : Transaction déséquilibrée : débits 10,00 €, crédits 9,00 €.');
    expect(await ledgerCount()).toBe(before);
    expect((await db.prisma.structure.findUniqueOrThrow({ where: { id: structure.id } })).phone).toBe(structure.phone);
  });
});

describe('the database itself', () => {
  const refusal = /en ajout seul/;

  it.each(['LedgerEntry', 'AuditEvent'])('refuses UPDATE, DELETE and TRUNCATE on %s', async (table) => {
    const count = async () => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`))[0].n);
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await expect(db.exec(`UPDATE "${table}" SET "createdAt" = now()`)).rejects.toThrow(refusal);
    await expect(db.exec(`DELETE FROM "${table}"`)).rejects.toThrow(refusal);
    await expect(db.exec(`TRUNCATE "${table}"`)).rejects.toThrow(refusal);
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM "${table}" WHERE id = (SELECT id FROM "${table}" LIMIT 1)`)).rejects.toThrow(refusal);
    expect(await count()).toBe(before);
  });

  it('refuses an unbalanced transaction written by raw SQL, bypassing post()', async () => {
    const before = await ledgerCount();
    await expect(
      db.exec(`INSERT INTO "LedgerEntry" ("id","transactionId","account","debitCents","creditCents","event","resource","recordId")
               VALUES ('${randomUUID()}','t-raw','BANK',500,0,'PAYOUT_PAID','payouts','p1'), ('${randomUUID()}','t-raw','PASS_FLOAT',0,400,'PAYOUT_PAID','payouts','p1')`),
    ).rejects.toThrow(/déséquilibrée/);
    await expect(
      db.exec(`INSERT INTO "LedgerEntry" ("id","transactionId","account","debitCents","creditCents","event","resource","recordId")
               VALUES ('${randomUUID()}','t-raw','CASH',500,0,'PAYOUT_PAID','payouts','p1'), ('${randomUUID()}','t-raw','BANK',0,500,'PAYOUT_PAID','payouts','p1')`),
    ).rejects.toThrow(/LedgerEntry_account_check/);
    await expect(
      db.exec(`INSERT INTO "LedgerEntry" ("id","transactionId","account","debitCents","creditCents","event","resource","recordId")
               VALUES ('${randomUUID()}','t-raw','BANK',0,0,'PAYOUT_PAID','payouts','p1')`),
    ).rejects.toThrow(/LedgerEntry_amount_check/);
    expect(await ledgerCount()).toBe(before);
  });

  it('keeps a pass to one accepted, non-voided scan; a voided one does not count', async () => {
    const scan = await db.prisma.scan.findFirstOrThrow({ where: { outcome: 'ACCEPTED', voidedAt: null } });
    const { id: _id, statementLine: _l, ...copy } = { ...scan, statementLine: undefined };
    await expect(db.prisma.scan.create({ data: { ...copy, scannedAt: new Date() } })).rejects.toThrow(/Unique constraint|unique/i);
    await db.prisma.$transaction(async (tx) => {
      await tx.scan.update({ where: { id: scan.id }, data: { voidedAt: new Date(), voidReason: 'test' } });
      const again = await tx.scan.create({ data: { ...copy, scannedAt: new Date() } });
      expect(again.passId).toBe(scan.passId);
      throw new Error('rollback');
    }).catch((e: Error) => expect(e.message).toBe('rollback'));
  });

  it('wants a reason on a withheld payout and bank details on any other', async () => {
    const structure = await anyStructure();
    const endorsement = await db.prisma.endorsement.create({ data: { period: '2026-10', periodStart: new Date('2026-09-30T22:00:00Z'), periodEnd: new Date('2026-10-31T23:00:00Z') } });
    const statement = await db.prisma.statement.create({ data: { endorsementId: endorsement.id, structureId: structure.id } });
    const payout = { statementId: statement.id, endorsementId: endorsement.id, structureId: structure.id, amountCents: 960, endToEndId: `E2E-${randomUUID().slice(0, 8)}` };
    await expect(db.prisma.payout.create({ data: { ...payout, status: 'WITHHELD' } })).rejects.toThrow(/Payout_withheld_check/);
    await expect(db.prisma.payout.create({ data: { ...payout, status: 'PENDING' } })).rejects.toThrow(/Payout_withheld_check/);
    const withheld = await db.prisma.payout.create({ data: { ...payout, status: 'WITHHELD', withheldReason: 'IBAN invalide' } });
    expect(withheld.iban).toBeNull();
  });
});

describe('gap-free document numbers', () => {
  it('are 1, 2, 3… per kind and year, formatted with the year', async () => {
    const take = (kind: 'STATEMENT' | 'SPONSOR_CREDIT_NOTE', year: number) => db.prisma.$transaction((tx) => nextDocumentNumber(tx, kind, year));
    expect([await take('STATEMENT', 2030), await take('STATEMENT', 2030), await take('STATEMENT', 2031), await take('SPONSOR_CREDIT_NOTE', 2030)]).toEqual([1, 2, 1, 1]);
    expect(formatDocumentNumber(2030, 2)).toBe('2030-000002');
  });

  it('reserve blocks that follow each other and the single numbers (booklets of an order)', async () => {
    const reserve = (count: number) => db.prisma.$transaction((tx) => reserveDocumentNumbers(tx, 'BOOKLET', 2033, count));
    expect(await reserve(10)).toBe(1);
    expect(await reserve(5)).toBe(11);
    expect(await db.prisma.$transaction((tx) => nextDocumentNumber(tx, 'BOOKLET', 2033))).toBe(16);
    await expect(reserve(0)).rejects.toThrow(/invalide/);
  });

  it('leave no gap when a taker rolls back', async () => {
    const first = await db.prisma.$transaction((tx) => nextDocumentNumber(tx, 'SPONSOR_FEE_INVOICE', 2032));
    await expect(
      db.prisma.$transaction(async (tx) => {
        await nextDocumentNumber(tx, 'SPONSOR_FEE_INVOICE', 2032);
        throw new Error('PDF failed');
      }),
    ).rejects.toThrow('PDF failed');
    expect(await db.prisma.$transaction((tx) => nextDocumentNumber(tx, 'SPONSOR_FEE_INVOICE', 2032))).toBe(first + 1);
  });

  (usingPostgres ? it : it.skip)('give 26 concurrent takers, 5 of them rolling back, exactly 1..21: no gap, no duplicate', async () => {
    const taken: number[] = [];
    const results = await Promise.allSettled(
      Array.from({ length: 26 }, (_, i) =>
        db.prisma.$transaction(
          async (tx) => {
            const n = await nextDocumentNumber(tx, 'STATEMENT', 2040);
            await new Promise((r) => setTimeout(r, 5));
            if (i % 5 === 4) throw new Error('rolled back'); // 5 of the 26 give their number back
            taken.push(n);
            return n;
          },
          { timeout: 60_000, maxWait: 60_000 },
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(5);
    expect(taken.length).toBe(21);
    expect([...taken].sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });
});

describe('the ledger invariants helper', () => {
  it('passes on the demo books', async () => {
    await expectLedgerInvariants(db.prisma);
  });

  it('finds an active pass the books never put in the float, and a redemption never credited', async () => {
    await db.prisma.$transaction(async (tx) => {
      const pass = await tx.pass.findFirstOrThrow({ where: { status: 'INACTIVE' } });
      await tx.pass.update({ where: { id: pass.id }, data: { status: 'ACTIVE' } });
      const found = await ledgerDifferences(tx);
      expect(found.map((d) => d.invariant)).toContain('PASS_FLOAT');
      expect(found.find((d) => d.invariant === 'PASS_FLOAT')!.expectedCents - found.find((d) => d.invariant === 'PASS_FLOAT')!.ledgerCents).toBe(pass.faceValueCents);
      throw new Error('rollback');
    }).catch((e: Error) => expect(e.message).toBe('rollback'));
    await expectLedgerInvariants(db.prisma);
  });

  it('finds a structure credited for a scan that is not there, and a sponsor charged twice', async () => {
    const structure = await anyStructure();
    const order = await db.prisma.order.findFirstOrThrow({ where: { status: 'ACTIVE' } });
    await db.prisma.$transaction(async (tx) => {
      await post(tx, { event: 'REDEMPTION_ACCEPTED', resource: 'redemptions', recordId: randomUUID(), lines: [{ account: 'PASS_FLOAT', debitCents: 1000 }, { account: structureAccount(structure.id), creditCents: 1000 }] });
      await post(tx, { event: 'ORDER_ACTIVATED', resource: 'orders', recordId: order.id, lines: [{ account: `SPONSOR:${order.sponsorId}`, debitCents: 500 }, { account: 'FEES_UPSTREAM', creditCents: 500 }] });
      const found = await ledgerDifferences(tx);
      expect(found.map((d) => [d.invariant, d.subject, d.ledgerCents - d.expectedCents]).sort()).toEqual(
        [
          ['PASS_FLOAT', 'PASS_FLOAT', -1000],
          ['SPONSOR', `SPONSOR:${order.sponsorId}`, 500],
          ['STRUCTURE', `STRUCTURE:${structure.id}`, 1000],
        ].sort(),
      );
      throw new Error('rollback');
    }).catch((e: Error) => expect(e.message).toBe('rollback'));
  });

  it('fails on an unbalanced ledger, as a database restored without its balance trigger could hold', async () => {
    await db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('ALTER TABLE "LedgerEntry" DISABLE TRIGGER "LedgerEntry_balanced"');
      await tx.$executeRawUnsafe(
        `INSERT INTO "LedgerEntry" ("id","transactionId","account","debitCents","creditCents","event","resource","recordId") VALUES ('${randomUUID()}','t-broken','BANK',700,0,'SPONSOR_PAYMENT_RECEIVED','orders','o1')`,
      );
      const found = await ledgerDifferences(tx);
      expect(found.map((d) => d.message)).toContain('Transaction t-broken déséquilibrée : débits 7,00 €, crédits 0,00 €.');
      throw new Error('rollback');
    }).catch((e: Error) => expect(e.message).toBe('rollback'));
    await expectLedgerInvariants(db.prisma);
  });
});
