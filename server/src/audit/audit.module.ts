import { Module } from '@nestjs/common';
import { createResourceController } from '../writes/resource-controller.factory';
import { auditEventsResource } from './audit.resources';

/** The audit log, read-only through the REST contract (written only by the write path). */
@Module({
  controllers: [createResourceController(auditEventsResource)],
})
export class AuditModule {}
