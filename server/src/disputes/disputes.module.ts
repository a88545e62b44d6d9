import { Module } from '@nestjs/common';
import { createResourceController } from '../writes/resource-controller.factory';
import { DisputeActionsController } from './disputes.controller';
import { disputesResource } from './disputes.resources';
import { DisputesService, DisputesWriter } from './disputes.service';

@Module({
  controllers: [DisputeActionsController, createResourceController(disputesResource, DisputesWriter)],
  providers: [DisputesService, DisputesWriter],
})
export class DisputesModule {}
