import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { ApiErrors } from '../common/api-docs';
import { Reconciliation, reconciliationCsv, reconciliationFileName } from './reconciliation';
import { ReconciliationDto, ReconciliationQueryDto, ReportsService } from './reports.service';

/** Reports on the books (SPEC §3 "Ledger"), for ADMIN and FINANCE. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Opening, movements and closing per account family over the month; each invariant now, with its difference. */
  @Get('reconciliation')
  @RequirePermission('reports', 'R')
  @ApiOkResponse({ type: ReconciliationDto })
  @ApiErrors(400, 401, 403)
  reconciliation(@Query() query: ReconciliationQueryDto): Promise<Reconciliation> {
    return this.reports.reconciliation(query.month);
  }

  /** The same report as a spreadsheet (rapprochement-AAAA-MM.csv): the families, then the invariants and their differences. */
  @Get('reconciliation.csv')
  @RequirePermission('reports', 'R')
  @ApiOkResponse({ description: 'Semicolon-separated, UTF-8 with a byte-order mark, French decimal commas', content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 401, 403)
  async reconciliationCsv(@Query() query: ReconciliationQueryDto): Promise<StreamableFile> {
    const report = await this.reports.reconciliation(query.month);
    const bytes = Buffer.from(reconciliationCsv(report), 'utf8');
    return new StreamableFile(bytes, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${reconciliationFileName(report.month)}"`, length: bytes.length });
  }
}
