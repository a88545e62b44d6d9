import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import { CharterSignatureAnswerDto, PartnerMeDto } from '../eligibility/dto/public-answers.dto';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { Public } from '../auth/decorators';
import { CharterSignatureDto } from '../eligibility/dto/application.dto';
import { CurrentPartner, PartnerAuthGuard, PartnerIdentity } from './partner-auth.guard';
import { PartnerService } from './partner.service';

class SignCharterDto {
  @ApiProperty({ type: CharterSignatureDto })
  @IsDefined({ message: 'la charte doit être signée' }) @IsObject({ message: 'doit être un objet' }) @ValidateNested() @Type(() => CharterSignatureDto) charter!: CharterSignatureDto;
}

/** The structures' own API (SPEC §4 "Partner API"): each key sees only its structure. */
@ApiTags('partner')
@ApiBearerAuth()
@Controller('api/partner')
@Public()
@UseGuards(PartnerAuthGuard)
export class PartnerController {
  constructor(private readonly partners: PartnerService) {}

  @Get('me')
  @ApiResponse({ status: 200, type: PartnerMeDto })
  @ApiErrors(401, 403)
  me(@CurrentPartner() partner: PartnerIdentity) {
    return this.partners.me(partner);
  }

  /** Re-signature of the charter in force after a new version was published. */
  @Post('charter-signature')
  @HttpCode(201)
  @ApiBody({ type: SignCharterDto })
  @ApiResponse({ status: 201, type: CharterSignatureAnswerDto })
  @ApiErrors(400, 401, 403, 409, 413, 415)
  sign(@CurrentPartner() partner: PartnerIdentity, @Body() dto: SignCharterDto) {
    return this.partners.signCharter(partner, dto.charter);
  }
}
