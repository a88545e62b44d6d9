import { ResourceDefinition } from '../rest/resource-definition';

export const sponsorsResource: ResourceDefinition<'Sponsor'> = {
  name: 'sponsors',
  model: 'Sponsor',
  search: ['name', 'siret', 'city', 'contactName', 'contactEmail'],
  defaultSort: ['name', 'ASC'],
};

export const ordersResource: ResourceDefinition<'Order'> = {
  name: 'orders',
  model: 'Order',
  search: ['reference', 'paymentOrderNumber'],
  defaultSort: ['createdAt', 'DESC'],
};

export const bookletsResource: ResourceDefinition<'Booklet'> = {
  name: 'booklets',
  model: 'Booklet',
  search: ['number', 'handedOutBy'],
  defaultSort: ['number', 'ASC'],
};

export const passesResource: ResourceDefinition<'Pass'> = {
  name: 'passes',
  model: 'Pass',
  search: ['barcode'],
  defaultSort: ['barcode', 'ASC'],
};

export const sponsorPaymentsResource: ResourceDefinition<'SponsorPayment'> = {
  name: 'sponsor-payments',
  model: 'SponsorPayment',
  search: ['bankReference'],
  defaultSort: ['createdAt', 'DESC'],
};

export const sponsorDocumentsResource: ResourceDefinition<'SponsorDocument'> = {
  name: 'sponsor-documents',
  model: 'SponsorDocument',
  search: ['number'],
  defaultSort: ['issuedAt', 'DESC'],
  fields: ['id', 'kind', 'number', 'orderId', 'sponsorId', 'amountCents', 'issuedAt'],
};
