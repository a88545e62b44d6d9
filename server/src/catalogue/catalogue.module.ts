import { Module } from '@nestjs/common';
import { PartnerModule } from '../partner/partner.module';
import { createResourceController } from '../writes/resource-controller.factory';
import { OfferModerationController, PartnerOffersController, PublicReferentialController } from './catalogue.controllers';
import { offersResource, referentialCategoriesResource, referentialServicesResource } from './catalogue.resources';
import { OffersService } from './offers.service';
import { ReferentialCategoriesWriter, ReferentialServicesWriter } from './referential.writers';

@Module({
  imports: [PartnerModule],
  controllers: [
    PublicReferentialController,
    PartnerOffersController,
    OfferModerationController,
    createResourceController(referentialCategoriesResource, ReferentialCategoriesWriter),
    createResourceController(referentialServicesResource, ReferentialServicesWriter),
    createResourceController(offersResource),
  ],
  providers: [OffersService, ReferentialCategoriesWriter, ReferentialServicesWriter],
})
export class CatalogueModule {}
