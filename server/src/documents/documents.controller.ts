import { Controller, Get, Param, Query, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import { Public } from '../auth/decorators';
import { CurrentPartner, PartnerAuthGuard, PartnerIdentity } from '../partner/partner-auth.guard';
import { CurrentUser, RequirePermission } from '../auth/decorators';
import type { StaffUser } from '../auth/staff-user';
import { IsDefined, IsString, Matches } from 'class-validator';
import { DocumentsService, PdfFile } from './documents.service';

const download = ({ fileName, bytes, type = 'application/pdf' }: PdfFile) => new StreamableFile(bytes, { type, disposition: `attachment; filename="${fileName}"`, length: bytes.length });

export class SponsorReportQueryDto {
  @ApiProperty({ example: '2026-11', description: 'A Paris calendar month that has ended' })
  @IsDefined({ message: 'est obligatoire (un mois AAAA-MM)' }) @IsString({ message: 'doit être un mois AAAA-MM' }) @Matches(/^\d{4}-\d{2}$/, { message: 'doit être un mois AAAA-MM' })
  month!: string;
}

@ApiTags('documents')
@ApiBearerAuth()
@Controller('api')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  /** A sponsor's fee invoice or credit note, rendered from its frozen snapshot. */
  @Get('sponsor-documents/:id/pdf')
  @ApiProduces('application/pdf')
  @RequirePermission('sponsor-documents', 'R')
  async sponsorDocument(@Param('id') id: string) {
    return download(await this.documents.sponsorDocumentPdf(id));
  }

  /** A sponsor's monthly redemption report (SPEC §3 "Statements and payouts"): its passes used, by structure and service. */
  @Get('sponsors/:id/report.pdf')
  @ApiProduces('application/pdf')
  @RequirePermission('sponsors', 'R')
  @ApiErrors(400, 401, 403, 404)
  async sponsorReportPdf(@Param('id') id: string, @Query() query: SponsorReportQueryDto) {
    return download(await this.documents.sponsorReportFile(id, query.month, 'pdf'));
  }

  @Get('sponsors/:id/report.csv')
  @ApiProduces('text/csv')
  @RequirePermission('sponsors', 'R')
  @ApiErrors(400, 401, 403, 404)
  async sponsorReportCsv(@Param('id') id: string, @Query() query: SponsorReportQueryDto) {
    return download(await this.documents.sponsorReportFile(id, query.month, 'csv'));
  }

  /** A closed statement (SPEC §3 "Statements and payouts"), rendered from its frozen snapshot. */
  @Get('statements/:id/pdf')
  @ApiProduces('application/pdf')
  @RequirePermission('statements', 'R')
  async statement(@Param('id') id: string) {
    return download(await this.documents.statementPdf(id));
  }

  /** A booklet's printable sheet of passes: a write (audited), for ADMIN and FINANCE only. */
  @Get('booklets/:id/sheet.pdf')
  @ApiProduces('application/pdf')
  @RequirePermission('booklets', 'W')
  async bookletSheet(@Param('id') id: string, @CurrentUser() user: StaffUser) {
    return download(await this.documents.bookletSheetPdf(id, user));
  }
}

/** One of the structure's closed statements (GET /api/partner/statements). */
export class PartnerStatementDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '2026-000042' }) number!: string;
  @ApiProperty({ example: '2026-11', description: 'The month (Paris)' }) period!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty() passCount!: number;
  @ApiProperty({ description: 'Value of the passes endorsed, in cents' }) grossCents!: number;
  @ApiProperty({ description: 'Downstream fee (4 % of gross), in cents' }) feeCents!: number;
  @ApiProperty({ description: 'Kit fees charged this month, in cents' }) subscriptionCents!: number;
  @ApiProperty({ description: 'Adjustments (positive: deducted), in cents' }) adjustmentsCents!: number;
  @ApiProperty({ description: 'Negative balance carried from earlier statements, in cents (≤ 0)' }) carriedCents!: number;
  @ApiProperty({ description: 'gross − fee − kit fees − adjustments + carried, in cents' }) netCents!: number;
  @ApiProperty({ description: 'Transferred: the net when positive, else 0 (carried to the next statement)' }) payableCents!: number;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'When the transfer was executed' }) paidAt!: string | null;
}

/** The structure's statements (SPEC §4 partner API: GET statements, GET statements/:id/pdf). */
@ApiTags('partner')
@ApiBearerAuth()
@Controller('api/partner/statements')
@Public()
@UseGuards(PartnerAuthGuard)
export class PartnerStatementsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @ApiResponse({ status: 200, type: [PartnerStatementDto], description: 'Closed statements, newest first' })
  @ApiErrors(401, 403)
  list(@CurrentPartner() partner: PartnerIdentity) {
    return this.documents.partnerStatements(partner.structureId);
  }

  @Get(':id/pdf')
  @ApiOkResponse({ description: 'The statement as a PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(401, 403, 404, 409)
  async pdf(@CurrentPartner() partner: PartnerIdentity, @Param('id') id: string) {
    return download(await this.documents.statementPdf(id, partner.structureId));
  }
}
