import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, HeaderValue } from '../common/api-docs';
import { ApplicantViewDto, ApplicationReceiptDto, ApplicationReplyAnswerDto, PublicCharterDto, PublicQuestionnaireDto } from './dto/public-answers.dto';
import { CurrentUser, Public, RequirePermission } from '../auth/decorators';
import { AdminOnly } from '../auth/guards';
import { StaffUser } from '../auth/staff-user';
import { PublicThrottle, RateLimitGuard } from '../auth/guards';
import { ApplicationsService } from './applications.service';
import { CurrentVersions, PublicationService } from './charters.service';
import { ApproveApplicationDto, HoldApplicationDto, ReasonDto, ReassignApplicationDto, RejectApplicationDto, ReplyToHoldDto, SubmitApplicationDto } from './dto/application.dto';
import { BankChangeDecisionDto } from './dto/structure.dto';
import { StructuresService } from './structures.service';

@ApiTags('public')
@Controller('api/public')
@Public()
export class PublicEligibilityController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly current: CurrentVersions,
  ) {}

  /** The charter in force: what an applicant reads and signs. */
  @Get('charter')
  @ApiResponse({ status: 200, type: PublicCharterDto })
  @ApiErrors(404)
  charter() {
    return this.current.publicCharter();
  }

  /** The eligibility questionnaire in use, without the scores. */
  @Get('questionnaire')
  @ApiResponse({ status: 200, type: PublicQuestionnaireDto })
  @ApiErrors(404)
  questionnaire() {
    return this.current.publicQuestionnaire();
  }

  @Post('applications')
  @UseGuards(RateLimitGuard)
  @PublicThrottle()
  @ApiBody({ type: SubmitApplicationDto })
  @ApiResponse({ status: 201, type: ApplicationReceiptDto, description: 'Received: keep the reference and the reply token' })
  @ApiErrors(400, 409, 413, 415, 422, 429)
  submit(@Body() dto: SubmitApplicationDto) {
    return this.applications.submit(dto);
  }

  /** The reply link's page: the application's reference, state and the question asked (the token in a header, never in the address). */
  @Get('applications/:id')
  @UseGuards(RateLimitGuard)
  @PublicThrottle()
  @ApiHeader({ name: 'X-Reply-Token', required: true, description: 'The reply token given at submission' })
  @ApiResponse({ status: 200, type: ApplicantViewDto })
  @ApiErrors(403, 429)
  applicantView(@Param('id') id: string, @HeaderValue('X-Reply-Token') token?: string) {
    return this.applications.forApplicant(id, token);
  }

  @Post('applications/:id/reply')
  @HttpCode(200)
  @UseGuards(RateLimitGuard)
  @PublicThrottle()
  @ApiBody({ type: ReplyToHoldDto })
  @ApiResponse({ status: 200, type: ApplicationReplyAnswerDto, description: 'The answer reached the reviewer; the application is back in review' })
  @ApiErrors(400, 403, 404, 409, 413, 415, 429)
  reply(@Param('id') id: string, @Body() dto: ReplyToHoldDto) {
    return this.applications.reply(id, dto);
  }
}

