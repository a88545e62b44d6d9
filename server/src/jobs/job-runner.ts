import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { conflict } from '../common/errors';
import { Actor, requestContext } from '../common/request-context';
import { AppConfig } from '../config/app-config';
import { Prisma, PrismaClient, type JobRun } from '../generated/prisma/client';
import { RealtimeService, resourceTopic, SCOPED_RESOURCES } from '../realtime/realtime.service';
import { WritePath } from '../writes/write-path';
import { JobDefinition, StepCounts } from './job-definition';

export const JOB_DEFINITIONS = Symbol('JOB_DEFINITIONS');

/** Who asked for a run: a staff member, or the schedule. */
export type JobStarter = { type: 'STAFF'; id: string; name: string; role: string } | { type: 'SCHEDULE' };

export const SCHEDULE_NAME = 'Planification';

/** Socket topic of a job's progress (SPEC §4 "Real time"). */
export const jobTopic = (name: string) => `job/${name}`;

/** What goes out on job/<name>: react-admin's event shape, the run as the console shows it. */
export type JobEventType = 'started' | 'progress' | 'succeeded' | 'failed';

export interface TriggerOutcome {
  run: JobRun;
  /** "started": a new run; "resumed": a failed or abandoned run taken up where it stopped. */
  outcome: 'started' | 'resumed';
}

/** The transaction that records a failure, and gives back what the run did (job-definition.ts onFailure). */
const FAILURE_TIMEOUT_MS = 15 * 60_000;

/** 64-bit advisory lock key of a run: two instances never hold it at once inside their transactions. */
export function runLockKey(name: string, key: string): string {
  return createHash('sha256').update(`job\u0000${name}\u0000${key}`).digest().readBigInt64BE(0).toString();
}

type ChunkState = 'more' | 'finished' | 'lost';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The job path (README "Architecture"): a job is a sequence of named, idempotent steps; each
 * step works in chunks of set-based SQL, and each chunk commits in one transaction together
 * with the run's cursor and progress, so a crash loses at most the chunk in flight and the
 * next trigger resumes at the last committed one. PostgreSQL decides who works a run: the
 * unique (name, key) row, an owner written under a row lock, and an advisory lock on the run
 * taken inside every one of its transactions. Each finished step leaves one audit summary
 * event; progress goes out on `job/<name>` after each commit.
 */
