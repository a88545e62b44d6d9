import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, RequirePermission } from '../auth/decorators';
import { StaffUser } from '../auth/staff-user';
import { ReasonDto } from '../eligibility/dto/application.dto';
import { ActivateOrderDto, HandOutDto, HandOutRangeDto, RecordPaymentDto } from './dto/order.dto';
import { EmissionService } from './orders.service';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('api/orders')
export class OrderActionsController {
  constructor(private readonly emission: EmissionService) {}

  /** Starts generating the booklets and passes (202); progress on the socket topic job/issue-order. */
  @Post(':id/issue')
  @HttpCode(202)
  @RequirePermission('orders', 'W')
  issue(@Param('id') id: string, @CurrentUser() user: StaffUser) {
    return this.emission.issue(id, user);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @RequirePermission('orders', 'W')
  activate(@Param('id') id: string, @Body() dto: ActivateOrderDto, @CurrentUser() user: StaffUser) {
    return this.emission.activate(id, user, dto);
  }

  @Post(':id/record-payment')
  @HttpCode(200)
  @RequirePermission('orders', 'W')
  recordPayment(@Param('id') id: string, @Body() dto: RecordPaymentDto, @CurrentUser() user: StaffUser) {
    return this.emission.recordPayment(id, user, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission('orders', 'W')
  cancel(@Param('id') id: string, @Body() dto: ReasonDto, @CurrentUser() user: StaffUser) {
    return this.emission.cancel(id, user, dto.reason);
  }
}

@ApiTags('booklets')
@ApiBearerAuth()
@Controller('api/booklets')
export class BookletActionsController {
  constructor(private readonly emission: EmissionService) {}

  /** Booklets "from"–"to" of one order handed out on a day, all or none. */
  @Post('hand-out-range')
  @HttpCode(200)
  @RequirePermission('booklets', 'W')
  handOutRange(@Body() dto: HandOutRangeDto, @CurrentUser() user: StaffUser) {
    return this.emission.handOutRange(user, dto);
  }

  @Post(':id/hand-out')
  @HttpCode(200)
  @RequirePermission('booklets', 'W')
  handOut(@Param('id') id: string, @Body() dto: HandOutDto, @CurrentUser() user: StaffUser) {
    return this.emission.handOut(id, user, dto);
  }

  /** Lost or stolen: its active passes are cancelled and credited back to the sponsor. */
  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission('booklets', 'W')
  cancel(@Param('id') id: string, @Body() dto: ReasonDto, @CurrentUser() user: StaffUser) {
    return this.emission.cancelBooklet(id, user, dto.reason);
  }
}

@ApiTags('passes')
@ApiBearerAuth()
@Controller('api/passes')
export class PassActionsController {
  constructor(private readonly emission: EmissionService) {}

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission('passes', 'W')
  cancel(@Param('id') id: string, @Body() dto: ReasonDto, @CurrentUser() user: StaffUser) {
    return this.emission.cancelPass(id, user, dto.reason);
  }
}

@ApiTags('sponsors')
@ApiBearerAuth()
@Controller('api/sponsors')
export class SponsorFollowUpController {
  constructor(private readonly emission: EmissionService) {}

  /** Booklets issued / handed out / not handed out / started, passes by status, money, redemptions by month. */
  @Get(':id/follow-up')
  @RequirePermission('sponsors', 'R')
  followUp(@Param('id') id: string) {
    return this.emission.followUp(id);
  }
}
