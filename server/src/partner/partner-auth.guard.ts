import { CanActivate, createParamDecorator, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hashToken } from '../auth/tokens';
import { AppErrorCode, AppException } from '../common/errors';
import { requestContext } from '../common/request-context';
import type { Database } from '../database/database';
import { PrismaClient } from '../generated/prisma/client';
import type { StructureStatus } from '../generated/prisma/enums';

export interface PartnerIdentity {
  keyId: string;
  structureId: string;
  structureName: string;
  /** ELIGIBLE, except on routes marked @RecordsIneligible() (a suspended structure's scans). */
  structureStatus: StructureStatus;
}

const RECORDS_INELIGIBLE = 'partner:records-ineligible';
/**
 * A route that still takes calls from a structure no longer eligible (suspended), so that what it
 * tried is recorded and refused there (redemptions: STRUCTURE_NOT_ELIGIBLE, SPEC §3 "Scanning").
 */
export const RecordsIneligible = () => SetMetadata(RECORDS_INELIGIBLE, true);

/**
 * Partner (structure) calls: "Authorization: Bearer apk_…". Revoked keys are refused (401);
 * a structure that is not ELIGIBLE (suspended, rejected, applying) is refused (403), except on
 * routes marked @RecordsIneligible(), which refuse it themselves after recording the attempt.
 */
@Injectable()
export class PartnerAuthGuard implements CanActivate {
  constructor(
    private readonly prisma: PrismaClient,
    @Inject('DATABASE') private readonly db: Database,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest();
    const header = req.headers.authorization;
    const key = typeof header === 'string' ? header.replace(/^Bearer\s+/i, '') : '';
    if (!/^apk_[0-9a-f]{10}_[A-Za-z0-9_-]{20,100}$/.test(key)) {
      throw new AppException(AppErrorCode.UNAUTHENTICATED, 'Clé partenaire absente ou mal formée : « Authorization: Bearer apk_… ».');
    }
    // One statement (every scan comes through here): the key and its structure.
    const [row] = await this.db.sql<{ id: string; revokedAt: Date | null; lastUsedAt: Date | null; structureId: string; name: string; status: StructureStatus }>`
      SELECT k.id, k."revokedAt", k."lastUsedAt", s.id AS "structureId", s.name, s.status
        FROM "PartnerApiKey" k JOIN "Structure" s ON s.id = k."structureId"
       WHERE k."keyHash" = ${hashToken(key)}`;
    if (!row || row.revokedAt) throw new AppException(AppErrorCode.UNAUTHENTICATED, 'Clé partenaire inconnue ou révoquée : demandez une nouvelle clé à l’équipe APTIC.');
    const recordsIneligible = this.reflector.getAllAndOverride<boolean>(RECORDS_INELIGIBLE, [context.getHandler(), context.getClass()]) === true;
    if (row.status !== 'ELIGIBLE' && !(recordsIneligible && row.status === 'SUSPENDED')) {
      const why = row.status === 'SUSPENDED' ? 'est suspendue' : 'n’est pas (ou plus) APTICulteur';
      throw new AppException(AppErrorCode.FORBIDDEN, `La structure ${row.name} ${why} : ses appels sont refusés.`);
    }
    const partner: PartnerIdentity = { keyId: row.id, structureId: row.structureId, structureName: row.name, structureStatus: row.status };
    req.partner = partner;
    requestContext.setActor({ type: 'PARTNER', id: row.structureId, name: row.name, structureId: row.structureId });
    // Last use, at most once a minute per key: no write on every call.
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
      await this.prisma.partnerApiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
    }
    return true;
  }
}

export const CurrentPartner = createParamDecorator((_: unknown, ctx: ExecutionContext): PartnerIdentity => ctx.switchToHttp().getRequest().partner);
