import type { Tx, WriteContext } from '../writes/write-path';
import type { PrismaClient } from '../generated/prisma/client';
import type { AppConfig } from '../config/app-config';
import type { ChangeType } from '../realtime/realtime.service';

/** Counts and totals of one step, e.g. { sessions: 120 } or { statements: 12, grossCents: 1234500 }. */
export type StepCounts = Record<string, number>;

export interface ChunkInput<P, R = undefined> {
  /** The run's transaction: the chunk's writes commit together with the run's progress. */
  tx: Tx;
  params: P;
  /** Where the previous chunk stopped (null for the first chunk of the step). */
  cursor: string | null;
  /** At most this many rows per chunk (JOB_CHUNK_SIZE). */
  limit: number;
  /**
   * An audit event about a business record, in the chunk's transaction (e.g. the order an issue
   * run has just issued). Once per record a step completes, never once per row of a chunk.
   */
  record: WriteContext['record'];
  /** What the step's `prepare` made for this very chunk (same step, same cursor); undefined without one. */
  prepared: R;
}

/** What a step's `prepare` reads: the database outside any transaction, and where the chunk will start. */
export interface PrepareInput<P> {
  db: PrismaClient;
  params: P;
  cursor: string | null;
  limit: number;
}

export interface ChunkResult {
  /** Rows handled by this chunk (adds to the step's progress). */
  processed: number;
  /** Where the next chunk starts: the last key handled, for `WHERE key > cursor ORDER BY key LIMIT n`. */
  cursor: string | null;
  /** True when the step has nothing left to do. */
  finished: boolean;
  /** Added to the step's counts. */
  counts?: StepCounts;
  /** Records of a console resource this chunk changed: one "list changed" event per chunk, never one per row. */
  changed?: { resource: string; type: ChangeType; ids: string[] };
}

/**
 * One named step of a job. It must be idempotent: a chunk selects only what is still to do
 * (set-based SQL: `INSERT … SELECT … WHERE NOT EXISTS`, `UPDATE … FROM (SELECT … LIMIT n)`,
 * `DELETE … USING (SELECT … LIMIT n)`), so a chunk replayed after a crash finds nothing twice.
 */
export interface JobStep<P, R = undefined> {
  name: string;
  /** French, shown in the console. */
  label: string;
  /** How many rows the step will handle, counted when it starts (for the progress bar). */
  total?(tx: Tx, params: P): Promise<number>;
  /**
   * Slow work of a chunk that writes nothing (e.g. rendering PDFs in a worker thread), done
   * before the chunk's transaction so that no transaction (nor PGlite's only connection) waits
   * on it; what it returns reaches `chunk` as `prepared`. It reads through `db`, outside the
   * transaction: `chunk` must check what it relies on (the runner already checks that the run is
   * still at the same step and cursor, and prepares again otherwise).
   */
  prepare?(input: PrepareInput<P>): Promise<R>;
  chunk(input: ChunkInput<P, R>): Promise<ChunkResult>;
}

export type KeyCheck<P> = { ok: true; params: P } | { ok: false; error: string };

export interface JobDefinition<P = unknown> {
  /** From JOB_NAMES (auth/permissions.ts) for the jobs staff and sockets may reach. */
  name: string;
  /** French, shown in the console. */
  label: string;
  /** What a key means, in French, for the console and error messages ("un jour AAAA-MM-JJ"). */
  keyDescription: string;
  /** The key a trigger without one runs (the schedule's, e.g. today or last month). */
  defaultKey(now: Date): string;
  /** Checks a key and derives the run's parameters from it; a French reason when it is refused. */
  parseKey(key: string, now: Date): KeyCheck<P>;
  /** In order. Each step's `prepare` makes its own kind of thing for its chunks. */
  steps: JobStep<P, any>[];
  /**
   * Where staff start it when not from the Tâches page (French, e.g. "depuis la page de la
   * commande (« Émettre »)"): the action there checks the record first, so the jobs route refuses it.
   */
  startedFrom?: string;
  /** What the console says after a failure instead of "relancez la tâche" (e.g. the month went back to its draft). */
  failureHint?: string;
  /**
   * Runs in the transaction that records a failure (never after a crash: the run is resumed
   * then): gives back what the run's starter had claimed, e.g. a month being closed returns to
   * its draft so that it can be recomputed. It returns `restart: true` when it gave back
   * everything the run had done: the next start then begins again at the first step; `hint`
   * replaces `failureHint` when what was given back depends on where the run stopped.
   */
  onFailure?(input: { tx: Tx; params: P; record: WriteContext['record']; reason: string }): Promise<{ restart?: boolean; hint?: string } | void>;
  /** The configuration setting holding its cron expression, if it is scheduled. */
  cronSetting?: keyof AppConfig & `JOB_${string}_CRON`;
}
