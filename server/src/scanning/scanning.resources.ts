import { ResourceDefinition } from '../rest/resource-definition';

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
};
