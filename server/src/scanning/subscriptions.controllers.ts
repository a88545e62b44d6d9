import { Body, Controller, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import type { Response } from 'express';
import { CurrentUser, Public, RequirePermission } from '../auth/decorators';
import { StaffUser } from '../auth/staff-user';
import { CurrentPartner, PartnerAuthGuard, PartnerIdentity } from '../partner/partner-auth.guard';
import { ChangePlanDto, EndSubscriptionDto, KitDto, KitPlanDto, OrderKitDto } from './dto/subscription.dto';
import { SubscriptionsService } from './subscriptions.service';

/** The structure's own kit (SPEC §4 partner API). */
@ApiTags('partner')
@ApiBearerAuth()
@Controller('api/partner/subscription')
@Public()
@UseGuards(PartnerAuthGuard)
export class PartnerSubscriptionController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  /** The open kit, or else the last one, with its fees due so far; `null` when none was ever ordered. */
  @Get()
  @ApiResponse({ status: 200, schema: { allOf: [{ $ref: getSchemaPath(KitDto) }], nullable: true }, description: 'The open kit, or else the last one; the JSON null when none was ever ordered' })
  @ApiErrors(401, 403)
  async get(@CurrentPartner() partner: PartnerIdentity, @Res() res: Response) {
    // Nest would answer an empty body for null: the JSON `null` is written here.
    res.status(200).json(await this.subscriptions.partnerGet(partner));
  }

  /** The formulas a structure can order, with their price: shown before ordering. */
  @Get('plans')
  @ApiResponse({ status: 200, type: [KitPlanDto] })
  @ApiErrors(401, 403)
  plans(): KitPlanDto[] {
    return this.subscriptions.plans();
  }

  @Post()
  @HttpCode(201)
  @ApiBody({ type: OrderKitDto })
  @ApiResponse({ status: 201, type: KitDto, description: 'Ordered: PENDING until the first accepted scan, fee from the configuration' })
  @ApiErrors(400, 401, 403, 409, 413, 415)
  order(@CurrentPartner() partner: PartnerIdentity, @Body() dto: OrderKitDto) {
    return this.subscriptions.partnerOrder(partner, dto);
  }
}

/** FINANCE and ADMIN change a kit's plan or end it, with a reason. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('api/subscriptions')
export class SubscriptionActionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post(':id/change-plan')
  @HttpCode(200)
  @RequirePermission('subscriptions', 'W')
  changePlan(@Param('id') id: string, @Body() dto: ChangePlanDto, @CurrentUser() user: StaffUser) {
    return this.subscriptions.changePlan(id, user, dto);
  }

  @Post(':id/end')
  @HttpCode(200)
  @RequirePermission('subscriptions', 'W')
  end(@Param('id') id: string, @Body() dto: EndSubscriptionDto, @CurrentUser() user: StaffUser) {
    return this.subscriptions.end(id, user, dto.reason);
  }
}
