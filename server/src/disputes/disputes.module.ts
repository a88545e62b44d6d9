import { Module } from '@nestjs/common';
import { createResourceController } from '../writes/resource-controller.factory';
import { DisputeActionsController } from './disputes.controller';
import { disputesResource } from './disputes.resources';
import { DisputesService, DisputesWriter } from './disputes.service';
import { DisputeInvestigation } from './investigation';

@Module({
  controllers: [DisputeActionsController, createResourceController(disputesResource, DisputesWriter)],
  providers: [DisputesService, DisputesWriter, DisputeInvestigation],
})
export class DisputesModule {}
