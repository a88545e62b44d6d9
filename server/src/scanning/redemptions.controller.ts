import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RedemptionAcceptedDto, RedemptionHistoryItemDto, RedemptionRefusedDto } from './dto/redemption-answer.dto';
import { ApiErrors, HeaderValue } from '../common/api-docs';
import { Public } from '../auth/decorators';
import { AppErrorCode, AppException, badRequest } from '../common/errors';
import { CurrentPartner, PartnerAuthGuard, PartnerIdentity, RecordsIneligible } from '../partner/partner-auth.guard';
import { IDEMPOTENCY_KEY } from '../rules/scanning';
import { RedeemDto, RedemptionHistoryQueryDto } from './dto/redeem.dto';
import { RedemptionsService } from './redemptions.service';

/** A structure's scanner presents passes for a service (SPEC §4 partner API). */
@ApiTags('partner')
@ApiBearerAuth()
@Controller('api/partner/redemptions')
@Public()
@UseGuards(PartnerAuthGuard)
export class PartnerRedemptionsController {
  constructor(private readonly redemptions: RedemptionsService) {}

  /** The structure's redemptions, newest first, each with its scans (accepted or with the reason). */
  @Get()
  @ApiResponse({ status: 200, type: [RedemptionHistoryItemDto] })
  @ApiErrors(400, 401, 403)
  history(@CurrentPartner() partner: PartnerIdentity, @Query() query: RedemptionHistoryQueryDto) {
    return this.redemptions.history(partner, query.limit ? Number(query.limit) : 20, query.before ? new Date(query.before) : null);
  }

  /**
   * 201 with every pass accepted, or 422 with each barcode's reason (nothing encashed). Either way
   * the attempt is recorded. A retry with the same Idempotency-Key and the same body gets the
   * first answer and changes nothing; with another body, a 422.
   */
  @Post()
  @HttpCode(201)
  @RecordsIneligible()
  @ApiBody({ type: RedeemDto })
  @ApiResponse({ status: 201, type: RedemptionAcceptedDto, description: 'Every pass accepted and encashed' })
  @ApiResponse({ status: 422, type: RedemptionRefusedDto, description: 'Refused: nothing encashed, each barcode with its reason (recorded); or an Idempotency-Key reused with another body' })
  @ApiErrors(400, 401, 403, 413, 415)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Chosen by the scanner for one service act (1–100 characters: letters, digits, . _ : -); a retry reuses it' })
  async redeem(@CurrentPartner() partner: PartnerIdentity, @Body() dto: RedeemDto, @HeaderValue('Idempotency-Key') key?: string) {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw badRequest('En-tête Idempotency-Key invalide : 1 à 100 caractères parmi lettres, chiffres et . _ : -', { fields: { 'Idempotency-Key': ['1 à 100 caractères : lettres, chiffres, . _ : -'] } });
    }
    const answer = await this.redemptions.redeem(partner, dto, key ?? null);
    if (answer.statusCode === 201) return answer.body;
    throw new AppException(AppErrorCode.UNPROCESSABLE, String(answer.body.message), answer.body.details as Record<string, unknown> | undefined);
  }
}
