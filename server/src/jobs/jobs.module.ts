import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { JobName } from '../auth/permissions';
import { createResourceController } from '../writes/resource-controller.factory';
import { JobDefinition } from './job-definition';
import { JOB_DEFINITIONS, JobRunner } from './job-runner';
import { jobRunsResource } from './job-runs.resource';
import { JobScheduler } from './job-scheduler';
import { JobsController } from './jobs.controller';
import { purgeSessionsJob } from './purge-sessions.job';
import { issueOrderJob } from '../emission/issue-order.job';

/** Every job staff, sockets and the schedule can reach: one per name of JOB_NAMES. */
export const JOBS: Record<JobName, JobDefinition<any>> = {
  'purge-sessions': purgeSessionsJob,
  'issue-order': issueOrderJob,
};

for (const [name, def] of Object.entries(JOBS)) {
  if (def.name !== name) throw new Error(`job ${name} is defined as ${def.name}`);
}

@Module({
  imports: [ScheduleModule.forRoot()],
  controllers: [JobsController, createResourceController(jobRunsResource)],
  providers: [JobRunner, JobScheduler, { provide: JOB_DEFINITIONS, useValue: Object.values(JOBS) }],
  exports: [JobRunner],
})
export class JobsModule {}
