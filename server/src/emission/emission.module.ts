import { Module } from '@nestjs/common';
import { createResourceController } from '../writes/resource-controller.factory';
import { bookletsResource, ordersResource, passesResource, sponsorDocumentsResource, sponsorPaymentsResource, sponsorsResource } from './emission.resources';
import { SponsorsWriter } from './sponsors.writer';

@Module({
  controllers: [
    createResourceController(sponsorsResource, SponsorsWriter),
    ...[ordersResource, bookletsResource, passesResource, sponsorPaymentsResource, sponsorDocumentsResource].map((def) => createResourceController(def)),
  ],
  providers: [SponsorsWriter],
})
export class EmissionModule {}
