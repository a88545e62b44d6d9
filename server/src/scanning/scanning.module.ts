import { Module } from '@nestjs/common';
import { PartnerModule } from '../partner/partner.module';
import { createResourceController } from '../writes/resource-controller.factory';
import { PartnerRedemptionsController } from './redemptions.controller';
import { RedemptionsService } from './redemptions.service';
import { redemptionsResource, scansResource, subscriptionsResource } from './scanning.resources';

@Module({
  imports: [PartnerModule],
  controllers: [PartnerRedemptionsController, ...[redemptionsResource, scansResource, subscriptionsResource].map((def) => createResourceController(def))],
  providers: [RedemptionsService],
})
export class ScanningModule {}
