import { Global, Module } from '@nestjs/common';
import { ListCounter } from '../rest/list-count';
import { ResourceService } from '../rest/resource.service';
import { createResourceController } from '../rest/resource-controller.factory';
import { auditEventsResource } from './audit.resources';
import { AuditedTransactions } from './audited-transaction';

/** The write path (audited transactions) and the REST contract service, shared by every area. */
@Global()
@Module({
  controllers: [createResourceController(auditEventsResource)],
  providers: [AuditedTransactions, ResourceService, ListCounter],
  exports: [AuditedTransactions, ResourceService],
})
export class AuditModule {}
