import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { createResourceController } from '../writes/resource-controller.factory';
import { BookletActionsController, OrderActionsController, PassActionsController, SponsorFollowUpController } from './emission.controllers';
import { bookletsResource, ordersResource, passesResource, sponsorDocumentsResource, sponsorPaymentsResource, sponsorsResource } from './emission.resources';
import { EmissionService, OrdersWriter } from './orders.service';
import { SponsorsWriter } from './sponsors.writer';

@Module({
  imports: [JobsModule],
  controllers: [
    OrderActionsController,
    BookletActionsController,
    PassActionsController,
    SponsorFollowUpController,
    createResourceController(sponsorsResource, SponsorsWriter),
    createResourceController(ordersResource, OrdersWriter),
    ...[bookletsResource, passesResource, sponsorPaymentsResource, sponsorDocumentsResource].map((def) => createResourceController(def)),
  ],
  providers: [SponsorsWriter, OrdersWriter, EmissionService],
})
export class EmissionModule {}
