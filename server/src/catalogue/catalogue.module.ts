import { Module } from '@nestjs/common';
import { PartnerAuthGuard } from '../partner/partner-auth.guard';
import { createResourceController } from '../rest/resource-controller.factory';
import { OfferModerationController, PartnerOffersController, PublicReferentialController } from './catalogue.controllers';
import { offersResource, referentialCategoriesResource, referentialServicesResource } from './catalogue.resources';
import { OffersService } from './offers.service';
import { ReferentialCategoriesWriter, ReferentialServicesWriter } from './referential.writers';

@Module({
  controllers: [
    PublicReferentialController,
    PartnerOffersController,
    OfferModerationController,
    createResourceController(referentialCategoriesResource, ReferentialCategoriesWriter),
    createResourceController(referentialServicesResource, ReferentialServicesWriter),
    createResourceController(offersResource),
  ],
  providers: [OffersService, ReferentialCategoriesWriter, ReferentialServicesWriter, PartnerAuthGuard],
})
export class CatalogueModule {}
