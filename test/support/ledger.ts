import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { ledgerDifferences } from '../../server/src/ledger/invariants';
import { VAT_RATE_BP } from '../../server/src/rules/money';

/**
 * Asserts every ledger invariant of SPEC §3 "Ledger" over the current tables (see
 * ledgerDifferences in server/src/ledger/invariants.ts): every transaction balances, PASS_FLOAT
 * is the face value of ACTIVE passes, each STRUCTURE and SPONSOR account matches its states.
 * Money tests call it after each test: `await expectLedgerInvariants(t.started.deps.db.prisma)`.
 */
export async function expectLedgerInvariants(prisma: PrismaClient, options: { vatRateBp?: number } = {}) {
  const differences = await ledgerDifferences(prisma, { vatRateBp: options.vatRateBp ?? VAT_RATE_BP });
  expect(differences.map((d) => d.message)).toEqual([]);
}
