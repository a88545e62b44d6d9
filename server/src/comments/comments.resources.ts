import { canRead } from '../auth/permissions';
import { RESOURCE_NAMES } from '../auth/permissions';
import { ResourceDefinition } from '../rest/resource-definition';

/** Comments are readable on the records one can read (SPEC §3). */
export const commentsResource: ResourceDefinition<'Comment'> = {
  name: 'comments',
  model: 'Comment',
  search: ['body'],
  defaultSort: ['createdAt', 'ASC'],
  scope: (user) => ({ resource: { in: RESOURCE_NAMES.filter((r) => canRead(user.role, r)) } }),
};
