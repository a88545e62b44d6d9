import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CurrentUser, RequirePermission } from '../auth/decorators';
import { canFollowJob, canStartJob, isJobName } from '../auth/permissions';
import { StaffUser } from '../auth/staff-user';
import { badRequest, conflict, forbidden, notFound } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { PrismaClient } from '../generated/prisma/client';
import { JobRunner } from './job-runner';
import { ROLE_LABELS } from '../rules/roles';

export class StartJobRunDto {
  @ApiPropertyOptional({ description: 'Ce sur quoi porte le passage (un jour, un mois) ; par défaut celui de la planification.', example: '2026-12-03' })
  @IsOptional()
  @MaxLength(40, { message: '40 caractères au plus' })
  @IsString({ message: 'doit être un texte' })
  key?: string;
}

/** Long jobs: which exist for this role, and starting one by hand (runs are listed by /api/job-runs). */
@ApiTags('jobs')
@ApiBearerAuth()
@Controller('api/jobs')
export class JobsController {
  constructor(
    private readonly runner: JobRunner,
    private readonly prisma: PrismaClient,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @RequirePermission('job-runs', 'R')
  async list(@CurrentUser() user: StaffUser) {
    const now = new Date();
    const visible = this.runner.definitions.filter((def) => canFollowJob(user.role, def.name));
    return Promise.all(
      visible.map(async (def) => ({
        name: def.name,
        label: def.label,
        keyDescription: def.keyDescription,
        defaultKey: def.defaultKey(now),
        steps: def.steps.map((s) => ({ name: s.name, label: s.label })),
        schedule: def.cronSetting && this.config.JOBS_SCHEDULE_ENABLED ? { cron: this.config[def.cronSetting], timeZone: this.config.JOBS_TIME_ZONE } : null,
        canStart: !def.startedFrom && canStartJob(user.role, def.name),
        startedFrom: def.startedFrom ?? null,
        lastRun: await this.prisma.jobRun.findFirst({ where: { name: def.name }, orderBy: { startedAt: 'desc' } }),
      })),
    );
  }

  /** 202 with the run once claimed (started, or resumed where it stopped); 409 when it is running or done. */
  @Post(':name/runs')
  @HttpCode(202)
  @RequirePermission('job-runs', 'R')
  async start(@Param('name') name: string, @Body() body: StartJobRunDto, @CurrentUser() user: StaffUser) {
    const def = isJobName(name) ? this.runner.definition(name) : undefined;
    if (!def) throw notFound(`Tâche inconnue : « ${name.slice(0, 60)} ».`);
    if (!canStartJob(user.role, name)) throw forbidden(`Votre rôle (${ROLE_LABELS[user.role]}) ne permet pas de lancer la tâche « ${def.label} ».`);
    if (def.startedFrom) throw conflict(`La tâche « ${def.label} » se lance ${def.startedFrom}.`, { job: def.name });
    const key = body.key?.trim() || def.defaultKey(new Date());
    const check = def.parseKey(key, new Date());
    if (!check.ok) throw badRequest(`Clé refusée pour « ${def.label} » : ${check.error} Attendu : ${def.keyDescription}.`, { fields: { key: [check.error] } });
    const { run, outcome } = await this.runner.trigger(def.name, key, { type: 'STAFF', id: user.id, name: user.fullName, role: user.role });
    return { outcome, run };
  }
}
