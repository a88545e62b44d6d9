import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { hashToken } from '../auth/tokens';
import { AppErrorCode, AppException } from '../common/errors';
import { requestContext } from '../common/request-context';
import { PrismaClient } from '../generated/prisma/client';

export interface PartnerIdentity {
  keyId: string;
  structureId: string;
  structureName: string;
}

/**
 * Partner (structure) calls: "Authorization: Bearer apk_…". Revoked keys are refused (401);
 * a structure that is not ELIGIBLE (suspended, rejected, applying) is refused (403).
 */
@Injectable()
export class PartnerAuthGuard implements CanActivate {
  constructor(private readonly prisma: PrismaClient) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest();
    const header = req.headers.authorization;
    const key = typeof header === 'string' ? header.replace(/^Bearer\s+/i, '') : '';
    if (!/^apk_[0-9a-f]{10}_[A-Za-z0-9_-]{20,100}$/.test(key)) {
      throw new AppException(AppErrorCode.UNAUTHENTICATED, 'Clé partenaire absente ou mal formée : « Authorization: Bearer apk_… ».');
    }
    const row = await this.prisma.partnerApiKey.findUnique({ where: { keyHash: hashToken(key) }, include: { structure: { select: { id: true, name: true, status: true } } } });
    if (!row || row.revokedAt) throw new AppException(AppErrorCode.UNAUTHENTICATED, 'Clé partenaire inconnue ou révoquée : demandez une nouvelle clé à l’équipe APTIC.');
    if (row.structure.status !== 'ELIGIBLE') {
      const why = row.structure.status === 'SUSPENDED' ? 'est suspendue' : 'n’est pas (ou plus) APTICulteur';
      throw new AppException(AppErrorCode.FORBIDDEN, `La structure ${row.structure.name} ${why} : ses appels sont refusés.`);
    }
    const partner: PartnerIdentity = { keyId: row.id, structureId: row.structure.id, structureName: row.structure.name };
    req.partner = partner;
    requestContext.setActor({ type: 'PARTNER', id: row.structure.id, name: row.structure.name, structureId: row.structure.id });
    // Last use, at most once a minute per key: no write on every call.
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
      await this.prisma.partnerApiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
    }
    return true;
  }
}

export const CurrentPartner = createParamDecorator((_: unknown, ctx: ExecutionContext): PartnerIdentity => ctx.switchToHttp().getRequest().partner);
