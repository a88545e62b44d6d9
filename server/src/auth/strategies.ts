import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { AppErrorCode, AppException } from '../common/errors';
import { AuthService } from './auth.service';
import { HeaderBearerStrategy } from './header-bearer.strategy';
import { StaffUser } from './staff-user';

@Injectable()
export class StaffLocalStrategy extends PassportStrategy(LocalStrategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  async validate(email: string, password: string): Promise<StaffUser> {
    const user = await this.auth.checkCredentials(email, password);
    if (!user) throw new AppException(AppErrorCode.UNAUTHENTICATED, 'E-mail ou mot de passe incorrect, ou compte désactivé.');
    return user;
  }
}

@Injectable()
export class StaffBearerStrategy extends PassportStrategy(HeaderBearerStrategy, 'staff-bearer') {
  constructor(private readonly auth: AuthService) {
    super();
  }

  async validate(token: string): Promise<StaffUser | false> {
    return (await this.auth.resolveToken(token)) ?? false;
  }
}