@ApiTags('applications')
@ApiBearerAuth()
@Controller('api/applications')
export class ApplicationActionsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Get(':id/checks')
  @RequirePermission('applications', 'R')
  checks(@Param('id') id: string, @CurrentUser() user: StaffUser) {
    return this.applications.checks(id, user);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @RequirePermission('applications', 'W')
  claim(@Param('id') id: string, @CurrentUser() user: StaffUser) {
    return this.applications.claim(id, user);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission('applications', 'W')
  approve(@Param('id') id: string, @Body() dto: ApproveApplicationDto, @CurrentUser() user: StaffUser) {
    return this.applications.approve(id, user, dto);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission('applications', 'W')
  reject(@Param('id') id: string, @Body() dto: RejectApplicationDto, @CurrentUser() user: StaffUser) {
    return this.applications.reject(id, user, dto);
  }

  @Post(':id/hold')
  @HttpCode(200)
  @RequirePermission('applications', 'W')
  hold(@Param('id') id: string, @Body() dto: HoldApplicationDto, @CurrentUser() user: StaffUser) {
    return this.applications.hold(id, user, dto);
  }

  /** A claimed application changes hands: to oneself or to a colleague who reviews (audited). */
  @Post(':id/reassign')
  @HttpCode(200)
  @RequirePermission('applications', 'W')
  reassign(@Param('id') id: string, @Body() dto: ReassignApplicationDto, @CurrentUser() user: StaffUser) {
    return this.applications.reassign(id, user, dto);
  }
}

@ApiTags('structures')
@ApiBearerAuth()
@Controller('api/structures')
export class StructureActionsController {
  constructor(private readonly structures: StructuresService) {}

  @Post(':id/suspend')
  @HttpCode(200)
  @RequirePermission('structures', 'W')
  suspend(@Param('id') id: string, @Body() dto: ReasonDto, @CurrentUser() user: StaffUser) {
    return this.structures.suspend(id, user, dto.reason);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @RequirePermission('structures', 'W')
  reinstate(@Param('id') id: string, @Body() dto: ReasonDto, @CurrentUser() user: StaffUser) {
    return this.structures.reinstate(id, user, dto.reason);
  }

  @Get(':id/bank-change')
  @RequirePermission('structures', 'R')
  bankChange(@Param('id') id: string, @CurrentUser() user: StaffUser) {
    return this.structures.pendingBankChange(id, user);
  }

  /** ADMIN or FINANCE, not the requester: the rule in bank-changes.rules.ts (FINANCE only reads structures otherwise). */
  @Post(':id/confirm-bank-change')
  @HttpCode(200)
  @RequirePermission('structures', 'R')
  confirmBankChange(@Param('id') id: string, @Body() dto: BankChangeDecisionDto, @CurrentUser() user: StaffUser) {
    return this.structures.confirmBankChange(id, user, dto.comment);
  }

  @Post(':id/reject-bank-change')
  @HttpCode(200)
  @RequirePermission('structures', 'R')
  rejectBankChange(@Param('id') id: string, @Body() dto: BankChangeDecisionDto, @CurrentUser() user: StaffUser) {
    return this.structures.rejectBankChange(id, user, dto.comment);
  }

  @Get(':id/api-keys')
  @RequirePermission('structures', 'R')
  apiKeys(@Param('id') id: string, @CurrentUser() user: StaffUser) {
    return this.structures.apiKeys(id, user);
  }

  /** ADMIN only (SPEC: keys shown once, revocable). */
  @Post(':id/reissue-api-key')
  @HttpCode(200)
  @AdminOnly()
  reissue(@Param('id') id: string, @CurrentUser() user: StaffUser) {
    return this.structures.reissueKey(id, user);
  }

  @Post(':id/revoke-api-keys')
  @HttpCode(200)
  @AdminOnly()
  revoke(@Param('id') id: string, @CurrentUser() user: StaffUser) {
    return this.structures.revokeKeys(id, user);
  }
}

@ApiTags('charters')
@ApiBearerAuth()
@Controller('api')
export class PublicationController {
  constructor(private readonly publication: PublicationService) {}

  @Post('charters/:id/publish')
  @HttpCode(200)
  @RequirePermission('charters', 'W')
  publishCharter(@Param('id') id: string, @CurrentUser() user: StaffUser) {
    return this.publication.publishCharter(id, user);
  }

  @Post('questionnaires/:id/publish')
  @HttpCode(200)
  @RequirePermission('questionnaires', 'W')
  publishQuestionnaire(@Param('id') id: string, @CurrentUser() user: StaffUser) {
    return this.publication.publishQuestionnaire(id, user);
  }
}
