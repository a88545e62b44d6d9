import { ResourceDefinition } from '../rest/resource-definition';

export const endorsementsResource: ResourceDefinition<'Endorsement'> = {
  name: 'endorsements',
  model: 'Endorsement',
  search: ['period'],
  defaultSort: ['period', 'DESC'],
};

export const statementsResource: ResourceDefinition<'Statement'> = {
  name: 'statements',
  model: 'Statement',
  search: ['number'],
  defaultSort: ['createdAt', 'DESC'],
};

export const payoutsResource: ResourceDefinition<'Payout'> = {
  name: 'payouts',
  model: 'Payout',
  search: ['endToEndId', 'bankHolder'],
  defaultSort: ['createdAt', 'DESC'],
  masked: ['iban'],
};
