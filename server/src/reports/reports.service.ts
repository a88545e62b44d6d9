import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { badRequest } from '../common/errors';
import { PrismaClient } from '../generated/prisma/client';
import { INVARIANTS, LEDGER_FAMILIES, readReconciliation, Reconciliation } from './reconciliation';
import { currentMonth, MONTH_PATTERN, parseReportMonth } from './report-month';

/** ?month=AAAA-MM: nothing else is accepted (an unknown key is a 400). */
export class ReconciliationQueryDto {
  @ApiPropertyOptional({ description: 'A calendar month (Europe/Paris), AAAA-MM, from 2000 to the current one; the current month to date by default', example: '2026-11' })
  @IsOptional()
  @IsString({ message: 'doit être un mois AAAA-MM (par exemple 2026-11), donné une seule fois' })
  @Matches(MONTH_PATTERN, { message: 'doit être un mois AAAA-MM, de 01 à 12 (par exemple 2026-11)' })
  month?: string;
}

export class ReconciliationFamilyDto {
  @ApiProperty({ enum: LEDGER_FAMILIES, description: 'Account family: the part of the account name before ":"' }) family!: string;
  @ApiProperty({ example: 'Pass en circulation' }) label!: string;
  @ApiProperty({ description: 'Balance at the month’s first instant, in cents; SPONSOR and BANK debit − credit, the others credit − debit' }) openingCents!: number;
  @ApiProperty({ description: 'Debits posted within the month (to date for the current month), in cents' }) debitCents!: number;
  @ApiProperty({ description: 'Credits posted within the month, in cents' }) creditCents!: number;
  @ApiProperty({ description: 'Balance at the month’s end (now for the current month): opening + movements, in cents' }) closingCents!: number;
}

export class ReconciliationInvariantDto {
  @ApiProperty({ enum: INVARIANTS }) invariant!: string;
  @ApiProperty({ example: 'Pass en circulation = valeur faciale des pass actifs' }) label!: string;
  @ApiProperty({ description: 'What the states say, summed over every subject, in cents (for the balance of transactions: their credits)' }) expectedCents!: number;
  @ApiProperty({ description: 'What the ledger says, summed over every subject, in cents (for the balance of transactions: their debits)' }) actualCents!: number;
  @ApiProperty({ description: 'actual − expected, in cents: 0 when all is right' }) differenceCents!: number;
  @ApiProperty({ description: 'Accounts or transactions whose own figures differ' }) subjects!: number;
  @ApiProperty({ type: [String], description: 'The first 50 differences, in French' }) details!: string[];
}

export class ReconciliationDto {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({ format: 'date-time', description: 'First instant of the month (Paris)' }) from!: string;
  @ApiProperty({ format: 'date-time', description: 'End of the movements (excluded): the next month’s first instant, or the report’s time for the current month' }) to!: string;
  @ApiProperty({ format: 'date-time', description: 'When the report was made: the invariants are those of that moment' }) generatedAt!: string;
  @ApiProperty({ type: [ReconciliationFamilyDto] }) families!: ReconciliationFamilyDto[];
  @ApiProperty({ type: [ReconciliationInvariantDto] }) invariants!: ReconciliationInvariantDto[];
  @ApiProperty({ description: 'True when no invariant shows a difference' }) ok!: boolean;
}

@Injectable()
export class ReportsService {
  constructor(private readonly prisma: PrismaClient) {}

  /** The month's report (the current month to date when none is given); a 400 in French for a month refused. */
  reconciliation(month: string | undefined, now = new Date()): Promise<Reconciliation> {
    const check = parseReportMonth(month ?? currentMonth(now), now);
    if (!check.ok) throw badRequest(check.error, { fields: { month: [check.error] } });
    return readReconciliation(this.prisma, check.params, now);
  }
}
