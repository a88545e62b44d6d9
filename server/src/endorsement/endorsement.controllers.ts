import { Body, Controller, Get, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import { CurrentUser, RequirePermission } from '../auth/decorators';
import { StaffUser } from '../auth/staff-user';
import { CloseMonthDto, EndorsementsService, PrepareMonthDto } from './endorsements.service';
import { PayoutFile, PayoutsService, ReturnPayoutDto } from './payouts.service';

const download = ({ fileName, type, bytes }: PayoutFile) => new StreamableFile(bytes, { type, disposition: `attachment; filename="${fileName}"`, length: bytes.length });

/** The month's workflow (SPEC §4 "endorsements/:id/recompute|close"): each starts a job, answered 202 with the run; progress on job/<name>. */
@ApiTags('endorsements')
@ApiBearerAuth()
@Controller('api/endorsements')
export class EndorsementActionsController {
  constructor(
    private readonly endorsements: EndorsementsService,
    private readonly payouts: PayoutsService,
  ) {}

  @Post('prepare')
  @HttpCode(202)
  @RequirePermission('endorsements', 'W')
  @ApiBody({ type: PrepareMonthDto })
  @ApiErrors(400, 401, 403, 409)
  prepare(@Body() dto: PrepareMonthDto, @CurrentUser() user: StaffUser) {
    return this.endorsements.prepare(dto, user);
  }

  @Post(':id/recompute')
  @HttpCode(202)
  @RequirePermission('endorsements', 'W')
  @ApiErrors(401, 403, 404, 409)
  recompute(@Param('id') id: string, @CurrentUser() user: StaffUser) {
    return this.endorsements.recompute(id, user);
  }

  @Post(':id/close')
  @HttpCode(202)
  @RequirePermission('endorsements', 'W')
  @ApiBody({ type: CloseMonthDto })
  @ApiErrors(400, 401, 403, 404, 409)
  close(@Param('id') id: string, @Body() dto: CloseMonthDto, @CurrentUser() user: StaffUser) {
    return this.endorsements.close(id, dto, user);
  }

  /** Freezes the SEPA message and each transfer's bank details; structures without valid ones are withheld. Again: the same export. */
  @Post(':id/export')
  @HttpCode(200)
  @RequirePermission('payouts', 'W')
  @ApiErrors(401, 403, 404, 409)
  export(@Param('id') id: string, @CurrentUser() user: StaffUser) {
    return this.payouts.export(id, user);
  }

  /** The bank executed the exported transfers: passes PAID, PAYOUT_PAID in the ledger. */
  @Post(':id/mark-paid')
  @HttpCode(200)
  @RequirePermission('payouts', 'W')
  @ApiErrors(401, 403, 404, 409)
  markPaid(@Param('id') id: string, @CurrentUser() user: StaffUser) {
    return this.payouts.markPaid(id, user);
  }

  @Get(':id/payouts.xml')
  @ApiProduces('application/xml')
  @RequirePermission('payouts', 'R')
  @ApiErrors(401, 403, 404, 409)
  async sepa(@Param('id') id: string) {
    return download(await this.payouts.sepaFile(id));
  }

  @Get(':id/payouts.csv')
  @ApiProduces('text/csv')
  @RequirePermission('payouts', 'R')
  @ApiErrors(401, 403, 404, 409)
  async csv(@Param('id') id: string) {
    return download(await this.payouts.csvFile(id));
  }
}

/** What a statement deducts besides its lines (SPEC §3 "Disputes": a voided scan already endorsed or paid). */
@ApiTags('statements')
@ApiBearerAuth()
@Controller('api/statements')
export class StatementAdjustmentsController {
  constructor(private readonly endorsements: EndorsementsService) {}

  @Get(':id/adjustments')
  @RequirePermission('statements', 'R')
  @ApiErrors(401, 403, 404)
  adjustments(@Param('id') id: string) {
    return this.endorsements.adjustmentsOf(id);
  }
}

/** A transfer the bank returned (SPEC §3 "Ledger": the reverse of payout paid). */
@ApiTags('payouts')
@ApiBearerAuth()
@Controller('api/payouts')
export class PayoutActionsController {
  constructor(private readonly payouts: PayoutsService) {}

  @Post(':id/return')
  @HttpCode(200)
  @RequirePermission('payouts', 'W')
  @ApiBody({ type: ReturnPayoutDto })
  @ApiErrors(400, 401, 403, 404, 409)
  returned(@Param('id') id: string, @Body() dto: ReturnPayoutDto, @CurrentUser() user: StaffUser) {
    return this.payouts.returned(id, dto, user);
  }
}
