import type { SubscriptionPlan } from '../generated/prisma/enums';

/** The kit's formulas, monthly first (the one most structures take). No dependency: the structure space imports it. */
export const KIT_PLANS = ['MONTHLY', 'ANNUAL'] as const satisfies readonly SubscriptionPlan[];

/** "formule mensuelle", "formule annuelle". */
export const PLAN_LABELS: Record<SubscriptionPlan, string> = { MONTHLY: 'mensuelle', ANNUAL: 'annuelle' };
