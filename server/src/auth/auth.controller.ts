import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Public } from './decorators';
import { LocalAuthGuard, LoginThrottle, RateLimitGuard } from './guards';
import { AuthService } from './auth.service';
import { permissionsOf } from './permissions';
import { StaffUser } from './staff-user';
import { LoginDto } from './login.dto';
import { RealtimeService } from '../realtime/realtime.service';

export function describeUser(user: StaffUser) {
  return { ...user, permissions: permissionsOf(user.role) };
}

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly realtime: RealtimeService,
  ) {}

  /** Passport local strategy, then an opaque bearer token valid TOKEN_TTL_HOURS. */
  @Public()
  @Post('login')
  @HttpCode(200)
  @LoginThrottle()
  @UseGuards(RateLimitGuard, LocalAuthGuard)
  async login(@Body() _body: LoginDto, @Req() req: Request & { user: StaffUser }) {
    const accessToken = await this.auth.openSession(req.user);
    return { accessToken, user: describeUser(req.user) };
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: StaffUser) {
    return describeUser(user);
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @CurrentUser() user: StaffUser) {
    const token = req.headers.authorization?.replace(/^Bearer\s+/i, '');
    const sessionId = token ? await this.auth.closeSession(token, user) : null;
    // The session's live sockets end with it.
    if (sessionId) this.realtime.disconnectRoom(`session/${sessionId}`);
  }
}
