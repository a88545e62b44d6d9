import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsString, MaxLength, MinLength } from 'class-validator';
import { AppConfig } from '../config/app-config';
import { conflict, notFound } from '../common/errors';
import { PrismaClient } from '../generated/prisma/client';
import { StaffUser } from '../auth/staff-user';
import { payoutExportSnapshot, payoutsCsv, payoutsSepaXml, type ExportedPayout, type PayoutExportSnapshot, type WithheldPayout } from '../documents/payouts';
import { reverse } from '../ledger/post';
import { allows } from '../rules/workflows';
import { WritePath } from '../writes/write-path';
import { endorsementsResource, payoutsResource } from './endorsement.resources';

export class ReturnPayoutDto {
  @ApiProperty({ example: 'Compte clôturé (code AC04)', description: 'Why the bank returned the transfer, as it said' })
  @IsDefined({ message: 'est obligatoire' }) @IsString({ message: 'doit être un texte' })
  @MinLength(3, { message: 'indiquez le motif du rejet donné par la banque (3 caractères au moins)' }) @MaxLength(500, { message: '500 caractères au plus' })
  reason!: string;
}

export interface PayoutFile {
  fileName: string;
  type: string;
  bytes: Buffer;
}

/**
 * A closed month's payouts (SPEC §3 "Statements and payouts", "Ledger"). Closing created them with
 * the bank details the statement shows (a structure without valid ones is withheld, with the
 * reason, and its amount is carried into its next statement); the export freezes the SEPA
 * message; « Marquer payé » records that
 * the bank executed the transfers (passes PAID, PAYOUT_PAID structure → bank); a transfer the
 * bank returned puts its amount back in the structure's balance (reversal), carried likewise.
 */
