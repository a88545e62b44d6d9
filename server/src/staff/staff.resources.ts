import { ResourceDefinition } from '../rest/resource-definition';

export const usersResource: ResourceDefinition<'User'> = {
  name: 'users',
  model: 'User',
  search: ['email', 'fullName'],
  defaultSort: ['fullName', 'ASC'],
};

/** Who is who, for every role: names on assignees, authors and presence; no e-mail, no login data. */
export const staffDirectoryResource: ResourceDefinition<'User'> = {
  name: 'staff',
  model: 'User',
  fields: ['id', 'fullName', 'role', 'active'],
  search: ['fullName'],
  defaultSort: ['fullName', 'ASC'],
};
