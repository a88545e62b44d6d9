import { Injectable } from '@nestjs/common';
import { StaffUser } from '../auth/staff-user';
import { conflict } from '../common/errors';
import { statusLabel } from '../common/labels';
import { PrismaClient } from '../generated/prisma/client';
import { issuePartnerKey } from '../partner/partner-keys';
import { ResourceService } from '../rest/resource.service';
import { allows, STRUCTURE_WORKFLOW } from '../rules/workflows';
import { WritePath } from '../writes/write-path';
import { structuresResource } from './eligibility.resources';

/** Structure lifecycle after approval: suspension (scans and partner calls refused), reinstatement, partner keys. */
@Injectable()
export class StructuresService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: WritePath,
    private readonly resources: ResourceService,
  ) {}

  async suspend(id: string, user: StaffUser, reason: string) {
    const t = STRUCTURE_WORKFLOW.suspend;
    const { presented } = await this.writes.staff({ resource: structuresResource, id, user, action: 'suspend' }, async (before, { tx }) => {
      const { count } = await tx.structure.updateMany({ where: { id, status: { in: [...t.from] } }, data: { status: t.to, suspendedAt: new Date(), suspensionReason: reason } });
      if (count === 0) throw conflict(`Seule une structure éligible peut être suspendue (elle est « ${statusLabel(before.status)} »).`);
      return { record: await tx.structure.findUniqueOrThrow({ where: { id } }) };
    });
    return presented;
  }

  async reinstate(id: string, user: StaffUser, reason: string) {
    const t = STRUCTURE_WORKFLOW.reinstate;
    const { presented } = await this.writes.staff({ resource: structuresResource, id, user, action: 'reinstate' }, async (before, { tx }) => {
      const { count } = await tx.structure.updateMany({ where: { id, status: { in: [...t.from] } }, data: { status: t.to, suspendedAt: null, suspensionReason: `Réintégrée : ${reason}` } });
      if (count === 0) throw conflict(`Seule une structure suspendue peut être réintégrée (elle est « ${statusLabel(before.status)} »).`);
      return { record: await tx.structure.findUniqueOrThrow({ where: { id } }) };
    });
    return presented;
  }

  /** Revokes the structure's keys and issues a new one, shown once. */
  async reissueKey(id: string, user: StaffUser) {
    const { presented, key } = await this.writes.staff({ resource: structuresResource, id, user, action: 'reissue-api-key' }, async (before, { tx }) => {
      if (!allows('structures', 'reissue-api-key', before.status)) throw conflict('Seule une structure qualifiée (APTICulteur) reçoit une clé partenaire.');
      await tx.partnerApiKey.updateMany({ where: { structureId: id, revokedAt: null }, data: { revokedAt: new Date() } });
      const key = await issuePartnerKey(tx, id, user.id);
      return { record: { ...before, apiKeyPrefix: key.prefix }, key };
    });
    return {
      ...presented,
      partnerApiKey: { key: key.key, prefix: key.prefix, notice: 'Clé partenaire affichée une seule fois : les clés précédentes sont révoquées.' },
    };
  }

  async revokeKeys(id: string, user: StaffUser) {
    const { presented } = await this.writes.staff({ resource: structuresResource, id, user, action: 'revoke-api-keys' }, async (before, { tx }) => {
      const { count } = await tx.partnerApiKey.updateMany({ where: { structureId: id, revokedAt: null }, data: { revokedAt: new Date() } });
      return { record: { ...before, revokedApiKeys: count } };
    });
    return presented;
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
