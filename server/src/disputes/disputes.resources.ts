import { ResourceDefinition } from '../rest/resource-definition';

export const disputesResource: ResourceDefinition<'Dispute'> = {
  name: 'disputes',
  model: 'Dispute',
  search: ['reference', 'description'],
  defaultSort: ['createdAt', 'DESC'],
};
