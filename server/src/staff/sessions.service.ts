import { Injectable } from '@nestjs/common';
import { StaffUser } from '../auth/staff-user';
import { hashToken, newToken } from '../auth/tokens';
import { requestContext } from '../common/request-context';
import { AppConfig } from '../config/app-config';
import { PrismaClient } from '../generated/prisma/client';
import { RealtimeService } from '../realtime/realtime.service';
import { WritePath } from '../writes/write-path';
import { usersResource } from './staff.resources';

/** Staff sessions: a login opens one (part of the user's history), a logout ends it and its live sockets. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly config: AppConfig,
    private readonly writes: WritePath,
    private readonly realtime: RealtimeService,
  ) {}

  /** Opens a session; the login is part of the user's history (audit event "login"). */
  async open(user: StaffUser): Promise<string> {
    const token = newToken('aptic');
    const expiresAt = new Date(Date.now() + this.config.TOKEN_TTL_HOURS * 3600_000);
    requestContext.setActor({ type: 'STAFF', id: user.id, name: user.fullName, role: user.role });
    // Not an edit of the account: no edit lock (an ADMIN editing the account does not stop its owner logging in).
    await this.writes.staffCreate({ resource: usersResource, user, action: 'login' }, async ({ tx }) => {
      const session = await tx.staffSession.create({ data: { userId: user.id, tokenHash: hashToken(token), expiresAt } });
      const record = await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: session.createdAt } });
      return { record, audit: { after: { sessionId: session.id, expiresAt } }, change: null };
    });
    return token;
  }

  /** Ends a session (logout), and then its live sockets. */
  async close(token: string | undefined, user: StaffUser): Promise<void> {
    const session = token ? await this.prisma.staffSession.findUnique({ where: { tokenHash: hashToken(token) } }) : null;
    if (!session || session.revokedAt) return;
    await this.writes.staffCreate({ resource: usersResource, user, action: 'logout' }, async (ctx) => {
      await ctx.tx.staffSession.update({ where: { id: session.id }, data: { revokedAt: new Date() } });
      ctx.afterCommit(() => this.realtime.disconnectRoom(`session/${session.id}`));
      const record = await ctx.tx.user.findUniqueOrThrow({ where: { id: user.id } });
      return { record, audit: { after: { sessionId: session.id } }, change: null };
    });
  }
}
