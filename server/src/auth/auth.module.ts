import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import type { RedisClient } from '../redis/redis';
import { REDIS_CLIENT } from '../redis/redis.module';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { AuthService } from './auth.service';
import { clientAddress, LocalAuthGuard, RateLimitGuard, throttleKindOf } from './guards';
import { StaffBearerStrategy, StaffLocalStrategy } from './strategies';

@Module({
  imports: [
    PassportModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, { token: REDIS_CLIENT, optional: true }],
      useFactory: (config: AppConfig, redis?: RedisClient) => ({
        // In Redis when configured: the limits hold across instances, not per instance.
        storage: redis ? new RedisThrottlerStorage(redis, `${config.REDIS_PREFIX}:throttle`) : undefined,
        throttlers: [
        { name: 'login', ttl: config.LOGIN_THROTTLE_WINDOW_SECONDS * 1000, limit: config.LOGIN_THROTTLE_LIMIT, skipIf: (ctx) => throttleKindOf(ctx) !== 'login' },
        // One address trying one password on many accounts: a wider limit per address alone.
        {
          name: 'login-address',
          ttl: config.LOGIN_THROTTLE_WINDOW_SECONDS * 1000,
          limit: config.LOGIN_THROTTLE_LIMIT * 5,
          skipIf: (ctx) => throttleKindOf(ctx) !== 'login',
          getTracker: (req) => clientAddress(req),
        },
        { name: 'public', ttl: 3600_000, limit: config.PUBLIC_SUBMISSIONS_PER_HOUR, skipIf: (ctx) => throttleKindOf(ctx) !== 'public' },
        ],
      }),
    }),
  ],
  providers: [AuthService, StaffLocalStrategy, StaffBearerStrategy, LocalAuthGuard, RateLimitGuard],
  exports: [AuthService, RateLimitGuard],
})
export class AuthModule {}
