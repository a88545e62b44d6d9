import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LocalAuthGuard, RateLimitGuard, throttleKindOf } from './guards';
import { StaffBearerStrategy, StaffLocalStrategy } from './strategies';

@Module({
  imports: [
    PassportModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [
        { name: 'login', ttl: config.LOGIN_THROTTLE_WINDOW_SECONDS * 1000, limit: config.LOGIN_THROTTLE_LIMIT, skipIf: (ctx) => throttleKindOf(ctx) !== 'login' },
        // One address trying one password on many accounts: a wider limit per address alone.
        {
          name: 'login-address',
          ttl: config.LOGIN_THROTTLE_WINDOW_SECONDS * 1000,
          limit: config.LOGIN_THROTTLE_LIMIT * 5,
          skipIf: (ctx) => throttleKindOf(ctx) !== 'login',
          getTracker: (req) => String(req.ip),
        },
        { name: 'public', ttl: 3600_000, limit: config.PUBLIC_SUBMISSIONS_PER_HOUR, skipIf: (ctx) => throttleKindOf(ctx) !== 'public' },
      ],
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, StaffLocalStrategy, StaffBearerStrategy, LocalAuthGuard, RateLimitGuard],
  exports: [AuthService, RateLimitGuard],
})
export class AuthModule {}
