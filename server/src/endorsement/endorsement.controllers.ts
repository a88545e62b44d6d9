import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import { CurrentUser, RequirePermission } from '../auth/decorators';
import { StaffUser } from '../auth/staff-user';
import { CloseMonthDto, EndorsementsService, PrepareMonthDto } from './endorsements.service';

/** The month's workflow (SPEC §4 "endorsements/:id/recompute|close"): each starts a job, answered 202 with the run; progress on job/<name>. */
@ApiTags('endorsements')
@ApiBearerAuth()
@Controller('api/endorsements')
export class EndorsementActionsController {
  constructor(private readonly endorsements: EndorsementsService) {}

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
}
