import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { badRequest, conflict, notFound } from '../common/errors';
import { PrismaClient } from '../generated/prisma/client';
import { JobRunner, type JobStarter } from '../jobs/job-runner';
import { StaffUser } from '../auth/staff-user';
import { formatEuros } from '../rules/money';
import type { StatementAdjustment } from '../rules/statements';
import { allows } from '../rules/workflows';
import { WritePath } from '../writes/write-path';
import { endorsementsResource } from './endorsement.resources';
import { parsePeriod, preparationKey } from './period';
import { laterClosed } from './prepare-endorsement.job';

const required = { message: 'est obligatoire' };

export class PrepareMonthDto {
  @ApiProperty({ example: '2026-11', description: 'A Paris calendar month that has ended' })
  @IsDefined(required) @IsString({ message: 'doit être un mois AAAA-MM' }) @Matches(/^\d{4}-\d{2}$/, { message: 'doit être un mois AAAA-MM' })
  period!: string;
}

export class CloseMonthDto {
  @ApiProperty({ example: 2, description: 'The preparation confirmed (its totals were shown): refused if the draft was recomputed since' })
  @IsDefined(required) @IsInt({ message: 'doit être le numéro de la préparation confirmée' }) @Min(1, { message: 'doit être le numéro de la préparation confirmée' }) @Max(1_000_000, { message: 'numéro de préparation invalide' })
  revision!: number;
}

const starterOf = (user: StaffUser): JobStarter => ({ type: 'STAFF', id: user.id, name: user.fullName, role: user.role });

/** FINANCE's actions on a month (SPEC §3 "Endorsement"): prepare, recompute the draft, close it. The work is done by the jobs. */
@Injectable()
export class EndorsementsService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: WritePath,
    private readonly jobs: JobRunner,
  ) {}

  /** The first preparation of a month by hand (the schedule does it on the 1st): 202 with the run. */
  async prepare(dto: PrepareMonthDto, user: StaffUser) {
    const check = parsePeriod(dto.period, new Date());
    if (!check.ok) throw badRequest(check.error, { fields: { period: [check.error] } });
    const existing = await this.prisma.endorsement.findUnique({ where: { period: dto.period } });
    if (existing) throw conflict(`Le mois ${dto.period} a déjà un endossement (${existing.status === 'PREPARED' ? `brouillon n° ${existing.revision}` : existing.status}) : ouvrez-le pour le recalculer.`, { id: existing.id });
    const later = await this.prisma.endorsement.findFirst({ where: { period: { gt: dto.period }, status: { notIn: ['PREPARING', 'PREPARED'] } }, orderBy: { period: 'asc' } });
    if (later) {
      const message = laterClosed(dto.period, later.period);
      throw conflict(message.charAt(0).toUpperCase() + message.slice(1));
    }
    const { run } = await this.jobs.trigger('endorsement-prepare', dto.period, starterOf(user));
    return { period: dto.period, run };
  }

  /** A new computation of the draft (or the interrupted one taken up again): 202 with the run. */
  async recompute(id: string, user: StaffUser) {
    const e = await this.find(id);
    if (!allows('endorsements', 'recompute', e.status)) throw conflict(`L’endossement de ${e.period} est ${e.status === 'CLOSING' ? 'en clôture' : 'clos'} : il ne se recalcule plus.`);
    // PREPARING: a preparation was interrupted (or is under way): the same key takes it up, or says it is running.
    const key = preparationKey(e.period, e.status === 'PREPARED' ? e.revision + 1 : e.revision);
    const { run } = await this.jobs.trigger('endorsement-prepare', key, starterOf(user));
    return { ...(await this.find(id)), run };
  }

  /**
   * « Clôturer » after the confirmation that showed the totals of preparation `revision`: the
   * month is marked CLOSING (nothing recomputes it from then on) and the closing job does the
   * rest. A month left CLOSING by a crash is taken up again, and so is a closed month whose
   * closing stopped while rendering its PDFs (« Reprendre la clôture »).
   */
  async close(id: string, dto: CloseMonthDto, user: StaffUser) {
    const { record } = await this.writes.staff({ resource: endorsementsResource, id, user, action: 'close' }, async (before, { tx }) => {
      // Resuming a closing that stopped (a crash while CLOSING, or its PDFs once CLOSED): nothing changes here, the run goes on.
      const resumed = (run: string) => ({ record: before, action: 'resume-close', audit: { before: { status: before.status }, after: { status: before.status, run } }, change: null });
      if (before.status === 'CLOSING') return resumed('interrupted');
      if (!allows('endorsements', 'close', before.status) && before.status !== 'PREPARING') {
        const run = await tx.jobRun.findUnique({ where: { name_key: { name: 'endorsement-close', key: before.period } }, select: { status: true } });
        if (run && run.status !== 'SUCCEEDED') return resumed(run.status);
      }
      if (!allows('endorsements', 'close', before.status)) throw conflict(`L’endossement de ${before.period} ne se clôture pas : il est ${before.status === 'PREPARING' ? 'en cours de calcul' : 'déjà clos'}.`);
      if (before.revision !== dto.revision) {
        throw conflict(
          `Le brouillon de ${before.period} a été recalculé (calcul n° ${before.revision}, vous avez confirmé le n° ${dto.revision}) : vérifiez ses totaux (${formatEuros(Number(before.payableCents))} à verser), puis clôturez.`,
          { revision: before.revision },
        );
      }
      return { record: await tx.endorsement.update({ where: { id }, data: { status: 'CLOSING', closedById: user.id, closedByName: user.fullName } }) };
    });
    const { run } = await this.jobs.trigger('endorsement-close', record.period, starterOf(user));
    return { ...(await this.find(id)), run };
  }

  private async find(id: string) {
    const e = await this.prisma.endorsement.findUnique({ where: { id: typeof id === 'string' ? id.slice(0, 64) : '' } });
    if (!e) throw notFound('Endossement introuvable.');
    return e;
  }

  /** The adjustments a statement deducts (its draft's or its closing's), oldest first, with their disputes. */
  async adjustmentsOf(statementId: string): Promise<StatementAdjustment[]> {
    const id = typeof statementId === 'string' ? statementId.slice(0, 64) : '';
    const statement = await this.prisma.statement.findUnique({ where: { id }, select: { id: true } });
    if (!statement) throw notFound('Relevé introuvable.');
    const rows = await this.prisma.adjustment.findMany({
      where: { statementId: statement.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, amountCents: true, reason: true, disputeId: true, createdAt: true, dispute: { select: { reference: true } } },
    });
    return rows.map((a) => ({ id: a.id, amountCents: a.amountCents, reason: a.reason, disputeId: a.disputeId, disputeReference: a.dispute?.reference ?? null, createdAt: a.createdAt.toISOString() }));
  }
}
