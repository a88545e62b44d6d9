import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Public } from '../auth/decorators';
import { LocalAuthGuard, LoginThrottle, RateLimitGuard } from '../auth/guards';
import { LoginDto } from '../auth/login.dto';
import { permissionsOf } from '../auth/permissions';
import { StaffUser } from '../auth/staff-user';
import { SessionsService } from './sessions.service';

export function describeUser(user: StaffUser) {
  return { ...user, permissions: permissionsOf(user.role) };
}

@ApiTags('auth')
@Controller('api/auth')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  /** Passport local strategy, then an opaque bearer token valid TOKEN_TTL_HOURS. */
  @Public()
  @Post('login')
  @HttpCode(200)
  @LoginThrottle()
  @UseGuards(RateLimitGuard, LocalAuthGuard)
  async login(@Body() _body: LoginDto, @Req() req: Request & { user: StaffUser }) {
    return { accessToken: await this.sessions.open(req.user), user: describeUser(req.user) };
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: StaffUser) {
    return describeUser(user);
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  logout(@Req() req: Request, @CurrentUser() user: StaffUser) {
    return this.sessions.close(req.headers.authorization?.replace(/^Bearer\s+/i, ''), user);
  }
}
