import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import * as ipaddr from 'ipaddr.js';
import { AppErrorCode, AppException } from '../common/errors';
import { requestContext } from '../common/request-context';
import { validateBody } from '../common/validation';
import { LoginDto } from './login.dto';
import { tokenOutsideHeader } from './header-bearer.strategy';
import { IS_PUBLIC, PERMISSION } from './decorators';
import { accessOf, PermissionName } from './permissions';
import { StaffUser } from './staff-user';
import { ROLE_LABELS } from '../rules/roles';

/** Global: every route needs a valid staff bearer token unless marked @Public(). */
@Injectable()
export class StaffAuthGuard extends AuthGuard('staff-bearer') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (!req.headers.authorization && tokenOutsideHeader(req)) {
      throw new AppException(AppErrorCode.UNAUTHENTICATED, 'Le jeton de session ne se transmet que dans l’en-tête « Authorization: Bearer … », jamais dans l’adresse ni dans le corps.');
    }
    return super.canActivate(context);
  }

  override handleRequest<T = StaffUser>(error: unknown, user: T | false): T {
    if (error) throw error;
    if (!user) throw new AppException(AppErrorCode.UNAUTHENTICATED, 'Authentification requise : jeton absent, invalide ou expiré. Reconnectez-vous.');
    const staff = user as unknown as StaffUser;
    requestContext.setActor({ type: 'STAFF', id: staff.id, name: staff.fullName, role: staff.role });
    return user;
  }
}

/** Global: checks @RequirePermission(resource, access) against the role matrix. */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const required = this.reflector.getAllAndOverride<{ resource: PermissionName; access: 'R' | 'W' } | undefined>(PERMISSION, [
      context.getHandler(),
      context.getClass(),
    ]);
    const adminOnly = this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, [context.getHandler(), context.getClass()]);
    if (!required && !adminOnly) return true;
    const user = context.switchToHttp().getRequest().user as StaffUser | undefined;
    if (user && adminOnly && user.role !== 'ADMIN') {
      throw new AppException(AppErrorCode.FORBIDDEN, 'Action réservée aux administrateurs.');
    }
    if (!required) return true;
    if (!user) throw new AppException(AppErrorCode.UNAUTHENTICATED, 'Authentification requise.');
    const granted = accessOf(user.role, required.resource);
    if (!granted || (required.access === 'W' && granted !== 'W')) {
      const what = required.access === 'W' ? 'modifier' : 'consulter';
      throw new AppException(AppErrorCode.FORBIDDEN, `Votre rôle (${ROLE_LABELS[user.role]}) ne permet pas de ${what} « ${required.resource} ».`, {
        resource: required.resource,
        required: required.access,
      });
    }
    return true;
  }
}

/** Checks the body's shape first, so a malformed login is a 400 naming the field, not a 401. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    await validateBody(LoginDto, context.switchToHttp().getRequest().body);
    return (await super.canActivate(context)) as boolean;
  }
}

export const THROTTLE = 'aptic:throttle';
export type ThrottleKind = 'login' | 'public';

/** Login attempts are counted per e-mail and client address (see RateLimitGuard). */
export const LoginThrottle = () => SetMetadata(THROTTLE, 'login');
/** Public submissions are counted per client address. */
export const PublicThrottle = () => SetMetadata(THROTTLE, 'public');

/**
 * Rate limits (@nestjs/throttler): each named throttler applies only to the routes marked for it.
 * Counters live in this instance's memory: behind a load balancer the limits apply per instance.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
    return `${clientAddress(req)}|${email}`;
  }

  /** 429 in French, with the standard Retry-After header (the throttler only sets Retry-After-<name>). */
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire || detail.timeToExpire || 1));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    const what = throttleKindOf(context) === 'public' ? 'Trop d’envois depuis votre adresse' : 'Trop de tentatives de connexion';
    throw new AppException(AppErrorCode.TOO_MANY_REQUESTS, `${what}. Réessayez dans ${describeDelay(seconds)}.`, { retryAfterSeconds: seconds });
  }
}

function describeDelay(seconds: number): string {
  if (seconds < 120) return seconds === 1 ? '1 seconde' : `${seconds} secondes`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * The client a rate limit counts: the address Express trusts (the socket's peer, or what a proxy
 * named in TRUSTED_PROXIES says), one spelling per address ("::ffff:10.0.0.1" is 10.0.0.1). An
 * IPv6 client counts as its /64 network: one subscriber line holds 2^64 addresses to rotate through.
 */
export function clientAddress(req: Record<string, any>): string {
  const raw = String(req.ip ?? '');
  if (!ipaddr.isValid(raw)) return raw;
  const address = ipaddr.process(raw);
  if (address.kind() === 'ipv4') return address.toString();
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(':')}::/64`;
}

export function throttleKindOf(context: ExecutionContext): ThrottleKind | undefined {
  return Reflect.getMetadata(THROTTLE, context.getHandler());
}

/** ADMIN only, beyond the role matrix (e.g. partner keys). */
export const ADMIN_ONLY = 'aptic:admin-only';
export const AdminOnly = () => SetMetadata(ADMIN_ONLY, true);
