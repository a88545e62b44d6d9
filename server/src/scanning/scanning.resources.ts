import { ResourceDefinition } from '../rest/resource-definition';
import { feesDueCents } from '../rules/subscriptions';

const dateOrNull = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string | Date));

export const redemptionsResource: ResourceDefinition<'Redemption'> = {
  name: 'redemptions',
  model: 'Redemption',
  search: ['idempotencyKey'],
  defaultSort: ['createdAt', 'DESC'],
};

export const scansResource: ResourceDefinition<'Scan'> = {
  name: 'scans',
  model: 'Scan',
  search: ['barcode', 'reasonDetail'],
  defaultSort: ['scannedAt', 'DESC'],
};

export const subscriptionsResource: ResourceDefinition<'Subscription'> = {
  name: 'subscriptions',
  model: 'Subscription',
  search: [],
  defaultSort: ['orderedAt', 'DESC'],
  /** feesDueCents: the kit's fees due so far (computed on each read, not stored: it grows with the calendar). */
  present: (record) => ({
    ...record,
    feesDueCents: feesDueCents(
      {
        plan: record.plan as 'MONTHLY' | 'ANNUAL',
        status: record.status as 'PENDING' | 'ACTIVE' | 'CANCELLED',
        feeCents: Number(record.feeCents),
        startedAt: dateOrNull(record.startedAt),
        planFrom: dateOrNull(record.planFrom),
        earlierPlansFeesCents: Number(record.earlierPlansFeesCents ?? 0),
        cancelledAt: dateOrNull(record.cancelledAt),
      },
      new Date(),
    ),
  }),
};
