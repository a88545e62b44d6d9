import { Injectable } from '@nestjs/common';
import { StaffUser } from '../auth/staff-user';
import { conflict } from '../common/errors';
import { statusLabel } from '../common/labels';
import { PrismaClient } from '../generated/prisma/client';
import { issuePartnerKey } from '../partner/partner-keys';
import { ResourceService } from '../rest/resource.service';
import { structuresResource } from './eligibility.resources';

/** Structure lifecycle after approval: suspension (scans and partner calls refused), reinstatement, partner keys. */
@Injectable()
export class StructuresService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly resources: ResourceService,
  ) {}

  async suspend(id: string, user: StaffUser, reason: string) {
    const { record } = await this.resources.runAction(structuresResource, id, user, 'suspend', async (before, { tx }) => {
      const { count } = await tx.structure.updateMany({ where: { id, status: 'ELIGIBLE' }, data: { status: 'SUSPENDED', suspendedAt: new Date(), suspensionReason: reason } });
      if (count === 0) throw conflict(`Seule une structure éligible peut être suspendue (elle est « ${statusLabel(before.status)} »).`);
      return { record: await tx.structure.findUniqueOrThrow({ where: { id } }) };
    });
    return this.resources.present(structuresResource, record, user);
  }

  async reinstate(id: string, user: StaffUser, reason: string) {
    const { record } = await this.resources.runAction(structuresResource, id, user, 'reinstate', async (before, { tx }) => {
      const { count } = await tx.structure.updateMany({ where: { id, status: 'SUSPENDED' }, data: { status: 'ELIGIBLE', suspendedAt: null, suspensionReason: `Réintégrée : ${reason}` } });
      if (count === 0) throw conflict(`Seule une structure suspendue peut être réintégrée (elle est « ${statusLabel(before.status)} »).`);
      return { record: await tx.structure.findUniqueOrThrow({ where: { id } }) };
    });
    return this.resources.present(structuresResource, record, user);
  }

  /** Revokes the structure's keys and issues a new one, shown once. */
  async reissueKey(id: string, user: StaffUser) {
    const { record, key } = await this.resources.runAction(structuresResource, id, user, 'reissue-api-key', async (before, { tx }) => {
      if (before.status !== 'ELIGIBLE' && before.status !== 'SUSPENDED') throw conflict('Seule une structure qualifiée (APTICulteur) reçoit une clé partenaire.');
      await tx.partnerApiKey.updateMany({ where: { structureId: id, revokedAt: null }, data: { revokedAt: new Date() } });
      const key = await issuePartnerKey(tx, id, user.id);
      return { record: { ...before, apiKeyPrefix: key.prefix }, key };
    });
    return {
      ...this.resources.present(structuresResource, record, user),
      partnerApiKey: { key: key.key, prefix: key.prefix, notice: 'Clé partenaire affichée une seule fois : les clés précédentes sont révoquées.' },
    };
  }

  async revokeKeys(id: string, user: StaffUser) {
    const { record } = await this.resources.runAction(structuresResource, id, user, 'revoke-api-keys', async (before, { tx }) => {
      const { count } = await tx.partnerApiKey.updateMany({ where: { structureId: id, revokedAt: null }, data: { revokedAt: new Date() } });
      return { record: { ...before, revokedApiKeys: count } };
    });
    return this.resources.present(structuresResource, record, user);
  }

  async apiKeys(id: string, user: StaffUser) {
    await this.resources.findRaw(structuresResource, id, user);
    return this.prisma.partnerApiKey.findMany({
      where: { structureId: id },
      select: { id: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdById: true },
      orderBy: { createdAt: 'desc' },
    });
  }
}
