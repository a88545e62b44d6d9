import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { createResourceController } from '../rest/resource-controller.factory';
import { ResourceDefinition } from '../rest/resource-definition';
import { UsersWriter } from './users.writer';

export const usersResource: ResourceDefinition = {
  name: 'users',
  model: 'User',
  search: ['email', 'fullName'],
  defaultSort: ['fullName', 'ASC'],
};

/** Who is who, for every role: names on assignees, authors and presence; no e-mail, no login data. */
export const staffDirectoryResource: ResourceDefinition = {
  name: 'staff',
  model: 'User',
  fields: ['id', 'fullName', 'role', 'active'],
  search: ['fullName'],
  defaultSort: ['fullName', 'ASC'],
};

@Module({
  imports: [AuthModule],
  controllers: [createResourceController(usersResource, UsersWriter), createResourceController(staffDirectoryResource)],
  providers: [UsersWriter],
})
export class StaffModule {}
