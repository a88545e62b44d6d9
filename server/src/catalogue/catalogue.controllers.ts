import { Body, Controller, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import { PartnerOfferAnswerDto, ReferentialCategoryDto } from './dto/catalogue-answers.dto';
import { CurrentUser, Public, RequirePermission } from '../auth/decorators';
import { StaffUser } from '../auth/staff-user';
import { CurrentPartner, PartnerAuthGuard, PartnerIdentity } from '../partner/partner-auth.guard';
import { BatchModerationDto, ModerationDto, OffersService, PartnerOfferDto, UpdatePartnerOfferDto } from './offers.service';

@ApiTags('public')
@Controller('api/public/referential')
@Public()
export class PublicReferentialController {
  constructor(private readonly offers: OffersService) {}

  /** The national referential: active categories and their active services. */
  @Get()
  @ApiResponse({ status: 200, type: [ReferentialCategoryDto] })
  referential() {
    return this.offers.publicReferential();
  }
}

@ApiTags('partner')
@ApiBearerAuth()
@Controller('api/partner/offers')
@Public()
@UseGuards(PartnerAuthGuard)
export class PartnerOffersController {
  constructor(private readonly offers: OffersService) {}

  @Get()
  @ApiResponse({ status: 200, type: [PartnerOfferAnswerDto], description: 'The structure’s offers, every moderation state' })
  @ApiErrors(401, 403)
  list(@CurrentPartner() partner: PartnerIdentity) {
    return this.offers.partnerList(partner);
  }

  @Get(':id')
  @ApiResponse({ status: 200, type: PartnerOfferAnswerDto })
  @ApiErrors(401, 403, 404)
  get(@CurrentPartner() partner: PartnerIdentity, @Param('id') id: string) {
    return this.offers.partnerGet(partner, id);
  }

  @Post()
  @ApiBody({ type: PartnerOfferDto })
  @ApiResponse({ status: 201, type: PartnerOfferAnswerDto, description: 'Submitted: approved by the automatic checks, or waiting for a reviewer (status, flags)' })
  @ApiErrors(400, 401, 403, 409, 413, 415)
  create(@CurrentPartner() partner: PartnerIdentity, @Body() dto: PartnerOfferDto) {
    return this.offers.partnerCreate(partner, dto);
  }

  @Put(':id')
  @ApiBody({ type: UpdatePartnerOfferDto })
  @ApiResponse({ status: 200, type: PartnerOfferAnswerDto, description: 'Changed and checked again' })
  @ApiErrors(400, 401, 403, 404, 409, 413, 415)
  update(@CurrentPartner() partner: PartnerIdentity, @Param('id') id: string, @Body() dto: UpdatePartnerOfferDto) {
    return this.offers.partnerUpdate(partner, id, dto);
  }
}

@ApiTags('offers')
@ApiBearerAuth()
@Controller('api/offers')
export class OfferModerationController {
  constructor(private readonly offers: OffersService) {}

  /** Moderates many offers at once; reports each offer's outcome. */
  @Post('batch')
  @HttpCode(200)
  @RequirePermission('offers', 'W')
  batch(@Body() dto: BatchModerationDto, @CurrentUser() user: StaffUser) {
    return this.offers.moderateBatch(user, dto);
  }

  @Get(':id/review')
  @RequirePermission('offers', 'R')
  review(@Param('id') id: string, @CurrentUser() user: StaffUser) {
    return this.offers.review(id, user);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission('offers', 'W')
  approve(@Param('id') id: string, @Body() dto: ModerationDto, @CurrentUser() user: StaffUser) {
    return this.offers.moderate(id, user, 'approve', dto);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission('offers', 'W')
  reject(@Param('id') id: string, @Body() dto: ModerationDto, @CurrentUser() user: StaffUser) {
    return this.offers.moderate(id, user, 'reject', dto);
  }

  @Post(':id/request-changes')
  @HttpCode(200)
  @RequirePermission('offers', 'W')
  requestChanges(@Param('id') id: string, @Body() dto: ModerationDto, @CurrentUser() user: StaffUser) {
    return this.offers.moderate(id, user, 'request-changes', dto);
  }
}
