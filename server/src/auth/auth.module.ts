import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LocalAuthGuard, LoginThrottleGuard } from './guards';
import { StaffBearerStrategy, StaffLocalStrategy } from './strategies';

@Module({
  imports: [
    PassportModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [{ name: 'login', ttl: config.LOGIN_THROTTLE_WINDOW_SECONDS * 1000, limit: config.LOGIN_THROTTLE_LIMIT }],
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, StaffLocalStrategy, StaffBearerStrategy, LocalAuthGuard, LoginThrottleGuard],
  exports: [AuthService],
})
export class AuthModule {}
