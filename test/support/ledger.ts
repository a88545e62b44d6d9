import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { ledgerDifferences } from '../../server/src/ledger/invariants';

/**
 * Asserts every ledger invariant of SPEC §3 "Ledger" over the current tables (see
 * ledgerDifferences in server/src/ledger/invariants.ts): every transaction balances, PASS_FLOAT
 * is the face value of ACTIVE passes, each STRUCTURE account matches its states, each SPONSOR
 * account is owed − paid − credited. Money tests call it after each test:
 * `await expectLedgerInvariants(t.started.deps.db.prisma)`.
 */
export async function expectLedgerInvariants(prisma: PrismaClient) {
  const differences = await ledgerDifferences(prisma);
  expect(differences.map((d) => d.message)).toEqual([]);
}
