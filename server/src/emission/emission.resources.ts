import { ResourceDefinition } from '../rest/resource-definition';

export const sponsorsResource: ResourceDefinition = {
  name: 'sponsors',
  model: 'Sponsor',
  search: ['name', 'siret', 'city', 'contactName', 'contactEmail'],
  defaultSort: ['name', 'ASC'],
};

export const ordersResource: ResourceDefinition = {
  name: 'orders',
  model: 'Order',
  search: ['reference', 'paymentOrderNumber'],
  defaultSort: ['createdAt', 'DESC'],
};

export const bookletsResource: ResourceDefinition = {
  name: 'booklets',
  model: 'Booklet',
  search: ['number', 'handedOutBy'],
  defaultSort: ['number', 'ASC'],
};

export const passesResource: ResourceDefinition = {
  name: 'passes',
  model: 'Pass',
  search: ['barcode'],
  defaultSort: ['barcode', 'ASC'],
};
