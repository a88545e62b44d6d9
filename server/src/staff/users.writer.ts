import { Injectable } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import { StaffUser } from '../auth/staff-user';
import { conflict } from '../common/errors';
import { Prisma, User } from '../generated/prisma/client';
import { RealtimeService } from '../realtime/realtime.service';
import { ResourceWriter } from '../writes/resource-writes';
import { WriteContext } from '../writes/write-path';
import { accountAction, endsSessions, selfLockout } from './accounts.rules';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';

/**
 * Staff accounts (ADMIN only). Accounts are never deleted — their name stays on the audit log —
 * DELETE deactivates. Deactivating, or changing the role, ends the account's sessions.
 */
@Injectable()
export class UsersWriter implements ResourceWriter<'User', CreateUserDto, UpdateUserDto> {
  createDto = CreateUserDto;
  updateDto = UpdateUserDto;

  constructor(
    private readonly auth: AuthService,
    private readonly realtime: RealtimeService,
  ) {}

  async create(dto: CreateUserDto, { tx }: WriteContext) {
    const existing = await tx.user.findUnique({ where: { email: dto.email } });
    if (existing) throw conflict(`Un compte existe déjà pour ${dto.email}.`, { field: 'email' });
    const passwordHash = await this.auth.hashPassword(dto.password);
    const record = await tx.user.create({ data: { email: dto.email, fullName: dto.fullName, role: dto.role, passwordHash } });
    return { record };
  }

  async update(id: string, dto: UpdateUserDto, before: User, ctx: WriteContext, actor: StaffUser) {
    const { tx } = ctx;
    const change = { role: dto.role, active: dto.active, password: dto.password !== undefined };
    if (selfLockout(id, change, actor)) {
      throw conflict('Vous ne pouvez ni désactiver votre propre compte ni changer votre propre rôle : demandez à un autre administrateur.');
    }
    const data: Prisma.UserUpdateInput = {};
    if (dto.fullName !== undefined) data.fullName = dto.fullName;
    if (dto.role !== undefined) data.role = dto.role;
    if (dto.active !== undefined) data.active = dto.active;
    if (dto.password !== undefined) data.passwordHash = await this.auth.hashPassword(dto.password);
    const updated = await tx.user.update({ where: { id }, data });
    if (endsSessions(before, change)) await this.endSessions(id, ctx);
    const action = accountAction(before, change);
    // The hash never reaches the log; that the password changed does.
    const record = dto.password !== undefined ? { ...updated, passwordChanged: true } : updated;
    return { record, action };
  }

  async remove(id: string, before: User, ctx: WriteContext, actor: StaffUser) {
    if (id === actor.id) throw conflict('Vous ne pouvez pas désactiver votre propre compte.');
    const record = await ctx.tx.user.update({ where: { id }, data: { active: false } });
    if (before.active) await this.endSessions(id, ctx);
    return { record, action: 'deactivate' };
  }

  private async endSessions(userId: string, ctx: WriteContext) {
    await ctx.tx.staffSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    // Live sockets too, once the sessions are really revoked.
    ctx.afterCommit(() => this.realtime.disconnectUser(userId));
  }
}
