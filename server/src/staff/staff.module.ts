import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { createResourceController } from '../writes/resource-controller.factory';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { staffDirectoryResource, usersResource } from './staff.resources';
import { UsersWriter } from './users.writer';

@Module({
  imports: [AuthModule],
  controllers: [SessionsController, createResourceController(usersResource, UsersWriter), createResourceController(staffDirectoryResource)],
  providers: [UsersWriter, SessionsService],
})
export class StaffModule {}
