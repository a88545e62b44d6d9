import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { JobName } from '../auth/permissions';
import { AppConfig } from '../config/app-config';
import { expirePassesJob } from '../emission/expire-passes.job';
import { createResourceController } from '../writes/resource-controller.factory';
import { JobDefinition } from './job-definition';
import { JOB_DEFINITIONS, JobRunner } from './job-runner';
import { jobRunsResource } from './job-runs.resource';
import { JobScheduler } from './job-scheduler';
import { JobsController } from './jobs.controller';
import { purgeSessionsJob } from './purge-sessions.job';
import { issueOrderJob } from '../emission/issue-order.job';
import { closeEndorsementJob } from '../endorsement/close-endorsement.job';
import { prepareEndorsementJob } from '../endorsement/prepare-endorsement.job';
import { reconcileLedgerJob } from '../reports/reconcile-ledger.job';
import { PdfRenderer } from '../documents/pdf-renderer';

/** Every job staff, sockets and the schedule can reach: one per name of JOB_NAMES (some need the configuration). */
export function jobs(config: AppConfig, renderer: PdfRenderer): Record<JobName, JobDefinition<any>> {
  const all: Record<JobName, JobDefinition<any>> = {
    'purge-sessions': purgeSessionsJob,
    'issue-order': issueOrderJob,
    'expire-passes': expirePassesJob(config),
    'endorsement-prepare': prepareEndorsementJob,
    'endorsement-close': closeEndorsementJob(config, renderer),
    'reconcile-ledger': reconcileLedgerJob,
  };
  for (const [name, def] of Object.entries(all)) {
    if (def.name !== name) throw new Error(`job ${name} is defined as ${def.name}`);
  }
  return all;
}

@Module({
  imports: [ScheduleModule.forRoot()],
  controllers: [JobsController, createResourceController(jobRunsResource)],
  providers: [JobRunner, JobScheduler, PdfRenderer, { provide: JOB_DEFINITIONS, inject: [AppConfig, PdfRenderer], useFactory: (config: AppConfig, renderer: PdfRenderer) => Object.values(jobs(config, renderer)) }],
  exports: [JobRunner, PdfRenderer],
})
export class JobsModule {}
