import { Body, Controller, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
  list(@CurrentPartner() partner: PartnerIdentity) {
    return this.offers.partnerList(partner);
  }

  @Get(':id')
  get(@CurrentPartner() partner: PartnerIdentity, @Param('id') id: string) {
    return this.offers.partnerGet(partner, id);
  }

  @Post()
  create(@CurrentPartner() partner: PartnerIdentity, @Body() dto: PartnerOfferDto) {
    return this.offers.partnerCreate(partner, dto);
  }

  @Put(':id')
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
