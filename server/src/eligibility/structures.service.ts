import { Injectable } from '@nestjs/common';
import { StaffUser } from '../auth/staff-user';
import { AppErrorCode, AppException, conflict } from '../common/errors';
import { seesFullIban } from '../auth/permissions';
import { maskIban } from '../rest/masking';
import { bankChangeDecisionRefusal } from './bank-changes.rules';
import { bankAudit } from './structures.writers';
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

  /** The structure's bank details change waiting for a second person, if any (IBAN masked as on the structure). */
  async pendingBankChange(id: string, user: StaffUser) {
    await this.resources.findRaw(structuresResource, id, user);
    const change = await this.prisma.bankDetailsChange.findFirst({ where: { structureId: id, status: 'PENDING' } });
    if (!change) return { pending: null };
    const refusal = bankChangeDecisionRefusal(user, change);
    return {
      pending: {
        id: change.id,
        bankHolder: change.bankHolder,
        iban: seesFullIban(user.role, 'structures') ? change.iban : maskIban(change.iban),
        bic: change.bic,
        requestedById: change.requestedById,
        requestedByName: change.requestedByName,
        requestedAt: change.requestedAt,
        mayDecide: refusal === null,
        refusal: refusal?.message ?? null,
      },
    };
  }

  /** Second pair of eyes: the new details replace the structure's (and from now on payouts use them). */
  confirmBankChange(id: string, user: StaffUser, comment?: string) {
    return this.decideBankChange(id, user, 'CONFIRMED', comment);
  }

  /** The structure keeps its current details. */
  rejectBankChange(id: string, user: StaffUser, comment?: string) {
    return this.decideBankChange(id, user, 'REJECTED', comment);
  }

  private async decideBankChange(id: string, user: StaffUser, status: 'CONFIRMED' | 'REJECTED', comment?: string) {
    const action = status === 'CONFIRMED' ? 'confirm-bank-change' : 'reject-bank-change';
    const { presented } = await this.writes.staff({ resource: structuresResource, id, user, action }, async (before, { tx }) => {
      const change = await tx.bankDetailsChange.findFirst({ where: { structureId: id, status: 'PENDING' } });
      const refusal = bankChangeDecisionRefusal(user, change);
      if (refusal) throw new AppException(refusal.status === 403 ? AppErrorCode.FORBIDDEN : AppErrorCode.CONFLICT, refusal.message);
      const decided = { status, decidedById: user.id, decidedByName: user.fullName, decidedAt: new Date(), decisionComment: comment ?? null };
      // Conditional: two deciders at once, only one wins.
      const { count } = await tx.bankDetailsChange.updateMany({ where: { id: change!.id, status: 'PENDING' }, data: decided });
      if (count === 0) throw conflict("Ce changement de coordonnées bancaires vient d'être traité par quelqu'un d'autre.");
      const next = { bankHolder: change!.bankHolder, iban: change!.iban, bic: change!.bic };
      // A refusal touches the structure too, so pages showing it fetch its pending change again.
      const record = await tx.structure.update({ where: { id }, data: status === 'CONFIRMED' ? next : { updatedAt: new Date() } });
      return {
        record,
        audit: {
          before: bankAudit(before),
          after: { ...bankAudit(next), requestedBy: change!.requestedByName, ...(comment ? { comment } : {}) },
        },
      };
    });
    return presented;
  }
}
