import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { PrismaClient } from '../generated/prisma/client';
import { modelMeta } from '../database/model-meta';

/**
 * How a list's total was obtained: `exact`, the planner's `estimate` of an unfiltered table's
 * size, or `at-least` (a filtered list with more rows than LIST_COUNT_LIMIT, counted up to it).
 */
export type TotalKind = 'exact' | 'estimate' | 'at-least';

export interface ListTotal {
  total: number;
  kind: TotalKind;
}

/** The response header telling the console how to read the total of Content-Range. */
export const TOTAL_KIND_HEADER = 'X-Total-Kind';

type OrderBy = Record<string, 'asc' | 'desc'>[];

interface CountingDelegate {
  count(args: { where: Record<string, unknown>; orderBy: OrderBy; take: number }): Promise<number>;
}

/** The planner's estimate is itself only refreshed by ANALYZE: reading it once in a while is enough. */
const ESTIMATE_TTL_MS = 10_000;

/**
 * Counts a list's rows without making a page of a million-row table wait for a full count:
 * exactly up to LIST_COUNT_LIMIT rows (a count that stops there, so it costs at most that many
 * index entries); beyond it, the table's planner estimate for an unfiltered list (pg_class.reltuples,
 * kept up to date by autovacuum's ANALYZE), or "at least LIST_COUNT_LIMIT" for a filtered one.
 * Small tables and selective filters keep their exact totals.
 *
 * The stopping count walks the rows in the page's own order: Prisma orders a count that has a
 * `take` (by id when told nothing), and the page's order is the one its indexes serve, so the
 * count reads the same index as the page instead of filtering the primary key.
 */
@Injectable()
export class ListCounter {
  private readonly estimates = new Map<string, { value: number | null; readAt: number }>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly config: AppConfig,
  ) {}

  async count(model: string, delegate: CountingDelegate, where: Record<string, unknown>, orderBy: OrderBy): Promise<ListTotal> {
    const limit = this.config.LIST_COUNT_LIMIT;
    const unfiltered = Object.keys(where).length === 0;
    if (unfiltered) {
      const estimate = await this.plannerEstimate(model);
      if (estimate !== null && estimate > limit) return { total: estimate, kind: 'estimate' };
    }
    const counted = await delegate.count({ where, orderBy, take: limit + 1 });
    return counted > limit ? { total: limit, kind: 'at-least' } : { total: counted, kind: 'exact' };
  }

  /** The planner's row count for the model's table (kept ESTIMATE_TTL_MS), or null when the table was never analysed. */
  private async plannerEstimate(model: string): Promise<number | null> {
    const known = this.estimates.get(model);
    if (known && Date.now() - known.readAt < ESTIMATE_TTL_MS) return known.value;
    const value = await this.readPlannerEstimate(model);
    this.estimates.set(model, { value, readAt: Date.now() });
    return value;
  }

  private async readPlannerEstimate(model: string): Promise<number | null> {
    // The table name comes from the schema's own metadata, never from the request.
    const rows = await this.prisma.$queryRaw<{ estimate: number | null }[]>`
      SELECT reltuples::float8 AS estimate FROM pg_class WHERE oid = to_regclass(quote_ident(${modelMeta(model).dbName}))`;
    const estimate = rows[0]?.estimate;
    // reltuples is -1 for a table never vacuumed or analysed (PostgreSQL 14+), 0 before on some versions.
    return typeof estimate === 'number' && estimate > 0 ? Math.round(estimate) : null;
  }
}
