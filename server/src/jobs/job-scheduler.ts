import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { AppException } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { JobDefinition } from './job-definition';
import { JobRunner } from './job-runner';

/**
 * Fires each scheduled job on its cron (validated configuration, JOBS_TIME_ZONE) on every
 * instance: the schedule only triggers, PostgreSQL decides which instance works the run. A
 * trigger also takes up the job's runs abandoned by a dead instance. JOBS_SCHEDULE_ENABLED=false
 * turns every schedule off (tests).
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
    private readonly runner: JobRunner,
  ) {}

  onApplicationBootstrap() {
    if (!this.config.JOBS_SCHEDULE_ENABLED) return;
    for (const def of this.runner.definitions) {
      if (!def.cronSetting) continue;
      const cron = CronJob.from({ cronTime: this.config[def.cronSetting], timeZone: this.config.JOBS_TIME_ZONE, onTick: () => this.fire(def), start: true });
      this.registry.addCronJob(`job:${def.name}`, cron);
    }
  }

  onApplicationShutdown() {
    for (const name of this.registry.getCronJobs().keys()) if (name.startsWith('job:')) this.registry.deleteCronJob(name);
  }

  /** One tick: resume what a dead instance left, then the run of the default key. Refusals are normal here. */
  async fire(def: JobDefinition<any>) {
    const keys = new Set((await this.runner.abandonedRuns(def.name).catch(() => [])).map((r) => r.key));
    keys.add(def.defaultKey(new Date()));
    for (const key of keys) {
      try {
        const { run, outcome } = await this.runner.trigger(def.name, key, { type: 'SCHEDULE' });
        this.logger.log({ message: `job ${outcome}`, job: def.name, key, runId: run.id });
      } catch (error) {
        if (error instanceof AppException && error.status === 409) this.logger.debug?.({ message: error.message, job: def.name, key });
        else this.logger.error({ message: 'scheduled job not started', job: def.name, key, error: String(error) });
      }
    }
  }
}