@Injectable()
export class PayoutsService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: WritePath,
    private readonly config: AppConfig,
  ) {}

  async export(id: string, user: StaffUser) {
    const { presented } = await this.writes.staff({ resource: endorsementsResource, id, user, action: 'export' }, async (before, { tx }) => {
      // Exported already: nothing changes, the same file is served again.
      if (before.status === 'EXPORTED' || before.status === 'PAID') return { record: before, change: null };
      if (!allows('endorsements', 'export', before.status)) throw conflict(`L’endossement de ${before.period} n’est pas clos : ses virements s’exportent après la clôture.`);
      const at = new Date();
      // The bank details were frozen (or the payout withheld) at closing, as the statement shows them.
      const exported = await tx.$executeRaw`UPDATE "Payout" SET status = 'EXPORTED', "exportedAt" = ${at}, "updatedAt" = ${at} WHERE "endorsementId" = ${id} AND status = 'PENDING'`;
      const withheld = await tx.payout.count({ where: { endorsementId: id, status: 'WITHHELD' } });
      const sepaExport = payoutExportSnapshot(before.period, at, { name: this.config.PAYOUT_DEBTOR_NAME, iban: this.config.PAYOUT_DEBTOR_IBAN, bic: this.config.PAYOUT_DEBTOR_BIC });
      const record = await tx.endorsement.update({ where: { id }, data: { status: 'EXPORTED', exportedAt: at, exportedByName: user.fullName, sepaExport: { ...sepaExport } } });
      const [sum] = await tx.$queryRaw<{ cents: bigint | null }[]>`SELECT sum("amountCents") AS cents FROM "Payout" WHERE "endorsementId" = ${id} AND status = 'EXPORTED'`;
      // One audit event for the export: counts and totals, not one per transfer.
      return {
        record,
        audit: {
          before: { status: before.status },
          after: { status: 'EXPORTED', messageId: sepaExport.messageId, transfers: exported, transferredCents: Number(sum.cents ?? 0), withheld },
        },
      };
    });
    return presented;
  }

  async markPaid(id: string, user: StaffUser) {
    const { presented } = await this.writes.staff({ resource: endorsementsResource, id, user, action: 'mark-paid' }, async (before, { tx }) => {
      if (!allows('endorsements', 'mark-paid', before.status)) {
        throw conflict(before.status === 'PAID' ? `Les virements de ${before.period} sont déjà marqués payés.` : `Les virements de ${before.period} n’ont pas été exportés : exportez-les, faites-les exécuter par la banque, puis marquez-les payés.`);
      }
      const at = new Date();
      const paid = await tx.$queryRaw<{ id: string; structureId: string; statementId: string; amountCents: number }[]>`
        UPDATE "Payout" SET status = 'PAID', "paidAt" = ${at}, "updatedAt" = ${at} WHERE "endorsementId" = ${id} AND status = 'EXPORTED'
        RETURNING id, "structureId", "statementId", "amountCents"`;
      // One balanced PAYOUT_PAID transaction per transfer (structure → bank), in one statement.
      const lines = paid.length
        ? await tx.$executeRaw`
            WITH t AS MATERIALIZED (SELECT v.id, v.structure, v.amount, gen_random_uuid()::text AS tid
                                      FROM unnest(${paid.map((p) => p.id)}::text[], ${paid.map((p) => p.structureId)}::text[], ${paid.map((p) => p.amountCents)}::int[]) AS v(id, structure, amount))
            INSERT INTO "LedgerEntry" ("id", "transactionId", "account", "debitCents", "creditCents", "event", "resource", "recordId", "createdAt")
            SELECT gen_random_uuid()::text, t.tid, x.account, x.debit, x.credit, 'PAYOUT_PAID', 'payouts', t.id, ${at}
              FROM t CROSS JOIN LATERAL (VALUES ('STRUCTURE:' || t.structure, t.amount, 0), ('BANK', 0, t.amount)) AS x(account, debit, credit)`
        : 0;
      // Passes PAID: those of the paid statements, and of the structure's earlier statements this transfer settled
      // (a negative net carried into it, a withheld or returned payout carried into it).
      const passes = paid.length
        ? await tx.$executeRaw`
            UPDATE "Pass" p SET status = 'PAID', "updatedAt" = ${at}
              FROM "StatementLine" l JOIN "Statement" st ON st.id = l."statementId" JOIN "Endorsement" e ON e.id = st."endorsementId"
             WHERE p.id = l."passId" AND p.status = 'ENDORSED' AND st.status = 'FINAL'
               AND st."structureId" = ANY(${paid.map((p) => p.structureId)}::text[]) AND e."periodStart" <= ${before.periodStart}
               AND (st.id = ANY(${paid.map((p) => p.statementId)}::text[])
                    OR NOT EXISTS (SELECT 1 FROM "Payout" q WHERE q."statementId" = st.id AND q."carriedIntoId" IS NULL))`
        : 0;
      const record = await tx.endorsement.update({ where: { id }, data: { status: 'PAID', paidAt: at, paidByName: user.fullName } });
      const cents = paid.reduce((s, p) => s + p.amountCents, 0);
      return { record, audit: { before: { status: before.status }, after: { status: 'PAID', transfers: paid.length, paidCents: cents, passes, ledgerLines: lines } } };
    });
    return presented;
  }

  /** A transfer the bank returned: the amount is owed to the structure again (reversal) and is carried into its next statement. */
  async returned(id: string, dto: ReturnPayoutDto, user: StaffUser) {
    const { presented } = await this.writes.staff({ resource: payoutsResource, id, user, action: 'return' }, async (before, { tx }) => {
      if (!allows('payouts', 'return', before.status)) {
        throw conflict(before.status === 'RETURNED' ? 'Ce virement est déjà marqué rejeté.' : 'Seul un virement payé peut être marqué rejeté par la banque.');
      }
      const at = new Date();
      const [posted] = await tx.$queryRaw<{ transactionId: string }[]>`
        SELECT "transactionId" FROM "LedgerEntry" WHERE event = 'PAYOUT_PAID' AND resource = 'payouts' AND "recordId" = ${id} LIMIT 1`;
      if (!posted) throw conflict('Ce virement n’a pas d’écriture de paiement au grand livre : il ne peut pas être contrepassé.');
      await reverse(tx, posted.transactionId, { resource: 'payouts', recordId: id, at });
      await tx.$executeRaw`
        UPDATE "Pass" p SET status = 'ENDORSED', "updatedAt" = ${at} FROM "StatementLine" l
         WHERE l."statementId" = ${before.statementId} AND p.id = l."passId" AND p.status = 'PAID'`;
      const record = await tx.payout.update({ where: { id }, data: { status: 'RETURNED', returnedAt: at, returnedReason: dto.reason.trim() } });
      return { record };
    });
    return presented;
  }

  /** The export's SEPA file (same bytes at every download). */
  async sepaFile(id: string): Promise<PayoutFile> {
    const { snapshot, payouts, period } = await this.exported(id);
    // A message without a transfer is not a valid pain.001: the CSV still lists the withheld ones.
    if (payouts.length === 0) throw conflict(`Aucun virement à émettre pour ${period} (relevés sans net positif, ou virements bloqués) : il n’y a pas de fichier SEPA, le CSV liste les virements bloqués.`);
    return { fileName: `virements-${period}.xml`, type: 'application/xml', bytes: Buffer.from(payoutsSepaXml(snapshot, payouts), 'utf8') };
  }

  async csvFile(id: string): Promise<PayoutFile> {
    const { snapshot, payouts, withheld, period } = await this.exported(id);
    return { fileName: `virements-${period}.csv`, type: 'text/csv; charset=utf-8', bytes: Buffer.from(payoutsCsv(snapshot, payouts, withheld), 'utf8') };
  }

  private async exported(id: string) {
    const run = await this.prisma.endorsement.findUnique({ where: { id: typeof id === 'string' ? id.slice(0, 64) : '' }, select: { period: true, sepaExport: true } });
    if (!run) throw notFound('Endossement introuvable.');
    if (!run.sepaExport) throw conflict(`Les virements de ${run.period} n’ont pas encore été exportés : « Exporter les virements » d’abord.`);
    // Every payout that went into the file stays in it (a later return does not change what was sent).
    const rows = await this.prisma.payout.findMany({
      where: { endorsementId: id },
      select: { status: true, endToEndId: true, amountCents: true, bankHolder: true, iban: true, bic: true, withheldReason: true, exportedAt: true, statement: { select: { number: true } }, structure: { select: { name: true } } },
      orderBy: { endToEndId: 'asc' },
    });
    const payouts: ExportedPayout[] = rows
      .filter((r) => r.exportedAt !== null)
      .map((r) => ({ endToEndId: r.endToEndId, amountCents: r.amountCents, holder: r.bankHolder!, iban: r.iban!, bic: r.bic!, statementNumber: r.statement.number ?? '', structureName: r.structure.name }));
    const withheld: WithheldPayout[] = rows
      .filter((r) => r.status === 'WITHHELD')
      .map((r) => ({ structureName: r.structure.name, statementNumber: r.statement.number ?? '', amountCents: r.amountCents, reason: r.withheldReason ?? '' }));
    return { period: run.period, snapshot: run.sepaExport as unknown as PayoutExportSnapshot, payouts, withheld };
  }
}
