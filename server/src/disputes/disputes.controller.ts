import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { CurrentUser, RequirePermission } from '../auth/decorators';
import { StaffUser } from '../auth/staff-user';
import { ApiErrors } from '../common/api-docs';
import { AssignDisputeDto, CancelDisputeDto, ResolveDisputeDto } from './dto/dispute.dto';
import { DisputesService } from './disputes.service';
import { DisputeInvestigation } from './investigation';

/** SPEC §3 "Disputes": support's actions on a dispute (ADMIN and SUPPORT write; FINANCE reads). Opening one is POST /api/disputes. */
@ApiTags('disputes')
@ApiBearerAuth()
@Controller('api/disputes')
export class DisputeActionsController {
  constructor(
    private readonly disputes: DisputesService,
    private readonly investigation: DisputeInvestigation,
  ) {}

  /** The investigation view: each pass's timeline, the structure's scans around them, related disputes, refusal rates. */
  @Get(':id/investigation')
  @RequirePermission('disputes', 'R')
  @ApiErrors(401, 403, 404)
  showInvestigation(@Param('id') id: string) {
    return this.investigation.of(id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @RequirePermission('disputes', 'W')
  @ApiBody({ type: AssignDisputeDto })
  @ApiErrors(400, 401, 403, 404, 409)
  assign(@Param('id') id: string, @Body() dto: AssignDisputeDto, @CurrentUser() user: StaffUser) {
    return this.disputes.assign(id, dto, user);
  }

  @Post(':id/investigate')
  @HttpCode(200)
  @RequirePermission('disputes', 'W')
  @ApiErrors(401, 403, 404, 409)
  investigate(@Param('id') id: string, @CurrentUser() user: StaffUser) {
    return this.disputes.investigate(id, user);
  }

  /** UPHOLD (scans released), VOID_SCAN (voided; adjustment when already endorsed) or FORCE_REDEEM (refused passes redeemed by staff). */
  @Post(':id/resolve')
  @HttpCode(200)
  @RequirePermission('disputes', 'W')
  @ApiBody({ type: ResolveDisputeDto })
  @ApiErrors(400, 401, 403, 404, 409)
  resolve(@Param('id') id: string, @Body() dto: ResolveDisputeDto, @CurrentUser() user: StaffUser) {
    return this.disputes.resolve(id, dto, user);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission('disputes', 'W')
  @ApiBody({ type: CancelDisputeDto })
  @ApiErrors(400, 401, 403, 404, 409)
  cancel(@Param('id') id: string, @Body() dto: CancelDisputeDto, @CurrentUser() user: StaffUser) {
    return this.disputes.cancel(id, dto, user);
  }
}
