import { ResourceDefinition } from '../rest/resource-definition';

export const disputesResource: ResourceDefinition = {
  name: 'disputes',
  model: 'Dispute',
  search: ['reference', 'description'],
  defaultSort: ['createdAt', 'DESC'],
};
