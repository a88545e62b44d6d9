import { Injectable } from '@nestjs/common';
import * as bcrypt from 'bcryptjs';
import { fitsBcrypt } from '../common/validators';
import { AppConfig } from '../config/app-config';
import { PrismaClient } from '../generated/prisma/client';
import { StaffUser } from './staff-user';
import { hashToken } from './tokens';

// Compared against when the e-mail is unknown, so a wrong e-mail costs as long as a wrong password.
const DUMMY_HASH = bcrypt.hashSync('aptic-dummy-password', 10);

@Injectable()
export class AuthService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly config: AppConfig,
  ) {}

  hashPassword(password: string): Promise<string> {
    return bcrypt.hash(password, this.config.BCRYPT_ROUNDS);
  }

  /** The active staff member with these credentials, or null. */
  async checkCredentials(email: string, password: string): Promise<StaffUser | null> {
    const user = await this.prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
    // bcrypt would compare only the first 72 bytes: a longer password is never the stored one.
    const ok = (await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH)) && fitsBcrypt(password);
    if (!user || !ok || !user.active) return null;
    return toStaffUser(user);
  }

  /** The live session behind a bearer token, or null when unknown, expired, revoked or deactivated. */
  async resolveSession(token: string | undefined | null): Promise<{ user: StaffUser; sessionId: string; expiresAt: Date } | null> {
    if (!token || typeof token !== 'string' || token.length > 200) return null;
    // One round trip on every request: the session and its user in one join (Prisma's `include`
    // runs two queries one after the other). Nothing is cached, so a logout, a deactivation or a
    // new role holds from the very next request.
    const rows = await this.prisma.$queryRaw<(StaffUser & { sessionId: string; expiresAt: Date; revokedAt: Date | null; active: boolean })[]>`
      SELECT s."id" AS "sessionId", s."expiresAt", s."revokedAt", u."id", u."email", u."fullName", u."role"::text AS "role", u."active"
        FROM "StaffSession" s JOIN "User" u ON u."id" = s."userId"
       WHERE s."tokenHash" = ${hashToken(token)}`;
    const session = rows[0];
    if (!session || session.revokedAt || new Date(session.expiresAt) <= new Date() || !session.active) return null;
    return { user: toStaffUser(session), sessionId: session.sessionId, expiresAt: new Date(session.expiresAt) };
  }

  /** The staff member behind a bearer token, or null. */
  async resolveToken(token: string | undefined | null): Promise<StaffUser | null> {
    return (await this.resolveSession(token))?.user ?? null;
  }
}

export function toStaffUser(user: { id: string; email: string; fullName: string; role: StaffUser['role'] }): StaffUser {
  return { id: user.id, email: user.email, fullName: user.fullName, role: user.role };
}
