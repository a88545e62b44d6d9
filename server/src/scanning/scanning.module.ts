import { Module } from '@nestjs/common';
import { createResourceController } from '../writes/resource-controller.factory';
import { redemptionsResource, scansResource, subscriptionsResource } from './scanning.resources';

@Module({
  controllers: [redemptionsResource, scansResource, subscriptionsResource].map((def) => createResourceController(def)),
})
export class ScanningModule {}
