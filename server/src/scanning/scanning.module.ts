import { Module } from '@nestjs/common';
import { PartnerModule } from '../partner/partner.module';
import { createResourceController } from '../writes/resource-controller.factory';
import { PartnerRedemptionsController } from './redemptions.controller';
import { RedemptionsService } from './redemptions.service';
import { redemptionsResource, scansResource, subscriptionsResource } from './scanning.resources';
import { PartnerSubscriptionController, SubscriptionActionsController } from './subscriptions.controllers';
import { SubscriptionsService } from './subscriptions.service';

@Module({
  imports: [PartnerModule],
  controllers: [
    PartnerRedemptionsController,
    PartnerSubscriptionController,
    SubscriptionActionsController,
    ...[redemptionsResource, scansResource, subscriptionsResource].map((def) => createResourceController(def)),
  ],
  providers: [RedemptionsService, SubscriptionsService],
})
export class ScanningModule {}
