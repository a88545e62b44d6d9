/**
 * SPEC §1 step 4 and §3: the kit subscription's billing. A kit is billed from the Paris date of
 * the structure's first accepted scan (`startedAt`), one fee at the start of every period after:
 * monthly on the same day of the month (the 31st falls on the last day of a shorter month),
 * annual on the same day of the year (29 February on 28 February). A plan change takes effect
 * at the end of the period under way: what the old plan billed so far is frozen
 * (`earlierPlansFeesCents`) and the new plan's periods run from that boundary (`planFrom`).
 * Pure functions of their inputs (fees in integer cents).
 */
import { DateTime } from 'luxon';
import type { SubscriptionPlan, SubscriptionStatus } from '../generated/prisma/enums';
import { BUSINESS_ZONE } from './dates';

/** What the billing rules read of a subscription. */
export interface KitBilling {
  plan: SubscriptionPlan;
  status: SubscriptionStatus;
  /** Fee per period incl. VAT, in cents, of the current plan. */
  feeCents: number;
  /** Billing start (first accepted scan's Paris date); null while PENDING. */
  startedAt: Date | null;
  /** First day of the current plan's periods when the plan was changed after billing started; null: since startedAt. */
  planFrom?: Date | null;
  /** Fees billed under earlier plans, frozen when the plan changed. */
  earlierPlansFeesCents?: number;
  /** When the subscription ended: no period starts after this Paris date. */
  cancelledAt: Date | null;
}

export { KIT_PLANS, PLAN_LABELS } from './kit-plans';

/** An open subscription is the structure's kit (redemptions allowed); one at most per structure. */
export const OPEN_SUBSCRIPTION_STATUSES = ['PENDING', 'ACTIVE'] as const satisfies readonly SubscriptionStatus[];

export const isOpenSubscription = (status: string): boolean => (OPEN_SUBSCRIPTION_STATUSES as readonly string[]).includes(status);

/** The Paris calendar date of an instant, as a luxon date at midnight UTC (day arithmetic only). */
function parisDay(at: Date): DateTime {
  const d = DateTime.fromJSDate(at, { zone: BUSINESS_ZONE });
  return DateTime.utc(d.year, d.month, d.day);
}

/** Start of period k (0 = the anchor) of a plan: luxon clamps the 31st to a shorter month's last day. */
function periodStart(plan: SubscriptionPlan, anchor: DateTime, k: number): DateTime {
  return plan === 'MONTHLY' ? anchor.plus({ months: k }) : anchor.plus({ years: k });
}

/** Index of the last period started on or before `day` (−1 when the first is still to come). */
function lastStartedIndex(plan: SubscriptionPlan, anchor: DateTime, day: DateTime): number {
  if (day < anchor) return -1;
  const months = (day.year - anchor.year) * 12 + (day.month - anchor.month);
  // A first guess from the calendar, then corrected: clamped days make it off by one at most.
  let k = plan === 'MONTHLY' ? months : Math.floor(months / 12);
  while (k > 0 && periodStart(plan, anchor, k) > day) k--;
  while (periodStart(plan, anchor, k + 1) <= day) k++;
  return k;
}

/** Billing periods of a plan started from `anchor` up to `upTo` included (Paris dates of both). */
export function periodsStarted(plan: SubscriptionPlan, anchor: Date, upTo: Date): number {
  return lastStartedIndex(plan, parisDay(anchor), parisDay(upTo)) + 1;
}

/** First day of the plan's periods strictly after `after`'s Paris date (00:00 UTC of that date, like every stored day). */
export function nextPeriodStart(plan: SubscriptionPlan, anchor: Date, after: Date): Date {
  const start = parisDay(anchor);
  return periodStart(plan, start, lastStartedIndex(plan, start, parisDay(after)) + 1).toJSDate();
}

/** The last day billing counts for: today, or the end date when the subscription has ended before. */
function billedUpTo(sub: KitBilling, now: Date): Date {
  return sub.cancelledAt && sub.cancelledAt.getTime() < now.getTime() ? sub.cancelledAt : now;
}

/**
 * Fees due so far, in cents incl. VAT: the periods started from the billing start up to today (or
 * the end date) × the fee, plus what earlier plans billed. Nothing while PENDING (no scan yet).
 */
export function feesDueCents(sub: KitBilling, now: Date): number {
  const earlier = sub.earlierPlansFeesCents ?? 0;
  if (!sub.startedAt) return earlier;
  const anchor = sub.planFrom ?? sub.startedAt;
  return earlier + periodsStarted(sub.plan, anchor, billedUpTo(sub, now)) * sub.feeCents;
}

/**
 * A plan change decided on `now`. Before billing started, the new plan simply replaces the old.
 * Once started, the periods begun under the old plan stay billed at its fee, and the new plan
 * starts at the end of the period under way (the old plan's next period start).
 */
export function planChange(sub: KitBilling, plan: SubscriptionPlan, feeCents: number, now: Date): { plan: SubscriptionPlan; feeCents: number; earlierPlansFeesCents: number; planFrom: Date | null } {
  if (!sub.startedAt) return { plan, feeCents, earlierPlansFeesCents: sub.earlierPlansFeesCents ?? 0, planFrom: null };
  const anchor = sub.planFrom ?? sub.startedAt;
  return { plan, feeCents, earlierPlansFeesCents: feesDueCents(sub, now), planFrom: nextPeriodStart(sub.plan, anchor, now) };
}
