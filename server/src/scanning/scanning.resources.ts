import { ResourceDefinition } from '../rest/resource-definition';

export const redemptionsResource: ResourceDefinition = {
  name: 'redemptions',
  model: 'Redemption',
  search: ['idempotencyKey'],
  defaultSort: ['createdAt', 'DESC'],
};

export const scansResource: ResourceDefinition = {
  name: 'scans',
  model: 'Scan',
  search: ['barcode', 'reasonDetail'],
  defaultSort: ['scannedAt', 'DESC'],
};

export const subscriptionsResource: ResourceDefinition = {
  name: 'subscriptions',
  model: 'Subscription',
  search: [],
  defaultSort: ['orderedAt', 'DESC'],
};