@Injectable()
export class JobRunner implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  /** This process, as written in JobRun.owner. */
  readonly instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly byName: ReadonlyMap<string, JobDefinition<any>>;
  private readonly working = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: WritePath,
    private readonly realtime: RealtimeService,
    private readonly config: AppConfig,
    @Inject(JOB_DEFINITIONS) definitions: JobDefinition<any>[],
  ) {
    this.byName = new Map(definitions.map((d) => [d.name, d]));
  }

  get definitions(): JobDefinition<any>[] {
    return [...this.byName.values()];
  }

  definition(name: string): JobDefinition<any> | undefined {
    return this.byName.get(name);
  }

  /**
   * Starts the run of `name` for `key`, or resumes it when it failed or its instance stopped
   * reporting (JOB_STALE_SECONDS); refuses (409) when it is being worked or already done. The
   * work goes on in the background; this returns once the run is claimed.
   */
  async trigger(name: string, key: string, starter: JobStarter): Promise<TriggerOutcome> {
    const def = this.byName.get(name);
    if (!def) throw new Error(`unknown job ${name}`);
    const check = def.parseKey(key, new Date());
    if (!check.ok) throw new Error(`bad key ${key} for ${name}: ${check.error}`);
    const actor: Actor = starter.type === 'STAFF' ? starter : { type: 'SYSTEM', name: SCHEDULE_NAME };
    const claimed = await requestContext.run({ requestId: requestContext.requestId() ?? `job-${randomUUID()}`, actor }, () => this.claim(def, key, starter));
    this.publish(def.name, claimed.outcome === 'started' ? 'started' : 'progress', claimed.run);
    this.launch(def, claimed.run.id, check.params, actor);
    return claimed;
  }

  /** Runs of this job left RUNNING by an instance that stopped reporting, or interrupted by a shutdown. */
  async abandonedRuns(name: string): Promise<JobRun[]> {
    const ids = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT id FROM "JobRun"
       WHERE name = ${name} AND status = 'RUNNING'
         AND (owner IS NULL OR "heartbeatAt" < now() - make_interval(secs => ${this.config.JOB_STALE_SECONDS}))`;
    return ids.length ? this.prisma.jobRun.findMany({ where: { id: { in: ids.map((r) => r.id) } } }) : [];
  }

  /** Resolves once every run this process is working has stopped (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.working.size) await Promise.allSettled([...this.working.values()]);
  }

  /** A stopping instance finishes its chunk in flight and hands its runs back, to be resumed at once. */
  async beforeApplicationShutdown() {
    this.stopping = true;
    await this.idle();
  }

  private async claim(def: JobDefinition<any>, key: string, starter: JobStarter): Promise<TriggerOutcome> {
    const newId = randomUUID();
    return this.writes.job(async (ctx) => {
      const { tx } = ctx;
      const describe = `La tâche « ${def.label} » pour ${key}`;
      await tx.jobRun.createMany({
        data: [
          {
            id: newId,
            name: def.name,
            key,
            step: def.steps[0]?.name ?? null,
            owner: this.instance,
            startedById: starter.type === 'STAFF' ? starter.id : null,
            startedByName: starter.type === 'STAFF' ? starter.name : SCHEDULE_NAME,
          },
        ],
        skipDuplicates: true,
      });
      const [row] = await tx.$queryRaw<{ id: string; stale: boolean }[]>`
        SELECT id, ("heartbeatAt" < now() - make_interval(secs => ${this.config.JOB_STALE_SECONDS})) AS stale
          FROM "JobRun" WHERE name = ${def.name} AND key = ${key} FOR UPDATE`;
      // Row lock first, then the run's advisory lock, in every transaction of a run (no lock-order deadlock).
      // The advisory lock is held by whoever is inside a transaction of this run: then it is being worked.
      if (!(await this.lockRun(tx, def.name, key))) throw conflict(`${describe} est déjà en cours.`, { job: def.name, key });
      const run = await tx.jobRun.findUniqueOrThrow({ where: { id: row.id } });
      if (run.id === newId) {
        await ctx.record({ action: 'start', resource: 'job-runs', recordId: run.id, after: { name: def.name, key }, change: 'created' });
        return { run, outcome: 'started' as const };
      }
      if (run.status === 'SUCCEEDED') {
        throw conflict(`${describe} a déjà été faite (terminée le ${formatParis(run.finishedAt ?? run.updatedAt)}).`, { job: def.name, key, runId: run.id });
      }
      const workedHere = this.working.has(run.id);
      if (run.status === 'RUNNING' && (workedHere || (run.owner !== null && !row.stale))) {
        throw conflict(`${describe} est déjà en cours (lancée par ${run.startedByName} le ${formatParis(run.startedAt)}).`, { job: def.name, key, runId: run.id });
      }
      // Failed, or abandoned by an instance that died or stopped: taken up at its last committed chunk.
      await this.beat(tx, run.id);
      const resumed = await tx.jobRun.update({
        where: { id: run.id },
        data: { status: 'RUNNING', owner: this.instance, error: null, finishedAt: null, attempts: { increment: 1 } },
      });
      await ctx.record({
        action: 'resume',
        resource: 'job-runs',
        recordId: run.id,
        before: { status: run.status, owner: run.owner },
        after: { status: resumed.status, owner: resumed.owner, step: resumed.step, done: resumed.done },
      });
      return { run: resumed, outcome: 'resumed' as const };
    });
  }

  private launch(def: JobDefinition<any>, runId: string, params: unknown, actor: Actor) {
    const requestId = requestContext.requestId() ?? `job-${runId}`;
    // Its own context: the request that triggered it has long been answered when the job writes.
    const work = requestContext.run({ requestId, actor }, () => this.work(def, runId, params));
    this.working.set(runId, work);
    void work.finally(() => this.working.delete(runId));
  }

  private async work(def: JobDefinition<any>, runId: string, params: unknown): Promise<void> {
    const beat = setInterval(() => void this.heartbeat(runId), Math.max(1000, (this.config.JOB_STALE_SECONDS * 1000) / 3));
    beat.unref();
    try {
      for (;;) {
        if (this.stopping) return await this.handBack(runId);
        const state = await this.chunk(def, runId, params);
        if (state !== 'more') return;
        if (this.config.JOB_CHUNK_DELAY_MS) await sleep(this.config.JOB_CHUNK_DELAY_MS);
      }
    } catch (error) {
      await this.fail(def, runId, params, error).catch((e) => this.logger.error({ message: 'job failure not recorded', job: def.name, runId, error: String(e) }));
    } finally {
      clearInterval(beat);
    }
  }

  /** One chunk of the current step, committed with the run's progress; the step's summary when it ends. */
  private async chunk(def: JobDefinition<any>, runId: string, params: unknown): Promise<ChunkState> {
    const prepared = await this.prepare(def, runId, params);
    return this.writes.job(async (ctx) => {
      const { tx } = ctx;
      await tx.$queryRaw`SELECT id FROM "JobRun" WHERE id = ${runId} FOR UPDATE`;
      const run = await tx.jobRun.findUniqueOrThrow({ where: { id: runId } });
      // Taken over (we looked dead) or stopped elsewhere: this instance lets go.
      if (run.status !== 'RUNNING' || run.owner !== this.instance) return 'lost';
      if (!(await this.lockRun(tx, run.name, run.key))) return 'lost';

      const index = run.step === null ? 0 : def.steps.findIndex((s) => s.name === run.step);
      if (index < 0) throw new Error(`étape inconnue « ${run.step} » (la tâche a changé depuis le début de ce passage)`);
      const step = def.steps[index];
      // Prepared for another step or cursor (or not at all): prepared again, for where the run is now.
      if (step.prepare && (prepared?.step !== step.name || prepared.cursor !== run.cursor)) return 'more';
      const total = run.total ?? (step.total ? await step.total(tx, params) : null);
      const result = await step.chunk({ tx, params, cursor: run.cursor, limit: this.config.JOB_CHUNK_SIZE, record: (entry) => ctx.record(entry), prepared: prepared?.value });

      const counts = { ...(run.counts as Record<string, StepCounts>) };
      const stepCounts = { ...(counts[step.name] ?? {}) };
      for (const [name, value] of Object.entries(result.counts ?? {})) stepCounts[name] = (stepCounts[name] ?? 0) + value;
      counts[step.name] = stepCounts;
      const done = run.done + result.processed;

      await this.beat(tx, run.id);
      let data: Prisma.JobRunUpdateInput = { cursor: result.cursor, done, total, counts: counts as Prisma.InputJsonObject };
      let state: ChunkState = 'more';
      if (result.finished) {
        // One audit event per step, with its figures: never one per row.
        await ctx.record({
          action: 'job-step',
          resource: 'job-runs',
          recordId: run.id,
          after: { job: run.name, key: run.key, step: step.name, label: step.label, done, total, counts: stepCounts },
          change: null,
        });
        const next = def.steps[index + 1];
        data = next
          ? { ...data, step: next.name, cursor: null, done: 0, total: null }
          : { ...data, step: null, cursor: null, status: 'SUCCEEDED', owner: null, finishedAt: new Date() };
        if (!next) state = 'finished';
      }
      const updated = await tx.jobRun.update({ where: { id: run.id }, data });
      if (this.config.JOB_CHUNK_HOLD_MS) await sleep(this.config.JOB_CHUNK_HOLD_MS);
      ctx.changed({ resource: 'job-runs', type: 'updated', id: run.id });
      ctx.afterCommit(() => {
        // The rows a chunk changed: one list event for all of them.
        if (result.changed?.ids.length && !SCOPED_RESOURCES.has(result.changed.resource)) {
          this.realtime.publish({ topic: resourceTopic(result.changed.resource), type: result.changed.type, payload: { ids: result.changed.ids } });
        }
        this.publish(run.name, state === 'finished' ? 'succeeded' : 'progress', updated);
      });
      return state;
    });
  }

  /** The current step's slow work of the next chunk, outside any transaction (job-definition.ts `prepare`). */
  private async prepare(def: JobDefinition<any>, runId: string, params: unknown): Promise<{ step: string; cursor: string | null; value: unknown } | null> {
    const run = await this.prisma.jobRun.findUnique({ where: { id: runId }, select: { status: true, owner: true, step: true, cursor: true } });
    if (!run || run.status !== 'RUNNING' || run.owner !== this.instance) return null;
    const step = run.step === null ? def.steps[0] : def.steps.find((s) => s.name === run.step);
    if (!step?.prepare) return null;
    const value = await step.prepare({ db: this.prisma, params, cursor: run.cursor, limit: this.config.JOB_CHUNK_SIZE });
    return { step: step.name, cursor: run.cursor, value };
  }

  private async lockRun(tx: Prisma.TransactionClient, name: string, key: string): Promise<boolean> {
    const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${runLockKey(name, key)}::bigint) AS locked`;
    return locked;
  }

  /** The database's clock, the one staleness is judged by: instances' clocks may differ. */
  private async beat(tx: Prisma.TransactionClient, runId: string) {
    await tx.$executeRaw`UPDATE "JobRun" SET "heartbeatAt" = now() WHERE id = ${runId}`;
  }

  private async heartbeat(runId: string) {
    await this.prisma.$executeRaw`UPDATE "JobRun" SET "heartbeatAt" = now() WHERE id = ${runId} AND owner = ${this.instance} AND status = 'RUNNING'`.catch(() => undefined);
  }

  /** Shutting down between two chunks: the run stays RUNNING with no owner, so the next trigger resumes it at once. */
  private async handBack(runId: string) {
    await this.prisma.jobRun.updateMany({ where: { id: runId, owner: this.instance, status: 'RUNNING' }, data: { owner: null } });
  }

  private async fail(def: JobDefinition<any>, runId: string, params: unknown, error: unknown) {
    this.logger.error({ message: 'job failed', job: def.name, runId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    const reason = error instanceof Error ? error.message : String(error);
    await this.writes.job(async (ctx) => {
      const run = await ctx.tx.jobRun.findUniqueOrThrow({ where: { id: runId } });
      if (run.owner !== this.instance || run.status !== 'RUNNING') return;
      const stepLabel = def.steps.find((s) => s.name === run.step)?.label ?? run.step ?? '—';
      const failure = `Échec à l’étape « ${stepLabel} » : ${reason.slice(0, 500)}.`;
      // What the job's starter had claimed is given back in the same transaction (a month in closing goes back to its draft).
      const given = def.onFailure ? await def.onFailure({ tx: ctx.tx, params, record: (entry) => ctx.record(entry), reason: failure }) : undefined;
      const message = `${failure} ${given?.hint ?? def.failureHint ?? 'Relancez la tâche : elle reprendra au dernier lot enregistré.'}`;
      // Everything given back: the next start begins again at the first step.
      const restart = given?.restart ? { step: def.steps[0]?.name ?? null, cursor: null, done: 0, total: null, counts: {} } : {};
      const failed = await ctx.tx.jobRun.update({ where: { id: runId }, data: { status: 'FAILED', error: message, owner: null, finishedAt: new Date(), ...restart } });
      await ctx.record({ action: 'job-failed', resource: 'job-runs', recordId: runId, after: { job: run.name, key: run.key, step: run.step, error: message } });
      ctx.afterCommit(() => this.publish(run.name, 'failed', failed));
      // Giving back what a long step did (a month's passes) may take longer than a chunk.
    }, { timeoutMs: FAILURE_TIMEOUT_MS });
  }

  private publish(name: string, type: JobEventType, run: JobRun) {
    this.realtime.publish({ topic: jobTopic(name), type, payload: { ids: [run.id], run } });
  }
}

function formatParis(date: Date): string {
  return date.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
}
