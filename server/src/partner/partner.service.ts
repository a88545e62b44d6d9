import { Injectable } from '@nestjs/common';
import { conflict } from '../common/errors';
import { CurrentVersions } from '../eligibility/charters.service';
import { CharterSignatureDto } from '../eligibility/dto/application.dto';
import { structuresResource } from '../eligibility/eligibility.resources';
import { PrismaClient } from '../generated/prisma/client';
import { WritePath } from '../writes/write-path';
import { PartnerIdentity } from './partner-auth.guard';

/** What a structure reads and signs about itself through its partner key. */
@Injectable()
export class PartnerService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: WritePath,
    private readonly current: CurrentVersions,
  ) {}

  async me(partner: PartnerIdentity) {
    const [s, charter, locations] = await Promise.all([
      this.prisma.structure.findUniqueOrThrow({ where: { id: partner.structureId } }),
      this.current.charter(),
      this.prisma.location.findMany({
        where: { structureId: partner.structureId, active: true },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        select: { id: true, name: true, addressLine: true, postalCode: true, city: true },
      }),
    ]);
    return {
      id: s.id,
      name: s.name,
      siret: s.siret,
      status: s.status,
      departement: s.departement,
      signedCharterVersion: s.signedCharterVersion,
      charterInForce: charter?.version ?? null,
      charterResignatureNeeded: s.charterResignatureNeeded,
      locations,
    };
  }

  /** Re-signature of the charter in force after a new version was published. */
  async signCharter(partner: PartnerIdentity, signed: CharterSignatureDto) {
    const charter = await this.current.charter();
    if (!charter || signed.version !== charter.version) throw conflict(`La charte en vigueur est la version ${charter?.version ?? '?'} : signez celle-ci.`);
    const plan = { resource: structuresResource, id: partner.structureId, action: 'sign-charter', by: { kind: 'partner' as const, structureId: partner.structureId } };
    const { signature } = await this.writes.outside(plan, async (_before, ctx) => {
      const signature = await ctx.tx.charterSignature.create({
        data: { charterId: charter.id, structureId: partner.structureId, signatoryName: signed.signatoryName, signatoryRole: signed.signatoryRole ?? null },
      });
      await ctx.record({ action: 'create', resource: 'charter-signatures', recordId: signature.id, after: signature });
      const record = await ctx.tx.structure.update({ where: { id: partner.structureId }, data: { signedCharterVersion: charter.version, charterResignatureNeeded: false } });
      return { record, signature };
    });
    return { id: signature.id, charterVersion: charter.version, signedAt: signature.signedAt };
  }
}
