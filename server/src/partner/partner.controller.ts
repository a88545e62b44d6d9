import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { AuditedTransactions } from '../audit/audited-transaction';
import { Public } from '../auth/decorators';
import { conflict } from '../common/errors';
import { CurrentVersions } from '../eligibility/charters.service';
import { CharterSignatureDto } from '../eligibility/dto/application.dto';
import { PrismaClient } from '../generated/prisma/client';
import { CurrentPartner, PartnerAuthGuard, PartnerIdentity } from './partner-auth.guard';

class SignCharterDto {
  @IsDefined({ message: 'la charte doit être signée' }) @IsObject({ message: 'doit être un objet' }) @ValidateNested() @Type(() => CharterSignatureDto) charter!: CharterSignatureDto;
}

/** The structures' own API (SPEC §4 "Partner API"): each key sees only its structure. */
@ApiTags('partner')
@ApiBearerAuth()
@Controller('api/partner')
@Public()
@UseGuards(PartnerAuthGuard)
export class PartnerController {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly transactions: AuditedTransactions,
    private readonly current: CurrentVersions,
  ) {}

  @Get('me')
  async me(@CurrentPartner() partner: PartnerIdentity) {
    const [s, charter] = await Promise.all([
      this.prisma.structure.findUniqueOrThrow({ where: { id: partner.structureId } }),
      this.current.charter(),
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
    };
  }

  /** Re-signature of the charter in force after a new version was published. */
  @Post('charter-signature')
  @HttpCode(201)
  async sign(@CurrentPartner() partner: PartnerIdentity, @Body() dto: SignCharterDto) {
    const charter = await this.current.charter();
    if (!charter || dto.charter.version !== charter.version) throw conflict(`La charte en vigueur est la version ${charter?.version ?? '?'} : signez celle-ci.`);
    return this.transactions.run(async (ctx) => {
      const before = await ctx.tx.structure.findUniqueOrThrow({ where: { id: partner.structureId } });
      const signature = await ctx.tx.charterSignature.create({
        data: { charterId: charter.id, structureId: partner.structureId, signatoryName: dto.charter.signatoryName, signatoryRole: dto.charter.signatoryRole ?? null },
      });
      const after = await ctx.tx.structure.update({ where: { id: partner.structureId }, data: { signedCharterVersion: charter.version, charterResignatureNeeded: false } });
      await ctx.record({ action: 'sign-charter', resource: 'structures', recordId: partner.structureId, before, after });
      await ctx.record({ action: 'create', resource: 'charter-signatures', recordId: signature.id, after: signature });
      return { id: signature.id, charterVersion: charter.version, signedAt: signature.signedAt };
    });
  }
}
